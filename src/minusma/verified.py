"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1603566
SHIPPED_SHA256 = "e7865663b46ca1a17e2bca00b5c3ca08ad12d8741c7f4481840e2e9bac2e5c42"
