"""The command line: parse, load, ask, show, exit. Logic lives in query.py and model/.

The shared options (``--format``/``--json``/``--csv``, ``--lang``, ``--data``) are
declared once, in :func:`_shared`, and every command (and the top level, so they work
before the command name too) takes them through :class:`Command` and :class:`Group`; how
those bend Typer (help in the run's language, usage errors in the tool's words) is in
``typer_adapt.py``, the one module that touches Typer's and Click's private parts.
A command body is glue: it names its question and its layout as functions, so the type
checker matches them. Exit codes are in ``errors.py``; :func:`run` is the one place that
turns errors into messages and codes.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple, TypeVar, cast

import typer

from minusma import __version__, output, query, sheets
from minusma.errors import FactBaseError, MinusmaError, MissingExtraError, NotFoundError, UsageError
from minusma.load import load
from minusma.load import validate as validate_file
from minusma.messages import LANGS, Lang, LanguageName, Listed, Message, say
from minusma.model import CATEGORIES, SCHEMA_VERSION, Category, DateError, FactBase, parse_partial_date
from minusma.output import WRITERS, Format, Kind
from minusma.output.cells import safe
from minusma.output.cells import typed as _typed
from minusma.output.stream import ReaderGone, Stopped, same_file, write_text
from minusma.sheets import Bars, MapPlot, Plot, Sheet
from minusma.typer_adapt import (
    ARGUMENTS,
    Command,
    Context,
    Group,
    Hooks,
    NoArgsIsHelp,
    Parameter,
    ParseError,
    current_context,
    declared_params,
    install,
    resolve_lang,
    run_lang,
    shown_as,
    usage_frame,
    usage_message,
)
from minusma.typer_adapt import help_text as _help

if TYPE_CHECKING:
    from minusma.model import Text
    from minusma.query import TimelineResult


def _language_codes() -> dict[str, object]:
    return {"languages": Listed(list(LANGS))}


def _language_names() -> dict[str, object]:
    return {"languages": Listed([LanguageName(code) for code in LANGS])}


def _format_help() -> dict[str, object]:
    """The top level's --format help: every format, from the writer registry."""
    tables = [f"{name} ({WRITERS[name].gloss})" if WRITERS[name].gloss else name for name in output.formats("tables")]
    return {
        "tables": Listed(tables),
        "story": Listed(output.formats("story")),
        "chart": Listed(output.formats("chart"), "and"),
        "geo": Listed(output.formats("places")),
        "citations": Listed([*output.formats("citations"), "json"]),
    }


# --------------------------------------------------------------------------- shared options


def _shared(
    output_format: Annotated[
        str | None, typer.Option("--format", metavar="FORMAT", show_default=False, help=_help("format", _format_help))
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=_help("json"))] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help=_help("csv"))] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="LANG", show_default=False, help=_help("lang", _language_codes))
    ] = None,
    data: Annotated[str | None, typer.Option("--data", metavar="PATH", show_default=False, help=_help("data"))] = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help=_help("no_pager"))] = False,
    output_file: Annotated[
        str | None, typer.Option("--output", metavar="FILE", show_default=False, help=_help("output"))
    ] = None,
) -> None:
    """The options every command takes, declared once (the signature is the declaration)."""


SHARED_PARAMS = declared_params(_shared)
_FORMAT_FLAGS = {"output_format", "as_json", "as_csv"}


@cache
def _shared_for(command: str | None, formats: tuple[Format, ...]) -> list[Parameter]:
    """The shared options as a command's --help shows them: --format lists the formats it can
    print, and a flag for a format it cannot print (or the only one it prints) is not listed.
    They are still accepted, so that using one gets the message that says why not."""
    if not formats:  # the top level: every command's formats
        return SHARED_PARAMS
    shown: list[Parameter] = []
    for param in SHARED_PARAMS:
        if param.name in _FORMAT_FLAGS:
            flag = {"output_format": None, "as_json": "json", "as_csv": "csv"}[param.name or ""]
            hidden = len(formats) == 1 or (flag is not None and flag not in formats)
            help = None
            if flag is None:
                key = "format_of_troops" if command in PRINTS and "chart" in PRINTS[command].kinds else "format_of"
                chart = Listed(output.formats("chart"), "and")
                help = _help(key, formats=", ".join(formats), default=formats[0], chart=chart)
            param = shown_as(param, hidden, help)
        elif param.name == "output_file" and command == "export":  # it writes a folder: refused if given
            param = shown_as(param, True, None)
        shown.append(param)
    return shown


