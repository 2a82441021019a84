"""The CLI as an editor meets it: exact messages, exit codes, nothing written on failure."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.conftest import snapshot, write

GOOD = "Taiwan's president said on Friday that the island would build a new air defence system.\n"


def test_check_reports_every_problem_and_exits_1(digest, seeds):
    write(seeds, "bad key.md", "---\ntitel: x\n---\n" + GOOD)
    write(seeds, "empty.txt", "")
    write(seeds, "nul.txt", "a\x00b\n")
    result = digest("check", "--seeds", str(seeds))
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{seeds}/bad key.md:2: unknown key `titel`; did you mean `title`?; valid keys: title, date, source, "
        "author, url, topics, truce_signal",
        f"{seeds}/empty.txt:1: the seed has no article text: paste the article below the front-matter",
        f"{seeds}/nul.txt:1: control character U+0000 in the text; seeds must be plain text (binary file?)",
        "digest: 3 problems; nothing written",
    ]
    assert "Traceback" not in result.err + result.out


def test_check_github_format_annotates_lines(digest, empty_seeds):
    write(empty_seeds, "a.md", "---\ndate: tomorrow\n---\n" + GOOD)
    result = digest("check", "--seeds", str(empty_seeds), "--format", "github")
    assert result.code == 1
    first = result.err.splitlines()[0]
    assert first == (f"::error file={empty_seeds}/a.md,line=2::`date` must be a real date written YYYY-MM-DD, "
                     "got 'tomorrow'")


def test_check_good_seeds_exit_0_and_write_nothing(digest, seeds, tmp_path):
    before = snapshot(tmp_path)
    result = digest("check", "--seeds", str(seeds))
    assert result.code == 0, result.err
    assert result.out.strip() == "digest: 3 seeds checked, no problems"
    assert snapshot(tmp_path) == before


def test_usage_errors_exit_2(digest):
    assert digest().code == 2
    assert digest("generate", "--nope").code == 2
    assert digest("frobnicate").code == 2


def test_missing_seeds_folder_is_exit_1(digest, tmp_path):
    result = digest("generate", "--seeds", str(tmp_path / "nope"), "--docs", str(tmp_path / "docs"))
    assert result.code == 1
    assert "seeds folder not found" in result.err
    assert not (tmp_path / "docs").exists()


def test_generate_then_noop_rewrites_nothing(digest, seeds, tmp_path):
    docs = tmp_path / "docs"
    first = digest("generate", "--seeds", str(seeds), "--docs", str(docs))
    assert first.code == 0, first.err
    assert "3 seeds read, 3 article pages" in first.out
    before = snapshot(docs)
    second = digest("generate", "--seeds", str(seeds), "--docs", str(docs))
    assert second.code == 0
    assert " 0 files written" in second.out
    assert snapshot(docs) == before  # same bytes, same modification times


def test_failed_generate_leaves_docs_untouched(digest, seeds, tmp_path):
    docs = tmp_path / "docs"
    assert digest("generate", "--seeds", str(seeds), "--docs", str(docs)).code == 0
    before = snapshot(docs)
    write(seeds, "zz-new.txt", "A brand new article about Taiwan's defence budget and the strait.\n")
    write(seeds, "zz-broken.md", "---\ntitle: [oops\n---\ntext\n")
    result = digest("generate", "--seeds", str(seeds), "--docs", str(docs))
    assert result.code == 1
    assert snapshot(docs) == before


def test_generate_removes_pages_of_deleted_seeds_and_keeps_hand_written_files(digest, seeds, tmp_path):
    docs = tmp_path / "docs"
    (docs / "stylesheets").mkdir(parents=True)
    (docs / "about.md").write_text("# About\n")
    (docs / "stylesheets" / "x.css").write_text("p{}\n")
    assert digest("generate", "--seeds", str(seeds), "--docs", str(docs)).code == 0
    pages = sorted(p.name for p in (docs / "articles").iterdir())
    assert len(pages) == 3
    os.remove(seeds / "000_745a158012eb835a.txt")
    result = digest("generate", "--seeds", str(seeds), "--docs", str(docs))
    assert result.code == 0
    assert len(list((docs / "articles").iterdir())) == 2
    assert re.search(r" [1-9][0-9]* removed", result.out), result.out
    assert (docs / "about.md").read_text() == "# About\n"
    assert (docs / "stylesheets" / "x.css").exists()


def test_new_writes_a_valid_skeleton_at_a_unique_path(digest, empty_seeds):
    first = digest("new", "--seeds", str(empty_seeds), "--title", "Seoul: chips & tariffs")
    second = digest("new", "--seeds", str(empty_seeds), "--title", "Seoul: chips & tariffs")
    assert first.code == second.code == 0
    a, b = first.out.strip(), second.out.strip()
    assert a != b and a.endswith(".md") and b.endswith("-2.md")
    text = Path(a).read_text(encoding="utf-8")
    for key in ("title", "date", "source", "author", "url", "topics", "truce_signal"):
        assert f"{key}:" in text
    assert "rare-earths, taiwan" in text or "trade-truce" in text
    os.remove(b)
    check = digest("check", "--seeds", str(empty_seeds))
    assert check.code == 0, check.err  # a fresh skeleton is a valid seed
