"""Properties over seed text and front-matter (hypothesis), issue 7: never a crash — bad input is a
``SeedError`` of one-line ``PATH:LINE: message`` problems and nothing else —, exactly one article page per
valid seed, the same bytes from the same seeds, and a re-run with no change touches no file.

Examples stay modest (a generate writes a whole tree) so the suite stays fast; ``deadline=None`` because a
generate's time depends on the machine, not on the example.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path

import frontmatter
import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from generator.clean import clean
from generator.build import generate
from generator.errors import SeedError
from generator.extract import extract
from generator.markup import is_html
from generator.model import SIGNALS
from generator.read import read_seed
from generator.text import single_spaced, word_count
from tests.conftest import snapshot

SLUGS = ["rare-earths", "taiwan", "trade-truce", "export-controls", "north-korea"]
PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]  # no slow "explain"
FAST = settings(max_examples=150, deadline=None, phases=PHASES,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=40, deadline=None, phases=PHASES,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

# Words the extractor reacts to (topics, people, places, dates, mastheads, boilerplate) and Markdown that
# must stay text.
WORDS = [
    "China", "Beijing", "Washington", "the US", "Taiwan", "Taipei", "rare earths", "export controls",
    "tariffs", "trade truce", "holding", "escalation", "talks collapsed", "Xi Jinping", "Donald Trump",
    "Kim Jong Un", "North Korea", "Pyongyang", "missile", "gallium", "magnets", "said", "on Monday",
    "on 15 March 2027", "in June", "next week", "January 1, 0999", "31 December 9999", "2026-02-30", "By Jane Doe", "Subscribe to read", "Reuters", "|", "—",
    "#", "*", "_", "**bold**", "<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=x }",
    "&amp;", "&#106;avascript:", "https://example.com/a?b=1&c=2", "!!! note", "---", "> quote", "1.", "•",
    "```", "C#", "…", "\t", "🇹🇼", "北京", "Zoë",
    # shapes cleaning and the masthead act on: lines that may be left out, or read as a byline, a date…
    "Share", "Photo:", "Reporting by Ann Lee", "Related:", "Read Next", "Hello everyone,", "ANALYSIS",
    "From: desk@example.org", "Subject: Fwd: news", "Editor: Zhang Wei", "[Image: port]", "Thanks for reading",
    "Subscribe for free", "SEOUL --", "2026年3月3日", "ANN LEE, staff writer", "is a fellow at", "**2. Why?**",
]
sentence = st.builds(lambda words, end: " ".join(words) + end,
                     st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
                     st.sampled_from(["", ".", "?", "!", "…", ":"]))
line = st.one_of(sentence, sentence.map(lambda s: "- " + s), sentence.map(lambda s: "• " + s),
                 st.lists(sentence, min_size=1, max_size=4).map(" ".join))
structured = st.builds(lambda lines, sep: sep.join(lines),
                       st.lists(line, min_size=1, max_size=10), st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
raw = st.text(max_size=300)  # anything: control characters, NUL, lone surrogates excluded by hypothesis
body = st.one_of(structured, structured, raw, st.builds(lambda a, b: a + "\n" + b, structured, raw))

short_text = st.one_of(sentence, st.text(max_size=40))
wrong = st.one_of(st.integers(), st.none(), st.booleans(), st.lists(st.text(max_size=5), max_size=2),
                  st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2))
VALID_VALUES = {
    "title": sentence.filter(lambda s: s.strip() and len(s) <= 300),
    "date": st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)).map(lambda d: d.isoformat()),
    "source": st.sampled_from(["Reuters", "Trivium China", "Sinocism", "Nikkei Asia", "<b>News</b> & Co"]),
    "author": st.sampled_from(["Jane Doe", "Lee Min-ji", "Zoë Ångström", "O'Brien", "\"Quoted\" Writer"]),
    "url": st.sampled_from(["https://example.com/a", "http://example.org/x?y=1&z=2",
                            "https://example.com/)[x](javascript:alert(1))"]),
    "topics": st.lists(st.sampled_from(SLUGS), max_size=3, unique=True),
    "truce_signal": st.sampled_from(SIGNALS),
}
ANY_VALUES = {
    **{k: st.one_of(v, wrong, short_text) for k, v in VALID_VALUES.items()},
    "date": st.one_of(VALID_VALUES["date"], st.dates().map(lambda d: d.isoformat()), wrong, short_text),
    "url": st.one_of(VALID_VALUES["url"], st.sampled_from(["javascript:alert(1)", " data:x", "//x", "ftp://x"]),
                     short_text),
    "topics": st.one_of(VALID_VALUES["topics"], st.lists(st.sampled_from(SLUGS + ["nope", "../x"]), max_size=3),
                        short_text),
}


def _yaml(mapping: dict) -> str:
    # JSON with ASCII escapes is YAML that means the same values
    return "".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=True)}\n" for k, v in mapping.items())


def seed_text(values: dict, extra_key: bool = False):
    front = st.fixed_dictionaries({}, optional=values)
    if extra_key:
        front = st.builds(lambda fm, bad: {**fm, **bad}, front,
                          st.dictionaries(st.sampled_from(["titel", "tags", "Title"]), st.text(max_size=5),
                                          max_size=1))
    with_front = st.builds(lambda fm, text: "---\n" + _yaml(fm) + "---\n" + text, front, body)
    raw_front = st.builds(lambda fm, text: "---\n" + fm + "\n---\n" + text, st.text(max_size=80), body)
    return st.one_of(body, with_front, with_front, raw_front)


any_seed = seed_text(ANY_VALUES, extra_key=True)
valid_seed = st.builds(lambda fm, text: "---\n" + _yaml(fm) + "---\n" + text,
                       st.fixed_dictionaries({}, optional=VALID_VALUES), structured)
PROBLEM = re.compile(r"^seeds/[^\n]+:[1-9]\d*: \S[^\n]*$")


@pytest.fixture(autouse=True)
def pinned(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DIGEST_SITE_URL", raising=False)


@contextmanager
def seeds_folder(texts: dict[str, str | bytes]):
    """A fresh folder holding ``seeds/`` (given as "seeds", as on the command line) and room for docs."""
    previous = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="digest-prop-") as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        for name, text in texts.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            (root / "seeds" / name).write_bytes(data)
            os.utime(root / "seeds" / name, (1_767_225_600, 1_767_225_600))
        os.chdir(root)
        try:
            yield root
        finally:
            os.chdir(previous)


def assert_problems_are_lines(exc: SeedError, names) -> None:
    assert exc.problems
    for problem in exc.problems:
        assert PROBLEM.match(str(problem)), str(problem)
        assert problem.path in {f"seeds/{n}" for n in names}


def pages(docs: Path) -> dict[str, str]:
    """Seed path → article page name, from the pages' front-matter."""
    out = {}
    for page in (docs / "articles").glob("*.md"):
        meta = frontmatter.loads(page.read_text(encoding="utf-8")).metadata
        assert meta["seed"] not in out, f"two pages for {meta['seed']}"
        out[meta["seed"]] = page.name
    return out


