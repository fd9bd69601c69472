"""Charts as SVG and PNG images, drawn with matplotlib (the optional ``charts`` extra).

The only module that imports matplotlib, and only once an image is asked for, so every
other path starts as fast as before (a test holds the JSON path to it). It draws a
:class:`~minusma.sheets.Plot`: the words come from the catalogues through the sheets,
the numbers are written as the language writes them.

The same input gives the same bytes: matplotlib's own defaults rather than the user's
``matplotlibrc``, the Agg renderer (no GUI backend, no pyplot state), a fixed size and
resolution, a fixed salt for the ids in the SVG, and no creation date or software
version in the file. SVG text stays text (``svg.fonttype = none``): it can be searched,
copied and read by a screen reader, and it is what the tests read back.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
import warnings
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from minusma.errors import MissingExtraError, UsageError
from minusma.messages import Lang, Message, number
from minusma.model import date_range
from minusma.output.cells import SYMBOLS, safe
from minusma.output.stream import is_terminal, write_bytes
from minusma.output.view import View
from minusma.sheets import Bars, ChartSize, MapPlot, Mark, Plot, Series

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

Image = Literal["svg", "png"]

INSTALL = "pip install 'minusma[charts]'"
WIDTH, HEIGHT = 11.0, 7.5
"""Inches: 792 x 540 points in SVG."""
HEAD, FOOT = 0.9, 1.0
"""Inches for the title and the series' key above the panels, the marks' key and sources below."""
LEFT, RIGHT, BOTTOM, TOP = 0.85, 0.25, 0.55, 0.1
"""Inches around the panels: the count labels at the left, the years and the date label below."""
DPI = 150
"""PNG pixels per inch: 1650 x 1125, sharp on a high-density screen and in print."""


class Preset(NamedTuple):
    """What a ``--size`` preset means for every chart (troops, the map, casualties): the width and
    resolution, so the pixels; the height where the preset fixes it; no word smaller than ``smallest``."""

    width: float
    """Inches."""
    dpi: int
    smallest: float
    """Points."""
    height: float | None = None
    """Inches; None: each chart takes the height its shape needs."""


PRESETS: dict[ChartSize, Preset] = {
    # A column 660 pixels wide at 100 dpi: every word at least 9 points.
    ChartSize.article: Preset(6.6, 100, 9),
    # A 16:9 slide, 1600 x 900 pixels: words large enough to read from the back of a room.
    ChartSize.slide: Preset(16.0, 100, 12, 9.0),
}
"""The presets, the one definition every chart's layouts are built on (``standard`` is each chart's own size)."""
ARTICLE, SLIDE = PRESETS[ChartSize.article], PRESETS[ChartSize.slide]


def pixels(chart: Literal["troops", "map", "bars"], size: ChartSize) -> tuple[int, int]:
    """A chart's size in pixels (PNG; an SVG is the same in points at 72 per inch times dpi / 72)."""
    layout: Layout | MapLayout | BarLayout = (
        LAYOUTS[size] if chart == "troops" else MAP_LAYOUTS[size] if chart == "map" else BAR_LAYOUTS[size]
    )
    return round(layout.width * layout.dpi), round(layout.height * layout.dpi)


class Layout(NamedTuple):
    """A chart's size and the size of its words; lengths in inches, text in points."""

    width: float
    height: float
    dpi: int
    head: float
    foot: float
    left: float
    bottom: float
    title: float
    text: float
    """Legends, axis labels, ticks and the credit."""
    note: float
    """The figures and symbols written beside the lines and marks."""
    series_columns: int
    key_columns: int


LAYOUTS: dict[ChartSize, Layout] = {
    ChartSize.standard: Layout(WIDTH, HEIGHT, DPI, HEAD, FOOT, LEFT, BOTTOM, 14, 9, 8, 3, 2),
    # the keys in one column
    ChartSize.article: Layout(ARTICLE.width, 8.4, ARTICLE.dpi, 1.55, 1.75, 0.85, 0.55, 12, 9, 9, 1, 1),
    ChartSize.slide: Layout(SLIDE.width, SLIDE.height or 9.0, SLIDE.dpi, 1.2, 1.4, 1.2, 0.7, 22, 14, 12, 3, 2),
}

COLOURS = {
    "military": "#0072B2", "uniformed": "#009E73", "police": "#D55E00",
    "malicious_act": "#D55E00", "illness": "#0072B2", "accident": "#E69F00", "to_be_determined": "#999999",
    "unknown": "#CC79A7",
}  # fmt: skip
"""Okabe and Ito's palette: told apart with every common colour blindness."""
INK, GREY, GRID = "#222222", "#666666", "#E3E3E3"
BESIDE = 8
"""Points right of its date where another source's claim is drawn."""
FADE = 0.55
"""How far another source's claim is blended into white: still its kind's colour, clearly behind."""

RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "minusma",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # shipped inside matplotlib: the same metrics everywhere
    "font.size": 10,
    "text.parse_math": False,  # a $ in a label is a dollar, never TeX
    "axes.edgecolor": GREY,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": GREY,
    "ytick.color": GREY,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "legend.frameon": False,
    "date.epoch": "1970-01-01T00:00:00",  # what :func:`_x` counts from
}


def write_svg(view: View[Any], lang: Lang) -> None:
    _write(view, lang, "svg")


def write_png(view: View[Any], lang: Lang) -> None:
    _write(view, lang, "png")


def _write(view: View[Any], lang: Lang, image: Image) -> None:
    plot = view.plot(lang)
    if plot is None:
        raise TypeError(f"{image} needs a command that draws a chart")  # the command's ``fits`` rules it out
    if is_terminal():
        raise UsageError(Message("image_to_terminal", {"format": image, "file": f"{plot.stem}.{image}"}))
    try:
        import matplotlib  # noqa: F401  # only to learn whether the extra is installed
    except ImportError:
        raise MissingExtraError(Message("needs_extra", {"format": image, "install": INSTALL})) from None
    write_bytes(render(plot, lang, image))


