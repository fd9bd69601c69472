"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1495211
SHIPPED_SHA256 = "09a868aa2b1b8eaf13383eab9709da70f62c8f83ab28c9e9f393b11da3349fc6"
