"""The cross-field checks: every rule the schema cannot express.

Rules that span fields or records (totals, date order, cited sources, unique ids, mandate
periods) live in :func:`check_fact_base`, which reports every problem instead of stopping at
the first: errors stop a load, warnings do not. No I/O, no typer, no rich.
"""

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from operator import itemgetter, methodcaller
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    NamedTuple,
)

from minusma.messages import Bound, Message, Number
from minusma.model.dates import (
    date_range,
    sort_key,
)
from minusma.model.facts import (
    Cited,
    cited_facts,
)
from minusma.model.records import (
    BUDGET_KINDS,
    LOWER_BOUNDS,
    MALI_LATITUDE,
    MALI_LONGITUDE,
    Contribution,
    Event,
    FactBase,
    Quantity,
    Rank,
    StrengthClaim,
)
from minusma.model.rules import (
    _PARTS,
    Tally,
    basis_rank,
    ceiling_in_force,
    ceiling_total,
    contribution_size,
    fiscal_year_of,
    fiscal_year_range,
    mandate_periods,
    preferred_claim,
    series_agrees,
    series_tally,
    site_names,
    stated_sum,
    symbol_year,
)

if TYPE_CHECKING:
    pass

Severity = Literal["error", "warning"]


class Problem(NamedTuple):
    """One broken rule: where (a JSON path, and a line for broken JSON), what, what to do."""

    severity: Severity
    path: str
    message: Message
    line: int | None = None


def _owns_id(fact: Cited) -> bool:
    """False where the id is another record's: a ceiling carries its resolution's id, and
    the claims of a snapshot, figure or budget year share its id (the first claim speaks for them)."""
    if fact.kind in ("ceiling", "base row"):
        return False
    return fact.position == 0 or fact.kind not in ("strength", "dutch figure", "budget")


def _id_path(fact: Cited) -> str:
    """Where the record holding the id is: a snapshot's or Dutch figure's, not its first claim's; a budget
    year's, not its first figure's (``budgets[6]``, which has the id; its figures have none)."""
    if fact.kind in ("strength", "dutch figure"):
        return fact.where.split(".claims")[0]
    if fact.kind == "budget":
        return fact.where.split(".figures")[0]
    return fact.path


_ID = itemgetter("id")
_SOURCES = itemgetter("sources")
_PLACE = methodcaller("get", "place")


def _check_ids_and_citations(fact_base: FactBase, events_by_id: Mapping[str, Event]) -> Iterator[Problem]:
    """Ids are unique, every cited source exists, every source is cited.

    A first pass reads the events' ids and sources in bulk (no Python call per event:
    a 100,000-event file is mostly events); only when it finds something wrong does a
    second walk over every fact work out where (``_locate_id_problems``).
    ``events_by_id`` is :func:`_events_by_id`."""
    known: dict[str, int] = {}
    for index, source in enumerate(fact_base["sources"]):
        if source["id"] in known:
            yield Problem(
                "error", f"sources[{index}].id",
                Message("check.duplicate_source_id", {"id": source["id"], "first": f"sources[{known[source['id']]}]"}),
            )  # fmt: skip
        else:
            known[source["id"]] = index
    events = fact_base["events"]
    others = list(cited_facts(fact_base, events=False))
    other_ids = [fact.id for fact in others if _owns_id(fact)]
    fact_ids = set(events_by_id)  # the events' ids, hashed once already
    fact_ids.update(other_ids)
    cited = set(chain.from_iterable(map(_SOURCES, events)))
    cited.update(chain.from_iterable(fact.sources for fact in others))
    repeated = len(fact_ids) < len(events) + len(other_ids)
    located = (
        _locate_id_problems(fact_base, known)
        if repeated or not fact_ids.isdisjoint(known) or not cited <= known.keys()
        else ([], [])
    )
    yield from located[0]  # repeated ids
    for index, erratum in enumerate(fact_base["errata"]):
        for named in erratum.get("concerns", []):
            if named not in fact_ids:
                yield Problem(
                    "error", f"errata[{index}].concerns",
                    Message("check.unknown_fact", {"id": named}),
                )  # fmt: skip
    yield from located[1]  # ids shared with a source, and unknown sources
    for index, source in enumerate(fact_base["sources"]):
        # A report of the Secretary-General may stand uncited: the record of reports read, as issue 13
        # asks, whether or not a figure could be taken from it.
        if source["id"] not in cited and source.get("kind") != "report":
            yield Problem(
                "warning", f"sources[{index}]",
                Message("check.uncited_source", {"id": source["id"]}),
            )  # fmt: skip