def render(plot: Plot | Bars | MapPlot, lang: Lang, image: Image) -> bytes:
    """The chart as the bytes of an SVG or PNG file."""
    import matplotlib
    from matplotlib.figure import Figure

    plot = _shown(plot)

    # A letter the font lacks (a Chinese name, an emoji) is drawn as a box; matplotlib would also print
    # a warning with its own source path for each one, dozens on stderr for a fact base of such names.
    with matplotlib.rc_context(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        matplotlib.rcdefaults()  # not the user's matplotlibrc: the same bytes on every machine
        matplotlib.rcParams.update(cast(Any, RC))
        if isinstance(plot, MapPlot):
            map_layout = MAP_LAYOUTS[plot.size]
            figure = Figure(figsize=(map_layout.width, map_layout.height), dpi=map_layout.dpi)
            _draw_map(figure, plot, lang, map_layout)
        elif isinstance(plot, Bars):
            bar_layout = BAR_LAYOUTS[plot.size]
            figure = Figure(figsize=(bar_layout.width, bar_layout.height), dpi=bar_layout.dpi)
            _draw_bars(figure, plot, lang, bar_layout)
        else:
            layout = LAYOUTS[plot.size]
            figure = Figure(figsize=(layout.width, layout.height), dpi=layout.dpi)
            short = _draw(figure, plot, lang, layout)
            if short > 0:  # the key and the credit need a taller foot: drawn again, the panels give it room
                figure = Figure(figsize=(layout.width, layout.height), dpi=layout.dpi)
                _draw(figure, plot, lang, layout._replace(foot=layout.foot + short))
        buffer = io.BytesIO()
        if image == "svg":
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": plot.title})
        else:
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            FigureCanvasAgg(figure)
            figure.savefig(buffer, format="png", dpi=figure.dpi, metadata={"Software": None, "Title": plot.title})
    return buffer.getvalue()


def _shown(value: Any) -> Any:
    """``value`` (a plot, and everything in it) with every word as the other formats show it: control
    characters, line separators and what XML cannot hold (U+FFFF, which would leave the SVG unreadable)
    as escapes. A clean word is returned as it is, so names and keys stay what they were."""
    if isinstance(value, str):
        return safe(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*map(_shown, value))
    if isinstance(value, tuple | list):
        return type(value)(map(_shown, value))
    return value


# --------------------------------------------------------------------------- drawing


def _draw(figure: Figure, plot: Plot, lang: Lang, layout: Layout = LAYOUTS[ChartSize.standard]) -> float:
    """Three bands: the title and the series' key; the panels; what a mark's look says and the credit.
    Returns how many inches the foot lacks for the key above the credit (0 where they fit): a long
    key (French, Dutch, wrapped) and a long credit can need more than the layout gives.

    The bands and margins are fixed, so no text can overlap another whatever the language, and
    no layout engine is needed: matplotlib's constrained layout can differ in the last bits
    of a float from run to run, which changes the hashed ids of an SVG's clip paths.
    """
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    width, height = layout.width, layout.height
    bands: Any = figure.subfigures(
        3, 1, height_ratios=[layout.head, height - layout.head - layout.foot, layout.foot], hspace=0
    )
    head, body, foot = bands
    panels = sorted({series.panel for series in plot.series})
    heights = [3.0 if panel == 0 else 1.3 for panel in panels]
    body_height = height - layout.head - layout.foot
    margins = {
        "left": layout.left / width, "right": 1 - RIGHT / width, "bottom": layout.bottom / body_height,
        "top": 1 - (TOP + len(plot.milestones) * layout.note * 1.4 / 72) / body_height, "hspace": 0.12, "height_ratios": heights,
    }  # fmt: skip
    axes = body.subplots(len(panels), 1, sharex=True, squeeze=False, gridspec_kw=margins)[:, 0]
    until = _day(plot.until)
    for series in plot.series:
        _series(axes[panels.index(series.panel)], series, until, lang, layout)
    for ax, panel in zip(axes, panels, strict=True):
        ax.set_ylim(0, _top(plot.series, panel))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: number(round(value), lang)))
        ax.set_ylabel(plot.count_label, fontsize=layout.text)
        ax.tick_params(labelsize=layout.text)
        ax.grid(axis="y", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)
    first = min(
        [_day(date) for series in plot.series for date, _ in series.steps]
        + [date_range(mark.date)[0] for series in plot.series for mark in series.marks],
        default=until,
    )
    last = dt.date(until.year + 1, 1, 1) if until.year < dt.MAXYEAR else dt.date.max  # the calendar's end
    _dates(axes[-1], dt.date(first.year, 1, 1), last)
    _milestones(axes, plot, layout)
    axes[-1].set_xlabel(plot.date_label, fontsize=layout.text).set_gid("date-label")
    axes[0].yaxis.label.set_gid("count-label")
    _title(head, plot.title, 1 - 0.1 / layout.head, layout.title)
    key = _legends(head, foot, plot, layout)
    # the credit wraps to the image's width and the date keeps clear of it, as on the bar chart; in a
    # narrow column the date stands above the credit, which takes the whole width
    top = _credit(foot, plot.source_line, plot.as_of, layout.text, layout.foot, narrow=layout.series_columns == 1)
    bottom: float = key.get_window_extent(_renderer(foot)).y0
    gap = layout.text / 72 * layout.dpi * 0.4  # a little space between the key and the credit, in pixels
    return max(0.0, (top + gap - bottom) / layout.dpi)


def _milestones(axes: Any, plot: Plot, layout: Layout) -> None:
    """A dashed line across the panels on each milestone's day, labelled at the top of the first panel."""
    from matplotlib.transforms import blended_transform_factory

    for index, milestone in enumerate(plot.milestones):
        x = _x(_day(milestone.date))
        for panel, ax in enumerate(axes):
            ax.axvline(x, color=GREY, linestyle=(0, (4, 3)), linewidth=1, zorder=1, gid=f"milestone-{index}-{panel}")
        top = axes[0]
        left = x > (top.get_xlim()[0] + top.get_xlim()[1]) / 2  # past the middle: the label ends at the line
        top.annotate(  # one line each, the first lowest: labels never run into each other
            milestone.label, (x, 1.0), xycoords=blended_transform_factory(top.transData, top.transAxes),
            xytext=(-3 if left else 3, 2 + index * layout.note * 1.4), textcoords="offset points",
            fontsize=layout.note, color=INK, verticalalignment="bottom",
            horizontalalignment="right" if left else "left", gid=f"milestone-label-{index}",
        )  # fmt: skip


class BarLayout(NamedTuple):
    """The bar chart's size and the size of its words (``casualties --chart``); inches and points."""

    width: float
    height: float
    dpi: int
    head: float
    foot: float
    left: float
    bottom: float
    title: float
    key: float
    axis: float
    """The axis labels and the ticks."""
    note: float
    """Each bar's total above it."""
    credit: float
    """The sources and the date."""
    key_columns: int
    """The kinds' key in this many columns; 0: one row."""


