"""The command line: parse, load, ask, show, exit. Logic lives in query.py and model.py.

Exit codes: 0 ok; 1 a fact base that cannot be read or is invalid, or a lookup
that finds nothing where something was required; 2 a usage error (bad option,
bad date, conflicting flags); 3 an internal error, which is a bug.
"""

from __future__ import annotations

import csv
import gc
import io
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import typer
from pydantic_core import to_json

from minusma import __version__, query
from minusma.errors import FactBaseError, MinusmaError, NotFoundError
from minusma.labels import help_text, label
from minusma.load import load
from minusma.load import validate as validate_file
from minusma.model import CATEGORIES, LANGS, Category, DateError, FactBase, Lang, parse_partial_date

if TYPE_CHECKING:
    from minusma.results import SourceResult

app = typer.Typer(
    name="minusma",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and one-line usage errors: greppable, and no rich import for --help
    context_settings={"help_option_names": ["-h", "--help"]},
)

Result = TypeVar("Result", bound=Mapping[str, Any])


def resolve_lang(option: Lang | None, environ: Mapping[str, str] = os.environ) -> Lang:
    """--lang, else MINUSMA_LANG, else the first set of LC_ALL, LC_MESSAGES, LANG (POSIX order)."""
    if option is not None:
        return option
    chosen = environ.get("MINUSMA_LANG")
    if chosen in LANGS:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


HELP_LANG: Lang = resolve_lang(None)
"""--help is built before --lang is read, so it follows MINUSMA_LANG and the locale."""


def _help(key: str, **values: object) -> str:
    return help_text(key, HELP_LANG, **values)


# --------------------------------------------------------------------------- shared options


def _usage_lang(ctx: typer.Context) -> Lang:
    """The language for a usage error: --lang where it is already parsed, else as resolve_lang."""
    return resolve_lang(ctx.params.get("lang"))


def _check_date(ctx: typer.Context, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parse_partial_date(value)
    except DateError as error:
        lang = _usage_lang(ctx)
        raise typer.BadParameter(label("bad_date", lang, error=error.said[lang])) from None
    return value


def _check_categories(ctx: typer.Context, values: list[str] | None) -> list[str] | None:
    for value in values or []:
        if value not in CATEGORIES:
            raise typer.BadParameter(
                label("bad_category", _usage_lang(ctx), value=value, categories=", ".join(CATEGORIES))
            )
    return values


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data", envvar="MINUSMA_DATA", metavar="PATH", show_default=False,
        help=_help("data"),
    ),
]  # fmt: skip
JsonOption = Annotated[bool, typer.Option("--json", help=_help("json"))]
CsvOption = Annotated[bool, typer.Option("--csv", help=_help("csv"))]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang", envvar="MINUSMA_LANG", show_default=False,
        help=_help("lang"),
    ),
]  # fmt: skip


# --------------------------------------------------------------------------- output


@contextmanager
def _writing() -> Iterator[None]:
    """A reader that stops early (``| head``) ends the output quietly, with exit code 0."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None


def _write_json(result: object) -> None:
    """Indented for a person at a terminal, compact for a pipe or a file (as ``gh`` does)."""
    with _writing():
        sys.stdout.buffer.write(to_json(result, indent=2 if sys.stdout.isatty() else None))
        sys.stdout.buffer.write(b"\n")


def _write_csv(header: list[str], rows: list[list[str | int | float]]) -> None:
    with _writing():
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _print_tables(sheets: Sequence[Any], lang: Lang) -> None:
    from minusma import render  # rich is imported on the table path only

    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # a letter the terminal cannot show must not crash
    console = render.console()
    unicode = console.encoding.lower().startswith("utf")
    with _writing():
        for renderable in render.sheets(sheets, lang, unicode):
            console.print(renderable)


def _check_formats(as_json: bool, as_csv: bool, lang: Lang) -> None:
    if as_json and as_csv:
        raise typer.BadParameter(label("together", lang, first="--json", second="--csv"), param_hint="--csv")


@contextmanager
def _reported(lang: Lang) -> Iterator[None]:
    """Turn the tool's own errors into a message on stderr and their exit code."""
    try:
        yield
    except FactBaseError as error:
        _report_problems(error, lang)
        raise typer.Exit(error.exit_code) from None
    except MinusmaError as error:
        sys.stderr.write(f"minusma: {error}\n")
        raise typer.Exit(error.exit_code) from None