SHARED_NAMES = tuple(param.name for param in SHARED_PARAMS if param.name)
_SETTINGS = "minusma.settings"


def _stash(ctx: Context) -> None:
    """Move the shared options out of a command's own parameters; the command's win over the top level's."""
    given = ctx.meta.setdefault(_SETTINGS, {})
    for name in SHARED_NAMES:
        value = ctx.params.pop(name, None)
        if value not in (None, False):
            if name in ("as_json", "as_csv", "output_format"):
                chosen = "json" if name == "as_json" else "csv" if name == "as_csv" else value
                given.setdefault("formats", []).append(chosen)
                # as typed, for a message: `--format csv` is not `--csv`
                given.setdefault("flags", {}).setdefault(
                    chosen, _flag(chosen) if value is True else f"--format {value}"
                )
            else:
                given[name] = value


install(Hooks(shared=lambda name: _shared_for(name, formats_of(name or "")), keep=_stash, run=lambda args: run(args)))

app = typer.Typer(
    name="minusma",
    cls=Group,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and one-line usage errors: greppable, and no rich import for --help
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Settings(NamedTuple):
    format: Format
    lang: Lang
    data: str | None
    """The fact base the user named (``-`` is standard input), as given: ``Path("")`` would be ``.``."""
    page: bool
    """Long output on a terminal goes through a pager (not with --no-pager)."""
    output: str | None
    """The file --output names; None for standard output (also for ``--output -``)."""


def settings(fits: Sequence[Format] | None = None) -> Settings:
    """The shared options of this run, checked: one format, one that this command can print
    (``fits``, by default the formats the command was registered with)."""
    ctx = current_context()
    assert ctx is not None  # called by a command, while it runs
    if fits is None:
        fits = formats_of(ctx.command.name or "") or output.formats("tables")
    given: dict[str, Any] = ctx.meta.get(_SETTINGS, {})
    lang_given = given.get("lang")
    if lang_given is not None and lang_given not in LANGS:
        raise UsageError(Message("bad_lang", {"value": _typed(lang_given), "languages": ", ".join(LANGS)}))
    environment_lang = os.environ.get("MINUSMA_LANG") or None  # set but empty counts as unset
    if lang_given is None and environment_lang is not None and environment_lang not in LANGS:
        languages = ", ".join(LANGS)
        raise UsageError(Message("bad_env_lang", {"value": _typed(environment_lang), "languages": languages}))
    lang = resolve_lang(lang_given)
    formats: list[str] = list(dict.fromkeys(given.get("formats", [])))
    for chosen in formats:
        if chosen not in WRITERS:
            raise UsageError(Message("bad_format", {"value": _typed(chosen), "formats": ", ".join(WRITERS)}))
    if len(formats) > 1:
        flags = given.get("flags", {})
        first, second = (flags.get(chosen, _flag(chosen)) for chosen in formats[:2])
        raise UsageError(Message("together", {"first": first, "second": second}))
    chosen_format = formats[0] if formats else fits[0]
    if chosen_format not in fits and ctx.command.name == "export":  # it writes files, not one format
        raise UsageError(
            Message("export.no_format", {"flag": given.get("flags", {}).get(chosen_format, _flag(chosen_format))})
        )
    if chosen_format not in fits:
        listed = {"command": ctx.command_path, "format": chosen_format, "formats": ", ".join(fits)}
        every = formats_of(ctx.command.name or "")
        if chosen_format in every:
            if ctx.params.get("chart"):  # the command prints it, but not as a chart
                raise UsageError(Message("format_unfit_chart", listed))
            raise UsageError(Message("format_needs_chart", listed))  # a chart's format, without --chart
        if ctx.params.get("chart"):  # with or without --chart, never: name every format it prints
            listed["formats"] = ", ".join(every)
        raise UsageError(Message("format_unfit", listed))
    data = given.get("data")
    if data is None:
        data = os.environ.get("MINUSMA_DATA") or None  # set but empty counts as unset
    destination = given.get("output_file")
    if destination not in (None, "-") and _same_file(destination, data):
        raise UsageError(Message("output_is_data", {"file": safe(destination, lines=False)}))
    return Settings(
        chosen_format, lang, data, not given.get("no_pager", False), destination if destination != "-" else None
    )


def _file_read(data: str | None) -> str:
    """The file the fact base is read from (--data, MINUSMA_DATA or the shipped file); for ``-``, standard
    input, which is a file too where the shell redirected one (``< facts.json``)."""
    from minusma.load import default_path

    return str(default_path()) if data is None else "/dev/stdin" if data == "-" else data


def _same_file(destination: str, data: str | None) -> bool:
    """Whether --output names the fact base being read (--data, MINUSMA_DATA or the shipped file):
    writing it would replace the facts with the answer."""
    return bool(destination) and same_file(destination, _file_read(data))


def _flag(format: str) -> str:
    return f"--{format}" if format in ("json", "csv") else f"--format {format}"


Result = TypeVar("Result", bound=Mapping[str, Any])


def show(
    ask: Callable[[FactBase], Result],
    layout: Callable[[Result, Lang], Sequence[Sheet]] | None,
    fits: Sequence[Format] | None = None,
    asks: Mapping[Format, Callable[[FactBase], Result]] | None = None,
    chart: Callable[[Result, Lang], Plot | Bars | MapPlot] | None = None,
) -> None:
    """The body every listing command shares: load, ask, write in the chosen format.

    ``asks`` names a fuller question for a format that shows more than the layout
    (TimelineJS's eras): its result must still fit the layout. ``chart`` lays the result
    out for the image formats, for a command that draws one.
    """
    chosen = settings(fits)
    result = (asks or {}).get(chosen.format, ask)(load(chosen.data))
    _KEPT[:] = [result]
    output.write(output.view(result, layout, chart), chosen.format, chosen.lang, page=chosen.page, to=chosen.output)


_KEPT: list[object] = []
"""The last result, held until the process ends: ``entry._leave`` exits without freeing it.
A result shares its records with the fact base, and freeing 100,000 events one by one
when ``show`` returned took 60-120 ms."""


class Prints(NamedTuple):
    """What a command prints: every writer of ``kinds`` (in the registry's order), then ``also``."""

    kinds: tuple[Kind, ...]
    also: tuple[Format, ...]


PRINTS: dict[str, Prints] = {}


def formats_of(command: str) -> tuple[Format, ...]:
    """The formats ``command`` can print, read from the writer registry when asked (a writer
    registered later counts too): what its --help lists and what :func:`settings` accepts."""
    prints = PRINTS.get(command)
    return () if prints is None else (*output.formats(*prints.kinds), *prints.also)


def command(
    name: str, kinds: tuple[Kind, ...] = ("tables",), also: tuple[Format, ...] = (), **options: Any
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A command, printing every writer of ``kinds`` and the formats ``also`` (the first is its default)."""
    PRINTS[name] = Prints(kinds, also)
    return app.command(name, cls=Command, help=_help(name), **options)


# --------------------------------------------------------------------------- argument checks


def _check_date(value: str | None) -> str | None:
    """A date of the form YYYY, YYYY-MM or YYYY-MM-DD (a Typer callback: one parameter, the value)."""
    return _date(value, "bad_date")


def _date(value: str | None, usage: str) -> str | None:
    """``_check_date``, with ``usage`` the message that says which forms the option takes
    (``bad_period_date`` where a fiscal year is one of them)."""
    if value is None:
        return None
    if len(value) > len("YYYY-MM-DD"):  # no date is longer: say so without repeating all of it
        shape = say("date.shape", _usage_lang(), text=_typed(value))
        raise typer.BadParameter(say(usage, _usage_lang(), error=shape))
    try:
        parse_partial_date(value)
    except DateError as error:
        raise typer.BadParameter(
            say(usage, _usage_lang(), error=safe(error.message.said(_usage_lang()), lines=False))
        ) from None
    return value


def _check_period(value: str | None) -> str | None:
    """A date, or a fiscal year ``YYYY/YY`` whose second year follows the first."""
    if value is None:
        return None
    if "/" in value:
        first, _, second = value.partition("/")
        if len(first) == 4 and len(second) == 2 and (first + second).isascii() and (first + second).isdigit():
            start = int(first)
            if not 0 < start < 9999:  # 0000 is no year, and 9999/00 would end in year 10,000
                raise typer.BadParameter(say("bad_fiscal_range", _usage_lang(), value=_typed(value)))
            if int(second) != (start + 1) % 100:
                right = f"{first}/{(start + 1) % 100:02d}"
                if start > 1 and int(second) == (start - 1) % 100:  # 2016/15: the years swapped? (0000/01 is none)
                    right += say("bad_fiscal_year_swapped", _usage_lang(), right=f"{start - 1:04d}/{start % 100:02d}")
                raise typer.BadParameter(
                    say("bad_fiscal_year", _usage_lang(), value=_typed(value), first_year=first, right=right)
                )
            return value
        raise typer.BadParameter(say("bad_period", _usage_lang(), value=_typed(value)))
    return _date(value, "bad_period_date")


def _check_range(date_from: str | None, date_to: str | None) -> None:
    if date_from and date_to and query.parse_bound(date_from, end=False) > query.parse_bound(date_to, end=True):
        raise UsageError(Message("from_after_to", {"start": date_from, "end": date_to}))


def _usage_lang() -> Lang:
    ctx = current_context(silent=True)
    given = ctx.meta.get(_SETTINGS, {}).get("lang") if ctx is not None else None
    if given is None and ctx is not None:
        given = ctx.params.get("lang") or (ctx.parent.params.get("lang") if ctx.parent else None)
    return resolve_lang(given) if given in LANGS else run_lang()


def _check_categories(values: list[str] | None) -> list[str] | None:
    for value in values or []:
        if value not in CATEGORIES:
            raise typer.BadParameter(
                say("bad_category", _usage_lang(), value=_typed(value), categories=", ".join(CATEGORIES))
            )
    return values


def _check_whole_number(value: str | None) -> int | None:
    """A whole number of at least 1 (--limit N, --resolution N), in the tool's words, not pydantic's."""
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()) or not value.strip("0"):
        raise typer.BadParameter(say("bad_number", _usage_lang(), value=_typed(value), minimum=1))
    if len(value.lstrip("0")) > MAX_DIGITS:  # Python refuses to read 4,300 digits (an internal error)
        raise typer.BadParameter(say("number_too_large", _usage_lang(), value=_typed(value), digits=MAX_DIGITS))
    return int(value)


MAX_DIGITS = 18
"""The most digits a count or a resolution number takes: more than any fact base holds."""


def _check_text(value: str) -> str:
    """An argument that is not valid text in the system's encoding is a usage error that shows its bytes."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise typer.BadParameter(say("bad_bytes", _usage_lang(), value=_typed(value))) from None
    return value


def _check_texts(values: list[str]) -> list[str]:
    return [_check_text(value) for value in values]


# --------------------------------------------------------------------------- commands


def _version(value: bool) -> None:
    """The tool's version and its schema's; it never reads a fact base."""
    if not value:
        return
    write_text(f"minusma {__version__} (fact base schema {SCHEMA_VERSION})\n")
    raise typer.Exit()


@app.callback(help=_help("app"))
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_help("version")),
    ] = False,
) -> None:
    pass


