"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 813338
SHIPPED_SHA256 = "f169c56051ebad04340908d79cd522f0b53f418557b3b9983365873aae5cfcbe"