# ---------------------------------------------------------------------------------------------------------


@FAST
@given(data=st.one_of(st.binary(max_size=600), any_seed.map(lambda t: t.encode("utf-8"))))
def test_reading_anything_gives_a_seed_or_problems(tmp_path_factory, data):
    """Any bytes: a Seed that extracts without error, or a SeedError of one-line problems; never a crash."""
    folder = tmp_path_factory.mktemp("read")
    path = folder / "x.md"
    path.write_bytes(data)
    try:
        seed = read_seed(path, "seeds/x.md")
    except SeedError as exc:
        event("invalid")
        assert_problems_are_lines(exc, ["x.md"])
        return
    event("valid")
    article = extract(seed)
    assert article.seed == "seeds/x.md" and article.title.strip()
    # cleaning gives trimmed, single-spaced paragraphs: their words are counted from their spaces
    for block in clean(seed.body).blocks:
        assert all(line == single_spaced(line) and line.count(" ") + 1 == word_count(line) for line in block.lines)


ALNUM = re.compile(r"[^\W_]+")
# whole pages in the shapes cleaning and the masthead read: a top (email header, rubric, masthead, headline,
# dek, byline, date), prose, and a tail (links, footer, credits, author bio)
TOP = ["ANALYSIS", "From: desk@example.org", "Subject: Fwd: Port news", "Date: Tue, Apr 14, 2026 at 7:02 AM",
       "---------- Forwarded message ---------", "The Strait Letter", "Issue #88 — 9 March 2026",
       "By Ann Lee and Bo Park", "ANN LEE, staff writer", "Published June 2, 2026 | 7 min read", "Hello everyone,",
       "Port strike halts exports from Busan", "Dockworkers walk out over pay as ships divert to other ports",
       "★ Port strike halts exports", "Good morning. Here is what matters.", "**March 6, 2026** · By Ann Lee",
       "By Reuters", "By Strait Times staff writers", "Subject: [Strait Notes] Port news", "Ann Lee in Busan",
       "(Bloomberg) -- Port strike spreads to Incheon.", "TOKYO/SEOUL -- Ports shut.", "1. Ports reopen.",
       "Port strike halts exports from Busan - Reuters", "Opinion | Ports need a deal",
       "https://www.example.org/world/port-strike",
       "Dockers return on Monday.", "2) Freight rates fall.", "In this issue:", "1. Ports reopen",
       "THE STRAIT LETTER", "FOR IMMEDIATE RELEASE", "WASHINGTON — Ports shut on Monday.",
       "Port strike halts exports from Busan as ships divert; insurers raise premiums for the whole region"]