@command("about")
def about() -> None:
    show(query.about, sheets.about)


@command("timeline", kinds=("tables", "story"))
def timeline(
    date_from: Annotated[
        str | None, typer.Option("--from", callback=_check_date, metavar="DATE", help=_help("from"))
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", callback=_check_date, metavar="DATE", help=_help("to"))] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            "-c",
            callback=_check_categories,
            metavar="CATEGORY",
            autocompletion=lambda: list(CATEGORIES),
            help=_help("category", categories=", ".join(CATEGORIES)),
        ),
    ] = None,
) -> None:
    _check_range(date_from, date_to)
    categories = cast(list[Category], category or [])

    def ask(fact_base: FactBase) -> TimelineResult:
        return query.timeline(fact_base, date_from, date_to, categories)

    def story(fact_base: FactBase) -> TimelineResult:
        result = query.story(fact_base, date_from, date_to, categories)
        if not result["events"]:  # TimelineJS refuses a timeline without events: write none
            raise NotFoundError(Message("timelinejs_no_events"))
        return result

    show(ask, sheets.timeline, asks={"timelinejs": story})


def _check_size(value: str | None) -> str | None:
    """A chart size, in any case (a str option: Typer then builds no pydantic adapter for it)."""
    if value is None:
        return None
    if value.lower() not in {size.value for size in sheets.ChartSize}:
        choices = ", ".join(size.value for size in sheets.ChartSize)
        raise typer.BadParameter(say("bad_size", _usage_lang(), value=_typed(value), choices=choices))
    return value.lower()


