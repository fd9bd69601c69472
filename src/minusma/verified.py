"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1577897
SHIPPED_SHA256 = "aab188baa25d60ebbaf8cb13859e15ce10cc7bbb247f5bc9318d4b3fe05be4f0"
