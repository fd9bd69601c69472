"""The cache of validated files: a file whose exact bytes passed validation before is read without
validating it again, with output identical to a validated run, and any change validates it anew."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from installed import minusma_command
from minusma import load
from minusma.errors import FactBaseError
from minusma.model import TOP_LEVEL_KEYS, FactBase


def _run(*args: str, cache: Path | None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MINUSMA_NO_CACHE"}
    if cache is None:
        env["MINUSMA_NO_CACHE"] = "1"
    else:
        env["XDG_CACHE_HOME"] = str(cache)
    return subprocess.run([*minusma_command(), *args], capture_output=True, text=True, env=env, check=False)


def _entries(cache: Path) -> list[Path]:
    folder = cache / "minusma" / "validated"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _tiny(events: list[Any]) -> FactBase:
    """The smallest document the cache takes for a fact base: every top-level key, ``events`` as given."""
    return cast(FactBase, dict.fromkeys(TOP_LEVEL_KEYS) | {"events": events})


def _integer_coordinates(data: dict[str, Any]) -> None:
    data["bases"][0]["longitude"] = int(data["bases"][0]["longitude"])
    data["bases"][0]["latitude"] = int(data["bases"][0]["latitude"])


def test_second_run_reads_the_remembered_file_and_prints_the_same(
    tmp_path: Path, write_fact_base: Callable[..., Path]
) -> None:
    path = write_fact_base(_integer_coordinates)
    cache = tmp_path / "cache"
    for command in (["timeline", "--json"], ["bases", "--json"], ["about"]):
        validated = _run(*command, "--data", str(path), cache=None)
        first = _run(*command, "--data", str(path), cache=cache)
        second = _run(*command, "--data", str(path), cache=cache)
        assert validated.returncode == first.returncode == second.returncode == 0, second.stderr
        assert validated.stdout == first.stdout == second.stdout
    assert len(_entries(cache)) == 1  # one file, remembered once
    bases = json.loads(_run("bases", "--json", "--data", str(path), cache=cache).stdout)
    assert isinstance(bases["sites"][0]["longitude"], float)  # 0 in the file, 0.0 as validated


def test_a_changed_file_is_validated_again(tmp_path: Path, write_fact_base: Callable[..., Path]) -> None:
    path = write_fact_base()  # compact JSON: not the shipped bytes
    cache = tmp_path / "cache"
    assert _run("timeline", "--data", str(path), cache=cache).returncode == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["events"][0]["date"] = "2013-02-30"
    path.write_text(json.dumps(data), encoding="utf-8")
    broken = _run("timeline", "--data", str(path), cache=cache)
    assert broken.returncode == 1
    assert "2013-02-30" in broken.stderr


def test_an_invalid_file_is_not_remembered(tmp_path: Path, write_fact_base: Callable[..., Path]) -> None:
    path = write_fact_base(lambda data: data["events"][0].update(date="2013-02-30"))
    cache = tmp_path / "cache"
    assert _run("timeline", "--data", str(path), cache=cache).returncode == 1
    assert _entries(cache) == []
    assert _run("timeline", "--data", str(path), cache=cache).returncode == 1


def test_no_cache_when_told_or_when_it_cannot_be_written(tmp_path: Path, write_fact_base: Callable[..., Path]) -> None:
    path = write_fact_base()  # compact JSON: not the shipped bytes
    assert _run("timeline", "--data", str(path), cache=None).returncode == 0
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    result = _run("timeline", "--data", str(path), cache=blocked)
    assert (result.returncode, result.stderr) == (0, "")


def test_the_shipped_file_needs_no_entry(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _run("about", cache=cache).returncode == 0
    assert _entries(cache) == []


def test_a_remembered_file_skips_validation(
    tmp_path: Path, write_fact_base: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    path = write_fact_base()  # compact JSON: not the shipped bytes
    validated = load.load(path)

    def no_parse(data: bytes, name: str) -> Any:
        raise AssertionError("validated twice")

    monkeypatch.setattr(load, "parse", no_parse)
    assert load.load(path) == validated
    monkeypatch.setenv("MINUSMA_NO_CACHE", "1")
    with pytest.raises(AssertionError, match="validated twice"):
        load.load(path)


def test_a_cache_entry_does_not_vouch_for_other_code(
    tmp_path: Path, write_fact_base: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    path = write_fact_base()  # compact JSON: not the shipped bytes
    load.load(path)
    monkeypatch.setattr(load, "_validator_tag", lambda: b"another version of the checks")
    monkeypatch.setattr(
        load, "check_fact_base", lambda fact_base: [load.Problem("error", "events", load.Message("read.empty"))]
    )
    with pytest.raises(FactBaseError):
        load.load(path)


@pytest.mark.parametrize(("remembered", "kept"), [(2, 2), (3, 3), (4, 3)])
def test_the_least_recently_used_entries_are_forgotten_beyond_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, remembered: int, kept: int
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    monkeypatch.setattr(load, "CACHE_LIMIT", 3)
    digests = [f"{number:064x}" for number in range(remembered)]
    for age, digest in enumerate(digests):
        load._remember(digest, _tiny([{"n": age}]))
        entry = load._entry(digest)
        assert entry is not None
        os.utime(entry, ns=(age * 10**9, age * 10**9))
    assert len(_entries(tmp_path)) == kept
    found = [load._remembered(digest) for digest in digests]
    assert found == [None] * (remembered - kept) + [_tiny([{"n": age}]) for age in range(remembered - kept, remembered)]


def test_an_entry_that_does_not_match_its_digest_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    digest = "ab" * 32
    load._remember(digest, _tiny([1, 2]))
    entry = load._entry(digest)
    assert entry is not None and load._remembered(digest) == _tiny([1, 2])
    entry.write_bytes(entry.read_bytes().replace(b"[1,2]", b"[1,3]"))
    assert load._remembered(digest) is None


@pytest.mark.parametrize(
    ("xdg", "expected"),
    [
        ("/abs/cache", "/abs/cache/minusma/validated"),
        ("relative", "HOME/.cache/minusma/validated"),
        ("", "HOME/.cache/minusma/validated"),
        ("\n\x1b[31m", "HOME/.cache/minusma/validated"),  # not absolute
        ("/abs/\n\x1b[31m", "/abs/\n\x1b[31m/minusma/validated"),  # absolute: any name a folder can have
    ],
)
def test_cache_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str, expected: str) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    assert load.cache_dir() == Path(expected.replace("HOME", str(tmp_path)))
    monkeypatch.setenv("MINUSMA_NO_CACHE", "1")
    assert load.cache_dir() is None


def _entry_of(path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the cache under ``cache`` keeps the file at ``path``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    entry = load._entry(hashlib.sha256(path.read_bytes()).hexdigest())
    assert entry is not None
    entry.parent.mkdir(parents=True, exist_ok=True)
    return entry


def _timeline(path: Path, cache: Path | None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MINUSMA_NO_CACHE"}
    if cache is None:
        env["MINUSMA_NO_CACHE"] = "1"
    else:
        env["XDG_CACHE_HOME"] = str(cache)
    command = [*minusma_command(), "timeline", "--json", "--data", str(path)]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=60)


def _forged(payload: bytes) -> bytes:
    return hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


@pytest.mark.parametrize(
    "plant",
    [
        pytest.param(lambda entry: os.mkfifo(entry), id="fifo"),  # opening it for reading would wait for a writer
        pytest.param(lambda entry: entry.symlink_to("/dev/zero"), id="dev-zero"),  # endless
        pytest.param(lambda entry: entry.symlink_to("/dev/urandom"), id="dev-urandom"),
        pytest.param(lambda entry: entry.mkdir(), id="folder"),
        pytest.param(lambda entry: entry.write_bytes(b""), id="empty"),
        pytest.param(lambda entry: entry.write_bytes(_forged(b'{"events": 5')), id="not-json"),
        pytest.param(lambda entry: entry.write_bytes(_forged(b"[]")), id="not-an-object"),
        pytest.param(lambda entry: entry.write_bytes(_forged(b"{}")), id="no-keys"),
    ],
)
def test_an_entry_that_is_not_one_minusma_wrote_is_passed_over(
    tmp_path: Path,
    write_fact_base: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    plant: Callable[[Path], object],
) -> None:
    path = write_fact_base()  # compact JSON: not the shipped bytes
    cache = tmp_path / "cache"
    plant(_entry_of(path, cache, monkeypatch))
    validated = _timeline(path, None)
    result = _timeline(path, cache)  # a FIFO or /dev/zero read here would never end: timeout
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == validated.stdout


def test_an_entry_larger_than_any_fact_base_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    digest = "cd" * 32
    load._remember(digest, _tiny([1, 2]))
    entry = load._entry(digest)
    assert entry is not None and load._remembered(digest) == _tiny([1, 2])
    monkeypatch.setattr(load, "MAX_BYTES", entry.stat().st_size - 65)  # the largest fact base's entry: read
    assert load._remembered(digest) == _tiny([1, 2])
    monkeypatch.setattr(load, "MAX_BYTES", entry.stat().st_size - 65 - 1)  # a 3 GB sparse file stands for this
    assert load._remembered(digest) is None
    load._remember("ef" * 32, _tiny([1, 2]))  # nor is one written
    assert load._entry("ef" * 32) is not None and not load._entry("ef" * 32).exists()  # type: ignore[union-attr]


def test_only_the_cache_s_own_files_are_forgotten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that is a link to a folder of the user's: the files there are not the cache's."""
    documents = tmp_path / "documents"
    documents.mkdir()
    theirs = ["thesis.txt", "notes", "A" * 64, f".{'b' * 64}", f"{'c' * 64}.json"]
    for age, name in enumerate(theirs):
        (documents / name).write_text("keep me", encoding="utf-8")
        os.utime(documents / name, ns=(age, age))  # older than any entry
    (documents / ("d" * 64)).mkdir()  # named like an entry, but a folder: not in the way
    cache = tmp_path / "cache"
    (cache / "minusma").mkdir(parents=True)
    (cache / "minusma" / "validated").symlink_to(documents)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    digests = [f"{number:064x}" for number in range(load.CACHE_LIMIT + 2)]
    for age, digest in enumerate(digests):
        load._remember(digest, _tiny([age]))
        entry = load._entry(digest)
        assert entry is not None
        os.utime(entry, ns=(10**9 * (age + 1), 10**9 * (age + 1)))
    assert all((documents / name).read_text(encoding="utf-8") == "keep me" for name in theirs)
    assert (documents / ("d" * 64)).is_dir()
    assert [load._remembered(digest) for digest in digests] == [None, None] + [
        _tiny([age]) for age in range(2, len(digests))
    ]


