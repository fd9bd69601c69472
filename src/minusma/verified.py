"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1589688
SHIPPED_SHA256 = "66c5ac103c411d3bb522965aac104b62e23f879effcd1feca8c02dad199e0845"
