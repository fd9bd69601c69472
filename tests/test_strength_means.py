"""The mission's yearly mean strength from RADPKO in the shipped fact base: the import's sums against the
copy in data/sources/ (read here with the csv module, not the import), the stated count of 2017 kept
preferred, and ``at``, ``troops --compare`` and ``troops`` in a real process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from installed import minusma_command

REPO = Path(__file__).resolve().parents[1]
RADPKO = REPO / "data" / "sources" / "radpko" / "radpko-bases-yearly-minusma.csv"


def _sums() -> dict[str, dict[str, float]]:
    """Per year: RADPKO's untrp + unmob (military) and unpol (police), summed over every MINUSMA row."""
    sums: dict[str, dict[str, float]] = {}
    with RADPKO.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            assert row["mission"] == "MINUSMA"
            year = sums.setdefault(row["year"], {"military": 0.0, "police": 0.0})
            year["military"] += float(row["untrp"]) + float(row["unmob"])
            year["police"] += float(row["unpol"])
    return sums


def _means(data: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    found = {}
    for snapshot in data["snapshots"]:
        for claim in snapshot["claims"]:
            if claim.get("basis") == "yearly_mean":
                assert snapshot["date"] not in found, snapshot["date"]
                found[snapshot["date"]] = (snapshot["id"], claim)
    return found


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*minusma_command(), *args], capture_output=True, text=True, encoding="utf-8", check=False)


def test_each_year_of_radpko_has_one_mean_and_it_is_the_sum_of_its_rows(shipped_data: dict[str, Any]) -> None:
    sums, means = _sums(), _means(shipped_data)
    assert sorted(means) == sorted(sums) == ["2014", "2015", "2016", "2017", "2018", "2019"]
    for year, summed in sums.items():
        _, claim = means[year]
        assert claim["military"] == {"value": round(summed["military"]), "qualifier": "about"}, year
        assert claim["police"] == {"value": round(summed["police"]), "qualifier": "about"}, year
        assert set(claim) >= {"note", "caveat"} and claim["sources"] == ["radpko-bases-yearly"]
        assert all(claim["caveat"][lang] and claim["note"][lang] for lang in ("en", "nl", "fr"))
        assert "estimate" in claim["caveat"]["en"] and "not a headcount" in claim["caveat"]["en"]


def test_the_stated_count_of_2017_stays_preferred_to_the_mean(shipped_data: dict[str, Any]) -> None:
    (snapshot,) = [item for item in shipped_data["snapshots"] if item["date"] == "2017"]
    assert snapshot["id"] == "strength-2017"
    stated, estimated = snapshot["claims"]
    assert stated["rank"] == "preferred" and "basis" not in stated and stated["sources"] == ["premier-be-2017"]
    assert estimated["rank"] == "normal" and estimated["basis"] == "yearly_mean" and "reason" in estimated
    others = {year: ident for year, (ident, _) in _means(shipped_data).items() if year != "2017"}
    assert others == {year: f"strength-radpko-{year}" for year in ("2014", "2015", "2016", "2018", "2019")}


def test_at_a_day_of_2016_gives_the_2016_mean_marked_in_a_real_process() -> None:
    result = _run("at", "2016-09-01", "--json")
    assert result.returncode == 0, result.stderr
    strength = json.loads(result.stdout)["strength"]
    military = round(_sums()["2016"]["military"])
    assert [(row["date"], row["basis"], row["rank"]) for row in strength] == [("2016", "yearly_mean", "preferred")]
    (row,) = strength
    assert row["deployed"]["military"] == {"value": military, "qualifier": "about"}
    assert row["ceiling_changed"] == 2295  # 29 June 2016 raised the ceiling: no fill rate for the year's mean
    assert row["fill_rate"] == {"military": None, "police": None, "uniformed": None}
    table = _run("at", "2016-09-01", "--lang", "en")
    assert table.returncode == 0, table.stderr
    assert "μ" in table.stdout and "The ceiling changed during 2016 (resolution 2295)" in table.stdout


def test_at_the_end_of_2019_gives_the_february_count_and_the_2019_mean_that_covers_the_day() -> None:
    result = _run("at", "2019-12-01", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["strength"]
    assert [(row["date"], row["basis"]) for row in rows] == [("2019-02-28", "stated"), ("2019", "yearly_mean")]
    assert rows[1]["fill_rate"]["military"] is not None  # the ceiling held all through 2019


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_troops_compare_csv_carries_the_basis_of_every_row(lang: str) -> None:
    result = _run("troops", "--compare", "--csv", "--lang", lang)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_basis: dict[str, set[str]] = {}
    for row in rows:
        by_basis.setdefault(row["basis"], set()).add(row["date"])
    assert by_basis["yearly_mean"] == {"2014", "2015", "2016", "2017", "2018", "2019"}
    assert set(by_basis) == {"stated", "yearly_mean"}
    fills = {row["date"]: row["fill"] for row in rows if row["basis"] == "yearly_mean" and row["counts"] == "military"}
    assert fills["2015"] == fills["2016"] == ""  # 2227 and 2295 changed the ceilings within those years
    assert fills["2019"] != ""


def test_troops_json_keeps_the_basis_on_the_claims() -> None:
    result = _run("troops", "--json")
    assert result.returncode == 0, result.stderr
    claims = [claim for snapshot in json.loads(result.stdout)["snapshots"] for claim in snapshot["claims"]]
    assert sum(claim.get("basis") == "yearly_mean" for claim in claims) == 6


def test_the_timeline_tells_a_yearly_mean_as_an_estimate_with_its_caveat() -> None:
    result = _run("timeline", "--from", "2016", "--to", "2016", "--category", "strength", "--json")
    assert result.returncode == 0, result.stderr
    (event,) = json.loads(result.stdout)["events"]
    assert event["id"] == "strength-radpko-2016-deployed" and event["date"] == "2016"
    assert event["text"]["en"].startswith("Mean deployed strength over the year (an estimate")
    assert "not a headcount" in event["caveat"]["en"]
