"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 289648
SHIPPED_SHA256 = "a570f452efc4fcadb122fefbfc642747a0aa0ce1ed5c306af2e2483fb2c71e95"
