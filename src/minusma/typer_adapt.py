"""Typer and Click, adapted to this tool: the one module that uses their private parts.

What it adds to Typer: help and usage in the run's language (Typer reads help texts at import,
before any --lang is known), the shared options on every command (:class:`Command`,
:class:`Group`), help that goes out like every other output, Click's usage errors in the tool's
words, and parameters taken as given instead of through pydantic (start-up time).

Every private name of Typer or Click this module relies on (``typer._click`` itself, Typer's
internals, Click's messages it reads back) is listed in :data:`PRIVATE_API` and
:data:`MESSAGES`; ``tests/test_typer_adapt.py`` checks each one exists with the expected kind
and signature, so a Typer upgrade that changes one fails there, by name, and not in a user's
hands. No other module imports ``typer._click`` or ``typer.core``.

:func:`install` patches Typer's classes once; ``cli.py`` calls it and gives the hooks that are
its own business (which shared options a command shows, what its invocation keeps, the run).
"""

from __future__ import annotations

import copy
import importlib
import inspect
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

import typer
import typer.core
from typer import _click as click

from minusma.errors import UsageError
from minusma.messages import LANGS, Lang, catalogue, say
from minusma.output.cells import safe, typed
from minusma.output.stream import write_text

Parameter = click.Parameter
Context = click.Context
ParseError = click.exceptions.UsageError
"""Click's usage error: a command line that does not parse (exit 2)."""
NoArgsIsHelp = click.exceptions.NoArgsIsHelpError
"""No command given: Click's error carries the top level's help."""


# --------------------------------------------------------------------------- the private API


PRIVATE_API: tuple[str, ...] = (
    "module typer._click",
    "class typer._click.Parameter",
    "class typer._click.Context",
    "property typer._click.Context.meta",
    "property typer._click.Context.command_path",
    "function typer._click.Context.get_usage(self)",
    "function typer._click.Context.get_help(self)",
    "function typer._click.Context.exit(self, code)",
    "function typer._click.globals.get_current_context(silent)",
    "function typer._click.formatting.HelpFormatter.write_usage(self, prog, args, prefix)",
    "value typer._click.formatting.FORCED_WIDTH",  # tests/manpage.py
    "class typer._click.exceptions.UsageError(message, ctx)",
    "class typer._click.exceptions.NoArgsIsHelpError(ctx)",
    "class typer._click.exceptions.NoSuchOption(option_name, message, possibilities, ctx)",
    "class typer._click.exceptions.MissingParameter(message, ctx, param, param_hint, param_type)",
    "class typer._click.exceptions.BadParameter(message, ctx, param, param_hint)",
    "class typer._click.exceptions.BadOptionUsage(option_name, message, ctx)",
    "function typer.main.get_command(typer_instance)",
    "function typer.core._(message)",  # gettext: replaced by _translate
    "class typer.core.TyperCommand",
    "class typer.core.TyperGroup",
    "function typer.core.TyperCommand.get_params(self, ctx)",
    "function typer.core.TyperCommand.get_help_option(self, ctx)",
    "function typer.core.TyperCommand.collect_usage_pieces(self, ctx)",
    "function typer.core.TyperCommand.format_usage(self, ctx, formatter)",
    "function typer.core.TyperCommand.format_help_text(self, ctx, formatter)",
    "function typer.core.TyperCommand.get_short_help_str(self, limit)",
    "function typer.core.TyperCommand.invoke(self, ctx)",
    "function typer.core.TyperGroup.invoke(self, ctx)",
    "function typer.core.TyperGroup.main(self, args, prog_name, complete_var, standalone_mode, windows_expand_args, extra)",
    "class typer.core.TyperArgument",
    "class typer.core.TyperOption",
    "property typer.core.TyperArgument.display_name_raw",
    "function typer.core.TyperArgument.get_error_hint(self)",
    "function typer.core.TyperOption.get_error_hint(self)",
    "function typer.core.TyperArgument._usage_display_name(self)",  # replaced by _usage_name
    "function typer.core.TyperArgument.display_type_rich(self, ctx)",  # replaced
    "function typer.core.TyperOption.display_type_rich(self, ctx)",  # replaced
    "annotation typer.core._TyperParameter._runtime_param",  # set to _AS_GIVEN
    "annotation typer.core._TyperParameter.type_descriptor",
    "annotation typer._coercion.TypeDescriptor.annotation",
    "annotation typer._coercion.TypeDescriptor.file_annotation",
    "function typer._coercion.RuntimeParam.coerce(self, value, param, ctx)",  # _AsGiven's
)
"""Every private name this module uses: ``tests/test_typer_adapt.py`` checks each one."""

