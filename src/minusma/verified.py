"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1050913
SHIPPED_SHA256 = "62be64c60c073b912c294a162452e70bcd9c1e7ab9880004c718a62d1a02429e"
