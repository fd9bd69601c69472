"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 405869
SHIPPED_SHA256 = "dcdf8f8e5470c2a88eb1b2a8f4d6b900099735b5f6e889c0a0dfae2f59e30854"
