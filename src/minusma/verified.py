"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1586571
SHIPPED_SHA256 = "7c68d713b96708b21cced6b3494c9663287b4de743dcd5e30b272a7997d759ce"
