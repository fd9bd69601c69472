"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 820577
SHIPPED_SHA256 = "d18e9809a0496f4a4dc80ca275c1315d737972a6be6067c7dc09c8bb54198dc7"