def _locate_id_problems(fact_base: FactBase, known: Mapping[str, int]) -> tuple[list[Problem], list[Problem]]:
    """Where each repeated id is; then where each id shared with a source and each unknown source is
    (reported in that order, with the errata's unknown facts between): a walk over every fact."""
    facts = list(cited_facts(fact_base))
    owners = [fact for fact in facts if _owns_id(fact)]
    repeated: list[Problem] = []
    seen: dict[str, Cited] = {}
    for fact in owners:
        first = seen.setdefault(fact.id, fact)
        if first is not fact:
            repeated.append(
                Problem(
                    "error",
                    f"{_id_path(fact)}.id",
                    Message("check.duplicate_id", {"id": fact.id, "first": _id_path(first)}),
                )  # fmt: skip
            )
    misplaced = [
        Problem("error", f"{_id_path(fact)}.id", Message("check.id_fact_and_source", {"id": fact.id}))
        for fact in owners
        if fact.id in known  # cite and show look an id up among facts and sources alike
    ]
    misplaced += [
        Problem("error", f"{fact.path}.sources", Message("check.unknown_source", {"id": source_id}))
        for fact in facts
        for source_id in fact.sources
        if source_id not in known
    ]
    return repeated, misplaced


def _check_sources(fact_base: FactBase) -> Iterator[Problem]:
    for index, source in enumerate(fact_base["sources"]):
        if "symbol" in source and "published" in source:
            year = symbol_year(source["symbol"])
            # A document registered late in a year may be issued early the next (S/2021/1117, 4 January 2022).
            if year is not None and source["published"][:4] not in (year, str(int(year) + 1)):
                yield Problem(
                    "error", f"sources[{index}].published",
                    Message("check.symbol_year", {"symbol": source["symbol"], "year": year, "published": source["published"]}),
                )  # fmt: skip


def _check_order(path: str, start: str | None, end: str | None) -> Iterator[Problem]:
    if start is not None and end is not None and date_range(start)[0] > date_range(end)[1]:
        yield Problem(
            "error", path,
            Message("check.order", {"start": start, "end": end}),
        )  # fmt: skip


def _check_claims(path: str, ranks: list[Rank]) -> Iterator[Problem]:
    preferred = ranks.count("preferred")
    if preferred != 1:
        yield Problem(
            "error", path,
            Message("check.preferred_count", {"count": preferred}),
        )  # fmt: skip


def _check_formulas(path: str, claim: StrengthClaim) -> Iterator[Problem]:
    for key in ("military", "observers", "police", "uniformed", "civilians", "personnel"):
        quantity = claim.get(key)
        if isinstance(quantity, dict) and "formula" in quantity:
            total = sum(int(part) for part in quantity["formula"].split(" + "))
            if total != quantity["value"]:
                yield Problem(
                    "error", f"{path}.{key}.formula",
                    Message("check.formula_sum", {"formula": quantity["formula"], "sum": Number(total), "value": Number(quantity["value"])}),
                )  # fmt: skip


def _check_strength(path: str, claim: StrengthClaim) -> Iterator[Problem]:
    yield from _check_formulas(path, claim)
    military, observers, police = claim.get("military"), claim.get("observers"), claim.get("police")
    uniformed, civilians, personnel = claim.get("uniformed"), claim.get("civilians"), claim.get("personnel")
    parts_sum = stated_sum(military, police)
    if parts_sum is not None and observers is not None:
        parts_sum = stated_sum(military, police, observers)
    if uniformed is not None and uniformed["qualifier"] == "exact" and parts_sum is not None:
        if parts_sum != uniformed["value"]:
            yield Problem(
                "error", f"{path}.uniformed",
                Message("check.uniformed_sum", {"total": Number(uniformed["value"]), "parts": Number(parts_sum)}),
            )  # fmt: skip
    uniformed_value = uniformed if uniformed is not None else None
    if uniformed_value is None and parts_sum is not None:
        uniformed_value = Quantity(value=parts_sum, qualifier="exact")
    whole = stated_sum(uniformed_value, civilians)
    if personnel is not None and personnel["qualifier"] == "exact" and whole is not None:
        if whole != personnel["value"]:
            yield Problem(
                "error", f"{path}.personnel",
                Message("check.personnel_sum", {"total": Number(personnel["value"]), "parts": Number(whole)}),
            )  # fmt: skip
    if not any(key in claim for key in ("military", "police", "uniformed", "personnel")):
        yield Problem(
            "error", path,
            Message("check.no_figure"),
        )  # fmt: skip


def _apart(first: str, second: str) -> bool:
    """Whether two dates, at their precisions, cannot be the same day."""
    first_range, second_range = date_range(first), date_range(second)
    return first_range[1] < second_range[0] or second_range[1] < first_range[0]


