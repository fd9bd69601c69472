"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 1614058
SHIPPED_SHA256 = "c6fe87d1f4788b3c5c061adb9062a55b1fe30a515389bf8c005bc90c3a0af6a4"
