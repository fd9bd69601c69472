"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 202636
SHIPPED_SHA256 = "d60eaf1b540838da6ae68792ee2b9d141e9840e235dde746d16e79782c3bf063"