def _check_resolution_record(fact_base: FactBase) -> Iterator[Problem]:
    """One record per resolution number; a mandate that does not begin before the resolution setting it
    is adopted (a warning: the Council may date a mandate back, but far more often a date is mistyped);
    and the mission's own dates agree with its resolutions: established the day its establishing
    resolution was adopted, operational on its first mandate's first day, its mandate not ended before the
    last mandate's last day (warnings: ``at`` would otherwise say one thing on a day and show another)."""
    first_at: dict[int, str] = {}
    for index, resolution in enumerate(fact_base["resolutions"]):
        path = f"resolutions[{index}]"
        other = first_at.setdefault(resolution["number"], path)
        if other != path:
            yield Problem(
                "error", f"{path}.number",
                Message("check.resolution_twice", {"number": resolution["number"], "first": other}),
            )  # fmt: skip
        start = resolution.get("mandate_start")
        if start is not None and date_range(resolution["adopted"])[0] > date_range(start)[1]:
            yield Problem(
                "warning", f"{path}.adopted",
                Message("check.adopted_after_start", {"adopted": resolution["adopted"], "start": start}),
            )  # fmt: skip
    mission = fact_base["mission"]
    establishing = [resolution for resolution in fact_base["resolutions"] if resolution["kind"] == "establishment"]
    if establishing and _apart(mission["established"], establishing[0]["adopted"]):
        yield Problem(
            "warning", "mission.established",
            Message(
                "check.mission_established",
                {"date": mission["established"], "number": establishing[0]["number"], "adopted": establishing[0]["adopted"]},
            ),
        )  # fmt: skip
    periods = mandate_periods(fact_base)
    if periods and periods[0].start is not None and _apart(mission["operational"], periods[0].start):
        yield Problem(
            "warning", "mission.operational",
            Message("check.mission_operational", {"date": mission["operational"], "start": periods[0].start, "other": periods[0].path}),
        )  # fmt: skip
    # ended before its last mandate's last day: `at` would say it had ended under a mandate in force (a
    # later end only leaves days without a mandate, as a fact base still being written does)
    if (
        periods
        and periods[-1].end is not None
        and date_range(mission["mandate_ended"])[1] < date_range(periods[-1].end)[0]
    ):
        yield Problem(
            "warning", "mission.mandate_ended",
            Message("check.mission_mandate_ended", {"date": mission["mandate_ended"], "end": periods[-1].end, "other": periods[-1].path}),
        )  # fmt: skip


def _check_leaders(fact_base: FactBase) -> Iterator[Problem]:
    """``after`` names another leader of the same role (else a term silently loses its start); two
    substantive (not acting) leaders of one role whose stated terms certainly overlap are a warning:
    ``at`` would show both in office (a handover on one day is no overlap)."""
    leaders = fact_base["leaders"]
    by_id = {leader["id"]: leader for leader in leaders}
    for index, leader in enumerate(leaders):
        named = leader.get("after")
        followed = by_id.get(named) if named is not None else None
        if named is not None and (named == leader["id"] or followed is None or followed["role"] != leader["role"]):
            yield Problem(
                "error", f"leaders[{index}].after",
                Message("check.leader_after", {"id": named}),
            )  # fmt: skip
    stated = [(index, leader) for index, leader in enumerate(leaders) if not leader["acting"] and "start" in leader]
    for position, (index, leader) in enumerate(stated):
        for other_index, other in stated[:position]:
            if other["role"] != leader["role"]:
                continue
            first, second = sorted(((other_index, other), (index, leader)), key=lambda item: sort_key(item[1]["start"]))
            ends = second[1]["start"], first[1].get("end")
            if ends[1] is not None and date_range(ends[0])[1] < date_range(ends[1])[0]:
                yield Problem(
                    "warning", f"leaders[{second[0]}].start",
                    Message(
                        "check.leaders_overlap",
                        {"start": ends[0], "other": f"leaders[{first[0]}]", "end": ends[1]},
                    ),
                )  # fmt: skip


def _check_resolutions(fact_base: FactBase) -> Iterator[Problem]:
    yield from _check_resolution_record(fact_base)
    for index, resolution in enumerate(fact_base["resolutions"]):
        path = f"resolutions[{index}]"
        if "ceiling" in resolution:
            ceiling = resolution["ceiling"]
            if "total" in ceiling and ceiling["total"] != ceiling_total(ceiling):
                yield Problem(
                    "error", f"{path}.ceiling.total",
                    Message(
                        "check.ceiling_total",
                        {
                            "total": Number(ceiling["total"]), "military": Number(ceiling["military"]),
                            "police": Number(ceiling["police"]), "sum": Number(ceiling_total(ceiling)),
                        },
                    ),
                )  # fmt: skip
        if resolution["kind"] in ("establishment", "renewal") and "mandate_end" not in resolution:
            yield Problem(
                "error", path,
                Message("check.mandate_end"),
            )  # fmt: skip
    periods = mandate_periods(fact_base)
    for period in periods:
        yield from _check_order(period.path, period.start, period.end)
    for previous, current in zip(periods, periods[1:], strict=False):
        if previous.end is None or current.start is None:
            continue
        previous_end = date_range(previous.end)[1]
        current_start = date_range(current.start)[0]
        if current_start <= previous_end or (current.end and date_range(current.end)[1] <= previous_end):
            yield Problem(
                "error", current.path,
                Message("check.mandate_overlap", {"other": previous.path, "end": previous.end}),
            )  # fmt: skip
        elif (current_start - previous_end).days > 1:
            yield Problem(
                "warning", current.path,
                Message(
                    "check.mandate_gap",
                    {"other": previous.path, "end": Bound(previous.end, "from"), "start": Bound(current.start, "to")},
                ),
            )  # fmt: skip
        elif date_range(current.resolution["adopted"])[0] > previous_end:
            yield Problem(
                "warning", current.path,
                Message(
                    "check.mandate_late",
                    {"adopted": current.resolution["adopted"], "other": previous.path, "end": previous.end},
                ),
            )  # fmt: skip


