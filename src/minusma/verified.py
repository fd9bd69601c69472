"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 573722
SHIPPED_SHA256 = "b3309a96147e0d2b4cdd6acddbf3022d19fa44563460ffbe7a28b8e4de528c93"