MESSAGES: tuple[tuple[str, str], ...] = (
    ("typer.core", '_("Arguments")'),
    ("typer.core", '_("Options")'),
    ("typer.core", '_("Commands")'),
    ("typer.core", '_("default: {default}")'),
    ("typer.core", '_("required")'),
    ("typer.core", '_("env var: {var}")'),
    ("typer.core", '_("Missing command.")'),
    ("typer.core", '_("No such command {name!r}.")'),
    ("typer._click.core", 'f"Got unexpected extra argument(s) ({extra_args})"'),
    ("typer._click.parser", 'f"Option {option_name!r} requires {msg}"'),
    ("typer._click.parser", '"an argument."'),
)
"""The texts of Typer and Click that :func:`_translate` and :func:`usage_message` recognise, as
their source writes them (module, text): a reworded one fails ``tests/test_typer_adapt.py``."""

_ORIGINALS: dict[str, object] = {}
"""What :func:`install` replaced, by target, so that the check sees Typer's own."""


def _resolve(target: str) -> object:
    """The object at a dotted path: the longest importable module, then attributes."""
    parts = target.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            found = getattr(found, part)
        return found
    raise ImportError(target)


def private_api_problem(entry: str) -> str | None:
    """What is wrong with one entry of :data:`PRIVATE_API` (None if it is as this module expects):
    ``KIND TARGET`` or ``KIND TARGET(PARAMETERS)``, a class's parameters being its ``__init__``'s."""
    kind, _, spelled = entry.partition(" ")
    target, _, listed = spelled.partition("(")
    owner_path, _, name = target.rpartition(".")
    try:
        if kind == "annotation":
            owner = cast(type, _resolve(owner_path))
            declared = {key for cls in inspect.getmro(owner) for key in getattr(cls, "__annotations__", {})}
            return None if name in declared else f"{target}: no longer declared"
        if kind == "property":
            found = inspect.getattr_static(_resolve(owner_path), name)
            return None if isinstance(found, property) else f"{target}: not a property but {type(found).__name__}"
        found = _ORIGINALS[target] if target in _ORIGINALS else _resolve(target)
    except (ImportError, AttributeError):
        return f"{target}: missing"
    if kind == "module" and not inspect.ismodule(found):
        return f"{target}: not a module"
    if kind == "class" and not inspect.isclass(found):
        return f"{target}: not a class"
    if kind == "function" and not callable(found):
        return f"{target}: not callable"
    if listed:
        expected = tuple(part.strip() for part in listed.rstrip(")").split(","))
        names = tuple(inspect.signature(cast(Callable[..., Any], found)).parameters)  # a class's: no self
        if names != expected:
            return f"{target}: parameters ({', '.join(names)}), expected ({', '.join(expected)})"
    return None


def message_problem(module: str, text: str) -> str | None:
    """Whether a text of Typer or Click this module reads back is still written so."""
    if text in inspect.getsource(cast(Any, importlib.import_module(module))):
        return None
    return f"{module}: no longer says {text}"


# --------------------------------------------------------------------------- the run's language


