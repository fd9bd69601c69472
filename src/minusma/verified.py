"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 206335
SHIPPED_SHA256 = "7b951efb9969a3d98bfbf7163fb94b195af47e4b491ce3e9c028653540a4b3bf"
