"""The built site as readers, subscribers and calendars meet it (issues 4 and 5).

The real site is built once per module from the project's seeds (copied to tmp, in a throw-away git
repository so undated seeds carry their first-commit date), then parsed: BeautifulSoup for pages,
ElementTree for the truce chart's SVG, feedparser for RSS and Atom, ``json`` for JSON Feed and icalendar
for the calendars. Expectations come from the Articles (``generator.build.analyse`` on the same seeds),
not from the code that renders them.

Further corpora: the same seeds built again later (stable GUIDs and UIDs, events kept once passed), the
seeds plus twenty synthetic North Korea seeds (pages scale with their topic, not the archive), and the
seeds plus two editor overrides (status, chart shapes and colours, overrides shown as such).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from generator.build import analyse, build_site, generate
from generator.config import load_topics
from generator.model import Article, Section
from generator.sitecfg import site_url
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

CONTRACT_TOPICS = ("rare-earths", "taiwan", "trade-truce", "export-controls", "north-korea")  # the seeds cover each
TOPICS = tuple(t.slug for t in load_topics())  # every topic of data/topics.yml, those without articles too
PEOPLE = ("Xi Jinping", "Scott Bessent", "Lai Ching-te", "Kim Jong Un", "Li Qiang")
SVG = "{http://www.w3.org/2000/svg}"
BUILT_ON = 1_767_225_600      # 2026-01-01: the build date, and the copied seeds' file time
COMMITTED = 1_768_435_200     # 2026-01-15: when the throw-away repository first commits the seeds
LATER = 1_780_272_000         # 2026-06-01: a rebuild after the recap's dates have passed
RECAP = dt.date(2026, 1, 31)


# ---------------------------------------------------------------------------------------------------------
# Building a corpus, and reading what was built


@dataclass
class Build:
    root: Path
    articles: tuple[Article, ...]
    url: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    @cached_property
    def _soups(self) -> dict[Path, BeautifulSoup]:
        return {}

    def page(self, rel: str) -> BeautifulSoup:
        """A built page by its directory URL relative to the site root ("" is the home page)."""
        path = self.file_of(rel)
        if path not in self._soups:
            self._soups[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return self._soups[path]

    def file_of(self, rel: str) -> Path:
        path = self.site / rel
        if rel == "" or rel.endswith("/"):
            path = path / "index.html"
        return path

    def resolve(self, url: str) -> tuple[str, str]:
        """An absolute URL of this site → (page path relative to the site root, fragment); asserts that
        the file exists and, for a fragment, that the page has an element with that id."""
        assert url.startswith(self.url), f"{url} is not on {self.url}"
        parts = urlsplit(url[len(self.url):])
        rel = parts.path
        assert self.file_of(rel).is_file(), f"{url} resolves to no file of the built site"
        if parts.fragment:
            assert self.page(rel).find(id=parts.fragment) is not None, f"{url}: no element with that id"
        return rel, parts.fragment

    def href(self, page_rel: str, href: str) -> tuple[str, str]:
        """A link on a page, resolved and checked like ``resolve``."""
        return self.resolve(urljoin(self.url + page_rel, href))

    def article(self, seed_prefix: str) -> Article:
        return next(a for a in self.articles if Path(a.seed).name.startswith(seed_prefix))

    def feed(self, name: str) -> feedparser.FeedParserDict:
        parsed = feedparser.parse((self.site / "feeds" / name).read_bytes())
        assert parsed.bozo == 0, f"{name}: {parsed.get('bozo_exception')}"
        return parsed

    def calendar(self, name: str = "calendar.ics") -> icalendar.Calendar:
        return icalendar.Calendar.from_ical((self.site / name).read_bytes())


def _build(root: Path, extra: dict[str, str] | None = None, *, epoch: int = BUILT_ON, git: bool = False,
           from_seeds: Path = SEEDS) -> Build:
    """Copy seeds (plus ``extra`` files) to ``root/seeds``, generate ``root/docs``, build ``root/site``."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for seed in sorted(from_seeds.glob("*")):
        shutil.copy(seed, seeds / seed.name)
    for name, text in (extra or {}).items():
        (seeds / name).write_text(text, encoding="utf-8")
    for seed in seeds.iterdir():
        os.utime(seed, (BUILT_ON, BUILT_ON))
    if git:
        _commit(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)  # seeds are given as "seeds", as on the command line
        mp.setenv("SOURCE_DATE_EPOCH", str(epoch))
        mp.delenv("DIGEST_SITE_URL", raising=False)
        generate("seeds", "docs")
        build_site("docs", "site")
        _, articles = analyse("seeds")
        url = site_url()
    return Build(root, articles, url)


