"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1580653
SHIPPED_SHA256 = "421c859674136d1d9b7f4db8a3d8549a485f6e04c71d942da98a91078e2b8ba9"
