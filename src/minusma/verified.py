"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1486629
SHIPPED_SHA256 = "e226b4e12c5e461b86c4aea13ac0469894a24850853d9d3f79c9dc42d642c5c2"