def _size_option(chart: Literal["troops", "map", "bars"]) -> Any:
    """``--size``, the same presets with the same meaning on every chart; its help names the chart's own
    standard size (read from the charts' layouts when the help is shown)."""

    def standard() -> dict[str, object]:
        from minusma.output.chart import pixels

        width, height = pixels(chart, sheets.ChartSize.standard)
        return {"standard": f"{width} x {height}"}

    return typer.Option("--size", metavar="SIZE", callback=_check_size, help=_help("chart_size", standard))


def _sized(size: str | None, chart: bool) -> sheets.ChartSize:
    """The preset asked for; --size without --chart is a usage error (at a terminal, where a chart is
    drawn as bars or as the table, it is taken and has nothing to size)."""
    if size is not None and not chart:
        raise UsageError(Message("needs", {"option": "--size", "needed": "--chart"}))
    return sheets.ChartSize.standard if size is None else sheets.ChartSize(size)


def _not_blank(value: str | None, message: str) -> str | None:
    """A name or an id that is empty or only spaces names nothing: a usage error, told by ``message``; one
    that is not valid text is a usage error that shows its bytes (``_check_text``), not a name not found."""
    if value is not None and not value.strip():
        raise typer.BadParameter(say(message, _usage_lang()))
    return _check_text(value) if value is not None else None


