"""Mutation testing of the domain rules: mutmut 3 mutates the rule functions of model/ and query.py
and runs the fast rule tests against each mutant (configuration: pyproject.toml, [tool.mutmut]).

    pip install 'mutmut>=3.8'
    python tools/mutation.py            # the rule functions of both modules, one worker
    python tools/mutation.py model      # or of one module
    mutmut results; mutmut show NAME    # the survivors, and what each changed

One worker: the machine is shared. A full run of every function of both modules (7,600 mutants,
most of them in message ids and JSON paths of cited_facts) takes over 100 minutes here (100 at 6,000); the
rule functions below (about 3,700) take about 80 (docs/development.md, "Rule tests and mutation testing").
"""

from __future__ import annotations

import subprocess
import sys

RULES = {
    "model": [
        "rules.covers", "rules.in_office", "rules.terms", "rules._successor", "rules.preferred_claim",
        "rules.ceiling_in_force", "rules.mandate_periods", "rules._day_after", "rules.stated_sum",
        "rules.ceiling_total", "rules.ceiling_change", "rules.contribution_size", "checks._check_resolutions", "checks._check_snapshots",
        "checks._check_strength", "checks._check_formulas", "checks._check_claims", "checks._check_order",
        "checks._check_contributions", "rules.fiscal_year_range", "rules.fiscal_year_of", "rules.fiscal_years",
        "rules.symbol_year", "rules.country_names", "rules.series_tally", "rules.series_agrees", "rules.deadly_days",
        "rules.basis_rank", "checks._check_fatalities", "checks._check_series", "checks._check_bases",
        "checks._check_budgets", "checks._parts_far_above", "checks._check_site_names", "rules.site_names",
    ],
    "query": [
        "combine", "deployed", "fill_rate", "contributors_on", "_newer", "_latest_on", "window_start",
        "no_recent_figure", "contributors_between", "_status", "_latest_snapshot", "_covering_means", "search", "_match", "_query", "_patterns", "_stands", "cite",
        "concerning", "cited_sources", "periods", "overlaps", "in_use", "sites_on", "country_sites",
        "_counts_for", "_as_of_day", "fatalities_by", "_grouped", "fatality_series", "reconciliation", "_in_period",
        "_preferred_amount", "spent_share", "_budget_year", "precision", "added", "_total", "budget", "calendar_year",
        "_bounds", "contributors", "bases", "_site", "_series_row",
    ],
}  # fmt: skip
"""Each module's rule functions; a model function is named by its module in model/ (``rules.covers``)."""


def mutant_names(module: str, function: str) -> str:
    """mutmut's name for the mutants of one function: ``minusma.model.rules.x_covers__mutmut_*``."""
    topic, _, name = function.rpartition(".")
    return f"minusma.{module}{'.' + topic if topic else ''}.x_{name}__mutmut_*"


def main(modules: list[str]) -> int:
    names = [mutant_names(module, function) for module in modules or RULES for function in RULES[module]]
    return subprocess.call(["mutmut", "run", "--max-children", "1", *names])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
