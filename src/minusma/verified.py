"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1577972
SHIPPED_SHA256 = "f1b9096d23f882c2c5d93e206736c1c665d5ddc8b4e0c413d0e3b4fb20d58d93"