def _commit(root: Path) -> None:
    stamp = f"@{COMMITTED} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q"], ["add", "seeds"], ["commit", "-q", "--no-gpg-sign", "-m", "seeds"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Build:
    return _build(tmp_path_factory.mktemp("main"), git=True)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory, site) -> Build:
    """The same seeds built again, months later, into other folders."""
    return _build(tmp_path_factory.mktemp("again"), epoch=LATER, git=True)


def _nk_seed(i: int) -> str:
    dated = i % 2 == 0
    front = [f"title: North Korea missile launch, round {i}"]
    if dated:
        front.append(f"date: 2026-02-{i + 1:02d}")
    body = (f"North Korea fired a short-range ballistic missile into the sea on its east coast, South "
            f"Korea's Joint Chiefs of Staff said. It was Pyongyang's launch number {i} this year.\n\n"
            "Kim Jong Un watched the test, state media in Pyongyang reported, and ordered more launchers "
            "built. Analysts said the DPRK wants to show its arsenal keeps growing.\n")
    if i == 1:
        body += "\nThe Workers' Party of Korea will open its next party congress on March 3, 2027.\n"
    if i == 3:
        body += "\nNew sanctions on Pyongyang will take effect on June 1.\n"
    return "---\n" + "\n".join(front) + "\n---\n" + body


@pytest.fixture(scope="module")
def grown(tmp_path_factory, site) -> Build:
    """The seeds plus twenty synthetic seeds on North Korea only, half of them undated."""
    return _build(tmp_path_factory.mktemp("grown"), {f"9{i:02d}_nk.md": _nk_seed(i) for i in range(20)})


OVERRIDES = {
    "950_tariffs.md": "---\ntitle: Washington raises tariffs again\ndate: 2026-02-10\n"
                      "truce_signal: escalation\ntopics: [trade-truce]\n---\nThe United States raised "
                      "tariffs on Chinese goods on Tuesday, and Beijing said it would answer in kind. Trade "
                      "talks between the two are on hold.\n",
    "951_thaw.md": "---\ntitle: Negotiators extend the tariff pause\ndate: 2026-02-20\n"
                   "truce_signal: de-escalation\ntopics: [trade-truce]\n---\nNegotiators from the United "
                   "States and China agreed to extend the tariff pause, and trade talks resume next month.\n",
}


@pytest.fixture(scope="module")
def overridden(tmp_path_factory, site) -> Build:
    """The seeds plus two dated seeds whose truce signal an editor set."""
    return _build(tmp_path_factory.mktemp("overrides"), OVERRIDES)


PASTED = {
    "960_page.html.txt": "<h1>Seoul and Tokyo renew their currency swap</h1>\n"
                         "<p>SEOUL &ndash; South Korea and Japan renewed a $10 billion currency swap on Monday, "
                         "the finance ministry said.</p>\n<script>\nalert(1)\n</script>\n"
                         "<p>Officials called the deal &ldquo;insurance&rdquo; against market turmoil.</p>\n"
                         "<ul><li>Term: three years</li><li>Size: $10 billion</li></ul>\n",
    "961_table.md": "---\ntitle: Where the seafood talks stand\n---\nTokyo and Beijing reached a partial deal "
                    "on seafood imports, [officials said](https://example.org/seafood).\n\n"
                    "![A fish market](https://example.org/market.jpg)\n\n| Product | Status |\n| --- | --- |\n"
                    "| Scallops | <b>Banned</b> |\n| Sea cucumber | *Allowed* |\n\nTalks resume in May.\n",
}


@pytest.fixture(scope="module")
def pasted(tmp_path_factory) -> Build:
    """Two seeds alone: a page pasted as HTML, and Markdown holding a table, a link and an image."""
    empty = tmp_path_factory.mktemp("no-seeds")
    return _build(tmp_path_factory.mktemp("pasted"), PASTED, from_seeds=empty)


# ---------------------------------------------------------------------------------------------------------
# Expectations from the Articles, and pieces of pages


def newest_first(a: Article) -> tuple:
    return a.date is None, -(a.date or dt.date.min).toordinal(), a.slug


def expected_entries(articles: tuple[Article, ...], slug: str) -> list[tuple[Article, Section | None]]:
    """What a topic lists, from the Articles alone: the whole article when all its stories are on the topic,
    else each story that is, by its anchor. Newest first, undated last."""
    out = []
    for a in sorted(articles, key=newest_first):
        on = [s for s in a.stories if slug in s.topics]
        if on and len(on) == len(a.stories):
            out.append((a, None))
        else:
            out.extend((a, s) for s in on)
    return out


def entry_ref(entry: tuple[Article, Section | None]) -> tuple[str, str]:
    article, section = entry
    return f"articles/{article.slug}/", section.anchor if section else ""


