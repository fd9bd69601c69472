"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1485000
SHIPPED_SHA256 = "7bd9c73f9cae6b34903fbc3f74612f858de11f34b01a7b1f4f8a27fdd17a51bf"