def resolve_lang(option: str | None, environ: Mapping[str, str] = os.environ) -> Lang:
    """--lang, else MINUSMA_LANG, else the first set of LC_ALL, LC_MESSAGES, LANG (POSIX order)."""
    for chosen in (option, environ.get("MINUSMA_LANG")):
        for lang in LANGS:
            if chosen == lang:
                return lang
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            prefix = value.lower()[:2]
            return cast(Lang, prefix) if prefix in LANGS and prefix != "en" else "en"
    return "en"


def _argv_lang(argv: Sequence[str]) -> str | None:
    """``--lang X`` anywhere on the command line, read before parsing so that --help follows it."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.partition("=")[2]
    return None


ARGUMENTS: list[str] = []
"""The arguments of the run (``cli.run`` sets them), for words shown before the options are parsed."""


def run_lang(arguments: Sequence[str] | None = None) -> Lang:
    """The language of this run's help and usage messages: --lang anywhere on its command line
    (``arguments``, by default the run's), else MINUSMA_LANG and the locale; an unknown --lang
    is reported once parsed, in this language."""
    return resolve_lang(_argv_lang(ARGUMENTS if arguments is None else arguments))


# --------------------------------------------------------------------------- help in the run's language


_HELP_MARK = "minusma-help:"
_HELP_TEXTS: list[tuple[str, Mapping[str, object], Callable[[], Mapping[str, object]] | None]] = []


def help_text(key: str, lazy: Callable[[], Mapping[str, object]] | None = None, **values: object) -> str:
    """A help text, said in the run's language when shown (Typer takes help at import, before
    any --lang is known): a mark that :func:`_localise` turns into the words. ``lazy`` gives
    values read when shown: the lists of formats and languages, from their registries."""
    _HELP_TEXTS.append((key, values, lazy))
    return f"{_HELP_MARK}{len(_HELP_TEXTS) - 1}"


def _localise(item: Any) -> None:
    """Put a parameter's or a command's help in the run's language (keeping its mark, for the next run)."""
    mark = getattr(item, "_minusma_help", None) or item.help
    if isinstance(mark, str) and mark.startswith(_HELP_MARK):
        key, values, lazy = _HELP_TEXTS[int(mark[len(_HELP_MARK) :])]
        item._minusma_help = mark
        item.help = say(f"help.{key}", run_lang(), **values, **(lazy() if lazy is not None else {}))


def _translate(message: str) -> str:
    """Typer's own words in help pages (section titles, 'default:', 'required') in the help language."""
    key = {
        "Arguments": "help.section.Arguments", "Options": "help.section.Options", "Commands": "help.section.Commands",
        "default: {default}": "help.default", "required": "help.required", "env var: {var}": "help.env_var",
    }.get(message)  # fmt: skip
    if key is None:
        return message
    return catalogue(run_lang())[key]  # unformatted: Typer fills {default} and {var} itself


def _usage_name(argument: typer.core.TyperArgument) -> str:
    """``DATE`` for a required argument, ``[ID]`` for an optional one: Click's convention, no braces."""
    name = argument.display_name_raw
    return name if argument.required else f"[{name}]"


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """Help goes out like every other output, whole even on a non-blocking stdout."""
    if value and not ctx.resilient_parsing:
        write_text(ctx.get_help() + "\n")
        ctx.exit()


# --------------------------------------------------------------------------- shared options


def declared_params(declaration: Callable[..., None]) -> list[click.Parameter]:
    """The parameters Typer makes of a function's signature (without --help)."""
    holder = typer.Typer(add_completion=False)  # the completion options belong to the top level alone
    holder.command()(declaration)
    return [param for param in typer.main.get_command(holder).params if param.name != "help"]


