"""The SHA-256 of data/minusma.json as last validated by the test suite.

``load`` reads a byte-identical file without validating it again. After editing the
fact base, run ``minusma validate`` and then ``python -m minusma.verified`` to print the
new digest for this file; tests/test_data.py fails until it matches.
"""

SHIPPED_SHA256 = "4ad4aa4af0e52a7c9760c47322324213468796d52a6c641d7d3009dea7ca6e53"

if __name__ == "__main__":
    import hashlib
    import sys
    from pathlib import Path

    from minusma.load import default_path, validate

    name, problems = validate(default_path())
    if problems:
        sys.exit(f"{name} has {len(problems)} problems; run 'minusma validate' first")
    print(hashlib.sha256(Path(name).read_bytes()).hexdigest())
