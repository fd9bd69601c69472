"""--output FILE: the same bytes as standard output, in a file that appears whole or not at all."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minusma.cli import app
from minusma.errors import OutputError
from minusma.messages import Message


def _leftovers(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir() if path.name.endswith(".part")]


def test_output_file_holds_what_standard_output_would(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "compare.json"
    written = runner.invoke(app, ["troops", "--compare", "--json", "--output", str(target)])
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    printed = runner.invoke(app, ["troops", "--compare", "--json"])
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(printed.stdout)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("args", [["about"], ["timeline", "--csv"], ["schema"], ["validate", "--json"]])
def test_every_command_takes_output(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "out"
    result = runner.invoke(app, [*args, "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.stat().st_size > 0


def test_a_table_in_a_file_has_no_terminal_codes(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "dutch.txt"
    result = runner.invoke(app, ["dutch", "--lang", "nl", "--output", str(target)], env={"FORCE_COLOR": None})
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "Nederland" in text


def test_output_dash_is_standard_output(runner: CliRunner) -> None:
    result = runner.invoke(app, ["about", "--json", "--output", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["abbreviation"] == "MINUSMA"


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(
    runner: CliRunner, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.json"
    assert runner.invoke(app, ["about", "--json", "--output", str(fresh)]).exit_code == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask
    kept = tmp_path / "kept.json"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    assert runner.invoke(app, ["about", "--json", "--output", str(kept)]).exit_code == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert json.loads(kept.read_text(encoding="utf-8"))["abbreviation"] == "MINUSMA"


def test_a_symbolic_link_is_followed_like_a_redirection(runner: CliRunner, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert runner.invoke(app, ["about", "--json", "--output", str(link)]).exit_code == 0
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["abbreviation"] == "MINUSMA"


def test_a_failed_write_leaves_the_old_file_and_no_half_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minusma.output import json as json_writer
    from minusma.output.stream import write_bytes

    def half_then_full_disk(*_: object) -> None:
        write_bytes(b'{"half')
        raise OutputError(Message("output_failed", {"reason": "No space left on device"}))

    monkeypatch.setattr(json_writer, "write", half_then_full_disk)
    target = tmp_path / "about.json"
    target.write_text("the old file", encoding="utf-8")
    result = runner.invoke(app, ["about", "--json", "--output", str(target)])
    assert result.exit_code == 4, result.output
    assert "about.json" in result.stderr and "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "the old file"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("where", ["folder", "missing/out.json"])
def test_a_file_that_cannot_be_made_is_an_output_error(runner: CliRunner, tmp_path: Path, where: str) -> None:
    (tmp_path / "folder").mkdir()
    result = runner.invoke(app, ["about", "--json", "--output", str(tmp_path / where)])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert "could not write" in result.stderr


def test_a_device_is_written_to_not_replaced(runner: CliRunner) -> None:
    result = runner.invoke(app, ["about", "--json", "--output", os.devnull])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_ctrl_c_while_writing_leaves_no_half_file(tmp_path: Path) -> None:
    script = (
        "from minusma.output import stream\n"
        "from minusma import entry\n"
        "writing = stream.to_file('chart.svg')\n"
        "writing.__enter__()\n"
        "stream.write_bytes(b'<svg')\n"
        "entry._interrupted(2, None)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, check=False)
    assert result.returncode == 130, result.stderr
    assert list(tmp_path.iterdir()) == []