BAR_LAYOUTS: dict[ChartSize, BarLayout] = {
    ChartSize.standard: BarLayout(WIDTH, HEIGHT, DPI, HEAD, FOOT, LEFT, BOTTOM, 14, 9, 10, 8, 8, 0),
    ChartSize.article: BarLayout(ARTICLE.width, 5.8, ARTICLE.dpi, 1.3, 1.05, 0.85, 0.55, 12, 9, 9, 9, 9, 2),
    ChartSize.slide: BarLayout(SLIDE.width, SLIDE.height or 9.0, SLIDE.dpi, 1.2, 1.0, 1.2, 0.75, 22, 14, 14, 12, 12, 0),
}


def _draw_bars(figure: Figure, plot: Bars, lang: Lang, layout: BarLayout = BAR_LAYOUTS[ChartSize.standard]) -> None:
    """A stacked bar per period, a colour per kind, each bar's total above it; the same three bands
    as :func:`_draw`: the title and the kinds' key, the bars, the sources."""
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    width, height = layout.width, layout.height
    bands: Any = figure.subfigures(
        3, 1, height_ratios=[layout.head, height - layout.head - layout.foot, layout.foot], hspace=0
    )
    head, body, foot = bands
    body_height = height - layout.head - layout.foot
    ax = body.subplots(
        1, 1,
        gridspec_kw={"left": layout.left / width, "right": 1 - RIGHT / width, "bottom": layout.bottom / body_height, "top": 1 - TOP / body_height},
    )  # fmt: skip
    positions = list(range(len(plot.periods)))
    bottoms = [0] * len(plot.periods)
    for stack in plot.stacks:
        ax.bar(
            positions, stack.values, bottom=bottoms, width=0.7, color=COLOURS.get(stack.kind, INK), label=stack.label,
            gid=f"bars-{stack.kind}",
        )  # fmt: skip
        bottoms = [below + value for below, value in zip(bottoms, stack.values, strict=True)]
    for position, total in zip(positions, bottoms, strict=True):
        ax.annotate(
            number(total, lang), (position, total), xytext=(0, 3), textcoords="offset points", fontsize=layout.note,
            color=INK, horizontalalignment="center", gid=f"total-{plot.periods[position]}",
        )  # fmt: skip
    ax.set_xticks(positions, list(plot.periods))
    ax.set_ylim(0, max(max(bottoms, default=0), 1) * 1.12)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: number(round(value), lang)))
    ax.set_ylabel(plot.count_label, fontsize=layout.axis).set_gid("count-label")
    ax.set_xlabel(plot.period_label, fontsize=layout.axis).set_gid("date-label")
    ax.tick_params(labelsize=layout.axis)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    _title(head, plot.title, 1 - 0.072 / layout.head, layout.title)
    if plot.empty:  # no bar: say so across the plot, not an empty frame
        ax.text(
            0.5, 0.5, plot.empty, transform=ax.transAxes, horizontalalignment="center", verticalalignment="center",
            fontsize=layout.axis, color=GREY, gid="empty-note",
        )  # fmt: skip
    # the key from the colours themselves: an empty bar series carries none of its own
    handles = [Patch(color=COLOURS.get(stack.kind, INK), label=stack.label) for stack in plot.stacks]
    labels = [stack.label for stack in plot.stacks]
    head.legend(
        handles, labels, loc="lower left", bbox_to_anchor=(0.005, 0.0), ncols=layout.key_columns or len(plot.stacks),
        fontsize=layout.key,
    ).set_gid("legend-series")  # fmt: skip
    _credit(foot, plot.source_line, plot.as_of, layout.credit, layout.foot, narrow=layout.key_columns > 0)


def _fill(text: str, size: float, room: float, renderer: Any) -> str:
    """``text`` on lines no wider than ``room`` pixels at ``size`` points, broken at spaces, measured by the
    renderer (matplotlib's own ``wrap`` lets a line run to the image's very edge and a little past it)."""
    from matplotlib.font_manager import FontProperties

    font = FontProperties(size=size)
    lines: list[str] = []
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and renderer.get_text_width_height_descent(candidate, font, ismath=False)[0] <= room:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


def _credit(foot: SubFigure, source_line: str, as_of: str, size: float, height: float, narrow: bool) -> float:
    """The sources, wrapped to the image's width, and the fact base's date, at a preset size: at the
    right of the sources' line, or, in a narrow image or where a long credit reaches it, on a line of
    its own above the sources (at the left in a narrow image). Returns the top of the two, in pixels."""
    renderer = _renderer(foot)
    room = foot.bbox.width * 0.98  # from 1% of the width to 1% short of the edge, in pixels
    credit = foot.text(
        0.01, 0.06 / height, _fill(source_line, size, room, renderer), fontsize=size, color=GREY,
        gid="source-line", verticalalignment="bottom",
    )  # fmt: skip
    dated = foot.text(
        0.99, 0.06 / height, as_of, fontsize=size, color=GREY, horizontalalignment="right", gid="as-of",
        verticalalignment="bottom",
    )  # fmt: skip
    credit_box = credit.get_window_extent(renderer)  # the wrapped credit, in pixels
    if narrow or dated.get_window_extent(renderer).overlaps(credit_box):
        above = (credit_box.y1 - foot.bbox.y0) / foot.bbox.height + size / 72 * 0.4 / height
        dated.set_position((0.01, above) if narrow else (0.99, above))
        if narrow:
            dated.set_horizontalalignment("left")
    return float(max(credit_box.y1, dated.get_window_extent(renderer).y1))