_FIGURES = ("military", "observers", "police", "staff", "uniformed", "civilians", "personnel", "total")


def _check_estimate(path: str, record: StrengthClaim | Contribution, date: str, date_path: str) -> Iterator[Problem]:
    """An estimate (a ``basis``) is no headcount: none of its figures is marked exact, and a yearly
    mean is dated by its year, the period it is the mean of (``date``, given at ``date_path``)."""
    basis = record.get("basis")
    if basis is None:
        return
    for key in _FIGURES:
        quantity = record.get(key)
        if isinstance(quantity, dict) and quantity["qualifier"] == "exact":
            yield Problem("error", f"{path}.{key}.qualifier", Message("check.estimate_exact", {"basis": basis}))
    if basis == "yearly_mean" and len(date) != 4:
        yield Problem("error", date_path, Message("check.mean_not_a_year", {"date": date, "year": date[:4]}))


def _check_snapshots(fact_base: FactBase) -> Iterator[Problem]:
    for index, snapshot in enumerate(fact_base["snapshots"]):
        path = f"snapshots[{index}]"
        yield from _check_claims(f"{path}.claims", [claim["rank"] for claim in snapshot["claims"]])
        if any("basis" not in claim for claim in snapshot["claims"]):  # a stated count beats an estimate
            for claim_index, claim in enumerate(snapshot["claims"]):
                if "basis" in claim and claim["rank"] == "preferred":
                    yield Problem("error", f"{path}.claims[{claim_index}].rank", Message("check.estimate_preferred"))
        resolution = ceiling_in_force(fact_base, snapshot["date"])
        if resolution is None:
            yield Problem(
                "error", f"{path}.date",
                Message("check.no_ceiling", {"date": snapshot["date"]}),
            )  # fmt: skip
        for claim_index, claim in enumerate(snapshot["claims"]):
            claim_path = f"{path}.claims[{claim_index}]"
            yield from _check_strength(claim_path, claim)
            yield from _check_estimate(
                claim_path, claim, snapshot["date"], claim_path
            )  # the claim dated by its snapshot
            if resolution is None:
                continue
            ceiling = resolution["ceiling"]
            limits = {"military": ceiling["military"], "police": ceiling["police"], "uniformed": ceiling_total(ceiling)}
            for part, limit in limits.items():
                quantity = claim.get(part)
                if isinstance(quantity, dict) and quantity["value"] > limit:
                    yield Problem(
                        "warning", f"{claim_path}.{part}",
                        Message(
                            "check.above_ceiling",
                            {
                                "part": part, "value": Number(quantity["value"]), "limit": Number(limit),
                                "resolution": resolution["number"],
                            },
                        ),
                    )  # fmt: skip


def _parts_far_above(parts: int, count: int, total: int) -> bool:
    """Whether ``count`` parts adding up to ``parts`` exceed an approximate total by a wide margin: by more
    than a tenth of the total and by more than one per part (each part of a rounded estimate may be
    rounded up by less than one; RADPKO's yearly means, rounded per part, exceed their total by 1%
    at most)."""
    excess = parts - total
    return excess > count and 10 * excess > total


