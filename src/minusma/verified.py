"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1480893
SHIPPED_SHA256 = "b138abb7038229c770eec0cbbce1f907b899995e7a2456dd1321281c06884bce"
