"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1610184
SHIPPED_SHA256 = "b8249237cd877fab001db7b269a00a24931b5243f50e43c853b9186079ccf731"