def _series(ax: Axes, series: Series, until: dt.date, lang: Lang, layout: Layout) -> None:
    from matplotlib.transforms import ScaledTranslation

    colour = COLOURS.get(series.kind, INK)
    starts = [_day(date) for date, _ in series.steps]
    values = [value for _, value in series.steps]
    if values:
        xs = [_x(day) for day in [*starts, until]]
        ax.step(xs, [*values, values[-1]], where="post", color=colour, linewidth=2, gid=f"ceiling-{series.kind}")
    for index, (start, value) in enumerate(zip(starts, values, strict=True)):
        if index == 0 or value != values[index - 1]:  # each new ceiling, labelled once
            _note(ax, number(value, lang), _x(start), value, (3, 4), layout.note, colour, True)
    for style, marks in _groups(series.marks):
        preferred, approximate, estimate = style
        shade = colour if preferred else _faded(colour)
        # Another source's claim stands just right of the preferred one of its date, never hidden behind it.
        beside = ax.transData + ScaledTranslation(0 if preferred else BESIDE / 72, 0, ax.figure.dpi_scale_trans)
        for mark in marks:
            first, last = date_range(mark.date)
            if first != last:  # known to the month or the year: a bar spans what the date says
                ax.plot([_x(first), _x(last)], [mark.value] * 2, color=shade, linewidth=1, marker="|", markersize=6)
            if approximate:
                where = (-6, 2) if preferred else (BESIDE + 4, 2)
                size = layout.note + 3 if preferred else layout.note
                _note(ax, SYMBOLS[mark.qualifier], _x(_middle(mark.date)), mark.value, where, size, shade, where[0] > 0)
        ax.plot(
            [_x(_middle(mark.date)) for mark in marks], [mark.value for mark in marks], linestyle="none",
            marker="D" if estimate else "o", markersize=(6 if estimate else 7) if preferred else 4.5,
            markeredgewidth=1.5 if preferred else 1, markeredgecolor=shade,
            markerfacecolor="white" if approximate else shade, zorder=4 if preferred else 3, transform=beside,
            gid="-".join(
                ("deployed", series.kind, "preferred" if preferred else "other", *(("mean",) if estimate else ()),
                 "approximate" if approximate else "exact"),
            ),
        )  # fmt: skip


def _note(
    ax: Axes, text: str, x: float, y: float, offset: tuple[float, float], size: float, colour: str, left: bool
) -> None:
    """A small text ``offset`` points from a point: starting there (``left``) or ending there."""
    ax.annotate(
        text, (x, y), xytext=offset, textcoords="offset points", fontsize=size, color=colour,
        horizontalalignment="left" if left else "right",
    )  # fmt: skip


def _groups(marks: Iterable[Mark]) -> list[tuple[tuple[bool, bool, bool], list[Mark]]]:
    """Marks by how they look: preferred or not, approximate or not, an estimate (a diamond) or not. A
    figure computed from stated parts looks like a stated one (the tables mark it Σ): one look fewer
    crowding the early years."""
    groups: dict[tuple[bool, bool, bool], list[Mark]] = {}
    for mark in marks:
        groups.setdefault((mark.preferred, mark.qualifier != "exact", mark.estimate), []).append(mark)
    return sorted(groups.items(), reverse=True)


def _legends(head: SubFigure, foot: SubFigure, plot: Plot, layout: Layout) -> Any:
    """Under the title, each kind's ceiling and figures; at the foot, what a mark's look says."""
    from matplotlib.lines import Line2D

    handles: list[Any] = []
    labels: list[str] = []
    for series in plot.series:
        colour = COLOURS.get(series.kind, INK)
        handles += [
            Line2D([], [], color=colour, linewidth=2),
            Line2D([], [], linestyle="none", marker="o", markersize=7, color=colour),
        ]
        labels += [series.ceiling_label, series.deployed_label]
    head.legend(
        handles, labels, loc="lower left", bbox_to_anchor=(0.005, 0.0), ncols=layout.series_columns,
        fontsize=layout.text, labelspacing=0.3,
    ).set_gid("legend-series")  # fmt: skip
    looks = [
        Line2D([], [], linestyle="none", marker="o", markersize=7, color=INK),
        Line2D([], [], linestyle="none", marker="o", markersize=7, color=INK, markerfacecolor="white"),
        Line2D([], [], linestyle="none", marker="o", markersize=4.5, color=_faded(INK)),
        Line2D([], [], linestyle="none", marker="D", markersize=6, color=INK, markerfacecolor="white"),
        Line2D([], [], color=INK, linewidth=1, marker="|", markersize=6),
        Line2D([], [], color=GREY, linewidth=1, linestyle=(0, (4, 3))),
    ]
    labels = list(plot.keys)
    if not any(mark.estimate for series in plot.series for mark in series.marks):  # its key only where one is
        index = plot.keys._fields.index("estimate")
        del looks[index], labels[index]
    renderer = _renderer(foot)
    right = foot.bbox.x1
    for _ in range(len(labels) * 3):  # a long key (Dutch, French) is wrapped where it would run off the image
        key = foot.legend(
            looks, labels, loc="upper left", bbox_to_anchor=(0.005, 1.0), ncols=layout.key_columns,
            fontsize=layout.text, labelspacing=0.3,
        )  # fmt: skip
        key.draw(renderer)  # lays the key out (on the measuring canvas): its texts take their places
        over = [
            (index, text.get_window_extent(renderer))
            for index, text in enumerate(key.get_texts())
            if text.get_window_extent(renderer).x1 > right
        ]
        if not over:
            break
        key.remove()  # a figure keeps every legend made: only the last one stays
        index, box = over[0]
        keep = (right - box.x0) / box.width * 0.97  # the share of its width that fits
        lines = labels[index].split("\n")
        longest = max(lines, key=len)
        labels[index] = "\n".join(
            textwrap.fill(line, max(8, int(len(longest) * keep))) if line == longest else line for line in lines
        )
    key.set_gid("legend-marks")
    return key


SMALLEST_TITLE = 0.7
"""How far a title's letters may shrink to fit the image's width (a chart scoped by country and period in
French is longer than the image); past that, it wraps."""


def _title(head: Any, title: str, top: float, size: float) -> None:
    """A chart's title at the top left of its head, no wider than the image (:func:`_fit_width`)."""
    _fit_width(
        head.text(0.01, top, title, verticalalignment="top", fontsize=size, fontweight="bold", color=INK, gid="title")
    )


def _fit_width(text: Any) -> None:
    """A title no wider than its image: smaller letters, a step at a time, then a second line; it was cut
    off at the right edge ("...: Chad, from 2020-")."""
    figure = text.get_figure()
    renderer = _renderer(figure)
    right = figure.figure.bbox.x1 * 0.99
    size = start = text.get_fontsize()
    while text.get_window_extent(renderer).x1 > right and size > start * SMALLEST_TITLE:
        size *= 0.95
        text.set_fontsize(size)
    if text.get_window_extent(renderer).x1 > right:
        text.set_wrap(True)


