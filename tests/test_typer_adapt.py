"""The private parts of Typer and Click that minusma relies on, all in ``typer_adapt.py``, are
still there and still as expected: a Typer upgrade that changes one fails here, by name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from minusma import typer_adapt
from minusma.typer_adapt import MESSAGES, PRIVATE_API, message_problem, private_api_problem

SRC = Path(typer_adapt.__file__).parent


@pytest.mark.parametrize("entry", PRIVATE_API)
def test_each_private_name_is_as_expected(entry: str) -> None:
    problem = private_api_problem(entry)
    assert problem is None, f"Typer changed a private name minusma relies on (typer_adapt.py): {problem}"


@pytest.mark.parametrize(("module", "text"), MESSAGES, ids=[text for _, text in MESSAGES])
def test_each_message_read_back_is_still_written_so(module: str, text: str) -> None:
    problem = message_problem(module, text)
    assert problem is None, f"Typer reworded a message minusma recognises (typer_adapt.py): {problem}"


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("function typer.core.TyperArgument.no_such_method(self)", "missing"),
        ("module typer.no_such_module", "missing"),
        ("function typer.core.TyperArgument.get_error_hint(self, ctx)", "parameters (self), expected (self, ctx)"),
        ("class typer._click.exceptions.UsageError(message)", "parameters (message, ctx), expected (message)"),
        ("function typer.core.TyperArgument.display_name_raw", "not callable"),
        ("property typer.core.TyperArgument.get_error_hint", "not a property"),
        ("annotation typer.core._TyperParameter.no_such_field", "no longer declared"),
        ("module typer.core.TyperArgument", "not a module"),
        ("class typer.core._", "not a class"),
    ],
)
def test_the_check_fails_on_a_changed_name(entry: str, said: str) -> None:
    """The check can fail: a name that is gone or changed is reported, by name."""
    problem = private_api_problem(entry)
    target = entry.split(" ")[1].split("(")[0]
    assert problem is not None and problem.startswith(f"{target}: ") and said in problem, problem


def test_the_message_check_fails_on_a_reworded_message() -> None:
    problem = message_problem("typer.core", '_("No such command at all {name!r}.")')
    assert problem is not None and "No such command at all" in problem


def _dotted(node: ast.expr) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def test_every_private_name_the_module_uses_is_listed() -> None:
    """Every ``click.…``, ``typer.core.…`` and ``typer.main.…`` name in typer_adapt.py is in
    PRIVATE_API (itself or the class or module it belongs to, listed with a member)."""
    listed = {entry.split(" ")[1].split("(")[0] for entry in PRIVATE_API}
    prefixes = {target.rsplit(".", 1)[0] for target in listed} | listed
    source = ast.parse((SRC / "typer_adapt.py").read_text(encoding="utf-8"))
    used = set()
    for node in ast.walk(source):
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node)
            if dotted and dotted.split(".")[0] in ("click", "typer"):
                used.add(dotted.replace("click.", "typer._click.", 1) if dotted.startswith("click.") else dotted)
    public = {"typer.Typer", "typer.main", "typer.core"}
    unlisted = {
        name
        for name in used
        if name not in public
        and (name.startswith(("typer._click", "typer.core.", "typer.main.")))
        and not any(name == target or target.startswith(name + ".") for target in prefixes)
    }
    assert unlisted == set()


def test_no_other_module_uses_typers_private_parts() -> None:
    for path in SRC.rglob("*.py"):
        if path.name == "typer_adapt.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "_click" not in text and "typer.core" not in text and "typer.main" not in text, path


def test_parameters_are_taken_as_given_not_through_pydantic() -> None:
    """The coercion hook is in place on the parameters of a real command (str, bool, list of str)."""
    from minusma.cli import app
    from minusma.typer_adapt import _AS_GIVEN, Command, Context

    group = typer_adapt.typer.main.get_command(app)
    timeline = group.commands["timeline"]  # type: ignore[attr-defined]
    assert isinstance(timeline, Command)
    params = timeline.get_params(Context(timeline))
    given = {param.name for param in params if getattr(param, "_runtime_param", None) is _AS_GIVEN}
    assert {"date_from", "date_to", "category", "as_json", "lang"} <= given
    assert all(param.get_runtime_param() is _AS_GIVEN for param in params if param.name in given)  # type: ignore[attr-defined]
