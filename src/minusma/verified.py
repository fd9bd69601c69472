"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1056285
SHIPPED_SHA256 = "ccf17e2dc1402e333e131c866922df1386ddb0ef83914e03f55e2b1bd46d0669"