def _renderer(figure: Figure | SubFigure) -> Any:
    """The Agg renderer that measures laid-out text (the same for the SVG: lengths are taken in points)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    root = figure.figure
    canvas = root.canvas if isinstance(root.canvas, FigureCanvasAgg) else FigureCanvasAgg(root)
    return cast(Any, canvas).get_renderer()


def _dates(ax: Axes, start: dt.date, end: dt.date) -> None:
    from matplotlib.dates import DateFormatter, YearLocator

    ax.set_xlim(_x(start), _x(end))
    step = max(1, (end.year - start.year) // 12)  # a tick a year for the mission; fewer for a fact base of centuries
    ax.xaxis.set_major_locator(YearLocator(base=step))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(DateFormatter("%Y"))  # type: ignore[no-untyped-call]  # digits only: the same in every language


def _top(series: Iterable[Series], panel: int) -> float:
    highest = max(
        (
            value
            for item in series
            if item.panel == panel
            for value in (*(v for _, v in item.steps), *(m.value for m in item.marks))
        ),
        default=1,
    )
    return max(highest, 1) * 1.12  # all zero: still an axis from 0 up, not one of no height


def _day(date: str) -> dt.date:
    return date_range(date)[0]


def _middle(date: str) -> dt.date:
    """Where a date known to the month or year is drawn: the middle of what it covers."""
    first, last = date_range(date)
    return first + (last - first) / 2


def _x(day: dt.date) -> float:
    """A day as matplotlib places dates: days since the epoch set in :data:`RC`."""
    return float(day.toordinal() - EPOCH)


EPOCH = dt.date(1970, 1, 1).toordinal()


def _faded(colour: str) -> str:
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return "#" + "".join(f"{round(part + (255 - part) * FADE):02X}" for part in (red, green, blue))


# --------------------------------------------------------------------------- the map of Mali

MAP_WIDTH, MAP_HEIGHT = 9.0, 9.0
"""Inches: 648 x 648 points in SVG, 1350 x 1350 pixels in PNG."""
MAP_FOOT = 1.1
"""Inches below the map for the size key and the source line."""
LAND, BORDER, SITE, REGION = "#F3F1EA", "#7A7A7A", "#0072B2", "#ABA9A2"
POINTS_PER_TROOP = 0.12
"""A circle's area in square points per estimated soldier: Gao's 6,000 or so about 27 points across."""
SIZE_KEY = (150, 950, 5000)
"""A company, a battalion, a large camp: the nominal sizes Geo-PKO counts with."""


class MapLayout(NamedTuple):
    """The map's size and the size of its words (``bases --chart``); inches and points."""

    width: float
    height: float
    dpi: int
    head: float
    foot: float
    title: float
    label: float
    """A site's name and estimate."""
    countries: float
    """The countries under a site's name."""
    region: float
    key: float
    """The colour key's countries."""
    key_title: float
    """The keys' titles, the sizes' figures."""
    credit: float


MAP_LAYOUTS: dict[ChartSize, MapLayout] = {
    ChartSize.standard: MapLayout(MAP_WIDTH, MAP_HEIGHT, DPI, 0.6, MAP_FOOT, 13, 8.5, 6.5, 7.5, 7.5, 8, 7.5),
    ChartSize.article: MapLayout(ARTICLE.width, 8.2, ARTICLE.dpi, 0.6, 1.75, 12, 9, 9, 9, 9, 9, 9),
    ChartSize.slide: MapLayout(SLIDE.width, SLIDE.height or 9.0, SLIDE.dpi, 0.8, 1.7, 22, 14, 12, 12, 12, 12, 12),
}


def outline() -> list[list[list[float]]]:
    """Mali's outline as rings of [longitude, latitude] (Natural Earth, shipped as minusma/mali.json)."""
    import json
    from importlib.resources import files

    feature = json.loads(files("minusma").joinpath("mali.json").read_text(encoding="utf-8"))
    geometry = feature["geometry"]
    if geometry["type"] == "Polygon":
        return cast(list[list[list[float]]], geometry["coordinates"])
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


class Region(NamedTuple):
    """One of Mali's regions as the boundary data gives it."""

    name: str
    """Natural Earth's name (in English)."""
    label_point: tuple[float, float]
    """Where its name goes, as [longitude, latitude]: a point inside it (tools/extract_regions.py)."""
    rings: list[list[list[float]]]


@cache
def _regions_file() -> dict[str, Any]:
    """minusma/mali_regions.json, read and parsed once per run (the regions and their borders share it)."""
    import json
    from importlib.resources import files

    return cast(dict[str, Any], json.loads(files("minusma").joinpath("mali_regions.json").read_text(encoding="utf-8")))


