"""Mutation testing of the domain rules: mutmut 3 mutates the rule functions of model.py and query.py
and runs the fast rule tests against each mutant (configuration: pyproject.toml, [tool.mutmut]).

    pip install 'mutmut>=3.8'
    python tools/mutation.py            # the rule functions of both modules, one worker
    python tools/mutation.py model      # or of one module
    mutmut results; mutmut show NAME    # the survivors, and what each changed

One worker: the machine is shared. A full run of every function of both modules (7,300 mutants,
most of them in message ids and JSON paths of cited_facts) takes well over an hour here; the
rule functions below (1,630) take about 25 (docs/development.md, "Rule tests and mutation testing").
"""

from __future__ import annotations

import subprocess
import sys

RULES = {
    "model": [
        "covers", "in_office", "terms", "_successor", "preferred_claim", "ceiling_in_force", "mandate_periods",
        "_day_after", "_check_resolutions", "_check_snapshots", "_check_strength", "_check_formulas",
        "_check_claims", "_check_order", "stated_sum", "ceiling_total", "contribution_size", "_check_contributions",
    ],
    "query": [
        "combine", "deployed", "fill_rate", "contributors_on", "_newer", "_latest_on", "window_start",
        "no_recent_figure", "contributors_between", "_status", "_latest_snapshot", "search", "_match", "cite",
        "concerning", "cited_sources", "periods",
    ],
}  # fmt: skip


def main(modules: list[str]) -> int:
    names = [f"minusma.{module}.x_{function}__mutmut_*" for module in modules or RULES for function in RULES[module]]
    return subprocess.call(["mutmut", "run", "--max-children", "1", *names])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
