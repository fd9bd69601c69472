"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 957513
SHIPPED_SHA256 = "8b638df24ab645912a95e881862fcbaa409b81a6d00d487e4ca9863461a6b8fe"
