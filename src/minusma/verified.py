"""The size and SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again (README, "Performance").
After editing the fact base, run ``python tests/refresh_digest.py``: it validates the file
and rewrites these two lines; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 360421
SHIPPED_SHA256 = "4ad5735921f693d0e7c4e23e47979d7561921ea08869606f9cb6029e1cb053ed"
