"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1470066
SHIPPED_SHA256 = "ffc75017219ba8f4b1e1f50c4b14e3ddf29e6016b4cacbb21b956ed7d0e833e8"
