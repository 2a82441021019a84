"""Reproducible builds (issue 7): two builds of the same commit give byte-identical ``docs/`` and ``site/``.

Each build is ``digest build`` in a process of its own, as ``make site`` runs it: ``SOURCE_DATE_EPOCH`` set to
the commit's time (the Makefile's default), a different ``PYTHONHASHSEED`` each time (set and dict order
must not leak into a file), a different checkout folder, a later wall-clock second, and — for the third —
the first checkout rebuilt over its previous output with a warm build cache.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

COMMITTED = 1_768_480_523  # 2026-01-15 12:35:23 UTC: the commit's time, so SOURCE_DATE_EPOCH
EXTRA = {  # beside the project's seeds: an undated seed (first-seen date from git) and a dated one
    "900_undated.txt": "Taiwan's coast guard shadowed two Chinese vessels near Kinmen on Sunday, officials said. "
                       "Talks with Beijing resume on 3 March 2026.\n",
    "901_dated.md": "---\ntitle: Rare earth magnets in short supply\ndate: 2026-01-12\ntopics: [rare-earths]\n"
                    "---\nJapanese carmakers said on Monday that rare earth magnets from China were scarce.\n",
}


def _checkout(root: Path) -> None:
    """The same commit checked out in ``root``: seeds added and committed at COMMITTED."""
    (root / "seeds").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*")):
        shutil.copy(seed, root / "seeds" / seed.name)
    for name, text in EXTRA.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    stamp = f"@{COMMITTED} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q"], ["add", "seeds"], ["commit", "-q", "--no-gpg-sign", "-m", "seeds"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _build(root: Path, hash_seed: str) -> None:
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                           check=True).stdout.strip()  # what the Makefile exports
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "PYTHONHASHSEED": hash_seed,
           "DIGEST_CACHE_DIR": str(root / ".digest-cache")}
    env.pop("DIGEST_SITE_URL", None)
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", "seeds", "--docs", "docs",
                          "--site", "site"], cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _next_second() -> None:
    time.sleep(1.05 - time.time() % 1)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    one, two = tmp_path_factory.mktemp("checkout-one"), tmp_path_factory.mktemp("checkout-two")
    _checkout(one)
    _checkout(two)
    _build(one, "1")
    first = {"docs": _tree(one / "docs"), "site": _tree(one / "site")}
    _next_second()
    _build(two, "2")
    second = {"docs": _tree(two / "docs"), "site": _tree(two / "site")}
    _next_second()
    _build(one, "3")  # the same checkout again: previous docs/ and site/ in place, the cache warm
    third = {"docs": _tree(one / "docs"), "site": _tree(one / "site")}
    return one, first, second, third


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    out = [f"only in one: {p}" for p in sorted(a.keys() - b.keys())]
    out += [f"only in the other: {p}" for p in sorted(b.keys() - a.keys())]
    out += [f"differs: {p}" for p in sorted(a.keys() & b.keys()) if a[p] != b[p]]
    return out


@pytest.mark.parametrize("tree", ["docs", "site"])
def test_two_builds_of_the_same_commit_are_byte_identical(builds, tree):
    _, first, second, third = builds
    assert len(first[tree]) > (30 if tree == "docs" else 60)  # a real tree, not an empty comparison
    assert _differences(first[tree], second[tree]) == []
    assert _differences(first[tree], third[tree]) == []


def test_dates_follow_source_date_epoch_not_the_clock(builds):
    """MkDocs stamps the sitemap; the watch list states its build date: both follow SOURCE_DATE_EPOCH."""
    root, first, *_ = builds
    day = dt.datetime.fromtimestamp(COMMITTED, dt.timezone.utc).date()
    sitemap = first["site"]["sitemap.xml"].decode("utf-8")
    lastmods = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
    assert lastmods == {day.isoformat()}
    assert gzip.decompress(first["site"]["sitemap.xml.gz"]) == first["site"]["sitemap.xml"]
    gz_mtime = struct.unpack("<I", first["site"]["sitemap.xml.gz"][4:8])[0]
    assert dt.datetime.fromtimestamp(gz_mtime, dt.timezone.utc).date() == day
    assert f"Built on {day.day} {day:%B %Y}" in " ".join(first["docs"]["watch.md"].decode("utf-8").split())

    today = dt.date.today()
    if today != day:  # the clock's date appears nowhere
        stamps = [today.isoformat(), f"{today.day} {today:%B %Y}", f"{today:%d %b %Y}", f"{today:%Y%m%d}"]
        leaks = [f"{path}: {s}" for path, data in {**first["docs"], **first["site"]}.items()
                 for s in stamps if s.encode() in data]
        assert leaks == []
