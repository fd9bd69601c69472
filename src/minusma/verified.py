"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 790402
SHIPPED_SHA256 = "d2bfa06d0e4832091be61981e12d5710cb8937b6ae38b6ed66f33ecfc5a3c729"