def dated_signals(articles: tuple[Article, ...]) -> list[tuple[Article, str]]:
    """Every truce signal of a dated article: the editor's override, else each story's."""
    out = []
    for a in articles:
        if a.date is None:
            continue
        if a.truce_override:
            out.append((a, a.truce_override))
        else:
            out.extend((a, s.truce.value) for s in a.stories if s.truce)
    return out


def after_heading(soup: BeautifulSoup, heading_id: str, tag: str = "li") -> list:
    """The ``tag`` elements between a heading and the next heading of the same or a higher level."""
    heading = soup.find(id=heading_id)
    assert heading is not None, f"no #{heading_id}"
    level = int(heading.name[1])
    found = []
    for sib in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sib.name) and int(sib.name[1]) <= level:
            break
        found.extend([sib] if sib.name == tag else sib.find_all(tag))
    return found


def entry_anchor(li):
    """The entry's own link in a listed item (not the "in <newsletter>" link in <small>)."""
    return next(a for a in li.find_all("a") if a.find_parent("small") is None)


def admonition(soup: BeautifulSoup, title_part: str):
    found = [d for d in soup.select("article .admonition")
             if title_part.lower() in d.select_one(".admonition-title").get_text().lower()]
    assert found, f"no admonition titled …{title_part}…"
    return found[0]


def topic_page_refs(b: Build, slug: str, heading: str) -> list[tuple[str, str]]:
    rel = f"topics/{slug}/"
    return [b.href(rel, entry_anchor(li)["href"]) for li in after_heading(b.page(rel), heading)]


def truce_svg(b: Build) -> ET.Element:
    """The chart, parsed as XML from the served page (the HTML parser would fold its attribute names)."""
    rel = "topics/trade-truce/"
    svg = b.page(rel).select_one("article figure svg")
    assert svg is not None
    text = b.file_of(rel).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: svg.sourceline - 1]) + svg.sourcepos
    end = text.index("</svg>", start) + len("</svg>")
    return ET.fromstring(text[start:end])


def marks(svg: ET.Element) -> list[tuple[str, tuple, str]]:
    """(signal, shape, fill) for every mark: a circle, or a triangle pointing up or down."""
    out = []
    for group in svg.iter(f"{SVG}g"):
        for shape in group:
            if shape.tag == f"{SVG}circle":
                form = ("circle",)
            elif shape.tag == f"{SVG}polygon":
                ys = [float(p.split(",")[1]) for p in shape.get("points").split()]
                apex = min(ys) if ys.count(min(ys)) == 1 else max(ys)
                form = ("triangle", "up" if apex == min(ys) else "down")
            else:
                continue
            out.append((group.get("data-signal"), form, shape.get("fill")))
    return out


def ical_date(component, key: str) -> dt.date:
    return component.decoded(key)


# ---------------------------------------------------------------------------------------------------------
# The site's pages


def test_site_holds_every_page(site):
    for rel in ("", "tags/", "topics/", "entities/", "watch/"):
        assert site.file_of(rel).is_file(), rel
    for slug in TOPICS:
        assert site.file_of(f"topics/{slug}/").is_file(), slug
    seeds = sorted((site.root / "seeds").glob("*.txt"))
    assert len(site.articles) == len(seeds) == 3
    assert {Path(a.seed).name for a in site.articles} == {s.name for s in seeds}
    for a in site.articles:
        assert site.page(f"articles/{a.slug}/").select_one("article h1").get_text(strip=True).startswith(
            a.title[:40])
    people = {e.name for a in site.articles for e in a.entities if e.kind == "people"}
    assert set(PEOPLE) <= people
    assert list((site.site / "entities" / "people").glob("*/index.html"))


def test_truce_tracker_states_status_with_evidence(site):
    rel = "topics/trade-truce/"
    soup = site.page(rel)
    recap = site.article("004")
    assert recap.date == RECAP
    box = soup.select("article .admonition")[0]  # the status comes first, at the top
    title = box.select_one(".admonition-title").get_text()
    assert "holding" in title and "as of 31 January 2026" in title
    evidence = next(s.truce for s in recap.stories if s.truce).evidence
    assert box.blockquote.get_text(" ", strip=True) == evidence
    page, anchor = site.href(rel, entry_anchor(box)["href"])
    assert page == f"articles/{recap.slug}/"
    story = next(s for s in recap.stories if s.truce)
    assert anchor == (story.anchor if recap.multi else "")


