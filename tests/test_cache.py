"""The build cache: a rerun redoes only what changed, and gives the bytes an uncached run gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import generator.build as build
import generator.extract
from generator import outputs
from generator.cache import Cache, digest
from tests.conftest import snapshot, write


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DIGEST_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def extractions(monkeypatch) -> list[str]:
    """The seeds extracted during the test (fewer than 200 seeds: extraction runs in this process)."""
    seen: list[str] = []
    real = generator.extract.extract

    def counting(seed):
        seen.append(seed.path)
        return real(seed)

    monkeypatch.setattr(generator.extract, "extract", counting)  # build imports it where it is used
    return seen


def _uncached(monkeypatch, seeds: str, docs: str) -> dict:
    monkeypatch.setenv("DIGEST_CACHE", "0")
    build.generate(seeds, docs)
    monkeypatch.delenv("DIGEST_CACHE")
    return _contents(docs)


def _contents(docs: str) -> dict[str, bytes]:
    return {k: v[0] for k, v in snapshot(Path(docs)).items()}


def test_noop_rerun_extracts_nothing_and_touches_no_file(seeds, extractions):
    build.generate(str(seeds), "docs")
    assert len(extractions) == len(list(seeds.iterdir()))
    before = snapshot(Path("docs"))
    extractions.clear()
    result = build.generate(str(seeds), "docs")
    assert extractions == []
    assert result.report.written == [] and result.report.removed == []
    assert snapshot(Path("docs")) == before


def test_one_edited_seed_is_the_only_one_extracted_and_output_matches_uncached(seeds, extractions, monkeypatch):
    build.generate(str(seeds), "docs")
    first = sorted(seeds.iterdir())[0]
    write(seeds, first.name, first.read_text(encoding="utf-8") + "\nThe talks resume in Geneva next week.\n")
    extractions.clear()
    result = build.generate(str(seeds), "docs")
    assert extractions == [f"{seeds}/{first.name}"]
    assert any(path.startswith("articles/") for path in result.report.written)
    cached = _contents("docs")
    assert cached == _uncached(monkeypatch, str(seeds), "docs-uncached")


def test_new_and_removed_seeds_match_an_uncached_run(seeds, monkeypatch):
    build.generate(str(seeds), "docs")
    write(seeds, "new.txt", "Beijing and Washington agreed to extend the trade truce, officials said on Monday.\n")
    sorted(p for p in seeds.iterdir() if p.name != "new.txt")[0].unlink()
    build.generate(str(seeds), "docs")
    cached = _contents("docs")
    assert cached == _uncached(monkeypatch, str(seeds), "docs-uncached")


def test_a_damaged_entry_is_a_miss(seeds, extractions, tmp_path):
    build.generate(str(seeds), "docs")
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    extractions.clear()
    build.generate(str(seeds), "docs")
    assert len(extractions) == len(list(seeds.iterdir()))


def test_other_code_or_data_starts_a_new_namespace(tmp_path):
    old = Cache(tmp_path / "c", stamp="a" * 64)
    old.put("seeds", digest("k"), {"v": 1})
    assert old.get("seeds", digest("k")) == {"v": 1}
    new = Cache(tmp_path / "c", stamp="b" * 64)
    assert new.get("seeds", digest("k")) is None
    new.put("seeds", digest("k"), {"v": 2})
    assert not old.folder.exists()  # entries of other code are pruned
    assert new.get("seeds", digest("k")) == {"v": 2}


def test_cache_can_be_turned_off(seeds, monkeypatch, tmp_path):
    monkeypatch.setenv("DIGEST_CACHE", "0")
    build.generate(str(seeds), "docs")
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("meddle", ["edit", "delete", "stray"])
def test_hands_on_the_generated_pages_are_undone_on_a_rerun(seeds, monkeypatch, meddle):
    build.generate(str(seeds), "docs")
    expected = _contents("docs")
    page = next(Path("docs/articles").glob("*.md"))
    if meddle == "edit":
        page.write_text(page.read_text(encoding="utf-8") + "\nhand edit\n", encoding="utf-8")
    elif meddle == "delete":
        page.unlink()
    else:
        (page.parent / "stray.md").write_text("# not from a seed\n", encoding="utf-8")
    result = build.generate(str(seeds), "docs")
    assert result.report.written or result.report.removed
    assert _contents("docs") == expected


def test_a_new_build_date_renders_only_the_watch_list_again(seeds, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    build.generate(str(seeds), "docs")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767398400")  # 2026-01-03
    real = outputs.RENDERERS.copy()
    rendered = []
    for kind, fn in real.items():
        monkeypatch.setitem(outputs.RENDERERS, kind,
                            lambda site, arg, kind=kind, fn=fn: rendered.append(kind) or fn(site, arg))
    result = build.generate(str(seeds), "docs")
    assert rendered == ["watch"]
    assert result.report.written == ["watch.md"]
    assert _contents("docs") == _uncached(monkeypatch, str(seeds), "docs-uncached")


def test_a_body_typo_rerenders_that_page_only_and_matches_uncached(seeds, monkeypatch):
    build.generate(str(seeds), "docs")
    first = sorted(seeds.iterdir())[0]
    words = first.read_text(encoding="utf-8").split(" ")
    middle = len(words) // 2
    words[middle] = words[middle] + "s"
    first.write_text(" ".join(words), encoding="utf-8")
    planned = []
    monkeypatch.setattr(outputs, "plan", lambda *a, real=outputs.plan: planned.append(1) or real(*a))
    result = build.generate(str(seeds), "docs")
    if not planned:  # nothing another page reads of the seed changed: its own page alone was rendered
        assert [p for p in result.report.written] == [p for p in result.report.written if p.startswith("articles/")]
    assert _contents("docs") == _uncached(monkeypatch, str(seeds), "docs-uncached")


def test_an_edit_no_other_page_reads_renders_only_its_page(seeds, monkeypatch, extractions):
    build.generate(str(seeds), "docs")
    first = sorted(seeds.iterdir())[0]
    stat = first.stat()
    first.write_text(first.read_text(encoding="utf-8") + "\n\n\n", encoding="utf-8")  # new bytes, same article
    # as for a seed tracked by git, the edit leaves its arrival (here: file time) as it was
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    planned, extractions[:] = [], []
    monkeypatch.setattr(outputs, "plan", lambda *a, real=outputs.plan: planned.append(1) or real(*a))
    result = build.generate(str(seeds), "docs")
    assert planned == [] and extractions == [f"{seeds}/{first.name}"]
    assert result.report.written == [] and len(result.articles) == len(list(seeds.iterdir()))
    assert _contents("docs") == _uncached(monkeypatch, str(seeds), "docs-uncached")
    assert build.generate(str(seeds), "docs").report.written == []  # and the next run is a no-op


def test_a_moved_arrival_date_renders_only_the_feeds_that_list_the_article(seeds, monkeypatch):
    """An undated seed is dated in feeds by its arrival (here: the file's time). When that moves, the site
    feed and the feeds of its own topics are rendered again; the other topics' feeds are not."""
    write(seeds, "drones.txt", "Taiwan’s defence ministry said on Monday it would buy more drones to guard the "
                               "Taiwan Strait, as Taipei widens its air defence plans for the island.\n")
    first = build.generate(str(seeds), "docs")
    article = next(a for a in first.articles if a.seed.endswith("drones.txt"))
    assert article.date is None and article.topics
    stat = (seeds / "drones.txt").stat()
    os.utime(seeds / "drones.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 86_400 * 10**9))
    rendered = []
    real = outputs.RENDERERS["feed"]
    monkeypatch.setitem(outputs.RENDERERS, "feed", lambda site, arg: rendered.append(arg[0]) or real(site, arg))
    build.generate(str(seeds), "docs")
    assert set(rendered) == {None, *article.topics}
    assert _contents("docs") == _uncached(monkeypatch, str(seeds), "docs-uncached")
