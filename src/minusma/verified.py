"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 274148
SHIPPED_SHA256 = "d0380e38424ad4edc4cfbeed3a7a85f4c53a12c6069cc1135337e72a4c612709"
