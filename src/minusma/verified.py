"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1488187
SHIPPED_SHA256 = "285256709f0f78213a312bb32a41f1f9537a99fa4c50215859468ab01afd2b86"