def _check_name(value: str | None) -> str | None:
    """A name to look for (a country, a site): an empty one names nothing, as an empty search does."""
    return _not_blank(value, "empty_name")


def _check_id(value: str | None) -> str | None:
    """An id to look up (show, cite, sources): an empty one names nothing, as an empty name does."""
    return _not_blank(value, "empty_id")


def _check_ids(values: list[str] | None) -> list[str] | None:
    for value in values or []:
        _check_id(value)
    return values


@command("troops", kinds=("tables", "chart"))
def troops(
    compare: Annotated[bool, typer.Option("--compare", help=_help("compare"))] = False,
    chart: Annotated[bool, typer.Option("--chart", help=_help("chart"))] = False,
    date_from: Annotated[
        str | None, typer.Option("--from", callback=_check_date, metavar="DATE", help=_help("compare_from"))
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", callback=_check_date, metavar="DATE", help=_help("compare_to"))
    ] = None,
    size: Annotated[str | None, _size_option("troops")] = None,
) -> None:
    sized = _sized(size, chart)
    if compare and chart:
        raise UsageError(Message("together", {"first": "--compare", "second": "--chart"}))
    if (date_from or date_to) and chart:  # not "add --compare": --compare and --chart exclude each other
        raise UsageError(Message("together", {"first": "--from" if date_from else "--to", "second": "--chart"}))
    if (date_from or date_to) and not compare:
        raise UsageError(Message("needs", {"option": "--from" if date_from else "--to", "needed": "--compare"}))
    _check_range(date_from, date_to)
    if chart:
        show(
            query.chart, sheets.chart, fits=("table", *output.formats("chart")),
            chart=lambda result, lang: sheets.figure(result, lang, sized),
        )  # fmt: skip
    elif compare:
        show(
            lambda fact_base: query.compare(fact_base, date_from, date_to),
            sheets.compare,
            fits=output.formats("tables"),
        )
    else:
        show(query.troops, sheets.troops, fits=output.formats("tables"))


def _check_year(value: str | None) -> str | None:
    if value is not None and (re.fullmatch(r"[0-9]{4}", value) is None or value == "0000"):
        raise typer.BadParameter(say("bad_year", _usage_lang(), value=_typed(value)))  # 0000: no year, no YYYY-MM hint
    return value


@command("contributors")
def contributors(
    at: Annotated[
        str | None, typer.Option("--at", callback=_check_date, metavar="DATE", help=_help("at_option"))
    ] = None,
    year: Annotated[
        str | None, typer.Option("--year", callback=_check_year, metavar="YEAR", help=_help("year"))
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", callback=_check_date, metavar="DATE", help=_help("contributors_from"))
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", callback=_check_date, metavar="DATE", help=_help("contributors_to"))
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", metavar="COUNTRY", callback=_check_name, help=_help("country"))
    ] = None,
) -> None:
    given = [name for name, value in (("--at", at), ("--year", year)) if value is not None]
    given += [name for name, value in (("--from", date_from), ("--to", date_to)) if value is not None][:1]
    if country is not None and at is not None:
        raise UsageError(Message("together", {"first": "--at", "second": "--country"}))
    if len(given) > 1:
        raise UsageError(Message("together", {"first": given[0], "second": given[1]}))
    if date_from and date_to and query.parse_bound(date_from, end=False) > query.parse_bound(date_to, end=True):
        raise UsageError(Message("from_after_to", {"start": date_from, "end": date_to}))
    period = {"date_from": date_from, "date_to": date_to, "year": year}
    if country is None:
        show(lambda fact_base: query.contributors(fact_base, at=at, **period), sheets.contributors)
        return
    wanted = country

    def ask(fact_base: FactBase) -> Any:
        code = query.find_country(fact_base, wanted)
        if code is None:
            unknown = Message("unknown_country", {"country": _typed(wanted)})
            similar = query.similar_countries(fact_base, wanted)
            if similar:
                raise NotFoundError(Message("did_you_mean_after", {"message": unknown, "ids": ", ".join(similar)}))
            raise NotFoundError(unknown)
        return query.contributors(fact_base, country=code, **period)

    show(ask, sheets.contributors)