def test_staged_files_of_running_runs_stay_and_those_of_killed_runs_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    folder = tmp_path / "minusma" / "validated"
    folder.mkdir(parents=True)
    now = time.time()
    running = [folder / f".{'a' * 64}.{pid}" for pid in (101, 102, 103, 104, 105)]  # other runs, writing now
    for staged in running:
        staged.write_bytes(b"half written")
    killed = folder / f".{'b' * 64}.106"
    killed.write_bytes(b"half written")
    left = now - load.STALE_STAGED_SECONDS
    os.utime(killed, (left - 1, left - 1))  # a second older than a staged file may be
    younger = folder / f".{'c' * 64}.107"
    younger.write_bytes(b"half written")
    os.utime(younger, (left + 60, left + 60))
    digests = [f"{number:064x}" for number in range(load.CACHE_LIMIT)]
    for digest in digests:
        load._remember(digest, _tiny([digest]))
    assert all(staged.exists() for staged in [*running, younger])
    assert not killed.exists()
    assert all(load._remembered(digest) == _tiny([digest]) for digest in digests)  # staged files count for nothing


def test_twenty_runs_at_once_on_a_new_file(tmp_path: Path, write_fact_base: Callable[..., Path]) -> None:
    path = write_fact_base()  # compact JSON: not the shipped bytes
    cache = tmp_path / "cache"
    validated = _timeline(path, None)
    env = {key: value for key, value in os.environ.items() if key != "MINUSMA_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(cache)
    command = [*minusma_command(), "timeline", "--json", "--data", str(path)]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True) for _ in range(20)
    ]
    results = [(*run.communicate(timeout=120), run.returncode) for run in runs]
    assert all(result == (validated.stdout, "", 0) for result in results)
    [entry] = _entries(cache)
    content = entry.read_bytes()
    assert content[:65] == hashlib.sha256(content[65:]).hexdigest().encode() + b"\n"


