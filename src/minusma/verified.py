"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1499962
SHIPPED_SHA256 = "5fed6b21f2b1e697b2b442b703b1d7ae8709e0bfb5f05eebcf46deddb3f54199"