MAX_REPORTED = 20


def _report_problems(error: FactBaseError, lang: Lang) -> None:
    lines = []
    for problem in error.problems[:MAX_REPORTED]:
        where = error.file + (f":{problem.line}" if problem.line else "")
        place = f" {problem.path}:" if problem.path and problem.path != "$" else ""
        lines.append(f"minusma: {where}:{place} {problem.message[lang]}")
    hidden = len(error.problems) - MAX_REPORTED
    if hidden > 0:
        lines.append("minusma: " + label("more_problems", lang, count=hidden, file=error.file))
    sys.stderr.write("\n".join(lines) + "\n")


def _show(result: Result, layout: Callable[[Result, Lang], Sequence[Any]], *, as_csv: bool, lang: Lang) -> None:
    sheets = layout(result, lang)
    if as_csv:
        from minusma.sheets import csv_table

        _write_csv(*csv_table(sheets))
    else:
        _print_tables(sheets, lang)


def _run(
    data: Path | None,
    ask: Callable[[FactBase], Result],
    layout_name: str,
    *,
    as_json: bool,
    as_csv: bool = False,
    lang_option: Lang | None,
) -> None:
    """The body every listing command shares: load, ask, show, with errors reported."""
    lang = resolve_lang(lang_option)
    _check_formats(as_json, as_csv, lang)
    with _reported(lang):
        result = ask(load(data))
        if as_json:
            _write_json(result)  # the JSON path imports neither the sheets nor rich
        else:
            _show(result, _layout(layout_name), as_csv=as_csv, lang=lang)


def _layout(name: str) -> Callable[[Any, Lang], Sequence[Any]]:
    from minusma import sheets

    return cast(Callable[[Any, Lang], Sequence[Any]], getattr(sheets, name))


# --------------------------------------------------------------------------- commands


def _version(value: bool) -> None:
    if not value:
        return
    try:
        environment = os.environ.get("MINUSMA_DATA")
        header = load(Path(environment) if environment else None)["header"]
        facts = f"fact base schema {header['schema_version']}, data as of {header['as_of']}"
    except MinusmaError as error:
        facts = f"fact base unavailable: {error}"
    sys.stdout.write(f"minusma {__version__} ({facts})\n")
    raise typer.Exit()


@app.callback(help=_help("app"))
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=_help("version"),
        ),
    ] = False,
) -> None:
    pass


def _listing(name: str, ask: Callable[[FactBase], Any]) -> None:
    """Register a command that only loads, asks and shows: the listing commands differ in nothing else."""

    def command(
        data: DataOption = None, as_json: JsonOption = False, as_csv: CsvOption = False, lang: LangOption = None
    ) -> None:
        _run(data, ask, name, as_json=as_json, as_csv=as_csv, lang_option=lang)

    app.command(name, help=_help(name))(command)


_listing("about", query.about)


@app.command(help=_help("timeline"))
def timeline(
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from",
            callback=_check_date,
            metavar="DATE",
            help=_help("from"),
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option(
            "--to",
            callback=_check_date,
            metavar="DATE",
            help=_help("to"),
        ),
    ] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            "-c",
            callback=_check_categories,
            autocompletion=lambda: list(CATEGORIES),
            help=_help("category", categories=", ".join(CATEGORIES)),
        ),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    lang: LangOption = None,
) -> None:
    if date_from and date_to and query.parse_bound(date_from, end=False) > query.parse_bound(date_to, end=True):
        raise typer.BadParameter(
            label("from_after_to", resolve_lang(lang), start=date_from, end=date_to), param_hint="--from"
        )
    categories = cast(list[Category], category or [])
    _run(
        data, lambda fact_base: query.timeline(fact_base, date_from, date_to, categories), "timeline",
        as_json=as_json, as_csv=as_csv, lang_option=lang,
    )  # fmt: skip


@app.command(help=_help("troops"))
def troops(
    compare: Annotated[bool, typer.Option("--compare", help=_help("compare"))] = False,
    chart: Annotated[bool, typer.Option("--chart", help=_help("chart"))] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    lang: LangOption = None,
) -> None:
    if compare and chart:
        raise typer.BadParameter(
            label("together", resolve_lang(lang), first="--compare", second="--chart"), param_hint="--chart"
        )
    if compare or chart:
        _run(data, query.compare, "chart" if chart else "compare", as_json=as_json, as_csv=as_csv, lang_option=lang)
    else:
        _run(data, query.troops, "troops", as_json=as_json, as_csv=as_csv, lang_option=lang)