@command("bases", kinds=("tables", "places", "chart"))
def bases(
    at: Annotated[
        str | None, typer.Option("--at", callback=_check_date, metavar="DATE", help=_help("bases_at"))
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", metavar="COUNTRY", callback=_check_name, help=_help("bases_country"))
    ] = None,
    base: Annotated[
        str | None, typer.Option("--base", metavar="NAME", callback=_check_name, help=_help("bases_base"))
    ] = None,
    chart: Annotated[bool, typer.Option("--chart", help=_help("bases_chart"))] = False,
    size: Annotated[str | None, _size_option("map")] = None,
) -> None:
    sized = _sized(size, chart)
    regions: dict[str, Text] = {}  # the map names every region, whichever sites the question keeps

    def ask(fact_base: FactBase) -> Any:
        regions.update(query.region_names(fact_base))
        code = None
        if country is not None:
            code = query.find_country(fact_base, country) or query.find_base_country(fact_base, country)
            if code is None:
                unknown = Message("unknown_country", {"country": _typed(country)})
                similar = query.similar_countries(fact_base, country)
                if similar:
                    raise NotFoundError(Message("did_you_mean_after", {"message": unknown, "ids": ", ".join(similar)}))
                raise NotFoundError(unknown)
        site = None
        if base is not None:
            found = query.find_bases(fact_base, base)
            if not found:
                unknown = Message("unknown_base", {"base": _typed(base)})
                similar = query.similar_bases(fact_base, base)
                if similar:
                    raise NotFoundError(Message("did_you_mean_after", {"message": unknown, "ids": ", ".join(similar)}))
                raise NotFoundError(unknown)
            if len(found) > 1:  # sites that share a name: which one is for the user to say, by its id
                named = {
                    lang: ", ".join(
                        f"{site['id']} ({safe(site['name'][lang])}, {safe(site['region'][lang])})" for site in found
                    )
                    for lang in LANGS
                }
                raise NotFoundError(
                    Message("base_ambiguous", {"base": _typed(base), "count": len(found), "sites": named})
                )
            site = found[0]["id"]
        return query.bases(fact_base, at=at, country=code, base=site)

    if chart:
        show(
            ask, sheets.bases, fits=("table", *output.formats("chart")),
            chart=lambda result, lang: sheets.bases_map(result, lang, regions, sized),
        )  # fmt: skip
    else:
        show(ask, sheets.bases, fits=output.formats("tables", "places"))


@command("mandate")
def mandate(
    resolution: Annotated[
        str | None,
        typer.Option(
            "--resolution", metavar="N", callback=_check_whole_number, show_default=False, help=_help("resolution")
        ),
    ] = None,
) -> None:
    if resolution is None:
        show(query.mandate, sheets.mandate)
        return
    wanted = cast(int, resolution)  # the callback gave the number

    def ask(fact_base: FactBase) -> Any:
        found = query.find_resolution(fact_base, wanted)
        if found is None:
            known = ", ".join(str(item["number"]) for item in fact_base["resolutions"])
            raise NotFoundError(Message("unknown_resolution", {"number": wanted, "numbers": known}))
        return query.resolution_mandate(fact_base, found)

    show(ask, sheets.resolution_mandate)


@command("dutch")
def dutch() -> None:
    show(query.dutch, sheets.dutch)


@command("leaders")
def leaders() -> None:
    show(query.leaders, sheets.leaders)


BREAKDOWNS = ("year", "country", "cause", "type")


def _check_by(value: str | None) -> str | None:
    if value is not None and value not in BREAKDOWNS:
        raise typer.BadParameter(say("bad_by", _usage_lang(), value=_typed(value), choices=", ".join(BREAKDOWNS)))
    return value