TAIL = ["Read Next", "More from this section", "Seoul stocks slip", "Ann Lee is a fellow at the Harbour Centre.",
        "Thanks for reading The Strait Letter! Subscribe for free to receive new posts.", "Share", "Leave a comment",
        "Reporting by Ann Lee; Editing by Bo Park", "Tags: Taiwan, Trade", "[Image: port]", "Related: Port costs",
        "Page 2 of 4", "- 3 -", "Port strike halts exports from Busan", "Analysts ex-", "pect more strikes.",
        "▶ Ships divert", "🔹 Insurers raise premiums.", "🔹 Freight rates climb", "★★★", "© 2026 Strait Media",
        "> Ports reopen on Monday,", "> officials said.", "---", "**Seoul:** Markets rose.",
        "**Taipei:** Ships sailed", "Getty Images", "Thanks for reading,", "Dana", "Q: Will ports reopen?",
        "A: They will.", "Ministry of Transport", "April 4, 2026", "Media contact: Press Office", "press@example.org",
        "(202) 555-0143", "###", "(END)", "— With assistance from Bo Park", "Notes", "[1] Port data, 2026.",
        "To contact the reporter on this story: Ann Lee in Busan at alee@example.org", "**Park:** Yes.",
        "**Park:** Soon.", "You're receiving this email because you subscribed. Unsubscribe",
        "The views expressed are the author's own.", "A1: Ports reopen in May."]
shaped = st.builds(lambda top, middle, tail, sep: sep.join(top + middle + tail),
                   st.lists(st.sampled_from(TOP), max_size=7), st.lists(line, min_size=1, max_size=4),
                   st.lists(st.sampled_from(TAIL), max_size=5), st.sampled_from(["\n", "\n\n"]))


@FAST
@given(text=st.one_of(structured, shaped, shaped))
def test_every_line_is_kept_or_listed_as_left_out(text):
    """Cleaning and the masthead may leave lines out, never silently: each line's words are in the article's
    text, a section's title or among the lines it lists as left out (with their line and reason)."""
    seed = read_seed_text(text)
    if seed is None:
        return
    kept = _kept_text(extract(seed))
    everything = "".join("".join(ALNUM.findall(t)) for t in kept)
    for raw_line in seed.body.split("\n"):
        words = "".join(ALNUM.findall(raw_line))
        assert words in everything, f"lost: {raw_line!r}"


