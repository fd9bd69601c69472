"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 212732
SHIPPED_SHA256 = "978d8a3be90f73c70441f61080da536bd2dc84faa8ef640beb18ed0313b54dbc"