def test_truce_chart_is_accessible_svg_with_one_mark_per_dated_signal(site):
    svg = truce_svg(site)
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text.strip()
    assert desc is not None and desc.text.strip()
    assert set(svg.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
    expected = dated_signals(site.articles)
    assert (RECAP, "holding") in [(a.date, v) for a, v in expected]
    assert sorted(m[0] for m in marks(svg)) == sorted(v for _, v in expected)
    # text and axes follow the colour scheme (light or dark)
    assert {t.get("fill") for t in svg.iter(f"{SVG}text")} == {"currentColor"}


def test_truce_chart_tells_statuses_apart_by_shape_and_colour(overridden):
    svg = truce_svg(overridden)
    found = marks(svg)
    assert sorted(v for v, _, _ in found) == sorted(v for _, v in dated_signals(overridden.articles))
    by_status = {}
    for value, shape, fill in found:
        by_status.setdefault(value, set()).add((shape, fill))
    assert set(by_status) == {"holding", "escalation", "de-escalation"}
    assert all(len(looks) == 1 for looks in by_status.values()), by_status
    looks = [next(iter(v)) for v in by_status.values()]
    assert len({shape for shape, _ in looks}) == 3, "shapes must differ by status"
    assert len({fill for _, fill in looks}) == 3, "colours must differ by status"


def test_truce_timeline_lists_dated_and_undated_signals(site):
    rel = "topics/trade-truce/"
    soup = site.page(rel)
    figure = soup.select_one("article figure")
    dated = figure.find_next_sibling("ul").find_all("li", recursive=False)
    undated = after_heading(soup, "signals-from-undated-articles")

    def listed(items):
        out = []
        for li in items:
            page, anchor = site.href(rel, entry_anchor(li)["href"])
            out.append((page, li.em.get_text(strip=True), li.strong.get_text(strip=True)))
        return out

    recap, newsletter, london = site.article("004"), site.article("002"), site.article("000")
    rows = listed(dated)
    assert sorted((p, v) for p, v, _ in rows) == sorted((f"articles/{a.slug}/", v)
                                                         for a, v in dated_signals(site.articles))
    assert (f"articles/{recap.slug}/", "holding", "31 January 2026") in rows
    rows = listed(undated)
    assert (f"articles/{newsletter.slug}/", "escalation", "Date unknown") in rows
    assert (f"articles/{london.slug}/", "de-escalation", "Date unknown") in rows
    assert newsletter.date is None and london.date is None
    assert all(when == "Date unknown" for _, _, when in rows)


def test_editor_overrides_are_shown_as_such(overridden):
    rel = "topics/trade-truce/"
    soup = overridden.page(rel)
    box = soup.select("article .admonition")[0]
    title = box.select_one(".admonition-title").get_text()
    assert "de-escalating" in title and "as of 20 February 2026" in title
    assert "editor" in box.get_text()
    figure = soup.select_one("article figure")
    dated = figure.find_next_sibling("ul").find_all("li", recursive=False)
    overridden_slugs = {f"articles/{a.slug}/" for a in overridden.articles if a.truce_override}
    assert len(overridden_slugs) == 2
    for li in dated:
        page, _ = overridden.href(rel, entry_anchor(li)["href"])
        assert ("editor override" in li.get_text()) == (page in overridden_slugs)


@pytest.mark.parametrize("slug", TOPICS)
def test_topic_page_lists_exactly_its_articles_or_sections(site, slug):
    expected = [entry_ref(e) for e in expected_entries(site.articles, slug)]
    assert expected or slug not in CONTRACT_TOPICS, f"no article on {slug}: the seeds should cover every contract topic"
    assert set(CONTRACT_TOPICS) <= set(TOPICS)
    timeline = topic_page_refs(site, slug, "timeline")
    assert sorted(timeline) == sorted(expected)
    latest = topic_page_refs(site, slug, "latest-developments")
    assert latest == expected[: len(latest)] and len(latest) == min(len(expected), 10)


def test_latest_developments_carry_their_key_point(site):
    for slug in TOPICS:
        items = after_heading(site.page(f"topics/{slug}/"), "latest-developments")
        for li, (article, section) in zip(items, expected_entries(site.articles, slug)):
            point = (section.key_points if section else article.key_points)[0]
            assert " ".join(point.split()) in li.get_text(" ", strip=True).replace("  ", " ")


def test_single_story_of_a_newsletter_links_to_its_anchor(site):
    newsletter = site.article("002")
    assert newsletter.multi
    story = next(s for s in newsletter.stories if "taiwan" in s.topics)
    assert [s for s in newsletter.stories if "taiwan" in s.topics] == [story]
    refs = topic_page_refs(site, "taiwan", "timeline")
    assert (f"articles/{newsletter.slug}/", story.anchor) in refs  # href() checked the id exists
    assert site.page(f"articles/{newsletter.slug}/").find(id=story.anchor).name in ("h2", "h3")


@pytest.mark.parametrize("slug", TOPICS)
def test_topic_page_opens_with_its_description(site, slug):
    topic = next(t for t in load_topics() if t.slug == slug)
    soup = site.page(f"topics/{slug}/")
    assert soup.select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip() == topic.title
    paragraphs = [" ".join(p.get_text(" ").split()) for p in soup.select("article p")
                  if p.find_parent(class_="admonition") is None and p.find_parent("li") is None]
    assert " ".join(topic.description.split()) in paragraphs


@pytest.mark.parametrize("slug", TOPICS)
def test_related_topics_are_those_sharing_a_story(site, slug):
    counts: dict[str, int] = {}
    for article, section in expected_entries(site.articles, slug):
        for other in (section.topics if section else article.topics):
            if other != slug:
                counts[other] = counts.get(other, 0) + 1
    soup = site.page(f"topics/{slug}/")
    listed = {}
    if soup.find(id="related-topics"):
        for li in after_heading(soup, "related-topics"):
            page, _ = site.href(f"topics/{slug}/", li.a["href"])
            listed[page.split("/")[1]] = int(re.search(r"(\d+) shared", li.get_text(" ")).group(1))
    assert listed == counts


def test_topic_page_has_timeline_by_month_related_topics_and_entities(site):
    soup = site.page("topics/trade-truce/")
    months = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in after_heading(soup, "timeline", "h3")]
    assert months == ["January 2026", "Date unknown"]
    related = [site.href("topics/trade-truce/", a["href"])[0]
               for li in after_heading(soup, "related-topics") for a in li.find_all("a")]
    assert related and all(r.startswith("topics/") for r in related)
    linked = [site.href("topics/trade-truce/", a["href"])[0]
              for a in after_heading(soup, "most-mentioned", "a")]
    assert linked and all(r.startswith("entities/") for r in linked)


