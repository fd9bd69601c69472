"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 950041
SHIPPED_SHA256 = "bf315959855421b9f53178cefd7f8366843f857f108eb8d1b46bcaabc9fa1439"
