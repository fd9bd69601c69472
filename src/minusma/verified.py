"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 813338
SHIPPED_SHA256 = "8682744ee8244bf19a47aa92e27b4770b77283c6464cfff065981a40326adff7"
