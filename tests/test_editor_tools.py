"""Editor tools: GitHub annotations from `digest check`, duplicate seeds, empty pages, `digest new`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.cli import _report
from generator.config import SEED_FIELDS, load_topics
from generator.errors import Problem
from tests.conftest import write

GOOD = "Taiwan's president said on Friday that the island would build a new air defence system.\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch) -> Path:
    """Work in tmp with a `seeds` folder, so paths are printed as an editor sees them: `seeds/…`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    return tmp_path / "seeds"


# --- digest check --format github ------------------------------------------------------------------------


def test_github_annotations_for_several_files_exactly(digest, in_tmp):
    write(in_tmp, "a.md", "---\ndate: tomorrow\n---\n" + GOOD)
    write(in_tmp, "b.md", "---\ntitle: Fine\nsauce: Reuters\n---\n" + GOOD)
    write(in_tmp, "c.txt", "")
    write(in_tmp, "ok.txt", GOOD)
    result = digest("check", "--format", "github")
    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        "::error file=seeds/a.md,line=2::`date` must be a real date written YYYY-MM-DD, got 'tomorrow'",
        "::error file=seeds/b.md,line=3::unknown key `sauce`; did you mean `source`?; valid keys: title, date, "
        "source, author, url, topics, truce_signal",
        "::error file=seeds/c.txt,line=1::the seed has no article text: paste the article below the front-matter",
        "digest: 3 problems; nothing written",
    ]


def test_github_annotation_escapes_percent_comma_and_colon_in_the_path(digest, in_tmp):
    write(in_tmp, "50%, 2026: rare earths.md", "---\ntopics: [rare-earth]\n---\n" + GOOD)
    result = digest("check", "--format", "github")
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        "::error file=seeds/50%25%2C 2026%3A rare earths.md,line=2::`topics` unknown topic 'rare-earth'; "
        "did you mean 'rare-earths'?; topics are defined in data/topics.yml")


def test_github_annotation_escapes_message_and_line_breaks(capsys):
    _report([Problem("seeds/x\r\n.md", 7, "100% sure,\r\nnext: ::warning::no")], "github")
    assert capsys.readouterr().err == (
        "::error file=seeds/x%0D%0A.md,line=7::100%25 sure,%0D%0Anext: ::warning::no\n")


def test_text_format_is_path_line_message(digest, in_tmp):
    write(in_tmp, "a.md", "---\ndate: tomorrow\n---\n" + GOOD)
    result = digest("check")
    assert result.err.splitlines()[0] == (
        "seeds/a.md:2: `date` must be a real date written YYYY-MM-DD, got 'tomorrow'")


# --- duplicates and empty pages ----------------------------------------------------------------------------


def paragraphs(prefix: str, n: int) -> list[str]:
    return [f"{prefix} paragraph {i}: officials in Seoul and Tokyo discussed chip export rules at length."
            for i in range(n)]


def test_identical_text_is_a_duplicate_naming_both_files(digest, in_tmp):
    write(in_tmp, "a.txt", GOOD)
    write(in_tmp, "b.md", "---\ntitle: Another title\n---\n\n" + GOOD.upper())
    result = digest("check")
    assert result.code == 1
    assert result.err.splitlines() == [
        "seeds/b.md:4: duplicate: this seed has the same text as seeds/a.txt; remove one of them",
        "digest: 1 problem; nothing written",
    ]


def test_ninety_percent_shared_paragraphs_is_a_duplicate(digest, in_tmp):
    shared = paragraphs("Shared", 9)
    write(in_tmp, "a.txt", "\n\n".join([*shared, *paragraphs("Original", 1)]) + "\n")
    write(in_tmp, "b.txt", "\n\n".join([*paragraphs("Rewritten", 1), *shared]) + "\n")
    result = digest("check")
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        "seeds/b.txt:1: duplicate: this seed shares 90% of its paragraphs with seeds/a.txt; remove one of them")


