"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1476657
SHIPPED_SHA256 = "b545d5172aa8e50b8b384f8c6feace5aa5a688f9e80094e93d2b876642ba8d63"