def regions() -> list[Region]:
    """Mali's regions, in the order of minusma/mali_regions.json (Natural Earth Admin 1)."""
    collection = _regions_file()
    found = []
    for item in collection["features"]:
        if item["properties"]["kind"] != "region":
            continue
        geometry = item["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        rings = [ring for polygon in polygons for ring in polygon]
        longitude, latitude = item["properties"]["label_point"]
        found.append(Region(item["properties"]["name"], (longitude, latitude), rings))
    return found


def region_borders() -> list[list[list[float]]]:
    """The borders between Mali's regions as lines of [longitude, latitude] (Natural Earth Admin 1,
    shipped as minusma/mali_regions.json by tools/extract_regions.py)."""
    collection = _regions_file()
    (borders,) = [item for item in collection["features"] if item["properties"]["kind"] == "borders"]
    return cast(list[list[list[float]]], borders["geometry"]["coordinates"])


def _draw_map(figure: Figure, plot: MapPlot, lang: Lang, layout: MapLayout = MAP_LAYOUTS[ChartSize.standard]) -> None:
    """Mali's outline, each site a circle whose area is its estimated strength, labelled; the key and sources below.

    Longitude and latitude in equal-area-looking proportions: the axes' aspect is 1/cos(17°), Mali's
    middle latitude, so the country keeps its shape without a projection library.
    """
    from matplotlib.lines import Line2D

    bands: Any = figure.subfigures(
        3, 1, height_ratios=[layout.head, layout.height - layout.head - layout.foot, layout.foot], hspace=0
    )
    head, body, foot = bands
    head.text(
        0.02, 0.5, plot.title, verticalalignment="center", fontsize=layout.title, fontweight="bold", color=INK,
        gid="title", wrap=plot.size != ChartSize.standard,
    )  # fmt: skip
    ax = body.add_axes((0.04, 0.02, 0.92, 0.96))
    for ring in outline():
        xs, ys = [point[0] for point in ring], [point[1] for point in ring]
        ax.fill(xs, ys, facecolor=LAND, edgecolor=BORDER, linewidth=1.0, gid="mali-outline")
    for number_, line in enumerate(region_borders()):
        ax.plot(
            [point[0] for point in line], [point[1] for point in line], color=REGION, linewidth=0.6,
            linestyle=(0, (4, 2)), zorder=1.5, gid=f"mali-region-border-{number_}",
        )  # fmt: skip
    colours = _leader_colours(plot)
    sized = [site for site in plot.sites if site.troops]
    ax.scatter(
        [site.longitude for site in sized], [site.latitude for site in sized],
        s=[site.troops * POINTS_PER_TROOP for site in sized if site.troops],
        color=[colours.get(site.leader, OTHER) for site in sized], alpha=0.55,
        edgecolors=[colours.get(site.leader, OTHER) for site in sized], linewidths=1, zorder=3, gid="sites-estimated",
    )  # fmt: skip
    unsized = [site for site in plot.sites if not site.troops]
    if unsized:
        ax.scatter(
            [site.longitude for site in unsized], [site.latitude for site in unsized], s=UNSIZED, facecolors="white",
            edgecolors=[colours.get(site.leader, OTHER) for site in unsized], linewidths=1.2, zorder=3,
            gid="sites-unestimated",
        )  # fmt: skip
    if plot.empty:  # no site: say so across the map, not an empty country
        ax.text(
            -4.0, 17.5, plot.empty, horizontalalignment="center", verticalalignment="center", fontsize=layout.key_title,
            color=INK, gid="empty-note", zorder=4, bbox={"facecolor": "white", "edgecolor": GREY, "pad": 6},
        )  # fmt: skip
    ax.set_xlim(-12.6, 4.6)
    ax.set_ylim(9.9, 25.2)
    ax.set_aspect(1 / math.cos(math.radians(17)))
    ax.set_axis_off()
    key: Box | None = None
    if plot.size != ChartSize.standard:  # the colour key first, at a preset size: its words are larger, so the
        ax.apply_aspect()  # site labels keep clear of it
        key = _leader_key(ax, plot, colours, layout, _renderer(figure), 72 / figure.dpi)
    room = _label_sites(figure, ax, plot, lang, layout, [key] if key else [])
    handles = [
        Line2D(
            [], [], linestyle="none", marker="o", markersize=math.sqrt(size * POINTS_PER_TROOP), color=SITE, alpha=0.55
        )
        for size in SIZE_KEY
    ]
    size_label = plot.size_label
    if plot.size != ChartSize.standard:  # the key's title on lines that fit the image (DejaVu Sans: ~0.6 em a letter)
        size_label = textwrap.fill(size_label, int(layout.width * 72 * 0.94 / (layout.key_title * 0.6)))
    # the circles are centred on their row, as tall as a line: the largest reaches above it, and covered the
    # key's title at the default spacing; the space under the title is the reach, in the key's font size
    reach = max(handle.get_markersize() for handle in handles) / 2 / layout.key_title
    foot.legend(
        handles, [f"~{number(size, lang)}" for size in SIZE_KEY], loc="upper left", bbox_to_anchor=(0.02, 1.0),
        ncols=len(SIZE_KEY), fontsize=layout.key_title, title=size_label, title_fontsize=layout.key_title,
        alignment="left", labelspacing=max(0.5, reach),
    ).set_gid("legend-sizes")  # fmt: skip
    if plot.size == ChartSize.standard:
        key = _leader_key(ax, plot, colours, layout, room.renderer, room.to_points)
    avoided: list[Box] = [key] if key else []
    _label_regions(ax, plot, room, avoided, layout.region)
    if plot.size == ChartSize.standard:
        foot.text(0.02, 0.12, plot.source_line, fontsize=7.5, color=GREY, gid="source-line", wrap=True)
        foot.text(0.98, 0.02, plot.as_of, fontsize=7.5, color=GREY, horizontalalignment="right", gid="as-of")
    else:
        _credit(foot, plot.source_line, plot.as_of, layout.credit, layout.foot, narrow=layout.width < 8)


def _leader_key(
    ax: Any, plot: MapPlot, colours: dict[str, str], layout: MapLayout, renderer: Any, to_points: float
) -> Box | None:
    """The colour key, in the map's empty north-west corner (the foot holds the size key and the sources),
    its title on as few lines as keep it clear of Mali's border; on an image much wider than tall (a
    slide), beside the map at its left. Its box in points, for the labels to keep clear of."""
    from matplotlib.lines import Line2D

    if not plot.leaders:
        return None
    shown = [(code, name) for code, name in plot.leaders if code in colours]
    keys = [
        Line2D([], [], linestyle="none", marker="o", markersize=7, color=colours[code], alpha=0.55) for code, _ in shown
    ]
    names = [name for _, name in shown]
    if len(shown) < len(plot.leaders):
        keys.append(Line2D([], [], linestyle="none", marker="o", markersize=7, color=OTHER, alpha=0.55))
        names.append(plot.other_label)
    beside = layout.width > layout.height * 1.2
    outline_points = [] if beside else _outline_points(ax, to_points)
    words = plot.leader_label.split()
    for lines in range(1, len(words) + 1):
        per_line = math.ceil(len(words) / lines)
        title = "\n".join(" ".join(words[start : start + per_line]) for start in range(0, len(words), per_line))
        key = ax.legend(
            keys, names, loc="upper right" if beside else "upper left", bbox_to_anchor=(-0.02 if beside else 0.0, 1.0),
            ncols=1, fontsize=layout.key, frameon=False, title=title, title_fontsize=layout.key_title, alignment="left",
        )  # fmt: skip
        key.draw(renderer)  # lays the key out (on the measuring canvas): its texts take their places
        texts = [key.get_title(), *key.get_texts()]
        boxes = [_extent(text, renderer, to_points, (0.0, 0.0)) for text in texts]
        if not any(_holds(box, outline_points) for box in boxes) and all(box[0] >= 0 for box in boxes):
            break  # clear of the border, and (beside the map) of the image's left edge
    key.set_gid("legend-leaders")
    extent = key.get_window_extent(renderer)
    return cast(Box, tuple(value * to_points for value in extent.extents))


LEADER_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#882255", "#999933")
"""Okabe and Ito's colours for colour-blind readers (their yellow left out: it vanishes on the land), then
two of Paul Tol's (wine, olive)."""
OTHER = "#8C8C8C"


def _leader_colours(plot: MapPlot) -> dict[str, str]:
    """A colour for each country with the largest estimate somewhere, in the key's order; beyond the
    palette, grey."""
    return {code: colour for (code, _), colour in zip(plot.leaders, LEADER_COLOURS, strict=False)}


UNSIZED = 30
"""The area in square points of a site's hollow circle where there is no Geo-PKO estimate."""
LABEL_GAP = 3.0
"""Points between a circle's edge and its label, and kept clear around every label."""
DIRECTIONS: tuple[tuple[float, float], ...] = (
    (1, 0), (-1, 0), (0.7071, 0.7071), (-0.7071, 0.7071), (0.7071, -0.7071), (-0.7071, -0.7071), (0, 1), (0, -1),
)  # fmt: skip
"""Where a label may stand from its site, in order of preference: right, left, the four diagonals, above, below."""
REACHES = (0.0, 12.0, 26.0, 44.0, 66.0, 92.0, 124.0)
"""Points beyond the circle's edge (plus :data:`LABEL_GAP`) a label may be moved out to; beyond the
first, a thin leader line joins it to its site."""

Box = tuple[float, float, float, float]


class Room(NamedTuple):
    """What the site labels took, for the region names to keep clear of; lengths in points."""

    placed: list[Box]
    """The site labels' boxes."""
    centres: list[tuple[float, float]]
    radii: list[float]
    frame: Box
    renderer: Any
    to_points: float


def _label_sites(
    figure: Figure,
    ax: Any,
    plot: MapPlot,
    lang: Lang,
    layout: MapLayout = MAP_LAYOUTS[ChartSize.standard],
    avoid: Sequence[Box] = (),
) -> Room:
    """Each site's name (and estimate) with its countries below, as one block placed where it covers
    no other label and no site's circle: the first free place of :data:`DIRECTIONS` at the nearest
    of :data:`REACHES`, else the place with the least overlap; the largest sites first. Text sizes
    come from the renderer's own measure of the laid-out text, so the result is the same bytes on
    every run, and holds for the SVG (drawn at 72 dpi) as for the PNG: all offsets are in points."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    renderer = cast(Any, canvas).get_renderer()  # typed in Agg without annotations
    ax.apply_aspect()
    to_points = 72 / figure.dpi
    centres = [
        (float(x) * to_points, float(y) * to_points)
        for x, y in ax.transData.transform([(site.longitude, site.latitude) for site in plot.sites])
    ]
    radii = [math.sqrt(site.troops * POINTS_PER_TROOP if site.troops else UNSIZED) / 2 for site in plot.sites]
    frame = tuple(value * to_points for value in ax.figure.bbox.extents)  # the map's band, beyond the axes' box
    placed: list[Box] = list(avoid)
    order = sorted(range(len(plot.sites)), key=lambda index: (-(plot.sites[index].troops or 0), index))
    for index in order:
        site = plot.sites[index]
        estimate = "" if not site.troops else f" ~{number(site.troops, lang)}"
        widest = (frame[2] - frame[0]) * LABEL_SHARE
        label = _shortened(site.name, estimate, widest, layout.label, "bold", renderer, to_points)
        lines = [
            ax.annotate(
                label, (site.longitude, site.latitude), xytext=(0, 0), textcoords="offset points", fontsize=layout.label,
                color=INK, fontweight="bold", zorder=4, gid=f"label-{index}",
            )
        ]  # fmt: skip
        if site.countries:
            lines.append(
                ax.annotate(
                    _shortened(site.countries, "", widest, layout.countries, "normal", renderer, to_points),
                    (site.longitude, site.latitude), xytext=(0, 0), textcoords="offset points",
                    fontsize=layout.countries, color=GREY, zorder=4, gid=f"label-{index}-countries",
                )
            )  # fmt: skip
        centre, radius = centres[index], radii[index]
        # each line's extent from its own anchor (the site), in points; stacked from the block's top-left
        extents = [_extent(line, renderer, to_points, centre) for line in lines]
        width = max(right - left for left, _, right, _ in extents)
        height = sum(top - bottom for _, bottom, _, top in extents) + (len(extents) - 1) * 1.0
        chosen: tuple[float, Box, tuple[float, float], float] | None = None
        for reach in REACHES:
            for ux, uy in DIRECTIONS:
                distance = radius + LABEL_GAP + reach
                px, py = centre[0] + ux * distance, centre[1] + uy * distance
                left = px if ux > 0.1 else px - width if ux < -0.1 else px - width / 2
                bottom = py if uy > 0.1 else py - height if uy < -0.1 else py - height / 2
                box = (left, bottom, left + width, bottom + height)
                clash = _clash(box, placed, centres, radii, frame)
                if chosen is None or clash < chosen[0]:
                    chosen = (clash, box, (ux, uy), reach)
                if clash == 0:
                    break
            if chosen is not None and chosen[0] == 0:
                break
        assert chosen is not None
        _, box, (ux, uy), reach = chosen
        box = _kept_in(box, frame)
        placed.append(box)
        top = box[3]
        for line, (left, bottom, _, upper) in zip(lines, extents, strict=True):
            # xytext: the anchor's offset from the site, which puts this line's box at the block's left, under the last
            line.set_position((box[0] - centre[0] - left, top - centre[1] - upper))
            top -= upper - bottom + 1.0
        if reach:
            start = (centre[0] + ux * radius, centre[1] + uy * radius)
            end = (centre[0] + ux * (radius + LABEL_GAP + reach), centre[1] + uy * (radius + LABEL_GAP + reach))
            ends = ax.transData.inverted().transform([(x / to_points, y / to_points) for x, y in (start, end)])
            ax.plot(ends[:, 0], ends[:, 1], color=GREY, linewidth=0.6, zorder=3.5, gid=f"leader-{index}")
    return Room(placed, centres, radii, frame, renderer, to_points)


REGION_TEXT = "#9A988F"
"""A region's name: lighter than a site's countries, darker than the borders."""
REGION_REACHES = (0.0, 8.0, 16.0, 28.0, 44.0)
"""Points a region's name may be moved from its label point (in :data:`DIRECTIONS`), to stay clear of the sites."""
REGION_MARGIN = 5.0
"""Points a region's name keeps clear of a site's label and circle beyond :data:`LABEL_GAP`: far enough
not to be read as a line of the site's label."""


def _label_regions(ax: Any, plot: MapPlot, room: Room, avoided: Sequence[Box], size: float = 7.5) -> None:
    """Each region's name, small and light under the sites, centred on its label point, else moved the
    least (:data:`REGION_REACHES`) to where it covers no site label, no circle, nothing in ``avoided``
    and no other region's name, and lies wholly inside its region; where no place does (the Bamako
    district, smaller than its name), the name is left out: the site's label names the city."""
    shown = dict(plot.region_names)
    placed = [*room.placed, *avoided]
    for number_, region in enumerate(regions()):
        text = ax.annotate(
            shown.get(region.name, region.name), region.label_point, xytext=(0, 0), textcoords="offset points",
            fontsize=size, color=REGION_TEXT, zorder=2, gid=f"region-name-{number_}",
        )  # fmt: skip
        x, y = ax.transData.transform(region.label_point)
        centre = (float(x) * room.to_points, float(y) * room.to_points)
        left, bottom, right, top = _extent(text, room.renderer, room.to_points, centre)
        width, height = right - left, top - bottom
        chosen: Box | None = None
        for reach in REGION_REACHES:
            for ux, uy in DIRECTIONS if reach else ((0.0, 0.0),):
                px, py = centre[0] + ux * reach, centre[1] + uy * reach
                start = px if ux > 0.1 else px - width if ux < -0.1 else px - width / 2
                low = py if uy > 0.1 else py - height if uy < -0.1 else py - height / 2
                box = (start, low, start + width, low + height)
                wide = (box[0] - REGION_MARGIN, box[1] - REGION_MARGIN, box[2] + REGION_MARGIN, box[3] + REGION_MARGIN)
                if _within(ax, box, region.rings, room.to_points) and not _clash(
                    wide, placed, room.centres, room.radii, room.frame
                ):
                    chosen = box
                    break
            if chosen is not None:
                break
        if chosen is None:
            text.remove()
            continue
        placed.append(chosen)
        text.set_position((chosen[0] - centre[0] - left, chosen[3] - centre[1] - top))


def _within(ax: Any, box: Box, rings: Sequence[Sequence[Sequence[float]]], to_points: float) -> bool:
    """Whether a box (in points) lies inside a region: its corners and points along its edges, each
    inside the rings by the even-odd rule."""
    steps = 6
    edge = [
        (box[0] + (box[2] - box[0]) * step / steps, box[1] + (box[3] - box[1]) * side)
        for step in range(steps + 1) for side in (0, 1)
    ] + [(box[0] + (box[2] - box[0]) * side, (box[1] + box[3]) / 2) for side in (0, 1)]  # fmt: skip
    points = ax.transData.inverted().transform([(x / to_points, y / to_points) for x, y in edge])
    return all(_inside(float(x), float(y), rings) for x, y in points)


def _outline_points(ax: Any, to_points: float) -> list[tuple[float, float]]:
    """Mali's outline in points, each segment walked at a point's step: a long straight border (the
    north-west's) has few vertices, and a text can lie across it between them."""
    points: list[tuple[float, float]] = []
    for ring in outline():
        shown = [(float(x) * to_points, float(y) * to_points) for x, y in ax.transData.transform(ring)]
        for (x1, y1), (x2, y2) in zip(shown, shown[1:], strict=False):
            steps = max(1, math.ceil(math.dist((x1, y1), (x2, y2))))
            points.extend((x1 + (x2 - x1) * step / steps, y1 + (y2 - y1) * step / steps) for step in range(steps))
    return points


def _holds(box: Box, points: Sequence[tuple[float, float]]) -> bool:
    """Whether any of the points lies in the box, kept :data:`LABEL_GAP` clear."""
    left, bottom, right, top = box[0] - LABEL_GAP, box[1] - LABEL_GAP, box[2] + LABEL_GAP, box[3] + LABEL_GAP
    return any(left <= x <= right and bottom <= y <= top for x, y in points)


def _inside(x: float, y: float, rings: Sequence[Sequence[Sequence[float]]]) -> bool:
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def _extent(line: Any, renderer: Any, to_points: float, centre: tuple[float, float]) -> Box:
    """A text's box in points, relative to where its anchor stands (the site, before any offset)."""
    box = line.get_window_extent(renderer)
    return (
        box.x0 * to_points - centre[0],
        box.y0 * to_points - centre[1],
        box.x1 * to_points - centre[0],
        box.y1 * to_points - centre[1],
    )


LABEL_SHARE = 1 / 3
"""The widest a site's label may be, as a share of the map's width: a longer name is shortened with an ellipsis."""
ELLIPSIS = "\u2026"


def _shortened(text: str, kept: str, widest: float, size: float, weight: str, renderer: Any, to_points: float) -> str:
    """``text`` then ``kept`` (a site's estimate, never cut), if no wider than ``widest`` points; else as
    much of ``text`` as fits, ending in an ellipsis that shows it was shortened, then ``kept``."""
    from matplotlib.font_manager import FontProperties

    font = FontProperties(size=size, weight=weight)

    def width(candidate: str) -> float:
        return float(renderer.get_text_width_height_descent(candidate, font, ismath=False)[0]) * to_points

    if width(text + kept) <= widest:
        return text + kept
    low, high = 0, len(text)  # the longest start of the text that fits with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if width(text[:middle].rstrip() + ELLIPSIS + kept) <= widest else (low, middle - 1)
    return text[:low].rstrip() + ELLIPSIS + kept


def _kept_in(box: Box, frame: Box) -> Box:
    """The box moved the least that puts it inside the frame (where it is narrower and lower than the frame)."""
    dx = max(frame[0] - box[0], 0.0) or min(frame[2] - box[2], 0.0)
    dy = max(frame[1] - box[1], 0.0) or min(frame[3] - box[3], 0.0)
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy) if dx or dy else box


def _clash(
    box: Box, placed: Sequence[Box], centres: Sequence[tuple[float, float]], radii: Sequence[float], frame: Box
) -> float:
    """How badly a label's box collides: its overlap with labels placed before and with any site's
    circle (each kept :data:`LABEL_GAP` clear), and how much of it lies outside the map's band."""
    padded = (box[0] - LABEL_GAP, box[1] - LABEL_GAP, box[2] + LABEL_GAP, box[3] + LABEL_GAP)
    clash = sum(_overlap(padded, other) for other in placed)
    for (x, y), radius in zip(centres, radii, strict=True):
        nearest_x, nearest_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
        gap = math.hypot(x - nearest_x, y - nearest_y) - radius - LABEL_GAP
        if gap < -0.01:  # a label beside its own circle touches the gap's edge: rounding is no clash
            clash += (radius + LABEL_GAP) * -gap * 4
    inside = _overlap(box, frame)
    return clash + (box[2] - box[0]) * (box[3] - box[1]) - inside


def _overlap(first: Box, second: Box) -> float:
    width = min(first[2], second[2]) - max(first[0], second[0])
    height = min(first[3], second[3]) - max(first[1], second[1])
    return width * height if width > 0 and height > 0 else 0.0
