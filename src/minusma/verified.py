"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 288758
SHIPPED_SHA256 = "af140950fd56f4fc73ce47cb755962f72fcf5c123c324f1777ac6e054f0fd070"
