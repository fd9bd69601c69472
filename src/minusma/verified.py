"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 203638
SHIPPED_SHA256 = "2baf15ae738ed8de6b9043619dac866c1d5e37af495d9cea54c8afa4c5198669"
