"""Hostile and odd seeds end to end (issue 7): bad input is reported — every problem, ``PATH:LINE: message``
on one line, exit 1, no traceback, nothing written — and odd but valid input builds cleanly, MkDocs' strict
build included. Every run ends with a one-line account, and a valid seed without a page fails the build.

Cases tests/test_read.py already covers (empty, blank, NUL, unclosed front-matter, invalid YAML, a list or a
single value, a simple tag and alias, unknown key, impossible date, wrong title type, unknown topic or
signal, a javascript: url, a key set twice, non-UTF-8) are not repeated here one by one; they are all in
the one-run test below.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator import PROJECT_ROOT
from tests.conftest import snapshot, write

ARTICLE = "Beijing widened its export controls on rare earths on Thursday, officials said.\n"
GOOD = {
    "001_good.txt": "China's commerce ministry said on Monday that talks with Washington on tariffs and the trade "
                    "truce would resume next week in Geneva.\n\nTaiwan's coast guard shadowed two Chinese "
                    "vessels near Kinmen on Sunday.\n",
    "002_good.md": "---\ntitle: Rare earth magnets in short supply\ndate: 2026-01-12\nsource: Example Wire\n---\n"
                   + ARTICLE,
}


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """Seeds are given as "seeds", as on the command line; the build cache lives in tmp."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.delenv("DIGEST_SITE_URL", raising=False)


