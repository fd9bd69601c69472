"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1458912
SHIPPED_SHA256 = "34ec03b3d7141726ad6f420b9c39de6a78f9f3642bb2e0fc690f27a28eea2715"