@FAST
@given(text=st.one_of(structured, shaped))
def test_a_seed_pasted_as_html_keeps_every_word_it_shows(text):
    """The same texts pasted as a page's source (each line a paragraph element, its characters escaped):
    read as the text the page shows, every word of which is kept or listed as left out."""
    if text.startswith("---"):
        return  # (front-matter is never HTML)
    page = "\n".join(f"<p>{html.escape(line)}</p>" if line.strip() else "" for line in text.split("\n"))
    if not is_html(page):
        event("too few paragraphs to read as a page: shown as typed")
        return
    seed = read_seed_text(page)
    if seed is None:
        return
    kept = _kept_text(extract(seed))
    everything = "".join("".join(ALNUM.findall(t)) for t in kept)
    assert "<p>" not in " ".join(kept)
    for line in text.split("\n"):
        words = "".join(ALNUM.findall(line))
        assert words in everything, f"lost: {line!r}"


def _kept_text(article) -> list[str]:
    """Each section's title (a heading, or a brief's headline) then its text, then what was left out."""
    return ([part for s in article.sections for part in (s.title, *(line for b in s.blocks for line in b.lines))]
            + [d.text for d in article.dropped])


def read_seed_text(text: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.md"
        path.write_text(text, encoding="utf-8")
        try:
            return read_seed(path, "seeds/x.md")
        except SeedError:
            return None


@SLOW
@given(texts=st.lists(any_seed, min_size=1, max_size=3))
def test_generate_never_crashes_and_writes_nothing_on_problems(texts):
    names = {f"{i:03d}_seed.md": text for i, text in enumerate(texts)}
    with seeds_folder(names) as root:
        try:
            result = generate("seeds", "docs")
        except SeedError as exc:
            event("refused")
            assert_problems_are_lines(exc, names)
            assert not (root / "docs").exists()  # nothing written, not even the folder
            return
        event("generated")
        assert set(pages(root / "docs")) == {f"seeds/{n}" for n in names}
        assert len(result.articles) == len(names)


@SLOW
@given(texts=st.lists(valid_seed, min_size=1, max_size=4))
def test_one_page_per_valid_seed_same_bytes_every_time(texts):
    """Exactly one article page per seed, and two runs into two folders give the same bytes."""
    names = {f"{i:03d} seed {i}.md": text for i, text in enumerate(texts)}
    with seeds_folder(names) as root:
        os.environ["DIGEST_CACHE"] = "0"  # both runs render everything: the cache cannot hide a difference
        try:
            first = generate("seeds", "one")
        except SeedError as exc:  # e.g. a text that is all boilerplate
            event("refused")
            assert_problems_are_lines(exc, names)
            return
        finally:
            os.environ.pop("DIGEST_CACHE", None)
        event("generated")
        os.environ["DIGEST_CACHE"] = "0"
        try:
            generate("seeds", "two")
        finally:
            os.environ.pop("DIGEST_CACHE", None)
        assert set(pages(root / "one")) == {f"seeds/{n}" for n in names}
        assert len({a.slug for a in first.articles}) == len(names)
        one = {k: v[0] for k, v in snapshot(root / "one").items()}
        two = {k: v[0] for k, v in snapshot(root / "two").items()}
        assert one == two


@SLOW
@given(texts=st.lists(valid_seed, min_size=1, max_size=3), cached=st.booleans())
def test_a_rerun_with_no_change_touches_no_file(texts, cached):
    names = {f"{i:03d}.md": text for i, text in enumerate(texts)}
    with seeds_folder(names) as root:
        os.environ["DIGEST_CACHE_DIR"] = str(root / "cache")
        if not cached:
            os.environ["DIGEST_CACHE"] = "0"
        try:
            try:
                generate("seeds", "docs")
            except SeedError:
                event("refused")
                return
            before = snapshot(root / "docs")
            again = generate("seeds", "docs")
        finally:
            os.environ.pop("DIGEST_CACHE_DIR", None)
            os.environ.pop("DIGEST_CACHE", None)
        assert again.report.written == [] and again.report.removed == []
        assert snapshot(root / "docs") == before  # same bytes, same modification times