def test_entity_pages_list_their_articles_with_first_mention(site):
    for name in PEOPLE:
        mentions = [(a, e) for a in site.articles for e in a.entities
                    if e.kind == "people" and e.name == name]
        assert mentions, name
        pages = {a.slug for a, _ in mentions}
        index = site.page("entities/")
        link = next(a for a in index.select("article a") if a.get_text(strip=True) == name)
        rel, _ = site.href("entities/", link["href"])
        soup = site.page(rel)
        assert soup.select_one("article h1").get_text(" ", strip=True).startswith(name)
        items = [li for li in soup.select("article li") if li.find("a")]
        linked = [site.href(rel, entry_anchor(li)["href"])[0] for li in items]
        assert sorted(linked) == sorted(f"articles/{slug}/" for slug in pages), name
        for li in items:
            page = site.href(rel, entry_anchor(li)["href"])[0]
            article = next(a for a, _ in mentions if f"articles/{a.slug}/" == page)
            first = next(e for a, e in mentions if a is article).first_mention
            assert " ".join(first.split())[:80] in " ".join(li.get_text(" ").split())


def test_entity_names_in_articles_link_to_existing_entity_pages(site):
    for a in site.articles:
        rel = f"articles/{a.slug}/"
        links = {x.get_text(strip=True): site.href(rel, x["href"])[0]
                 for x in site.page(rel).select("article a")
                 if "/entities/" in urljoin(site.url + rel, x["href"])}
        for entity in a.entities:
            assert entity.name in links, f"{a.slug}: {entity.name} is not linked"
            target = site.page(links[entity.name])
            assert target.select_one("article h1").get_text(" ", strip=True).startswith(entity.name)
        # in the page's header: before the key points and the first story
        first = next(x for x in site.page(rel).select("article a")
                     if "/entities/" in urljoin(site.url + rel, x["href"]))
        assert first.find_previous("h2") is None
        assert first.find_previous(class_="admonition") is None


def test_entities_index_groups_by_kind(site):
    soup = site.page("entities/")
    kinds = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup.select("article h2")]
    assert kinds == ["People", "Organizations", "Places"]
    for h in soup.select("article h2"):
        for a in after_heading(soup, h["id"], "a"):
            assert site.href("entities/", a["href"])[0].startswith("entities/")


def test_home_page_briefs(site):
    soup = site.page("")
    badge = admonition(soup, "truce")
    assert "holding" in badge.select_one(".admonition-title").get_text()
    assert "31 January 2026" in badge.select_one(".admonition-title").get_text()
    newest = sorted(site.articles, key=newest_first)
    latest = [site.href("", li.a["href"])[0] for li in after_heading(soup, "latest-articles")]
    assert latest == [f"articles/{a.slug}/" for a in newest][:10]
    cards = soup.select("article .grid.cards > ul > li")
    assert len(cards) == len(TOPICS)
    seen = set()
    for card in cards:
        topic_rel, _ = site.href("", card.a["href"])
        slug = topic_rel.split("/")[1]
        seen.add(slug)
        entries = expected_entries(site.articles, slug)
        count = int(re.search(r"(\d+)\s+articles?", card.get_text(" ")).group(1))
        assert count == len(entries), slug
        if not entries:  # a topic nothing is about yet: its card says so, and links only to its page
            assert "Nothing yet" in card.get_text() and len(card.find_all("a")) == 1, slug
            continue
        newest_link = card.find_all("a")[1]
        assert site.href("", newest_link["href"]) == entry_ref(entries[0])
    assert seen == set(TOPICS)
    assert "watch/" in {site.href("", a["href"])[0] for a in soup.select("article a")}
    feeds = soup.head.find_all("link", rel="alternate", type="application/rss+xml")
    assert [site.resolve(f["href"])[0] for f in feeds] == ["feeds/all.xml"]