def front(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n" + ARTICLE


def billion_laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    previous = "a"
    for name in "bcdefghi":  # 9^9 strings once expanded
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return front(*lines, "title: *i")


# (file name, text, line, message fragment)
BAD = [
    # YAML that attacks the parser
    ("bomb.md", billion_laughs(), 2, "YAML anchors and aliases are not allowed"),
    ("merge.md", front("base: &b {title: x}", "<<: *b"), 2, "YAML anchors and aliases are not allowed"),
    ("pyname.md", front("title: !!python/name:os.system"), 2, "YAML tags (!…) are not allowed"),
    ("pynew.md", front("title: !!python/object/new:os.system [echo hi]"), 2, "YAML tags (!…) are not allowed"),
    ("pyobject.md", front("author: x", "title: !!python/object:__main__.Evil {}"), 3, "YAML tags"),
    ("binary.md", front("title: !!binary aGVsbG8="), 2, "YAML tags (!…) are not allowed"),
    ("localtag.md", front("title: !custom x"), 2, "YAML tags (!…) are not allowed"),
    ("deepseq.md", front("title: " + "[" * 5000 + "]" * 5000), 2, "nests more than 20 levels deep"),
    ("deepmap.md", front("title: " + "{a: " * 3000 + "1" + "}" * 3000), 2, "nests more than 20 levels deep"),
    ("complexkey.md", front("? [a, b]", ": c"), 2, "invalid front-matter value: found unhashable key"),
    ("bigint.md", front("title: " + "9" * 5000), 2, "invalid front-matter value"),
    ("tab.md", front("\ttitle: x"), 2, "invalid YAML in front-matter"),
    ("nulfm.md", "---\n\x00\n---\n" + ARTICLE, 2, "control character U+0000"),
    ("surrogate.md", front("source: x", 'author: "Zo\\udc80"'), 3, "half a character (a lone UTF-16 surrogate)"),
    ("nullkey.md", front("~: x"), 2, "unknown key `None`"),
    ("boolkey.md", front("source: x", "true: x"), 3, "unknown key `True`"),
    # wrong types
    ("dateint.md", front("date: 20260131"), 2, "`date` must be a date written YYYY-MM-DD, got a number"),
    ("datelist.md", front("date: [2026-01-31]"), 2, "`date` must be a date written YYYY-MM-DD, got a list"),
    ("titlenull.md", front("title:"), 2, "`title` must be text, got nothing"),
    ("titlenan.md", front("title: .nan"), 2, "`title` must be text, got a number"),
    ("titlemap.md", front("title: {a: b}"), 2, "`title` must be text, got a mapping"),
    ("titlelines.md", front("title: |", "  one", "  two"), 2, "`title` must be a single line"),
    ("titlelong.md", front("title: " + "x" * 301), 2, "`title` is 301 characters long; the limit is 300"),
    ("titleblank.md", front("title: '   '"), 2, "`title` must not be empty"),
    ("titleinvisible.md", front('title: "\\u200b\\u2060"'), 2, "`title` must not be empty"),
    ("authorinvisible.md", front("source: x", "author: \u00ad"), 3, "`author` must not be empty"),
    ("source.md", front("source: 42"), 2, "`source` must be text, got a number"),
    ("author.md", front("author: true"), 2, "`author` must be text, got true/false"),
    ("urlint.md", front("url: 42"), 2, "`url` must be an http(s) URL, got a number"),
    ("topicsmap.md", front("topics: {taiwan: 1}"), 2, "`topics` must be a list of topic slugs"),
    ("topicsint.md", front("topics: [taiwan, 2]"), 2, "`topics` must be a list of topic slugs, got a list holding a number"),
    ("signallist.md", front("truce_signal: [holding]"), 2, "`truce_signal` must be one of"),
    # invalid dates
    ("month13.md", front("date: 2026-13-01"), 2, "`date` must be a real date written YYYY-MM-DD, got '2026-13-01'"),
    ("day0.md", front("date: 2026-01-00"), 2, "`date` must be a real date"),
    ("year0.md", front("date: 0000-01-01"), 2, "`date` must be a real date"),
    ("year999.md", front("date: 0999-01-01"), 2, "`date` must be a date between 1900 and 2199, got '0999-01-01'"),
    ("year9999.md", front("date: 9999-12-31"), 2, "`date` must be a date between 1900 and 2199"),
    ("leap.md", front("date: 2026-02-29"), 2, "`date` must be a real date"),
    ("short.md", front("date: 2026-1-5"), 2, "`date` must be a real date"),
    ("datetime.md", front("date: 2026-01-31T10:00:00"), 2, "`date` must be a real date"),
    ("datetext.md", front("date: last Tuesday"), 2, "`date` must be a real date"),
    # unknown topics and signals
    ("topicstr.md", front("topics: rare-earth"), 2, "unknown topic 'rare-earth'; did you mean 'rare-earths'?"),
    ("topicmix.md", front("topics: [taiwan, korea]"), 2, "unknown topic 'korea'"),
    ("topicpath.md", front("topics: [../taiwan]"), 2, "unknown topic '../taiwan'"),
    ("signalcase.md", front("truce_signal: Escalation"), 2, "did you mean 'escalation'?"),
    ("signalsnake.md", front("truce_signal: de_escalation"), 2, "did you mean 'de-escalation'?"),
    ("signalbool.md", front("truce_signal: true"), 2, "`truce_signal` must be one of"),
    # url: only plain http(s)
    ("url_space.md", front('url: " javascript:alert(1)"'), 2, "`url` must be a plain http:// or https:// URL"),
    ("url_case.md", front("url: JaVaScRiPt:alert(1)"), 2, "`url` must be a plain http"),
    ("url_entity.md", front('url: "&#106;avascript:alert(1)"'), 2, "`url` must be a plain http"),
    ("url_data.md", front('url: "data:text/html,<script>alert(1)</script>"'), 2, "`url` must be a plain http"),
    ("url_vbs.md", front("url: vbscript:msgbox(1)"), 2, "`url` must be a plain http"),
    ("url_rel.md", front("url: //evil.example/x"), 2, "`url` must be a plain http"),
    ("url_quote.md", front('url: "https://example.com/\\"onclick=alert(1)"'), 2, "`url` must be a plain http"),
    ("url_angle.md", front("url: https://example.com/<script>"), 2, "`url` must be a plain http"),
    ("url_newline.md", front('url: "https://example.com/\\nx"'), 2, "`url` must be a plain http"),
    ("url_userinfo.md", front("url: http://example.com@evil.example/"), 2, "`url` must be a plain http"),
    ("url_ftp.md", front("url: ftp://example.com/"), 2, "`url` must be a plain http"),
    ("url_js_tail.md", front('url: "javascript:alert(1)//https://example.com/"'), 2, "`url` must be a plain http"),
]

# the cases of tests/test_read.py, so that the one-run test below holds every kind of bad input
KNOWN = [
    ("empty.txt", ""),
    ("blank.txt", "  \n\t\n   \n"),
    ("nul.txt", "First line\nsecond\x00line\n"),
    ("binary.txt", bytes(range(256)) * 4),
    ("latin1.txt", "caf\xe9 au lait\n".encode("latin-1")),
    ("unclosed.md", "---\ntitle: x\n" + ARTICLE),
    ("yaml.md", "---\ntitle: [unclosed\n---\n" + ARTICLE),
    ("list.md", "---\n- a\n- b\n---\n" + ARTICLE),
    ("dupe.md", "---\ntitle: a\ntitle: b\n---\n" + ARTICLE),
    ("unknown.md", "---\nsorce: Reuters\n---\n" + ARTICLE),
    ("onlyfm.md", "---\ntitle: Nothing below\n---\n\n"),
]

PROBLEM_LINE = re.compile(r"^(?P<path>seeds/[^\n]+?):(?P<line>\d+): (?P<message>\S[^\n]*)$")


@pytest.mark.parametrize("name,text,line,message", BAD, ids=[b[0] for b in BAD])
def test_bad_seed_is_one_line_with_path_and_line(digest, name, text, line, message):
    folder = Path("seeds")
    folder.mkdir()
    write(folder, name, text)
    result = digest("check", "--seeds", "seeds")
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[-1] == "digest: 1 problem; nothing written"
    assert len(lines) == 2, result.err
    assert lines[0].startswith(f"seeds/{name}:{line}: "), lines[0]
    assert message in lines[0]
    assert "Traceback" not in result.err + result.out


def test_every_problem_in_one_run_and_nothing_written(digest):
    """Every kind of bad seed at once, next to good ones: each problem reported, on one line each, in one
    run — and docs/ and site/ stay exactly as the last good build left them."""
    folder = Path("seeds")
    folder.mkdir()
    for name, text in GOOD.items():
        write(folder, name, text)
    first = digest("build", "--seeds", "seeds", "--docs", "docs", "--site", "site")
    assert first.code == 0, first.err
    before_docs, before_site = snapshot(Path("docs")), snapshot(Path("site"))

    bad = {name: text for name, text, *_ in BAD} | dict(KNOWN)
    for name, text in bad.items():
        write(folder, name, text)
    started = time.monotonic()
    for command in (["generate", "--docs", "docs"], ["build", "--docs", "docs", "--site", "site"], ["check"]):
        result = digest(*command, "--seeds", "seeds")
        assert result.code == 1, command
        assert "Traceback" not in result.err + result.out
        lines = result.err.splitlines()
        problems = [PROBLEM_LINE.match(line) for line in lines[:-1]]
        assert all(problems), [line for line, m in zip(lines, problems) if not m][:5]
        assert {m["path"] for m in problems} == {f"seeds/{name}" for name in bad}, command
        assert lines[-1] == f"digest: {len(problems)} problems; nothing written"
    assert time.monotonic() - started < 120  # the alias bomb and the deep nesting are refused, not expanded
    assert snapshot(Path("docs")) == before_docs
    assert snapshot(Path("site")) == before_site


def test_github_annotations_stay_on_one_line(digest):
    folder = Path("seeds")
    folder.mkdir()
    write(folder, "complexkey.md", front("? [a, b]", ": c"))
    write(folder, "bomb.md", billion_laughs())
    result = digest("check", "--seeds", "seeds", "--format", "github")
    assert result.code == 1
    annotations = result.err.splitlines()[:-1]
    assert len(annotations) == 2
    assert all(re.fullmatch(r"::error file=seeds/[\w.]+,line=2::\S.*", a) for a in annotations), annotations


# ---------------------------------------------------------------------------------------------------------
# Odd but valid seeds


ODD = {
    "bom crlf.md": "\ufeff---\r\ntitle: Héllo from a BOM and CRLF seed\r\ndate: 2026-01-31\r\ntopics: [taiwan]\r\n"
                   "---\r\nTaiwan's coast guard shadowed two Chinese vessels near Kinmen on Sunday,\r\nofficials "
                   "said.\r\n\r\nThe ministry in Taipei said the ships left on Monday.\r\n",
    "cr only.txt": "Old Mac line ends: rare earth prices rose on Monday.\rThe magnets went to Japan.\r",
    "spaces  and  tabs.txt": "North Korea fired a missile into the sea on Friday, South Korea said.\n",
    "Éditorial été – 北京.txt": "Beijing and Washington agreed on Friday to extend the tariff truce, officials "
                                "said.\n",
    "nfd e\u0301te\u0301.md": "---\ntitle: Décomposé\n---\nTaiwan held drills on Tuesday, the ministry said.\n",
    "中文.txt": "中国商务部周四表示，将加强稀土出口管制。\n\n美国和中国的贸易谈判下周恢复。\n",
    "emoji 🚀.md": "---\ntitle: \"🚀 launch 🇰🇵\"\nauthor: Zoë Ångström\n---\nNorth Korea launched a rocket 🚀 on "
                    "Monday; Kim Jong Un watched.\n",
    "escaped emoji.md": "---\ntitle: \"\\ud83d\\ude80 launch, escaped as JSON tools write it\"\n---\n"
                        "North Korea launched a rocket on Monday.\n",
    "far dates.txt": "January 1, 0999\n\nChina and the US extended the trade truce, Xi Jinping said, and tariffs "
                     "fell in Washington and Beijing.\n\nTalks resume on 31 December 9999, officials said.\n",
    "far dateline.txt": "December 31, 9999\n\nThe US-China trade truce is holding, Xi Jinping said in Beijing; "
                        "tariff talks resume in June and next week.\n",
    "rtl.txt": "מקור: \u200fישראל\u200f — The ministry in Taipei said on Tuesday that talks resume.\n",
    "traversal.md": "---\ntitle: ../../x\n---\nRare earth magnets were shipped from Baotou on Monday.\n",
    "slash.md": "---\ntitle: /etc/passwd\n---\nRare earth magnets were shipped from Baotou on Tuesday.\n",
    "dots.md": "---\ntitle: \"..\"\n---\nRare earth magnets were shipped from Baotou on Wednesday.\n",
    "punct.md": "---\ntitle: \"!!!\"\n---\nRare earth magnets were shipped from Baotou on Thursday.\n",
    "long line.txt": ("Tariffs on Chinese goods rose again on Monday, officials in Washington said, and " * 1500)
                     + "\n",
    "no newline.txt": "Japan and South Korea agreed on export controls for chips on Monday.",
    # markup pasted as text: one "word" of 30,000 characters, shown as written, titles nothing at length
    "markup flood.txt": "<div>" * 5000 + "<p>Seoul said so.</p>" + "</div>" * 1000 + "\nTaiwan voted on Monday.\n",
    "markdown-looking.md": "# Not a heading\n\n> not a quote\n\n1. not a list\n\n| not | a table |\n"
                           "|---|---|\n\n```\nnot code\n```\n\nTaiwan said so on Monday.\n",
}


def _front_matter_seed(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    match = re.search(r"^seed: (.*)$", text, re.MULTILINE)
    assert match, page
    value = match.group(1).strip()
    import yaml

    return yaml.safe_load(value)


def test_odd_but_valid_seeds_build_cleanly(digest, tmp_path):
    folder = Path("seeds")
    folder.mkdir()
    for name, text in ODD.items():
        write(folder, name, text)
    outside = {p for p in tmp_path.rglob("*")}
    result = digest("build", "--seeds", "seeds", "--docs", "docs", "--site", "site")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err

    pages = sorted(Path("docs/articles").glob("*.md"))
    assert len(pages) == len(ODD)  # one page for every seed
    seeds_of = {_front_matter_seed(p): p for p in pages}
    assert set(seeds_of) == {f"seeds/{name}" for name in ODD}
    for seed, page in seeds_of.items():
        slug = page.stem
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), (seed, slug)
        assert (Path("site/articles") / slug / "index.html").is_file(), seed
    assert seeds_of["seeds/traversal.md"].stem == "x"

    # nothing written outside docs/, site/ (and the build cache): "../../x" went nowhere
    created = {p for p in tmp_path.rglob("*")} - outside
    allowed = [tmp_path / "docs", tmp_path / "site", tmp_path / "cache"]
    assert all(any(p == a or a in p.parents for a in allowed) for p in created), sorted(
        str(p) for p in created if not any(p == a or a in p.parents for a in allowed))[:10]

    flood = seeds_of["seeds/markup flood.txt"].read_text(encoding="utf-8")
    import html

    import yaml

    title = html.unescape(yaml.safe_load(re.search(r"^title: (.*)$", flood, re.MULTILINE).group(1)))
    assert title.startswith("<div><div>") and len(title) <= 200
    assert flood.count("&#60;div&#62;") >= 5000  # every character of the text is still on the page

    # the BOM, CRLF and CR seeds read as plain text
    bom = seeds_of["seeds/bom crlf.md"].read_text(encoding="utf-8")
    assert "title: Héllo from a BOM and CRLF seed" in bom and "\r" not in bom and "\ufeff" not in bom
    assert "The magnets went to Japan." in seeds_of["seeds/cr only.txt"].read_text(encoding="utf-8")


def _slugs() -> dict[str, str]:
    return {_front_matter_seed(p): p.stem for p in Path("docs/articles").glob("*.md")}


def test_same_title_gives_distinct_slugs_that_stay(digest):
    folder = Path("seeds")
    folder.mkdir()
    same = "title: Taiwan holds drills near Kinmen"
    write(folder, "010_a.md", front(same, "date: 2026-01-10"))
    write(folder, "020_b.md", front(same, "date: 2026-01-12"))
    assert digest("generate", "--seeds", "seeds", "--docs", "docs").code == 0
    first = _slugs()
    assert len(set(first.values())) == 2
    assert first["seeds/010_a.md"] == "taiwan-holds-drills-near-kinmen"
    assert first["seeds/020_b.md"].startswith("taiwan-holds-drills-near-kinmen-")

    assert digest("generate", "--seeds", "seeds", "--docs", "docs").code == 0
    assert _slugs() == first  # stable across runs

    write(folder, "030_c.md", front(same, "date: 2026-01-20"))  # a later story with the same headline
    write(folder, "005_d.md", front(same))  # and an undated one whose file sorts first
    assert digest("generate", "--seeds", "seeds", "--docs", "docs").code == 0
    after = _slugs()
    assert {k: after[k] for k in first} == first  # the published addresses did not move
    assert len(set(after.values())) == 4


def test_an_older_seed_with_the_same_title_does_not_move_a_published_page(digest):
    folder = Path("seeds")
    folder.mkdir()
    same = "title: Taiwan holds drills near Kinmen"
    write(folder, "010_a.md", front(same, "date: 2026-01-10"))
    write(folder, "020_b.md", front(same, "date: 2026-01-12"))
    assert digest("generate", "--seeds", "seeds", "--docs", "docs").code == 0
    first = _slugs()
    write(folder, "030_archive.md", front(same, "date: 2025-12-01"))  # an archive story, added today
    assert digest("generate", "--seeds", "seeds", "--docs", "docs").code == 0
    after = _slugs()
    assert {k: after[k] for k in first} == first


# ---------------------------------------------------------------------------------------------------------
# A 10 MB seed, in a process of its own so that its peak memory is its own


def _big_text(size: int) -> str:
    import random

    rnd = random.Random(7)
    paragraphs = [p.strip() for f in sorted((PROJECT_ROOT / "seeds").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 80]
    out, n, i = [], 0, 0
    while n < size:
        sentences = paragraphs[i % len(paragraphs)].split(". ")
        rnd.shuffle(sentences)
        paragraph = f"Paragraph {i}: " + ". ".join(sentences)
        out.append(paragraph)
        n += len(paragraph.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out) + "\n"


MEASURE = textwrap.dedent("""
    import resource, sys, time
    from generator.cli import main
    started = time.monotonic()
    code = main(sys.argv[1:])
    print(f"EXIT {code} SECONDS {time.monotonic() - started:.1f} "
          f"PEAK_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
    sys.exit(code)
""")


@pytest.mark.slow
def test_a_10_mb_seed_builds_in_bounded_memory(tmp_path, record_property):
    folder = tmp_path / "seeds"
    folder.mkdir()
    text = _big_text(10 * 1024 * 1024)
    (folder / "big.txt").write_text(text, encoding="utf-8")
    assert len(text.encode("utf-8")) >= 10 * 1024 * 1024
    env = {**os.environ, "DIGEST_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1767225600"}
    run = subprocess.run([sys.executable, "-c", MEASURE, "build", "--seeds", "seeds", "--docs", "docs",
                          "--site", "site"], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=1200)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    figures = re.search(r"EXIT 0 SECONDS (?P<s>[\d.]+) PEAK_KB (?P<kb>\d+)", run.stderr)
    seconds, peak_mb = float(figures["s"]), int(figures["kb"]) / 1024
    record_property("seconds", seconds)
    record_property("peak_mb", round(peak_mb))
    print(f"10 MB seed: digest build took {seconds:.0f} s, peak memory {peak_mb:.0f} MB")
    assert peak_mb < 1536, f"peak memory {peak_mb:.0f} MB"
    pages = list((tmp_path / "docs" / "articles").glob("*.md"))
    assert len(pages) == 1
    html = tmp_path / "site" / "articles" / pages[0].stem / "index.html"
    assert html.is_file() and html.stat().st_size > 5 * 1024 * 1024  # the text is on the page, not cut


# ---------------------------------------------------------------------------------------------------------
# The one-line account, and no seed without a page


ACCOUNT = re.compile(r"^digest: (?P<seeds>\d+) seeds read, (?P<pages>\d+) article pages, (?P<written>\d+) files "
                     r"written, (?P<unchanged>\d+) unchanged, (?P<removed>\d+) removed, 0 problems$")


def _count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


def test_every_run_ends_with_a_one_line_account(digest):
    folder = Path("seeds")
    folder.mkdir()
    for name, text in GOOD.items():
        write(folder, name, text)
    write(folder, "003_third.txt", "Kim Jong Un inspected a missile factory on Friday, state media said.\n")

    first = digest("generate", "--seeds", "seeds", "--docs", "docs")
    assert first.code == 0 and first.err == ""
    assert len(first.out.splitlines()) == 1
    account = ACCOUNT.match(first.out.strip())
    assert account, first.out
    assert (int(account["seeds"]), int(account["pages"])) == (3, 3)
    assert int(account["written"]) == _count_files(Path("docs")) and int(account["removed"]) == 0

    again = ACCOUNT.match(digest("generate", "--seeds", "seeds", "--docs", "docs").out.strip())
    assert (int(again["written"]), int(again["unchanged"])) == (0, _count_files(Path("docs")))

    (folder / "003_third.txt").unlink()
    fewer = ACCOUNT.match(digest("generate", "--seeds", "seeds", "--docs", "docs").out.strip())
    assert (int(fewer["seeds"]), int(fewer["pages"])) == (2, 2) and int(fewer["removed"]) >= 1

    built = digest("build", "--seeds", "seeds", "--docs", "docs", "--site", "site")
    assert built.code == 0 and len(built.out.splitlines()) == 1
    line = built.out.strip()
    assert line.endswith("; site built in site") and ACCOUNT.match(line[: -len("; site built in site")])

    write(folder, "bad.md", front("date: 2026-02-30"))
    failed = digest("build", "--seeds", "seeds", "--docs", "docs", "--site", "site")
    assert failed.code == 1 and failed.out == ""
    assert failed.err.splitlines()[-1] == "digest: 1 problem; nothing written"


@pytest.mark.parametrize("command", ["generate", "build"])
def test_a_valid_seed_without_a_page_fails_the_run(digest, monkeypatch, command):
    """If rendering ever lost a page, the run stops before writing anything: no seed is silently lost."""
    from generator import build

    folder = Path("seeds")
    folder.mkdir()
    for name, text in GOOD.items():
        write(folder, name, text)
    assert digest("build", "--seeds", "seeds", "--docs", "docs", "--site", "site").code == 0
    before_docs, before_site = snapshot(Path("docs")), snapshot(Path("site"))
    write(folder, "003_new.txt", "Kim Jong Un inspected a missile factory on Friday, state media said.\n")

    real = build.site_files

    def losing_one_page(articles, *args, **kwargs):
        files = real(articles, *args, **kwargs)
        lost = next(a for a in articles if a.seed.endswith("003_new.txt"))
        del files[f"articles/{lost.slug}.md"]
        return files

    monkeypatch.setattr(build, "site_files", losing_one_page)
    result = digest(command, "--seeds", "seeds", "--docs", "docs", *(["--site", "site"] if command == "build" else []))
    assert result.code == 1
    assert result.err.strip() == "digest: internal error: no page for seeds/003_new.txt"
    assert "Traceback" not in result.err and result.out == ""
    assert snapshot(Path("docs")) == before_docs
    assert snapshot(Path("site")) == before_site