def _check_contributions(fact_base: FactBase) -> Iterator[Problem]:  # noqa: C901
    """A country's stated parts never exceed its stated total (exact, at least or more than: an error;
    about or nearly: a warning where they exceed it by a wide margin, :func:`_parts_far_above`); on one
    date, the countries together never exceed the mission's stated total (a warning: sources count
    differently)."""
    from minusma.messages.countries import COUNTRIES

    by_date: dict[str, list[tuple[int, Contribution]]] = {}
    for index, contribution in enumerate(fact_base.get("contributions", [])):
        path = f"contributions[{index}]"
        if contribution["country"] not in COUNTRIES:
            yield Problem(
                "error", f"{path}.country", Message("check.unknown_country", {"code": contribution["country"]})
            )
        parts = [contribution[part]["value"] for part in _PARTS if part in contribution]  # type: ignore[literal-required]
        total = contribution.get("total")
        if (
            total is not None
            and total["qualifier"] in ("exact", "at_least", "more_than")
            and sum(parts) > total["value"]
        ):
            yield Problem(
                "error", f"{path}.total",
                Message("check.contribution_parts", {"parts": Number(sum(parts)), "total": Number(total["value"])}),
            )  # fmt: skip
        elif total is not None and _parts_far_above(sum(parts), len(parts), total["value"]):  # "about", "nearly"
            yield Problem(
                "warning", f"{path}.total",
                Message("check.contribution_parts_about", {"parts": Number(sum(parts)), "total": Number(total["value"])}),
            )  # fmt: skip
        if (
            "military" not in contribution
            and "police" not in contribution
            and total is None
            and "staff" not in contribution
        ):
            yield Problem("error", path, Message("check.contribution_empty"))
        yield from _check_estimate(path, contribution, contribution["date"], f"{path}.date")
        by_date.setdefault(contribution["date"], []).append((index, contribution))
    for date, found in by_date.items():  # one figure per country and date, the preferred (query._newer's rule)
        best: dict[str, tuple[int, Contribution]] = {}
        for index, contribution in found:
            known = best.get(contribution["country"])
            if known is None or basis_rank(contribution) <= basis_rank(known[1]):  # ties: the later, as _newer
                best[contribution["country"]] = (index, contribution)
        by_date[date] = sorted(best.values(), key=lambda item: item[0])
    mission_totals = {snapshot["date"]: snapshot for snapshot in fact_base["snapshots"]}
    for date, contributions in by_date.items():
        snapshot = mission_totals.get(date)
        if snapshot is None:
            continue
        claim = preferred_claim(snapshot["claims"])
        stated = claim.get("personnel") or claim.get("uniformed")
        if stated is None or stated["qualifier"] not in ("exact", "nearly"):
            continue
        summed = sum(contribution_size(contribution) for _, contribution in contributions)
        if summed > stated["value"]:
            sources = sorted({source for _, contribution in contributions for source in contribution["sources"]})
            yield Problem(
                "warning", f"contributions[{contributions[0][0]}]",
                Message(
                    "check.contributions_above_total",
                    {
                        "date": date, "summed": Number(summed), "total": Number(stated["value"]),
                        "sources": ", ".join(sources), "mission_sources": ", ".join(claim["sources"]),
                    },
                ),
            )  # fmt: skip


def _check_resolution_tasks(fact_base: FactBase) -> Iterator[Problem]:
    """Paragraph-level tasks name a resolution of the fact base, once; a task carried forward comes
    from an earlier resolution (a lower number: the Council numbers its resolutions in order)."""
    numbers = {resolution["id"]: resolution["number"] for resolution in fact_base["resolutions"]}
    seen: set[str] = set()
    for index, record in enumerate(fact_base.get("resolution_tasks", [])):
        path = f"resolution_tasks[{index}]"
        number = numbers.get(record["resolution"])
        if number is None:
            yield Problem(
                "error", f"{path}.resolution", Message("check.tasks_resolution", {"id": record["resolution"]})
            )
            continue
        if record["resolution"] in seen:
            yield Problem("error", f"{path}.resolution", Message("check.tasks_twice", {"id": record["resolution"]}))
        seen.add(record["resolution"])
        for task_index, task in enumerate(record["tasks"]):
            carried = task.get("carried_from")
            if carried is not None and carried >= number:
                yield Problem(
                    "error", f"{path}.tasks[{task_index}].carried_from",
                    Message("check.carried_from", {"from": carried, "number": number}),
                )  # fmt: skip


def _check_fatalities(fact_base: FactBase) -> Iterator[Problem]:  # noqa: C901
    """Each record belongs to the mission, falls within its life (or a caveat says why not), names a
    known country, has a UN identifier no other record has, and each revision changes something."""
    from minusma.messages.countries import COUNTRIES

    mission = fact_base["mission"]
    first_day = date_range(mission["established"])[0]
    last_day = date_range(mission["withdrawal_completed"])[1]
    seen: dict[str, int] = {}
    for index, fatality in enumerate(fact_base.get("fatalities", [])):
        path = f"fatalities[{index}]"
        if fatality["mission"] != mission["id"]:
            yield Problem(
                "error", f"{path}.mission", Message("check.fatality_mission", {"id": fatality["mission"], "mission": mission["id"]})
            )  # fmt: skip
        start, end = date_range(fatality["date"])
        if (end < first_day or start > last_day) and "caveat" not in fatality:
            yield Problem(
                "error", f"{path}.date",
                Message(
                    "check.fatality_outside",
                    {
                        "date": fatality["date"], "start": Bound(mission["established"], "from"),
                        "end": Bound(mission["withdrawal_completed"], "to"),
                    },
                ),
            )  # fmt: skip
        if fatality["country"] not in COUNTRIES:
            yield Problem("error", f"{path}.country", Message("check.unknown_country", {"code": fatality["country"]}))
        first = seen.setdefault(fatality["un_id"], index)
        if first != index:
            yield Problem(
                "error", f"{path}.un_id",
                Message("check.duplicate_un_id", {"id": fatality["un_id"], "first": f"fatalities[{first}]"}),
            )  # fmt: skip
        for revision_index, revision in enumerate(fatality.get("revised", ())):
            changed = [key for key in ("row", "cause", "gender") if key in revision]
            if not changed or any(revision[key] == fatality[key] for key in changed):
                yield Problem("error", f"{path}.revised[{revision_index}]", Message("check.revision_unchanged"))


