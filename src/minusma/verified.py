"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 318685
SHIPPED_SHA256 = "cd4b45d4d75a80b79de7cb3ec117fda06fef375b4c8da162ed31bc5ac60d4221"
