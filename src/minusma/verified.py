"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 274257
SHIPPED_SHA256 = "8b4ed9bd4f392b403e2e310bffa9eac90a0f43e94500709013d7a578441a47ac"
