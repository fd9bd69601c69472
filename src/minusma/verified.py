"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1606489
SHIPPED_SHA256 = "9ea052713a88bab3270efc84ddba8a3815b8b18f2a70329ff2c4a7fc5edc49af"
