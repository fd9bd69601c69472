"""What a command hands the output layer: its result, and how people see it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from minusma.messages import Lang
from minusma.sheets import Bars, MapPlot, Plot, Sheet

Result = TypeVar("Result", bound=Mapping[str, Any])


class View(NamedTuple, Generic[Result]):
    """A result (what ``--json`` prints), its layout (the sheets every human format shows)
    and, for a command that draws one, its chart (what the image formats draw).

    Build one with :func:`view`, so the type checker matches a result to its layout.
    """

    result: Result
    layout: Callable[[Result, Lang], Sequence[Sheet]] | None
    chart: Callable[[Result, Lang], Plot | Bars | MapPlot] | None = None

    def sheets(self, lang: Lang) -> Sequence[Sheet]:
        if self.layout is None:
            return []
        return self.layout(self.result, lang)

    def plot(self, lang: Lang) -> Plot | Bars | MapPlot | None:
        return self.chart(self.result, lang) if self.chart is not None else None


def view(
    result: Result,
    layout: Callable[[Result, Lang], Sequence[Sheet]] | None,
    chart: Callable[[Result, Lang], Plot | Bars | MapPlot] | None = None,
) -> View[Result]:
    return View(result, layout, chart)