def _check_series(fact_base: FactBase) -> Iterator[Problem]:
    """A stated count of deaths that the UN's per-record series contradicts, unless the count is ranked
    below it: a warning naming both sources (both claims stay; the series is preferred, and
    ``casualties`` says why)."""
    fatalities = fact_base.get("fatalities", [])
    if not fatalities:
        return
    series_sources = ", ".join(sorted({source for fatality in fatalities for source in fatality["sources"]}))
    tallies: dict[tuple[object, ...], Tally] = {}  # counts over the same period and scope walk the series once
    for index, stated in enumerate(fact_base["casualties"]):
        for count_index, count in enumerate(stated["counts"]):
            if count["outcome"] != "killed":
                continue
            scope = stated.get("personnel")
            key = (stated["start"], stated["end"], stated.get("country"), scope and tuple(scope), count["cause"])
            tally = tallies.get(key)
            if tally is None:
                tally = tallies[key] = series_tally(fatalities, stated, count["cause"])
            if series_agrees(count["value"], tally) is False and stated.get("rank", "preferred") == "preferred":
                yield Problem(
                    "warning", f"casualties[{index}].counts[{count_index}]",
                    Message(
                        "check.series_disagrees" if tally.low == tally.high else "check.series_disagrees_range",
                        {
                            "id": stated["id"], "stated": Number(count["value"]["value"]),
                            "sources": ", ".join(stated["sources"]), "low": Number(tally.low),
                            "high": Number(tally.high), "series_sources": series_sources,
                            "start": Bound(stated["start"], "from"), "end": Bound(stated["end"], "to"),
                        },
                    ),
                )  # fmt: skip


def _events_by_id(fact_base: FactBase) -> dict[str, Event]:
    """Each event by its id (the last of a repeated one), made in C: one pass over the largest list,
    shared by the checks that need the events' ids."""
    events = fact_base["events"]
    return dict(zip(map(_ID, events), events, strict=True))


def _check_bases(fact_base: FactBase, events: Mapping[str, Event]) -> Iterator[Problem]:
    """A site lies inside Mali, its contingents are known countries, its closure is an event of the
    fact base whose date its own date contains, and (warnings) no row of it lies wholly after its
    closure or wholly before the mission was established. ``events`` is :func:`_events_by_id`."""
    from minusma.messages.countries import COUNTRIES

    mission_established = fact_base["mission"]["established"]
    established = date_range(mission_established)[0]
    for index, base in enumerate(fact_base.get("bases", [])):
        path = f"bases[{index}]"
        longitude, latitude = base["longitude"], base["latitude"]
        if not (
            MALI_LONGITUDE[0] <= longitude <= MALI_LONGITUDE[1] and MALI_LATITUDE[0] <= latitude <= MALI_LATITUDE[1]
        ):
            yield Problem(
                "error", f"{path}.longitude",
                Message("check.outside_mali", {"longitude": longitude, "latitude": latitude}),
            )  # fmt: skip
        closed = base.get("closed")
        if closed is not None:
            event = events.get(closed["event"])
            if event is None:
                yield Problem("error", f"{path}.closed.event", Message("check.unknown_fact", {"id": closed["event"]}))
            else:
                first, last = date_range(closed["date"])
                if not first <= date_range(event["date"])[0] <= last:
                    yield Problem(
                        "error", f"{path}.closed.date",
                        Message("check.closure_date", {"date": closed["date"], "event": event["id"], "event_date": event["date"]}),
                    )  # fmt: skip
        closed_after = date_range(closed["date"])[1] if closed is not None else None
        for row_index, row in enumerate(base["presence"]):
            row_first, row_last = date_range(row["date"])
            if closed_after is not None and row_first > closed_after:  # wholly after the closure
                yield Problem(
                    "warning", f"{path}.presence[{row_index}].date",
                    Message("check.presence_after_closure", {"date": row["date"], "closed": closed["date"]}),  # type: ignore[index]
                )  # fmt: skip
            if row_last < established:  # wholly before the mission
                yield Problem(
                    "warning", f"{path}.presence[{row_index}].date",
                    Message("check.presence_before_mission", {"date": row["date"], "established": mission_established}),
                )  # fmt: skip
            for key in ("troops_by_country", "police_by_country", "observers_by_country"):
                given: Mapping[str, object] = row.get(key, {})  # type: ignore[assignment]
                for code in given:
                    if code not in COUNTRIES:
                        yield Problem(
                            "error", f"{path}.presence[{row_index}].{key}",
                            Message("check.unknown_country", {"code": code}),
                        )  # fmt: skip


OVERSPENT = (3, 2)
"""A preferred expenditure above this ratio of the preferred approved amount (1.5 times) is a warning."""


