"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1605725
SHIPPED_SHA256 = "886dbabb10c5a84e6c61810e61eaa9ca92bfdff99d3c4d59b969ecca4f24a0ee"