@command("casualties", kinds=("tables", "chart"))
def casualties(
    at: Annotated[
        str | None, typer.Option("--at", callback=_check_date, metavar="DATE", help=_help("casualties_at"))
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", metavar="COUNTRY", callback=_check_name, help=_help("casualties_country"))
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="GROUP",
            callback=_check_by,
            autocompletion=lambda: list(BREAKDOWNS),
            help=_help("by", choices=", ".join(BREAKDOWNS)),
        ),
    ] = None,
    chart: Annotated[bool, typer.Option("--chart", help=_help("casualties_chart"))] = False,
    date_from: Annotated[
        str | None, typer.Option("--from", callback=_check_date, metavar="DATE", help=_help("casualties_from"))
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", callback=_check_date, metavar="DATE", help=_help("casualties_to"))
    ] = None,
    size: Annotated[str | None, _size_option("bars")] = None,
) -> None:
    sized = _sized(size, chart)
    if chart and by is not None:
        raise UsageError(Message("together", {"first": "--chart", "second": "--by"}))
    if at is not None and (date_from or date_to):
        raise UsageError(Message("together", {"first": "--at", "second": "--from" if date_from else "--to"}))
    _check_range(date_from, date_to)
    wanted = country

    def code_of(fact_base: FactBase) -> str | None:
        if wanted is None:
            return None
        code = query.find_country(fact_base, wanted, records="any")
        if code is None:
            unknown = Message("unknown_nationality", {"country": _typed(wanted)})
            similar = query.similar_countries(fact_base, wanted, records="any")
            if similar:
                raise NotFoundError(Message("did_you_mean_after", {"message": unknown, "ids": ", ".join(similar)}))
            raise NotFoundError(unknown)
        return code

    if chart:
        show(
            lambda fact_base: query.casualty_chart(fact_base, at, code_of(fact_base), date_from, date_to),
            sheets.casualty_bars, fits=("table", *output.formats("chart")),
            chart=lambda result, lang: sheets.casualty_figure(result, lang, sized),
        )  # fmt: skip
        return
    show(
        lambda fact_base: query.casualties(fact_base, at, code_of(fact_base), cast(Any, by), date_from, date_to),
        sheets.casualties,
        fits=output.formats("tables"),
    )


@command("budget")
def budget(
    date_from: Annotated[
        str | None, typer.Option("--from", callback=_check_period, metavar="DATE", help=_help("budget_from"))
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", callback=_check_period, metavar="DATE", help=_help("budget_to"))
    ] = None,
) -> None:
    _check_range(date_from, date_to)
    show(lambda fact_base: query.budget(fact_base, date_from, date_to), sheets.budget)


@command("errata")
def errata() -> None:
    show(query.errata, sheets.errata)


@command("at")
def at(
    date: Annotated[str, typer.Argument(callback=_check_date, metavar="DATE", help=_help("date"))],
) -> None:
    show(lambda fact_base: query.at(fact_base, date), sheets.at)


@command("search")
def search(
    words: Annotated[
        list[str], typer.Argument(callback=_check_texts, metavar="TEXT...", help=_help("text", _language_names))
    ],
    limit: Annotated[
        str | None, typer.Option("--limit", metavar="N", callback=_check_whole_number, help=_help("limit"))
    ] = None,
) -> None:
    text = " ".join(words)  # `search Kidal attack` is `search "Kidal attack"`
    if not text.strip():
        raise UsageError(Message("empty_search"))
    if len(text) > query.SEARCH_MAX_CHARACTERS or len(text.split()) > query.SEARCH_MAX_WORDS:
        limits = {"characters": query.SEARCH_MAX_CHARACTERS, "words": query.SEARCH_MAX_WORDS}
        raise UsageError(Message("long_search", limits))
    show(lambda fact_base: query.search(fact_base, text, cast(int | None, limit)), sheets.search)


@command("sources")
def sources(
    source_id: Annotated[str | None, typer.Argument(metavar="ID", callback=_check_id, help=_help("source_id"))] = None,
) -> None:
    if source_id is None:
        show(query.sources, sheets.sources)
        return
    wanted = source_id

    def ask(fact_base: FactBase) -> Any:
        found = query.source(fact_base, wanted)
        if found is None:
            similar = query.similar_source_ids(fact_base, wanted)
            unknown = Message("unknown_source", {"id": _typed(wanted)})
            if similar:
                raise NotFoundError(Message("did_you_mean_after", {"message": unknown, "ids": ", ".join(similar)}))
            raise NotFoundError(unknown)
        return found

    show(ask, sheets.source)


def _require_known(fact_base: FactBase, ids: Sequence[str]) -> None:
    """An id that names no fact and no source ends the run (exit 1) with the ids it may have meant."""
    for asked in query.unknown_ids(fact_base, ids):
        unknown = Message("unknown_id", {"id": _typed(asked)})
        similar = query.similar_ids(query.known_ids(fact_base), asked)
        if similar:
            raise NotFoundError(Message("did_you_mean_after", {"message": unknown, "ids": ", ".join(similar)}))
        raise NotFoundError(unknown)


@command("cite", kinds=("citations",), also=("json",))
def cite(
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="ID...", callback=_check_ids, help=_help("cite_ids"))
    ] = None,
) -> None:
    wanted = list(ids or [])

    def ask(fact_base: FactBase) -> Any:
        _require_known(fact_base, wanted)
        return query.cite(fact_base, wanted)

    show(ask, None)


