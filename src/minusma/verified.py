"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1567737
SHIPPED_SHA256 = "66e28727cd7a09ccfdaa39d1ae4d3c25cef92fba184aa84c6d72fcd9dd02f5e6"
