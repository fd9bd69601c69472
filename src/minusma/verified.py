"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1480957
SHIPPED_SHA256 = "48778f5fced3d7230ba9058bf7d6adfa66ac5a072cc62811a61fd3b76aa20fcf"
