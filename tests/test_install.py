"""Packaging: the fact base ships in the wheel, the sdist builds the same wheel, and an
editable install reads data/ from the checkout. `minusma` then works from any folder."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "minusma.json"

pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, cwd=cwd, check=False)
    assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir", out, REPO)
    sdist = next(out.glob("minusma-*.tar.gz"))
    from_sdist = tmp_path_factory.mktemp("from-sdist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", from_sdist, sdist)
    return {"wheel": next(out.glob("minusma-*.whl")), "sdist": sdist, "sdist_wheel": next(from_sdist.glob("*.whl"))}


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("venv")
    venv.create(folder, with_pip=True)
    return folder / "bin"


def _check_installed(bin_dir: Path, elsewhere: Path) -> None:
    result = _run(bin_dir / "minusma", "troops", "--compare", "--json", cwd=elsewhere)
    document = json.loads(result.stdout)
    assert document["comparison"][0]["ceiling"]["total"] == 12640
    assert _run(bin_dir / "python", "-m", "minusma", "--version", cwd=elsewhere).stdout.startswith("minusma ")


def _check_images_need_the_extra(bin_dir: Path, elsewhere: Path) -> None:
    """Installed without the charts extra (no matplotlib): images are a usage error naming the install command."""
    result = subprocess.run(
        [bin_dir / "minusma", "troops", "--chart", "--format", "svg"], capture_output=True, text=True, cwd=elsewhere,
        check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "pip install 'minusma[charts]'" in result.stderr
    assert result.stdout == ""


def _check_workbooks_need_the_extra(bin_dir: Path, elsewhere: Path) -> None:
    """Installed without the xlsx extra (no openpyxl): a workbook is a usage error naming the install command."""
    result = subprocess.run(
        [bin_dir / "minusma", "about", "--format", "xlsx", "--output", "about.xlsx"], capture_output=True, text=True,
        cwd=elsewhere, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "pip install 'minusma[xlsx]'" in result.stderr
    assert not (elsewhere / "about.xlsx").exists()


def test_the_wheel_names_its_optional_extras(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["wheel"]) as wheel:
        metadata = next(wheel.read(name).decode() for name in wheel.namelist() if name.endswith(".dist-info/METADATA"))
    assert {"Provides-Extra: charts", "Provides-Extra: xlsx"} <= set(metadata.splitlines())
    assert any(
        line.startswith("Requires-Dist: openpyxl") and "extra == 'xlsx'" in line.replace('"', "'")
        for line in metadata.splitlines()
    )


@pytest.mark.parametrize("kind", ["wheel", "sdist_wheel"])
def test_the_wheel_carries_the_fact_base(built: dict[str, Path], kind: str) -> None:
    with zipfile.ZipFile(built[kind]) as wheel:
        assert wheel.read("minusma/data/minusma.json") == DATA.read_bytes()


def test_the_sdist_carries_the_data_folder(built: dict[str, Path]) -> None:
    import tarfile

    with tarfile.open(built["sdist"]) as sdist:
        names = sdist.getnames()
    assert any(name.endswith("/data/minusma.json") for name in names)
    assert any(name.endswith("/data/minusma.schema.json") for name in names)


def test_installed_wheel_sdist_wheel_and_editable_all_work_from_another_folder(
    built: dict[str, Path], fresh_venv: Path, tmp_path: Path
) -> None:
    _run(fresh_venv / "python", "-m", "pip", "install", "--quiet", built["wheel"])
    _check_installed(fresh_venv, tmp_path)
    _check_images_need_the_extra(fresh_venv, tmp_path)
    _check_workbooks_need_the_extra(fresh_venv, tmp_path)
    _run(
        fresh_venv / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", built["sdist_wheel"]
    )
    _check_installed(fresh_venv, tmp_path)
    _run(fresh_venv / "python", "-m", "pip", "uninstall", "--quiet", "--yes", "minusma")
    _run(fresh_venv / "python", "-m", "pip", "install", "--quiet", "--no-deps", "-e", REPO)
    _check_installed(fresh_venv, tmp_path)
