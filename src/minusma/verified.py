"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1572359
SHIPPED_SHA256 = "96dcd6dd09e512db13788df1445045ee7b6137692d358df3423a1dc80c4d139e"
