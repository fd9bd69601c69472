"""Start-up and scaling benchmark for minusma. Run it with bench/run.

Every figure is the median of RUNS runs. Commands compared in a ratio run in turn,
pair by pair, so both sides see the same machine load. Peak memory is each
process's own maximum resident set (os.wait4), not the largest child so far.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
MINUSMA = [PYTHON, "-m", "minusma"]
SCRIPT = shutil.which("minusma", path=str(Path(PYTHON).parent))
if SCRIPT:
    MINUSMA = [SCRIPT]
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
# Measure what an installed tool costs: pip writes .pyc files at install time, so let
# the warm-up run write them here too, whatever the calling shell says.
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENVIRONMENT["COLUMNS"] = "100"  # tables are drawn for a 100-column terminal (stdout is a pipe here)
ENVIRONMENT.pop("MINUSMA_NO_CACHE", None)
UNCACHED = ["env", "MINUSMA_NO_CACHE=1"]
"""A run that validates the file and keeps nothing (load.cache_dir)."""


def first_run(command: list[str]) -> list[str]:
    """A run on a file minusma has not seen: its own cache folder emptied first, so it validates and
    writes the validated copy, as a user's first run on a new file does."""
    script = 'cache="$(mktemp -d)" && XDG_CACHE_HOME="$cache" "$@"; status=$?; rm -rf "$cache"; exit $status'
    return ["sh", "-c", script, "sh", *command]


