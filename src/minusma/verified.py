"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 263815
SHIPPED_SHA256 = "ab3b26408f3a01d54e4edad32c4743b25f0dc53db655a390251c137776b07f72"