def shown_as(param: click.Parameter, hidden: bool, help: str | None = None) -> click.Parameter:
    """A copy of a shared option as one command's --help shows it: hidden, or with its own help
    (a :func:`help_text` mark)."""
    shown = copy.copy(param)
    shown.hidden = hidden  # type: ignore[attr-defined]
    if help is not None:
        shown.help = help  # type: ignore[attr-defined]
        shown._minusma_help = None  # type: ignore[attr-defined]
    return shown


def current_context(silent: bool = False) -> click.Context | None:
    """The context of the command being parsed or run (None outside one, if ``silent``)."""
    return click.globals.get_current_context(silent=silent)


class Hooks:
    """What ``cli.py`` tells this module: its own business, not Typer's."""

    def __init__(
        self,
        shared: Callable[[str | None], list[click.Parameter]],
        keep: Callable[[click.Context], None],
        run: Callable[[Sequence[str] | None], int],
    ) -> None:
        self.shared = shared
        """The shared options a command (None: the top level) takes and shows, in --help's order."""
        self.keep = keep
        """Takes the shared options out of a command's parameters before it runs."""
        self.run = run
        """The whole run: a standalone call (a test's CliRunner, ``app()``) goes through it."""


_HOOKS: list[Hooks] = []


def _hooks() -> Hooks:
    return _HOOKS[-1]


class _AsGiven:
    """Typer's coercion for a parameter whose value the command line already gives in its type.

    Typer (0.29) converts every parameter through a pydantic TypeAdapter, built for each one on
    first use: for this tool's parameters (str, bool, lists of str) that turns a string into the
    same string, and importing pydantic and building the adapters took 75 ms of a 160 ms start,
    though the shipped fact base needs no validation. Any other type keeps Typer's own coercion.
    """

    def coerce(self, value: Any, param: click.Parameter, ctx: click.Context) -> Any:
        many = param.multiple or param.nargs == -1
        if value is None:
            return () if many else None  # as Typer gives it
        return list(value) if many else value


_AS_GIVEN = _AsGiven()
_ABSENT = object()


def _as_given(param: click.Parameter) -> bool:
    descriptor = getattr(param, "type_descriptor", None)
    return (
        descriptor is not None
        and getattr(descriptor, "file_annotation", None) is None
        and (descriptor.annotation in (str, bool, list[str]))
    )


class _Shared:
    """What Command and Group add to Typer's classes: the shared options and words in the user's language."""

    params: list[click.Parameter]
    name: str | None

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        for param in self.params:  # Typer's completion options, in the help language
            if param.name in ("install_completion", "show_completion"):
                param.help = say(f"help.completion_{param.name.split('_')[0]}", run_lang())  # type: ignore[attr-defined]
        own = [*self.params, *_hooks().shared(self.name)]
        for param in own:
            _localise(param)
        help_option = self.get_help_option(ctx)  # type: ignore[attr-defined]
        if help_option is not None:
            help_option.help = say("help.help_option", run_lang())
            help_option.callback = _show_help
            own.append(help_option)
        for param in own:
            if getattr(param, "_runtime_param", _ABSENT) is None and _as_given(param):
                param._runtime_param = _AS_GIVEN  # type: ignore[attr-defined]
        return own

    def format_usage(self, ctx: click.Context, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=say("usage.prefix", run_lang()) + " ")

    def format_help_text(self, ctx: click.Context, formatter: Any) -> None:
        _localise(self)
        super().format_help_text(ctx, formatter)  # type: ignore[misc]

    def get_short_help_str(self, limit: int = 45) -> str:
        _localise(self)
        return super().get_short_help_str(limit)  # type: ignore[misc,no-any-return]


class Command(_Shared, typer.core.TyperCommand):
    def invoke(self, ctx: click.Context) -> Any:
        _hooks().keep(ctx)
        try:
            return super().invoke(ctx)
        except UsageError as error:
            error.ctx = ctx  # for the usage line of the message
            raise


