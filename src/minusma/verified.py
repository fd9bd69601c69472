"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1582116
SHIPPED_SHA256 = "21982d7a213fa0299efa4935eaf09ac53ea99f44904f4aae6d24e7a423cc38f0"