@command("show")
def show_one(
    identifier: Annotated[str, typer.Argument(metavar="ID", callback=_check_id, help=_help("show_id"))],
) -> None:
    def ask(fact_base: FactBase) -> Any:
        _require_known(fact_base, [identifier])
        return query.show(fact_base, identifier)

    show(ask, sheets.show)


@command("validate")
def validate(
    path: Annotated[str | None, typer.Argument(metavar="PATH", help=_help("path"))] = None,
) -> None:
    chosen = settings()
    if path is not None and chosen.output is not None and _same_file(chosen.output, path):
        raise UsageError(Message("output_is_data", {"file": safe(chosen.output, lines=False)}))
    report = query.validation(*validate_file(path if path is not None else chosen.data), chosen.lang)
    output.write(output.view(report, sheets.validation), chosen.format, chosen.lang, page=chosen.page, to=chosen.output)
    if not report["valid"]:
        raise typer.Exit(1)


@command("export", kinds=(), also=("table",))
def export(
    directory: Annotated[str, typer.Argument(metavar="DIR", show_default=False, help=_help("directory"))],
    force: Annotated[bool, typer.Option("--force", help=_help("force"))] = False,
) -> None:
    from minusma.output import package

    chosen = settings()
    if chosen.output is not None:
        raise UsageError(Message("export.no_output"))
    fact_base = load(chosen.data)
    places = dict(query.bases(fact_base))
    package.export(fact_base, directory, force, chosen.lang, places=places, read=_file_read(chosen.data))


@command("schema", kinds=(), also=("json",))
def schema() -> None:
    from minusma.model import json_schema

    chosen = settings()
    output.write(output.view(json_schema(), None), chosen.format, chosen.lang, page=chosen.page, to=chosen.output)


# --------------------------------------------------------------------------- errors and exit codes


MAX_REPORTED = 20


def report_problems(error: FactBaseError, lang: Lang) -> None:
    lines = []
    file = safe(error.file, lines=False)
    for problem in error.problems[:MAX_REPORTED]:
        where = file + (f":{problem.line}" if problem.line else "")
        place = f" {safe(problem.path, lines=False)}:" if problem.path and problem.path != "$" else ""
        lines.append(f"minusma: {where}:{place} {safe(problem.message.said(lang), lines=False)}")
    hidden = len(error.problems) - MAX_REPORTED
    if hidden > 0:
        lines.append("minusma: " + say("more_problems", lang, count=hidden, file=file))
    _stderr("\n".join(lines) + "\n")


def _stderr(text: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it; the exit code still does


def _completion_readable() -> bool:
    """Whether bash's completion request (``_MINUSMA_COMPLETE=complete_bash``) holds what is read of it:
    ``COMP_WORDS`` and ``COMP_CWORD``, a number; any other run (another shell's request) is readable."""
    if os.environ.get("_MINUSMA_COMPLETE") != "complete_bash":  # zsh, fish, PowerShell: _TYPER_COMPLETE_ARGS
        return True
    if "COMP_WORDS" not in os.environ or "COMP_CWORD" not in os.environ:
        return False
    try:
        int(os.environ["COMP_CWORD"])
    except ValueError:
        return False
    return True


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; every error a user can cause becomes a message and an exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    ARGUMENTS[:] = arguments
    if not _completion_readable():
        return 0  # a shell's completion request it cannot read: nothing to complete
    lang = run_lang()
    try:
        code = app(args=arguments, prog_name="minusma", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except NoArgsIsHelp as error:
        _stderr(error.format_message() + "\n")
        return 2
    except ParseError as error:
        _stderr(usage_frame(error.ctx, usage_message(error, lang, app), lang))
        return 2
    except MissingExtraError as error:  # nothing wrong with the command line: no usage lines
        _stderr(f"minusma: {error.said(_usage_lang())}\n")
        return error.exit_code
    except UsageError as error:
        _stderr(usage_frame(error.ctx, error.said(lang), lang))
        return 2
    except FactBaseError as error:
        report_problems(error, _usage_lang())
        return error.exit_code
    except MinusmaError as error:
        _stderr(f"minusma: {safe(error.said(_usage_lang()), lines=False)}\n")
        return error.exit_code
    except ReaderGone:
        return 0
    except Stopped as stopped:  # a stop signal where a step must clear up first (export, the pager)
        return 128 + stopped.signum
    except (typer.Abort, KeyboardInterrupt):
        return 130
