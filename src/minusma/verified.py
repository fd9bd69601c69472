"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1591215
SHIPPED_SHA256 = "ad50e98cc043f92510c0db6666f78e8abbfbbf6006154cf2a63afff22e74619d"
