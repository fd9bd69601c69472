"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1582180
SHIPPED_SHA256 = "76c8806e44b1cfbb484e0376eba323d7d26678771c863a7db22a3c82fa344c0f"
