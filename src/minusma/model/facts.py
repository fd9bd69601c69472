"""The cited-facts view: every fact of a fact base that cites a source, in file order.

Search, ``sources``, ``show`` and the checks read the fact base through it.
No I/O, no typer, no rich.
"""

from collections.abc import Iterator, Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    NamedTuple,
    cast,
)

from minusma.messages import LANGS
from minusma.model.records import (
    Event,
    FactBase,
    Text,
)
from minusma.model.rules import (
    country_names,
    fiscal_year_range,
)

if TYPE_CHECKING:
    pass


class Cited(NamedTuple):
    """Any fact that cites sources: what kind it is, where it is, its date, words and sources.

    Cheap to make (the checks walk every fact of a 100,000-event file): the path and
    the texts are worked out only when asked for. NamedTuples, not dataclasses, keep
    the import of this module fast: a dataclass compiles its methods at import time.
    """

    kind: str
    id: str
    where: str
    position: int
    date: str | None
    record: Mapping[str, Any]
    text_keys: tuple[str, ...]
    sources: Sequence[str]
    leading: tuple[Text, ...] = ()

    @property
    def path(self) -> str:
        """The JSON path of the record, e.g. ``events[3]``."""
        return self.where.format(self.position)

    @property
    def texts(self) -> tuple[Text, ...]:
        return self.leading + tuple(self.record[key] for key in self.text_keys if key in self.record)


_EVENT_TEXTS = ("text", "caveat")


def cited_event(index: int, event: Event) -> Cited:
    """The fact of ``events[index]``, as :func:`cited_facts` yields it (after the mission, before the rest)."""
    return Cited("event", event["id"], "events[{}]", index, event["date"], event, _EVENT_TEXTS, event["sources"])


def cited_facts(fact_base: FactBase, *, events: bool = True) -> Iterator[Cited]:
    """Every fact that cites a source, in file order. Search, ``sources`` and checks use this.

    ``events=False`` leaves out the events, the one list that grows with a fact base:
    the checks read their ids and sources in bulk instead (``_check_ids_and_citations``)."""
    mission = fact_base["mission"]
    yield Cited(
        "mission", mission["id"], "mission", 0, mission["established"], mission,
        ("summary", "status", "headquarters"), mission["sources"],
    )  # fmt: skip
    for index, event in enumerate(fact_base["events"] if events else ()):
        yield cited_event(index, event)
    for index, resolution in enumerate(fact_base["resolutions"]):
        yield Cited(
            "resolution", resolution["id"], "resolutions[{}]", index, resolution["adopted"], resolution,
            ("summary", "vote", "caveat"), resolution["sources"],
        )  # fmt: skip
        if "ceiling" in resolution:
            ceiling = resolution["ceiling"]
            yield Cited(
                "ceiling", resolution["id"], "resolutions[{}].ceiling", index, resolution["adopted"], ceiling,
                ("note",), ceiling["sources"],
            )  # fmt: skip
    mandate = fact_base["mandate"]
    yield Cited(
        "mandate", mandate["id"], "mandate", 0, None, mandate, ("legal_basis", "use_of_force"), mandate["sources"]
    )
    for index, task in enumerate(mandate["tasks"]):
        yield Cited("task", task["id"], "mandate.tasks[{}]", index, None, task, ("text",), task["sources"])
    for index, paragraphs in enumerate(fact_base.get("resolution_tasks", [])):
        yield Cited(
            "resolution tasks", paragraphs["id"], "resolution_tasks[{}]", index, None, paragraphs, ("vote", "caveat"),
            paragraphs["sources"],
        )  # fmt: skip
    for index, leader in enumerate(fact_base["leaders"]):
        name = cast(Text, dict.fromkeys(LANGS, leader["name"]))  # a name is the same in every language
        yield Cited(
            "leader", leader["id"], "leaders[{}]", index, leader.get("start") or leader.get("appointed"), leader,
            ("nationality", "note", "caveat"), leader["sources"], (name,),
        )  # fmt: skip
    for index, snapshot in enumerate(fact_base["snapshots"]):
        for claim_index, claim in enumerate(snapshot["claims"]):
            yield Cited(
                "strength", snapshot["id"], f"snapshots[{index}].claims[{{}}]", claim_index, snapshot["date"],
                claim, ("note", "reason", "caveat"), claim["sources"],
            )  # fmt: skip
    for index, casualties in enumerate(fact_base["casualties"]):
        yield Cited(
            "casualties", casualties["id"], "casualties[{}]", index, casualties["end"], casualties, ("note",),
            casualties["sources"],
        )  # fmt: skip
    netherlands = fact_base["netherlands"]
    for index, phase in enumerate(netherlands["phases"]):
        yield Cited(
            "dutch phase", phase["id"], "netherlands.phases[{}]", index, phase["start"], phase,
            ("name", "text", "caveat"), phase["sources"],
        )  # fmt: skip
    for index, figure in enumerate(netherlands["figures"]):
        for claim_index, figure_claim in enumerate(figure["claims"]):
            yield Cited(
                "dutch figure", figure["id"], f"netherlands.figures[{index}].claims[{{}}]", claim_index,
                figure.get("date"), figure_claim, ("note", "reason"), figure_claim["sources"], (figure["label"],),
            )  # fmt: skip
    for index, contribution in enumerate(fact_base.get("contributions", [])):
        yield Cited(
            "contribution", contribution["id"], "contributions[{}]", index, contribution["date"], contribution,
            ("note", "caveat"), contribution["sources"], (country_names(contribution["country"]),),
        )  # fmt: skip
    for index, fatality in enumerate(fact_base.get("fatalities", [])):
        revised = [source for revision in fatality.get("revised", ()) for source in revision["sources"]]
        yield Cited(
            "fatality", fatality["id"], "fatalities[{}]", index, fatality["date"], fatality, ("caveat",),
            [*fatality["sources"], *revised] if revised else fatality["sources"],
        )  # fmt: skip
    for index, base in enumerate(fact_base.get("bases", [])):
        spellings = " / ".join(base["spellings"])
        yield Cited(
            "base", base["id"], "bases[{}]", index, base["presence"][0]["date"], base, ("name", "region"),
            base["sources"], (cast(Text, dict.fromkeys(LANGS, spellings)),) if spellings else (),
        )  # fmt: skip
        for row_index, row in enumerate(base["presence"]):
            yield Cited(
                "base row", base["id"], f"bases[{index}].presence[{{}}]", row_index, row["date"], row, (),
                row["sources"],
            )  # fmt: skip
    for index, budget in enumerate(fact_base.get("budgets", [])):
        for figure_index, budget_figure in enumerate(budget["figures"]):
            yield Cited(
                "budget", budget["id"], f"budgets[{index}].figures[{{}}]", figure_index,
                fiscal_year_range(budget["fiscal_year"])[0].isoformat(), budget_figure, ("what", "reason", "caveat"),
                budget_figure["sources"],
            )  # fmt: skip
    for index, erratum in enumerate(fact_base["errata"]):
        yield Cited(
            "erratum", erratum["id"], "errata[{}]", index, None, erratum, ("subject", "claimed", "corrected"),
            [*erratum["sources"], *erratum["claimed_in"]],
        )  # fmt: skip