def test_half_shared_paragraphs_is_fine(digest, in_tmp):
    shared = paragraphs("Shared", 5)
    write(in_tmp, "a.txt", "\n\n".join([*shared, *paragraphs("First", 5)]) + "\n")
    write(in_tmp, "b.txt", "\n\n".join([*shared, *paragraphs("Second", 5)]) + "\n")
    result = digest("check")
    assert result.code == 0, result.err
    assert result.out.strip() == "digest: 2 seeds checked, no problems"


def test_duplicates_are_reported_with_other_problems_in_one_run(digest, in_tmp):
    write(in_tmp, "a.txt", GOOD)
    write(in_tmp, "b.txt", GOOD)
    write(in_tmp, "c.md", "---\ndate: soon\n---\n" + GOOD.replace("Friday", "Monday"))
    result = digest("check")
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[:2] == [
        "seeds/b.txt:1: duplicate: this seed has the same text as seeds/a.txt; remove one of them",
        "seeds/c.md:2: `date` must be a real date written YYYY-MM-DD, got 'soon'",
    ]


def test_a_seed_that_would_give_an_empty_page_is_a_problem(digest, in_tmp):
    write(in_tmp, "ok.txt", GOOD)
    write(in_tmp, "paywall.txt", "Subscribe now\n\nAlready a subscriber? Log in\n")
    result = digest("check")
    assert result.code == 1
    assert result.err.splitlines()[0].startswith("seeds/paywall.txt:1: nothing is left of the text")


# --- digest new --------------------------------------------------------------------------------------------


def test_new_writes_unique_paths(digest, in_tmp):
    paths = [digest("new", "--title", "Seoul: chips & tariffs").out.strip() for _ in range(3)]
    today = dt.date.today().isoformat()
    assert paths == [f"seeds/{today}-seoul-chips-tariffs.md", f"seeds/{today}-seoul-chips-tariffs-2.md",
                     f"seeds/{today}-seoul-chips-tariffs-3.md"]
    untitled = digest("new").out.strip()
    assert untitled == f"seeds/{today}-new-seed.md"
    assert all(Path(p).is_file() for p in [*paths, untitled])


def test_new_skeleton_has_today_every_key_explained_and_the_topic_slugs(digest, in_tmp):
    path = Path(digest("new", "--title", 'He said "no"').out.strip())
    text = path.read_text(encoding="utf-8")
    front = text.split("---\n")[1].splitlines()
    assert f"date: {dt.date.today().isoformat()}" in front
    assert 'title: "He said \\"no\\""' in front
    for field in SEED_FIELDS.values():
        assert f"# {field.name}: {field.doc}" in front, field.name
    topics_line = next(line for line in front if line.startswith("# topics: ["))
    listed = re.search(r"one or more of: (.*)$", topics_line).group(1).split(", ")
    assert listed == [t.slug for t in load_topics()]
    assert {"rare-earths", "taiwan", "trade-truce", "export-controls", "north-korea"} <= set(listed)


def test_new_skeleton_passes_check_next_to_other_seeds(digest, in_tmp):
    write(in_tmp, "existing.txt", GOOD)
    write(in_tmp, "other.md", "---\ntitle: Other\n---\n" + GOOD.replace("Taiwan", "Japan"))
    assert digest("new", "--title", "A first seed").code == 0
    result = digest("check")
    assert result.code == 0, result.err
    assert result.out.strip() == "digest: 3 seeds checked, no problems"


def test_new_then_uncommenting_every_example_is_still_valid(digest, in_tmp):
    path = Path(digest("new", "--title", "Everything set").out.strip())
    lines = path.read_text(encoding="utf-8").splitlines()
    keys = set(SEED_FIELDS)
    filled = []
    for line in lines:
        m = re.match(r"# (\w+): (.*?)(?:\s{2,}#.*)?$", line)
        if m and m.group(1) in keys and m.group(2) == SEED_FIELDS[m.group(1)].example:
            line = f"{m.group(1)}: {m.group(2)}"
        filled.append(line)
    path.write_text("\n".join(filled) + "\n", encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert "\nsource: Trivium China\n" in text and "\ntruce_signal: holding\n" in text
    result = digest("check")
    assert result.code == 0, result.err