def _plant_forged(path: Path, entry: Path) -> None:
    """Another user's entry for ``path``: a matching digest over facts of their own."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["mission"]["name_en"] = "FORGED"
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    entry.write_bytes(_forged(payload))


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o1777])
def test_a_cache_others_may_write_in_is_neither_read_nor_written(
    tmp_path: Path, write_fact_base: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    path = write_fact_base()  # compact JSON: not the shipped bytes
    cache = tmp_path / "cache"
    entry = _entry_of(path, cache, monkeypatch)
    _plant_forged(path, entry)
    entry.parent.chmod(mode)  # an XDG_CACHE_HOME in a shared /tmp, say
    result = _run("about", "--json", "--data", str(path), cache=cache)
    assert (result.returncode, result.stderr) == (0, "")
    assert "FORGED" not in result.stdout
    entry.unlink()
    assert _run("about", "--data", str(path), cache=cache).returncode == 0
    assert not entry.exists()  # nothing written there either


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away takes root")
def test_a_cache_or_an_entry_of_another_user_is_not_read(
    tmp_path: Path, write_fact_base: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_fact_base()  # compact JSON: not the shipped bytes
    cache = tmp_path / "cache"
    entry = _entry_of(path, cache, monkeypatch)
    _plant_forged(path, entry)
    os.chown(entry, 65534, 65534)  # planted while the folder was open to all, say
    assert "FORGED" not in _run("about", "--json", "--data", str(path), cache=cache).stdout
    _plant_forged(path, entry)
    os.chown(entry, 0, 0)
    os.chown(entry.parent, 65534, 65534)
    assert "FORGED" not in _run("about", "--json", "--data", str(path), cache=cache).stdout


def test_a_staged_name_planted_as_a_link_is_not_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    digest = "ab" * 32
    entry = load._entry(digest)
    assert entry is not None
    entry.parent.mkdir(parents=True)
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    entry.with_name(f".{entry.name}.{os.getpid()}").symlink_to(victim)
    load._remember(digest, _tiny([1]))
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert load._remembered(digest) == _tiny([1])
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600  # the facts of a private file stay private


@pytest.mark.parametrize("home", ["", "relative", "~"])
def test_no_cache_without_a_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: str) -> None:
    """HOME empty would be "/" to expanduser (a root run wrote /.cache); relative, a folder of the current one."""
    monkeypatch.setenv("HOME", home)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    assert load.cache_dir() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert load.cache_dir() is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert load.cache_dir() == tmp_path / "minusma" / "validated"


def test_no_cache_for_a_user_the_system_does_not_know(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HOME")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("MINUSMA_NO_CACHE", raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # what it does when pwd has no entry either
    assert load.cache_dir() is None


@pytest.mark.parametrize("home", ["", "relative", "missing/home"])
def test_a_run_with_no_home_writes_nowhere(tmp_path: Path, write_fact_base: Callable[..., Path], home: str) -> None:
    path = write_fact_base()  # compact JSON: not the shipped bytes
    work = tmp_path / "work"
    work.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("MINUSMA_NO_CACHE", "XDG_CACHE_HOME")}
    env["HOME"] = str(work / home) if home.startswith("missing") else home
    command = [*minusma_command(), "timeline", "--json", "--data", str(path)]
    for _ in range(2):
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=work, check=False)
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout == _timeline(path, None).stdout
    assert list(work.iterdir()) == []  # no .cache here, nor a home made up for the cache


@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_ctrl_c_while_writing_an_entry_leaves_no_half_copy(
    tmp_path: Path, write_fact_base: Callable[..., Path], name: str, code: int
) -> None:
    """The signal comes while the copy is written and not yet renamed: a copy of a large file is large."""
    path = write_fact_base()  # compact JSON: not the shipped bytes
    cache = tmp_path / "cache"
    script = (
        "import os, signal, sys\n"
        "from minusma import entry\n"
        f"os.replace = lambda *paths: os.kill(os.getpid(), signal.{name})\n"
        f"sys.argv = ['minusma', 'timeline', '--json', '--data', {str(path)!r}]\n"
        "entry.main()\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "MINUSMA_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(cache)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env, check=False, timeout=60)
    assert (result.returncode, result.stderr) == (code, b"")
    assert list((cache / "minusma" / "validated").iterdir()) == []


@pytest.mark.parametrize(
    ("module", "name"),
    [("pydantic_core", "__version__"), ("minusma", "__version__"), ("sys", "version")],
)
def test_another_validator_or_python_does_not_trust_an_entry(
    monkeypatch: pytest.MonkeyPatch, module: str, name: str
) -> None:
    """Two environments with the same minusma but another pydantic-core (or Python) share one cache."""
    load._validator_tag.cache_clear()
    before = load._validator_tag()
    monkeypatch.setattr(sys.modules[module], name, "0.0.0-another")
    load._validator_tag.cache_clear()
    try:
        assert load._validator_tag() != before
    finally:
        monkeypatch.undo()
        load._validator_tag.cache_clear()
    assert load._validator_tag() == before
