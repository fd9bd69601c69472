"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1577972
SHIPPED_SHA256 = "6030a5d4e5fd909e40fe4e3e4d07326741739d8552f678aa8274615c263a5c7e"
