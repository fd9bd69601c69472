"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1491686
SHIPPED_SHA256 = "6d0a7b0d2eef714f0ad76bbecf9231a0bdb6ca7b75d1c27a721af66a53e75a17"
