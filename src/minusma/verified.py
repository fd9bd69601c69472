"""The SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again. After editing the
fact base, run ``minusma validate`` and then ``python -m minusma.verified`` to print the
new size and digest for this file; tests/test_data.py fails until they match.
"""

SHIPPED_SIZE = 165300
SHIPPED_SHA256 = "6a37a76761c928d873b43c6490ebd1c5b9e1d5b252ab10fe9e79eab31d413e27"

if __name__ == "__main__":
    import hashlib
    import sys
    from pathlib import Path

    from minusma.load import default_path, validate

    name, problems = validate(default_path())
    if problems:
        sys.exit(f"{name} has {len(problems)} problems; run 'minusma validate' first")
    data = Path(name).read_bytes()
    print(f"SHIPPED_SIZE = {len(data)}")
    print(f'SHIPPED_SHA256 = "{hashlib.sha256(data).hexdigest()}"')
