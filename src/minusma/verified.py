"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 390107
SHIPPED_SHA256 = "ac4f5750d0a948a34799abe61c214ea5e9da9a8d91f5b13dd574505b3501a381"
