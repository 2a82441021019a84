"""Writing the generated tree: files staged where they are rendered, in place only once every page rendered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.write import STAGING, Staging
from tests.conftest import snapshot


def _tree(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "kept.md").write_text("same\n")
    (docs / "articles" / "old.md").write_text("before\n")
    (docs / "about.md").write_text("home-made\n")
    return docs


def test_staged_files_are_in_place_only_after_commit(tmp_path):
    docs = _tree(tmp_path)
    before = snapshot(docs)
    with Staging(docs) as staging:
        staged = staging.stage({"articles/kept.md": "same\n", "articles/old.md": "after\n",
                                "entities/people/new.md": b"new\n"})
        placed = {path: v for path, v in snapshot(docs).items() if not path.startswith(STAGING)}
        assert placed == before  # nothing in place yet
        report = staging.commit(staged)
    assert sorted(report.written) == ["articles/old.md", "entities/people/new.md"] and report.unchanged == 1
    assert (docs / "articles" / "old.md").read_text() == "after\n"
    assert snapshot(docs)["articles/kept.md"] == before["articles/kept.md"]  # same bytes: not rewritten
    for path, (_, seen) in staged.items():  # what the manifest records is what a rerun will find
        st = os.stat(docs / path)
        assert seen == (st.st_size, st.st_mtime_ns)
    assert not list(docs.glob(f"{STAGING}*"))


def test_a_failed_run_leaves_the_docs_folder_as_it_was(tmp_path):
    docs = _tree(tmp_path)
    before = snapshot(docs)
    with pytest.raises(RuntimeError), Staging(docs) as staging:
        staging.stage({"articles/old.md": "after\n", "topics/new.md": "new\n"})
        raise RuntimeError("a page failed")
    assert snapshot(docs) == before and sorted(p.name for p in docs.iterdir()) == ["about.md", "articles"]


def test_a_failed_first_run_leaves_no_docs_folder(tmp_path):
    docs = tmp_path / "docs"
    with pytest.raises(RuntimeError), Staging(docs) as staging:
        staging.stage({"index.md": "home\n"})
        raise RuntimeError("a page failed")
    assert not docs.exists()


def test_a_killed_runs_staging_folder_is_removed_and_paths_stay_inside(tmp_path):
    docs = _tree(tmp_path)
    (docs / f"{STAGING}1" / "2").mkdir(parents=True)
    (docs / f"{STAGING}1" / "2" / "0").write_text("half\n")
    with Staging(docs) as staging:
        with pytest.raises(ValueError):
            staging.stage({"../outside.md": "x\n"})
        staging.commit({}, {"articles/kept.md", "articles/old.md"})
    assert sorted(p.name for p in docs.iterdir()) == ["about.md", "articles"]
    assert not (tmp_path / "outside.md").exists()