def _check_site_names(fact_base: FactBase) -> Iterator[Problem]:
    """Two sites answer to no common name (a warning: ``bases --base NAME`` refuses such a name as
    ambiguous): names are compared as the lookup compares them, folded (:func:`site_names`)."""
    first: dict[str, int] = {}
    for index, base in enumerate(fact_base.get("bases", [])):
        shared: dict[int, list[str]] = {}
        for name in sorted(site_names(base)):
            other = first.setdefault(name, index)
            if other != index:
                shared.setdefault(other, []).append(name)
        for other, names in sorted(shared.items()):
            yield Problem(
                "warning", f"bases[{index}].name",
                Message(
                    "check.site_name_shared",
                    {"names": ", ".join(names), "other": fact_base["bases"][other]["id"], "id": base["id"]},
                ),
            )  # fmt: skip


def _check_budgets(fact_base: FactBase) -> Iterator[Problem]:  # noqa: C901
    """A fiscal year is YYYY/YY and has one record, each kind of figure one preferred claim. Warnings: a
    fiscal year that does not overlap the mission's life (from its establishment to the fiscal year after
    the one holding the fact base's date, since the liquidation has no end date and a budget is approved
    before its year begins), a figure of 0 dollars (more often a placeholder for "unknown" than a sum a
    source gives), and a preferred expenditure more than 1.5 times the preferred approved amount."""
    header, mission = fact_base["header"], fact_base["mission"]
    established = date_range(mission["established"])[0]
    as_of_year = fiscal_year_of(date_range(header["as_of"])[1])
    last_first = int(as_of_year[:4]) + 1  # the first calendar year of the last fiscal year in the mission's life
    seen: set[str] = set()
    for index, budget in enumerate(fact_base.get("budgets", [])):
        path = f"budgets[{index}]"
        label = budget["fiscal_year"]
        first = int(label[:4])
        if int(label[5:]) != (first + 1) % 100:  # the first year is 0001 to 9998 (FISCAL_YEAR_PATTERN)
            suggested = f"{first}/{(first + 1) % 100:02d}"  # the year that starts in its first year
            yield Problem(
                "error", f"{path}.fiscal_year", Message("check.fiscal_year", {"year": label, "suggested": suggested})
            )
        elif fiscal_year_range(label)[1] < established:  # it ends before the mission was established
            yield Problem(
                "warning", f"{path}.fiscal_year",
                Message("check.fiscal_year_before", {"year": label, "established": mission["established"]}),
            )  # fmt: skip
        elif first > last_first:
            yield Problem(
                "warning", f"{path}.fiscal_year",
                Message("check.fiscal_year_after", {"year": label, "as_of": header["as_of"], "as_of_year": as_of_year}),
            )  # fmt: skip
        if label in seen:
            yield Problem("error", f"{path}.fiscal_year", Message("check.fiscal_year_twice", {"year": label}))
        seen.add(label)
        preferred: dict[str, int] = {}
        for figure_index, figure in enumerate(budget["figures"]):
            if figure["amount"]["value"] == 0:
                yield Problem("warning", f"{path}.figures[{figure_index}].amount", Message("check.budget_zero"))
            if figure["rank"] == "preferred":
                preferred.setdefault(figure["kind"], figure_index)
        for kind in BUDGET_KINDS:
            ranks = [figure["rank"] for figure in budget["figures"] if figure["kind"] == kind]
            if ranks:
                yield from _check_claims(f"{path}.figures", ranks)
        bound = (
            "approved" in preferred and budget["figures"][preferred["approved"]]["amount"]["qualifier"] in LOWER_BOUNDS
        )
        if "approved" in preferred and "expenditure" in preferred and not bound:  # "more than X" sets no ceiling
            approved = budget["figures"][preferred["approved"]]["amount"]["value"]
            spent = budget["figures"][preferred["expenditure"]]["amount"]["value"]
            if approved > 0 and spent * OVERSPENT[1] > approved * OVERSPENT[0]:
                yield Problem(
                    "warning", f"{path}.figures[{preferred['expenditure']}].amount",
                    Message("check.budget_overspent", {"year": label, "spent": Number(spent), "approved": Number(approved)}),
                )  # fmt: skip


_DATED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sources", ("published", "accessed")), ("events", ("date",)),
    ("resolutions", ("adopted", "mandate_start", "mandate_end")),
    ("leaders", ("appointed", "start", "end", "attested")), ("snapshots", ("date",)), ("casualties", ("start", "end")),
    ("contributions", ("date",)), ("fatalities", ("date",)),
)  # fmt: skip
"""The records of the top-level lists, and the dates each may hold."""


def _dates_after(
    path: str, records: Sequence[Mapping[str, Any]], keys: tuple[str, ...], last: str
) -> Iterator[tuple[str, str]]:
    """Each date of ``records`` whose first day comes after the day ``last`` (YYYY-MM-DD), with its
    path. A partial date is compared by its first day: as strings, ``2026-12`` and ``2027`` come after
    ``2026-11-30`` and ``2026`` does not. Each key is one pass in C; the walk only says where."""
    for key in keys:
        values = list(map(methodcaller("get", key), records))
        if max(filter(None, values), default="") > last:
            yield from (
                (f"{path}[{index}].{key}", value) for index, value in enumerate(values) if value and value > last
            )


