"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1618235
SHIPPED_SHA256 = "2e2fdd52dd752f0c55e0ba2b721adb6cfd6bf02eddfb306743e7937deb9a1fe0"