def measure(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident kilobytes of one run, its output read through a pipe as a
    script reads it (a reader that drains the pipe, not /dev/null: writing to a pipe costs more)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENVIRONMENT)
    assert process.stdout is not None
    while process.stdout.read(1 << 16):
        pass
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.stdout.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def paired(commands: list[list[str]], runs: int = RUNS) -> list[tuple[float, int]]:
    """Run each command ``runs`` times, interleaved; return (median seconds, max kB) per command."""
    for command in commands:
        measure(command)  # warm the page cache and .pyc files
    samples: list[list[tuple[float, int]]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            samples[index].append(measure(command))
    return [(statistics.median(s for s, _ in runs), max(k for _, k in runs)) for runs in samples]


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}\n")
    print("| " + " | ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for row in rows:
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |")


def startup() -> None:
    floor = [PYTHON, str(HERE / "bare_typer.py")]
    cases = [
        ("minusma troops --compare --json", [*MINUSMA, "troops", "--compare", "--json"], [*floor, "--json"], 1.00),
        ("minusma troops --compare", [*MINUSMA, "troops", "--compare"], floor, 1.20),
        ("minusma timeline --json", [*MINUSMA, "timeline", "--json"], [*floor, "--json"], None),
        ("minusma --help", [*MINUSMA, "--help"], [*floor, "--help"], 1.00),
    ]
    baselines = {
        "bare Typer app": floor,
        "python -c pass": [PYTHON, "-c", "pass"],
        "jq . data/minusma.json": ["jq", ".", str(REPO / "data" / "minusma.json")],
    }
    rows = []
    for name, command, floor_command, target in cases:
        (ours, _), (base, _), (bare, _), (jq, _) = paired(
            [command, floor_command, baselines["python -c pass"], baselines["jq . data/minusma.json"]]
        )
        ratio = ours / base
        verdict = "-" if target is None else ("met" if ratio <= target else "MISSED")
        rows.append([
            name, f"{ours * 1000:.0f} ms", f"{base * 1000:.0f} ms", f"{ratio:.2f}x",
            f"<= {target:.2f}x" if target else "-", verdict, f"{bare * 1000:.0f} ms", f"{jq * 1000:.0f} ms",
        ])  # fmt: skip
    table(
        f"Start-up (median of {RUNS}, each against its own floor run in turn)",
        ["command", "minusma", "bare Typer", "ratio", "target", "", "python -c pass", "jq . data/minusma.json"],
        rows,
    )


SIZES = (10_000, 100_000, 1_000_000) if os.environ.get("BENCH_MILLION") == "1" else (10_000, 100_000)
MILLION_RUNS = 1
"""Runs at 1,000,000 events, where one run of jq takes 16 s."""
HUMAN = ("timeline (table)", "timeline --format md", "timeline --format html")
GROWING = ("timeline --json", "timeline (table)")


def scaling(folder: Path) -> None:
    rows = []
    times: dict[str, dict[int, float]] = {name: {} for name in GROWING}
    verdicts = []
    for count in SIZES:
        path = folder / f"facts-{count}.json"
        subprocess.run([PYTHON, str(HERE / "make_factbase.py"), str(count), str(path)], check=True)
        size = path.stat().st_size / 1e6
        jq = ["jq", "-c", ".", str(path)]
        commands = {
            "timeline --json": [*MINUSMA, "timeline", "--json", "--data", str(path)],
            "timeline --json, first run": first_run([*MINUSMA, "timeline", "--json", "--data", str(path)]),
            "timeline --json, no cache": [*UNCACHED, *MINUSMA, "timeline", "--json", "--data", str(path)],
            "timeline (table)": [*MINUSMA, "timeline", "--data", str(path)],
            "timeline --csv": [*MINUSMA, "timeline", "--csv", "--data", str(path)],
            "timeline --format md": [*MINUSMA, "timeline", "--format", "md", "--data", str(path)],
            "timeline --format html": [*MINUSMA, "timeline", "--format", "html", "--data", str(path)],
            "at 2017-06-01 --json": [*MINUSMA, "at", "2017-06-01", "--json", "--data", str(path)],
            "search Kidal --json": [*MINUSMA, "search", "Kidal", "--json", "--data", str(path)],
            "validate": [*MINUSMA, "validate", str(path), "--json"],
        }
        measured: dict[str, tuple[float, float, float, float]] = {}
        for name, command in commands.items():
            (ours, ours_kb), (theirs, jq_kb) = paired([command, jq], runs=MILLION_RUNS if count >= 1_000_000 else RUNS)
            measured[name] = (ours, theirs, ours_kb, jq_kb)
            if name in times:
                times[name][count] = ours
            rows.append([
                f"{count:,}", f"{size:.1f} MB", name, f"{ours:.2f} s", f"{theirs:.2f} s", f"{ours / theirs:.2f}x",
                f"{ours_kb / 1024:.0f} MB", f"{jq_kb / 1024:.0f} MB", f"{ours_kb / jq_kb:.2f}x",
            ])  # fmt: skip
        json_time = measured["timeline --json"][0]
        for human in HUMAN:
            verdicts.append(
                _verdict(f"{count:,} events: {human} / timeline --json", measured[human][0] / json_time, 2.0)
            )
        if count == 100_000:
            for name, target in (("timeline --json", 0.75), ("search Kidal --json", 1.0)):
                ours, theirs, _, _ = measured[name]
                verdicts.append(_verdict(f"{count:,} events: {name} / jq -c . (time)", ours / theirs, target))
            for name, what in (
                ("timeline --json, first run", "it validates the file and keeps it validated for the runs after it"),
                ("timeline --json, no cache", "MINUSMA_NO_CACHE=1: it validates the file and keeps nothing"),
            ):
                ours, theirs, _, _ = measured[name]
                verdicts.append(
                    f"- {count:,} events: {name} / jq -c . (time): {ours / theirs:.2f}x (no target: {what})"
                )
            for name in ("timeline --json", "search Kidal --json", "validate"):
                _, _, ours_kb, jq_kb = measured[name]
                verdicts.append(_verdict(f"{count:,} events: {name} / jq -c . (peak memory)", ours_kb / jq_kb, 1.5))
    table(
        f"Scaling (median of {RUNS}, {MILLION_RUNS} at 1,000,000 events; each minusma command paired with "
        "jq -c . on the same file; tables 100 columns)",
        ["events", "file", "minusma", "time", "jq -c .", "time ratio", "peak memory", "jq memory", "memory ratio"],
        rows,
    )
    for name, by_size in times.items():
        for small, large in zip(SIZES, SIZES[1:], strict=False):
            verdicts.append(
                _verdict(f"{name} from {small:,} to {large:,} events (growth)", by_size[large] / by_size[small], 10.5)
            )
    print("\nTargets\n")
    for line in verdicts:
        print(line)


def _verdict(what: str, ratio: float, target: float) -> str:
    return f"- {what}: {ratio:.2f}x (target <= {target:g}x): {'met' if ratio <= target else 'MISSED'}"


def main() -> None:
    if shutil.which("jq") is None:
        raise SystemExit("bench needs jq (apt-get install jq)")
    print(f"minusma benchmark: {RUNS} runs each, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as cache:
        ENVIRONMENT["XDG_CACHE_HOME"] = cache  # the warm-up run of each command fills it, as a user's first run does
        startup()
        if os.environ.get("BENCH_SKIP_SCALING") != "1":
            with tempfile.TemporaryDirectory() as folder:
                scaling(Path(folder))


if __name__ == "__main__":
    main()