def _check_after_as_of(fact_base: FactBase) -> Iterator[Problem]:
    """A date after the fact base's own date (``header.as_of``, its last day when partial) is a
    warning: a mistyped year, or a record added without moving ``as_of`` (a source read on a day
    after the date the fact base says it holds)."""
    as_of = fact_base["header"]["as_of"]
    last = date_range(as_of)[1].isoformat()
    mission = fact_base["mission"]
    found: list[tuple[str, str]] = [
        (f"mission.{key}", mission[key])
        for key in ("established", "operational", "mandate_ended", "withdrawal_completed", "liquidation_from")
        if mission[key] > last
    ]
    lists: Mapping[str, Any] = fact_base
    for name, keys in _DATED:
        found += _dates_after(name, lists.get(name, []), keys, last)
    netherlands = fact_base["netherlands"]
    found += _dates_after("netherlands.phases", netherlands["phases"], ("start", "end"), last)
    found += _dates_after("netherlands.figures", netherlands["figures"], ("date",), last)
    for index, fatality in enumerate(fact_base.get("fatalities", [])):
        if "revised" in fatality:  # a few records: no call for the others
            found += _dates_after(f"fatalities[{index}].revised", fatality["revised"], ("snapshot",), last)
    for index, base in enumerate(fact_base.get("bases", [])):
        found += _dates_after(f"bases[{index}].presence", base["presence"], ("date",), last)
        if "closed" in base and base["closed"]["date"] > last:
            found.append((f"bases[{index}].closed.date", base["closed"]["date"]))
    for path, date in found:
        yield Problem("warning", path, Message("check.after_as_of", {"date": date, "as_of": as_of}))


def _check_places(fact_base: FactBase) -> Iterator[Problem]:
    """An event's place is a site of the fact base."""
    sites = {base["id"] for base in fact_base.get("bases", [])}
    named = set(map(_PLACE, fact_base["events"]))  # one pass in C; the walk below only says where
    named.discard(None)
    if named <= sites:
        return
    for index, event in enumerate(fact_base["events"]):
        place = event.get("place")
        if place is not None and place not in sites:
            yield Problem("error", f"events[{index}].place", Message("check.unknown_place", {"id": place}))


def _known_country(code: str) -> bool:
    from minusma.messages.countries import COUNTRIES  # only a record with a country needs the names

    return code in COUNTRIES


def check_fact_base(fact_base: FactBase) -> list[Problem]:
    """Every cross-field rule the schema cannot express. Errors stop a load; warnings do not."""
    problems: list[Problem] = []
    events_by_id = _events_by_id(fact_base)
    problems += _check_bases(fact_base, events_by_id)
    problems += _check_places(fact_base)
    problems += _check_site_names(fact_base)
    problems += _check_contributions(fact_base)
    problems += _check_ids_and_citations(fact_base, events_by_id)
    problems += _check_sources(fact_base)
    problems += _check_leaders(fact_base)
    problems += _check_resolutions(fact_base)
    problems += _check_snapshots(fact_base)
    problems += _check_resolution_tasks(fact_base)
    problems += _check_fatalities(fact_base)
    problems += _check_series(fact_base)
    problems += _check_budgets(fact_base)
    problems += _check_after_as_of(fact_base)
    mission = fact_base["mission"]
    mission_order = (
        ("established", "operational"), ("operational", "mandate_ended"),
        ("mandate_ended", "withdrawal_completed"), ("withdrawal_completed", "liquidation_from"),
    )  # fmt: skip
    for first, second in mission_order:
        problems += _check_order(f"mission.{second}", mission[first], mission[second])  # type: ignore[literal-required]
    for index, leader in enumerate(fact_base["leaders"]):
        problems += _check_order(f"leaders[{index}]", leader.get("start"), leader.get("end"))
    for index, casualties in enumerate(fact_base["casualties"]):
        problems += _check_order(f"casualties[{index}]", casualties["start"], casualties["end"])
        if "country" in casualties and not _known_country(casualties["country"]):
            problems.append(
                Problem(
                    "error", f"casualties[{index}].country",
                    Message("check.unknown_country", {"code": casualties["country"]}),
                )
            )  # fmt: skip
    for index, phase in enumerate(fact_base["netherlands"]["phases"]):
        problems += _check_order(f"netherlands.phases[{index}]", phase["start"], phase.get("end"))
    for index, figure in enumerate(fact_base["netherlands"]["figures"]):
        problems += _check_claims(f"netherlands.figures[{index}].claims", [claim["rank"] for claim in figure["claims"]])
    resolution_ids = {resolution["id"] for resolution in fact_base["resolutions"]}
    if fact_base["mandate"]["tasks_resolution"] not in resolution_ids:
        problems.append(
            Problem(
                "error",
                "mandate.tasks_resolution",
                Message("check.tasks_resolution", {"id": fact_base["mandate"]["tasks_resolution"]}),
            )  # fmt: skip
        )
    return problems
