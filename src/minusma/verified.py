"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 506328
SHIPPED_SHA256 = "6edc964fd673aa4a8b1e4b7ec6771622a383501cac07af329f3a7d2fc833a182"
