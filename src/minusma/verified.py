"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1470726
SHIPPED_SHA256 = "9c46145c9b6770283b30ae55b60fcbcd1f11c0be1acc57f63f8c42495ca99f03"