def test_tags_index_lists_topic_tags(site):
    soup = site.page("tags/")
    assert soup.select_one("article h1") is not None
    targets = {site.href("tags/", a["href"])[0] for a in soup.select("article a") if "articles/" in a["href"]}
    assert targets == {f"articles/{a.slug}/" for a in site.articles}


# ---------------------------------------------------------------------------------------------------------
# Feeds


def feed_names(b: Build, suffix: str) -> list[str]:
    return sorted(p.name for p in (b.site / "feeds").glob(f"*.{suffix}"))


def test_every_feed_parses(site):
    names = set(TOPICS) | {"all"}
    assert feed_names(site, "xml") == sorted([f"{n}.xml" for n in names] + ["sitemap.xml"])
    # beside the feeds, the empty sitemap Material's script asks for next to each <link rel="alternate">
    sitemap = ET.fromstring((site.site / "feeds" / "sitemap.xml").read_bytes())
    assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset" and len(sitemap) == 0
    assert feed_names(site, "atom") == sorted(f"{n}.atom" for n in names)
    assert feed_names(site, "json") == sorted(f"{n}.json" for n in names)
    for name in names:
        rss = site.feed(f"{name}.xml")
        assert rss.version == "rss20", name
        atom = site.feed(f"{name}.atom")
        assert atom.version == "atom10", name
        # RFC 4287: a feed names an author unless every entry does
        assert atom.feed.get("authors") or all(e.get("authors") for e in atom.entries), name
        for e in atom.entries:
            assert e.id and e.title and e.updated_parsed and e.link, name
        data = json.loads((site.site / "feeds" / f"{name}.json").read_text(encoding="utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert data["title"] and isinstance(data["items"], list)
        assert data["feed_url"] == f"{site.url}feeds/{name}.json"
        for item in data["items"]:
            assert item["id"] and item["url"] and item["date_published"]
            assert item.get("content_text") or item.get("content_html")
            dt.datetime.fromisoformat(item["date_published"])
            assert all(k.startswith("_") or k in JSON_ITEM_KEYS for k in item), item.keys()


JSON_ITEM_KEYS = {"id", "url", "external_url", "title", "content_html", "content_text", "summary", "image",
                  "banner_image", "date_published", "date_modified", "authors", "tags", "language",
                  "attachments"}


def _feed_refs(b: Build, entries) -> list[tuple[str, str]]:
    return [b.resolve(e.link) for e in entries]


@pytest.mark.parametrize("slug", TOPICS + ("all",))
def test_feed_entries_match_the_articles_newest_first(site, slug):
    if slug == "all":
        expected = {(f"articles/{a.slug}/", "") for a in site.articles}
    else:
        expected = {entry_ref(e) for e in expected_entries(site.articles, slug)}
    for suffix in ("xml", "atom"):
        parsed = site.feed(f"{slug}.{suffix}")
        refs = _feed_refs(site, parsed.entries)  # every link resolves to a page (and anchor) of the site
        assert set(refs) == expected and len(refs) == len(expected), (slug, suffix)
        stamps = [e.published_parsed for e in parsed.entries]
        assert all(stamps), "every entry is dated"
        assert stamps == sorted(stamps, reverse=True), "newest first"
    items = json.loads((site.site / "feeds" / f"{slug}.json").read_text(encoding="utf-8"))["items"]
    assert {site.resolve(i["url"]) for i in items} == expected
    when = [dt.datetime.fromisoformat(i["date_published"]) for i in items]
    assert when == sorted(when, reverse=True)


def test_feed_entries_say_which_date_they_carry(site, grown):
    committed = dt.datetime.fromtimestamp(COMMITTED, dt.timezone.utc)
    file_time = dt.datetime.fromtimestamp(BUILT_ON, dt.timezone.utc)
    for b, fallback, words in ((site, committed, "first committed"), (grown, file_time, "modification time")):
        by_page = {f"articles/{a.slug}/": a for a in b.articles}
        parsed = b.feed("all.xml")
        undated = 0
        for e in parsed.entries:
            article = by_page[b.resolve(e.link)[0]]
            when = dt.datetime(*e.published_parsed[:6], tzinfo=dt.timezone.utc)
            if article.date:
                assert when.date() == article.date
                assert "date unknown" not in e.summary.lower()
            else:
                undated += 1
                assert when == fallback
                assert words in e.summary, e.summary
        assert undated >= 2


def test_feed_entries_carry_title_categories_source_and_author(site):
    recap = site.article("004")
    entries = site.feed("trade-truce.atom").entries
    entry = next(e for e in entries if site.resolve(e.link)[0] == f"articles/{recap.slug}/")
    assert entry.author == recap.author == "Joe Mazur"
    assert {t.term for t in entry.tags} >= {"trade-truce"}
    rss = next(e for e in site.feed("trade-truce.xml").entries if e.link == entry.link)
    assert rss.title == entry.title
    assert rss.publisher == entry.publisher == recap.source
    assert recap.key_points[0] in rss.summary
    story = next(e for e in site.feed("taiwan.xml").entries)
    newsletter = site.article("002")
    section = next(s for s in newsletter.stories if "taiwan" in s.topics)
    assert story.title == section.title
    assert story.summary.endswith(" ".join(section.key_points))


def test_feed_ids_are_stable_across_rebuilds(site, rebuilt):
    for name in feed_names(site, "xml") + feed_names(site, "atom"):
        first = {e.link: e.id for e in site.feed(name).entries}
        again = {e.link: e.id for e in rebuilt.feed(name).entries}
        assert first == again and len(set(first.values())) == len(first), name
    for name in feed_names(site, "json"):
        first, again = ([(i["url"], i["id"])
                         for i in json.loads((b.site / "feeds" / name).read_text())["items"]]
                        for b in (site, rebuilt))
        assert first == again


@pytest.mark.parametrize("slug", TOPICS)
def test_topic_pages_announce_their_feeds(site, slug):
    rel = f"topics/{slug}/"
    soup = site.page(rel)
    found = {link["type"]: site.resolve(link["href"])[0]
             for link in soup.head.find_all("link", rel="alternate")}
    assert found == {"application/rss+xml": f"feeds/{slug}.xml", "application/atom+xml": f"feeds/{slug}.atom",
                     "application/feed+json": f"feeds/{slug}.json"}
    box = admonition(soup, "subscribe")
    assert box.find_parent("details") is None, "the Subscribe block is visible, not folded"
    targets = {site.href(rel, a["href"])[0] for a in box.find_all("a")}
    assert {f"feeds/{slug}.xml", f"feeds/{slug}.atom", f"feeds/{slug}.json", f"calendars/{slug}.ics",
            "calendar.ics"} <= targets


# ---------------------------------------------------------------------------------------------------------
# Calendars and the watch list


def events(cal: icalendar.Calendar) -> list:
    return list(cal.walk("VEVENT"))


def test_calendar_holds_the_recap_dates(site):
    cal = site.calendar()
    found = events(cal)
    recap = site.article("004")
    may = [e for e in found if ical_date(e, "DTSTART") == dt.date(2026, 5, 15)]
    assert len(may) == 1
    may = may[0]
    assert "Drug Administration" in str(may["DESCRIPTION"])
    assert str(may["SUMMARY"]).strip() and str(may["UID"]).strip()
    page, _ = site.resolve(str(may["URL"]))
    assert page == f"articles/{recap.slug}/"
    april = [e for e in found if ical_date(e, "DTSTART") == dt.date(2026, 4, 1)]
    assert len(april) == 1
    assert not isinstance(ical_date(april[0], "DTSTART"), dt.datetime), "an all-day event"
    assert "during april" in str(april[0]["SUMMARY"]).lower()
    assert site.resolve(str(april[0]["URL"]))[0] == f"articles/{recap.slug}/"
    for e in found:
        for key in ("UID", "SUMMARY", "DESCRIPTION", "URL", "DTSTART", "DTSTAMP"):
            assert key in e, key
        if site.resolve(str(e["URL"]))[0] == f"articles/{recap.slug}/":
            assert ical_date(e, "DTSTART") > recap.date, "only dates after the article's own"


def test_calendar_takes_nothing_from_undated_articles_unless_the_year_is_stated(site, grown):
    for b in (site, grown):
        by_page = {f"articles/{a.slug}/": a for a in b.articles}
        for e in events(b.calendar()):
            article = by_page[b.resolve(str(e["URL"]))[0]]
            if article.date is None:
                assert str(ical_date(e, "DTSTART").year) in str(e["DESCRIPTION"])
    starts = {ical_date(e, "DTSTART") for e in events(grown.calendar("calendars/north-korea.ics"))}
    assert dt.date(2027, 3, 3) in starts, "an undated article's date with its year stated is kept"
    assert not any((d.month, d.day) == (6, 1) for d in starts), "an undated article's date without a year"


def test_topic_calendars_parse_and_hold_their_topic_events(site):
    every = {str(e["UID"]): e for e in events(site.calendar())}
    for slug in TOPICS:
        mine = events(site.calendar(f"calendars/{slug}.ics"))
        for e in mine:
            assert str(e["UID"]) in every
            site.resolve(str(e["URL"]))
    trade = {str(e["UID"]) for e in events(site.calendar("calendars/trade-truce.ics"))}
    april = next(e for e in every.values() if ical_date(e, "DTSTART") == dt.date(2026, 4, 1))
    assert str(april["UID"]) in trade


def test_calendar_uids_are_stable_and_events_kept_once_passed(site, rebuilt):
    first = {str(e["UID"]): ical_date(e, "DTSTART") for e in events(site.calendar())}
    again = {str(e["UID"]): ical_date(e, "DTSTART") for e in events(rebuilt.calendar())}
    assert first == again and dt.date(2026, 5, 15) in again.values()
    for slug in TOPICS:
        assert (site.site / "calendars" / f"{slug}.ics").read_bytes() == \
            (rebuilt.site / "calendars" / f"{slug}.ics").read_bytes()


def _watch(b: Build) -> dict[str, list[tuple[str, tuple[str, str]]]]:
    soup = b.page("watch/")
    return {h: [(li.strong.get_text(strip=True), b.href("watch/", li.a["href"]))
                for li in after_heading(soup, h)] for h in ("coming", "past")}


def test_watch_page_lists_dates_with_links(site, rebuilt):
    recap = f"articles/{site.article('004').slug}/"
    listed = _watch(site)
    coming = [when for when, _ in listed["coming"]]
    assert coming.index("During April 2026") < coming.index("15 May 2026")
    recap_dates = ("During April 2026", "15 May 2026")
    assert {ref[0] for when, ref in listed["coming"] if when in recap_dates} == {recap}
    assert len(listed["coming"]) == len(events(site.calendar())) and listed["past"] == []
    later = _watch(rebuilt)  # built on 1 June 2026: both dates have passed and are still listed
    past = [when for when, _ in later["past"]]
    assert past.index("15 May 2026") < past.index("During April 2026"), "most recent first"
    assert len(later["past"]) + len(later["coming"]) == len(events(rebuilt.calendar()))


# ---------------------------------------------------------------------------------------------------------
# Pages scale with their topic, not with the archive


def test_pages_scale_with_their_topic_not_the_archive(site, grown):
    added = [a for a in grown.articles if Path(a.seed).name.startswith("9")]
    assert len(added) == 20
    assert all(a.topics == ("north-korea",) for a in added), [(a.seed, a.topics) for a in added]
    for slug in ("taiwan", "rare-earths", "export-controls", "trade-truce"):
        before, after = site.file_of(f"topics/{slug}/"), grown.file_of(f"topics/{slug}/")
        assert after.read_bytes() == before.read_bytes(), f"{slug} changed when only North Korea grew"
    nk_before, nk_after = site.file_of("topics/north-korea/"), grown.file_of("topics/north-korea/")
    assert nk_after.stat().st_size > nk_before.stat().st_size
    listed = topic_page_refs(grown, "north-korea", "timeline")
    assert len(listed) == len(expected_entries(grown.articles, "north-korea")) == 21
    for a in site.articles:
        rel = f"articles/{a.slug}/"
        assert grown.file_of(rel).read_bytes() == site.file_of(rel).read_bytes(), a.slug


def test_a_pasted_page_shows_its_text_and_a_table_shows_as_a_table(pasted):
    page = pasted.page(f"articles/{pasted.article('960_').slug}/").select_one("article")
    text = page.get_text(" ", strip=True)
    assert "Seoul and Tokyo renew their currency swap" in page.select_one("h1").get_text()
    assert "South Korea and Japan renewed a $10 billion currency swap" in text and "“insurance”" in text
    assert "<p>" not in text and "&ndash;" not in text and "alert(1)" not in text
    assert [li.get_text(strip=True) for li in page.select("li") if li.get_text(strip=True).startswith(
        ("Term", "Size"))] == ["Term: three years", "Size: $10 billion"]

    page = pasted.page(f"articles/{pasted.article('961_').slug}/").select_one("article")
    table = page.select_one("table")
    assert [th.get_text() for th in table.select("th")] == ["Product", "Status"]
    assert [[td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")] == [
        ["Scallops", "<b>Banned</b>"], ["Sea cucumber", "*Allowed*"]]
    assert table.select("b, em, script") == []  # cells are text, shown as typed
    text = page.get_text(" ", strip=True).partition("Left out while cleaning")[0]
    assert "officials said" in text and "example.org/seafood" not in text and "example.org/market" not in text
    assert "Talks resume in May." in text
