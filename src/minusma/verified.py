"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 810684
SHIPPED_SHA256 = "14d65892759f40dbda7e8f25b80d2327ddaad49838bea68a8051e5262ace8493"
