"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1495679
SHIPPED_SHA256 = "985a0b279425b17f501e6a8b0b7e4768d9b1575a2269ebe9d84b667cf50c8293"
