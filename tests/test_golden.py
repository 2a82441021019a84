"""Golden files: each seed's page, and the whole generated tree, against checked-in expectations.

Regenerate after an intended change with ``make golden`` and review the diff like code.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build import generate
from tests.conftest import SEEDS

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DIGEST_UPDATE_GOLDEN") == "1"
FIXED_TIME = 1_767_225_600  # 2026-01-01: seeds copied to tmp get this file time (the undated fallback)


@pytest.fixture(autouse=True)
def pinned_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # seeds are given as "seeds", as on the command line
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FIXED_TIME))
    monkeypatch.delenv("DIGEST_SITE_URL", raising=False)


def _copy(seeds: list[Path], folder: Path) -> Path:
    folder.mkdir()
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
        os.utime(folder / seed.name, (FIXED_TIME, FIXED_TIME))
    return folder


def _compare(actual: Path, expected: Path) -> None:
    if UPDATE:
        shutil.rmtree(expected, ignore_errors=True)
        shutil.copytree(actual, expected)
    files = sorted(p.relative_to(actual).as_posix() for p in actual.rglob("*") if p.is_file())
    wanted = sorted(p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file())
    assert files == wanted, "the generated tree has other files than the golden one (make golden)"
    for name in files:
        assert (actual / name).read_bytes() == (expected / name).read_bytes(), f"{name} differs (make golden)"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_each_seed_gives_its_golden_page(seed, tmp_path):
    _copy([seed], tmp_path / "seeds")
    generate("seeds", "docs")
    pages = list((tmp_path / "docs" / "articles").iterdir())
    assert len(pages) == 1
    out = tmp_path / "page"
    out.mkdir()
    shutil.copy(pages[0], out / f"{seed.stem}.md")
    expected = GOLDEN / "pages" / seed.stem
    _compare(out, expected)


def test_whole_tree_matches_golden(tmp_path):
    _copy(sorted(SEEDS.glob("*")), tmp_path / "seeds")
    generate("seeds", "docs")
    _compare(tmp_path / "docs", GOLDEN / "docs")
