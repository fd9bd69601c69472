"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1485645
SHIPPED_SHA256 = "40d6effc80dadafaea42ba68423e02af78284350db50bba53d4ebb4bb24b883c"