_listing("mandate", query.mandate)
_listing("dutch", query.dutch)
_listing("leaders", query.leaders)
_listing("casualties", query.casualties)
_listing("errata", query.errata)


@app.command(help=_help("at"))
def at(
    date: Annotated[
        str,
        typer.Argument(callback=_check_date, metavar="DATE", help=_help("date")),
    ],
    data: DataOption = None,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    _run(data, lambda fact_base: query.at(fact_base, date), "at", as_json=as_json, lang_option=lang)


@app.command(help=_help("search"))
def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help=_help("text"))],
    limit: Annotated[int | None, typer.Option("--limit", min=1, help=_help("limit"))] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    lang: LangOption = None,
) -> None:
    if not text.strip():
        raise typer.BadParameter(label("empty_search", resolve_lang(lang)), param_hint="TEXT")
    _run(
        data, lambda fact_base: query.search(fact_base, text, limit), "search",
        as_json=as_json, as_csv=as_csv, lang_option=lang,
    )  # fmt: skip


@app.command(help=_help("sources"))
def sources(
    source_id: Annotated[str | None, typer.Argument(metavar="ID", help=_help("source_id"))] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    lang: LangOption = None,
) -> None:
    language = resolve_lang(lang)
    if source_id is None:
        _run(data, query.sources, "sources", as_json=as_json, as_csv=as_csv, lang_option=lang)
        return

    def ask(fact_base: FactBase) -> SourceResult:
        found = query.source(fact_base, source_id)
        if found is None:
            message = label("unknown_source", language, id=source_id)
            similar = query.similar_source_ids(fact_base, source_id)
            if similar:
                message += "; " + label("did_you_mean", language, ids=", ".join(similar))
            raise NotFoundError(message)
        return found

    _run(data, ask, "source", as_json=as_json, as_csv=as_csv, lang_option=lang)


@app.command(help=_help("validate"))
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(metavar="PATH", help=_help("path")),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    language = resolve_lang(lang)
    report = query.validation(*validate_file(path or data), language)
    if as_json:
        _write_json(report)
    else:
        from minusma.sheets import validation

        _print_tables(validation(report, language), language)
    if not report["valid"]:
        raise typer.Exit(1)


@app.command(help=_help("schema"))
def schema(
    as_json: Annotated[bool, typer.Option("--json", help=_help("schema_json"))] = False,
) -> None:
    from minusma.model import json_schema

    _write_json(json_schema())


# --------------------------------------------------------------------------- entry point


def main() -> None:
    """The console script: never a traceback for what a user can cause."""
    if sys.stdout is None:
        if sys.stderr is not None:
            sys.stderr.write(f"minusma: {label('stdout_closed', resolve_lang(None))}\n")
        sys.exit(1)
    # A run lasts well under a second and builds no reference cycles worth collecting;
    # cyclic GC passes over 100,000 freshly parsed records only cost time.
    gc.disable()
    try:
        app(prog_name="minusma")
    except SystemExit as done:
        _exit_now(done.code)
    except Exception as error:  # a bug: say so in one line unless asked for the traceback
        if os.environ.get("MINUSMA_DEBUG"):
            raise
        details = f"{type(error).__name__}: {error}"
        sys.stderr.write(f"minusma: {label('internal', resolve_lang(None), error=details)}\n")
        _exit_now(3)
    _exit_now(0)


def _exit_now(code: object) -> None:
    """Flush and leave without tearing down every object of a large fact base one by one.

    Freeing 100,000 parsed events at interpreter exit took 60 ms, a twentieth of a run;
    nothing of minusma needs the teardown (no atexit work, no files open for writing).
    """
    if isinstance(code, str):
        sys.stderr.write(f"{code}\n")
        code = 1
    status = code if isinstance(code, int) else 0 if code is None else 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = 0  # the reader left early; that is not an error
    except (OSError, ValueError):
        pass
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(status)


def _silence_stdout() -> None:
    """After the reader has gone, stop Python complaining when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's buffer)
        pass