class Group(_Shared, typer.core.TyperGroup):
    def invoke(self, ctx: click.Context) -> Any:
        _hooks().keep(ctx)
        return super().invoke(ctx)

    def main(self, args: Sequence[str] | None = None, *more: Any, **extra: Any) -> Any:
        """Standalone (a test's CliRunner, ``app()``), every error goes through the run like the console script's."""
        if extra.pop("standalone_mode", True):
            sys.exit(_hooks().run(args))
        extra["standalone_mode"] = False
        return super().main(args, *more, **extra)


def install(hooks: Hooks) -> None:
    """Adapt Typer for this tool (once; ``cli.py`` calls it at import)."""
    _HOOKS[:] = [hooks]
    if _ORIGINALS:
        return
    _ORIGINALS["typer.core._"] = typer.core._  # type: ignore[attr-defined]
    _ORIGINALS["typer.core.TyperArgument.display_type_rich"] = typer.core.TyperArgument.display_type_rich
    _ORIGINALS["typer.core.TyperOption.display_type_rich"] = typer.core.TyperOption.display_type_rich
    _ORIGINALS["typer.core.TyperArgument._usage_display_name"] = typer.core.TyperArgument._usage_display_name
    typer.core._ = _translate  # type: ignore[attr-defined]
    # Help shows words (DATE, CATEGORY, N), not Python types (<str>, <list[str]>, <int range>).
    typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    typer.core.TyperOption.display_type_rich = lambda self, ctx: self.metavar or (self.name or "").upper()  # type: ignore[method-assign]
    typer.core.TyperArgument._usage_display_name = _usage_name  # type: ignore[method-assign,assignment]


# --------------------------------------------------------------------------- usage errors


def usage_message(error: click.exceptions.UsageError, lang: Lang, app: typer.Typer) -> str:
    """The parser's complaint in the tool's words, in ``lang`` (``app`` lists the commands)."""
    if isinstance(error, click.exceptions.NoSuchOption):
        message = say("usage.no_such_option", lang, name=typed(error.option_name or ""))
        if error.possibilities:
            message = say("usage.did_you_mean", lang, message=message, names=", ".join(sorted(error.possibilities)))
        return message
    if isinstance(error, click.exceptions.MissingParameter):
        param = error.param
        name = (param.metavar or param.name or "?") if param is not None else "?"
        kind = "argument" if isinstance(param, typer.core.TyperArgument) else "option"
        if kind == "option" and param is not None and param.opts:
            name = param.opts[0]
        return say(f"usage.missing_{kind}", lang, name=name)
    if isinstance(error, click.exceptions.BadParameter):
        hint = error.param_hint or (error.param.get_error_hint() if error.param else None)
        hint_text = hint if isinstance(hint, str) else " / ".join(hint) if hint else "?"
        return say("usage.invalid_value", lang, name=hint_text, message=error.message)
    if isinstance(error, click.exceptions.BadOptionUsage) and "requires an argument" in error.message:
        return say("usage.needs_value", lang, name=typed(error.option_name or ""))
    text = error.message
    extra = re.fullmatch(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", text, re.DOTALL)
    if extra:
        return say("usage.extra_arguments", lang, arguments=typed(extra[1]))
    if text.startswith("No such command"):
        found = re.match(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?$", text, re.S)
        name = found[1] if found else text
        commands = ", ".join(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
        message = say("usage.no_such_command", lang, name=typed(name), commands=commands)
        if found and found[2]:
            message = say("usage.did_you_mean", lang, message=message.rstrip("."), names=found[2])
        return message
    if text == "Missing command.":
        return say("usage.missing_command", lang)
    return safe(text, lines=False)


def usage_frame(ctx: click.Context | None, message: str, lang: Lang) -> str:
    """A usage error as shown: the usage line and where to get help (when known), then the message."""
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        lines.append(say("usage.try", lang, command=ctx.command_path))
        lines.append("")
    lines.append(say("usage.error", lang, message=message))
    return "\n".join(lines) + "\n"
