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


# --------------------------------------------------------------------------- targets that are not plain files (issue 21)


def _minusma(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minusma", *args], capture_output=True, text=True, check=False,
        **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip


def test_dev_stdout_appended_to_a_log_keeps_the_log(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("earlier lines\n", encoding="utf-8")
    command = f"{sys.executable} -m minusma about --json --output /dev/stdout >> {log}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    first, rest = log.read_text(encoding="utf-8").split("\n", 1)
    assert first == "earlier lines"
    assert json.loads(rest)["abbreviation"] == "MINUSMA"


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1"])
def test_dev_stdout_into_a_pipe_is_written_in_place(name: str) -> None:
    command = f"{sys.executable} -m minusma about --json --output {name} | cat"
    result = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["abbreviation"] == "MINUSMA"


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_a_full_disk_gives_the_reason_in_words(lang: str) -> None:
    result = _minusma("about", "--lang", lang, "--output", "/dev/full")
    assert result.returncode == 4
    assert "Message(" not in result.stderr
    reason = {"en": "No space left on device", "nl": "Geen ruimte meer", "fr": "Plus d’espace libre"}[lang]
    assert reason in result.stderr and "/dev/full" in result.stderr


def test_an_empty_output_path_is_a_usage_error(tmp_path: Path) -> None:
    result = _minusma("about", "--output", "", cwd=tmp_path)
    assert result.returncode == 2
    assert "--output names no file: the path is empty" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_path_ending_in_a_slash_is_a_folder_not_a_file(tmp_path: Path) -> None:
    result = _minusma("about", "--output", "x/", cwd=tmp_path)
    assert result.returncode == 4
    assert "x/" in result.stderr and "Is a directory" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_long_but_legal_name_is_written(tmp_path: Path) -> None:
    name = "a" * 250 + ".json"
    result = _minusma("about", "--json", "--output", name, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads((tmp_path / name).read_text(encoding="utf-8"))["abbreviation"] == "MINUSMA"
    assert [path.name for path in tmp_path.iterdir()] == [name]


def test_a_read_only_file_is_refused_as_a_redirection_would(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decided (issue 21 item 15): like ``>``, never replace a file the user may not write.
    The test runs as root in CI, where every file is writable, so the user's rights are stood in for."""
    kept = tmp_path / "kept.json"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK and real_access(path, mode))
    result = runner.invoke(app, ["about", "--json", "--output", str(kept)])
    assert result.exit_code == 4, result.output
    assert "Permission denied" in result.stderr
    assert kept.read_text(encoding="utf-8") == "old"


def test_a_writable_file_in_a_folder_that_is_not_is_written_in_place(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    def refused(*_: object, **__: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    kept = tmp_path / "kept.json"
    kept.write_text("an older and much longer text than the new one, so truncation shows" * 100, encoding="utf-8")
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    result = runner.invoke(app, ["about", "--json", "--output", str(kept)])
    assert result.exit_code == 0, result.output
    assert json.loads(kept.read_text(encoding="utf-8"))["abbreviation"] == "MINUSMA"
    missing = runner.invoke(app, ["about", "--json", "--output", str(tmp_path / "new.json")])
    assert missing.exit_code == 4  # no file to write in place: the folder's refusal stands
    assert "Permission denied" in missing.stderr


@pytest.mark.parametrize("reason", ["EBUSY", "EXDEV"])
def test_a_file_that_cannot_be_renamed_over_is_written_in_place(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reason: str
) -> None:
    import errno

    def busy(*_: object) -> None:
        raise OSError(getattr(errno, reason), "Device or resource busy")

    kept = tmp_path / "kept.json"
    kept.write_text("old" * 1000, encoding="utf-8")
    monkeypatch.setattr(os, "replace", busy)
    result = runner.invoke(app, ["about", "--json", "--output", str(kept)])
    assert result.exit_code == 0, result.output
    assert json.loads(kept.read_text(encoding="utf-8"))["abbreviation"] == "MINUSMA"
    assert _leftovers(tmp_path) == []


KILLED_WHILE_WRITING = """
import os, signal, sys
STOP = getattr(signal, sys.argv[1])
from minusma.output import json as writer
from minusma.output.stream import write_bytes
from minusma import entry

def half_then_die(*_):
    write_bytes(b'{"half')
    os.kill(os.getpid(), STOP)
writer.write = half_then_die
sys.argv = ["minusma", "about", "--json", "--output", "out.json"]
entry.main()
"""


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_stop_signal_while_writing_leaves_no_half_file(tmp_path: Path, name: str, code: int) -> None:
    result = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, name], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (code, "")
    assert list(tmp_path.iterdir()) == []
