"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1024785
SHIPPED_SHA256 = "b6207adf2aa822c54380004f33004ec6d61dd76bfc1d39bf907eaa0683247162"
