"""Indexes computed from the whole collection of Articles: topic listings, entity pages, the truce timeline.

Pure functions of the article tuple — nothing is accumulated in shared state — so each page depends only on
the articles that appear on it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.model import Article, Entity, EntityKind, Section, Signal
from generator.text import slugify, unique

UNDATED_LAST = dt.date.min


def newest_first(article: Article) -> tuple:
    """Sort key: dated articles newest first, undated ones after them, then by slug for a stable order."""
    return (article.date is None, -(article.date or UNDATED_LAST).toordinal(), article.slug)


@dataclass(frozen=True)
class Entry:
    """An article, or one story of a newsletter, as listed on a topic or entity page."""

    article: Article
    section: Section | None = None

    @property
    def title(self) -> str:
        return self.section.title if self.section else self.article.title

    @property
    def path(self) -> str:
        """Path of the page (and anchor) relative to the docs root."""
        anchor = f"#{self.section.anchor}" if self.section else ""
        return f"articles/{self.article.slug}.md{anchor}"

    @property
    def url_path(self) -> str:
        """The published address relative to the site root (directory URLs)."""
        anchor = f"#{self.section.anchor}" if self.section else ""
        return f"articles/{self.article.slug}/{anchor}"

    @property
    def key_points(self) -> tuple[str, ...]:
        return self.section.key_points if self.section else self.article.key_points

    @property
    def date(self) -> dt.date | None:
        return self.article.date


def topic_entries(articles: tuple[Article, ...], slug: str) -> list[Entry]:
    """The articles about a topic, newest first; a newsletter with only some stories on it is listed by
    those stories, each linking to its anchor."""
    entries = []
    for article in sorted(articles, key=newest_first):
        stories = article.stories
        on_topic = [s for s in stories if slug in s.topics]
        if not on_topic:
            continue
        if len(on_topic) == len(stories):
            entries.append(Entry(article))
        else:
            entries.extend(Entry(article, s) for s in on_topic)
    return entries


def by_month(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Group entries under "January 2026" headings, newest month first, undated last."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.date.strftime("%Y-%m") if entry.date else ""].append(entry)
    keys = sorted((k for k in groups if k), reverse=True) + ([""] if "" in groups else [])
    return [(_month_label(k), groups[k]) for k in keys]


def _month_label(key: str) -> str:
    if not key:
        return "Date unknown"
    return dt.date.fromisoformat(key + "-01").strftime("%B %Y")


def related_topics(articles: tuple[Article, ...], slug: str,
                   entries: list[Entry] | None = None) -> list[tuple[str, int]]:
    """Topics that share a story with this one, by the number of entries they share. A newsletter's other
    stories do not count: bundling a Taiwan story with a rare-earths story does not relate the topics."""
    counts: Counter[str] = Counter()
    for entry in topic_entries(articles, slug) if entries is None else entries:
        topics = entry.section.topics if entry.section else entry.article.topics
        counts.update(t for t in topics if t != slug)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass(frozen=True)
class EntityPage:
    name: str
    kind: EntityKind
    slug: str
    mentions: tuple[tuple[Article, Entity], ...]  # newest first

    @property
    def path(self) -> str:
        return f"entities/{self.kind}/{self.slug}.md"


def entity_pages(articles: tuple[Article, ...]) -> dict[tuple[EntityKind, str], EntityPage]:
    """One page per entity mentioned in at least one article, with a slug unique within its kind."""
    mentions: dict[tuple[EntityKind, str], list[tuple[Article, Entity]]] = defaultdict(list)
    for article in sorted(articles, key=newest_first):
        for entity in article.entities:
            mentions[(entity.kind, entity.name)].append((article, entity))
    pages, taken, numbering = {}, defaultdict(set), defaultdict(dict)
    for kind, name in sorted(mentions):
        slug = unique(slugify(name) or "entity", taken[kind], numbering[kind])
        taken[kind].add(slug)
        pages[(kind, name)] = EntityPage(name, kind, slug, tuple(mentions[(kind, name)]))
    return pages


def top_entities(articles: tuple[Article, ...], slug: str, limit: int = 12,
                 entries: list[Entry] | None = None) -> list[tuple[EntityKind, str, int]]:
    """The entities most often named in the stories on a topic (a newsletter's other stories don't count)."""
    counts: Counter[tuple[EntityKind, str]] = Counter()
    for entry in topic_entries(articles, slug) if entries is None else entries:
        entities = entry.article.entities
        if entry.section is not None:
            entities = tuple(e for e in entities if entry.section.anchor in e.anchors)
        counts.update((e.kind, e.name) for e in entities)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1]))[:limit]
    return [(kind, name, n) for (kind, name), n in ranked]


@dataclass(frozen=True)
class SignalPoint:
    """One truce signal: of a story, or of a whole article when an editor set it."""

    value: Signal
    evidence: str | None
    entry: Entry
    override: bool

    @property
    def date(self) -> dt.date | None:
        return self.entry.date


def truce_points(articles: tuple[Article, ...]) -> list[SignalPoint]:
    """Every signal, newest first (undated last). An editor's override replaces the article's own signals."""
    points = []
    for article in sorted(articles, key=newest_first):
        if article.truce_override:
            signal = article.truce
            points.append(SignalPoint(signal.value, _best_evidence(article), Entry(article), True))
            continue
        for section in article.stories:
            if section.truce:
                entry = Entry(article, section if article.multi else None)
                points.append(SignalPoint(section.truce.value, section.truce.evidence, entry, False))
    return points


def _best_evidence(article: Article) -> str | None:
    return next((s.truce.evidence for s in article.stories if s.truce), None)


def current_status(points: list[SignalPoint]) -> SignalPoint | None:
    """The newest dated signal; undated signals never set the current status."""
    return next((p for p in points if p.date is not None), None)


def assign_slugs(articles: list[Article], arrival: dict[str, tuple] | None = None) -> list[Article]:
    """Title slugs, unique and stable: on a clash the seed that came first (``arrival``: when it was first
    committed or written; then its path) keeps the plain slug and later ones take a short suffix from their
    file name — so adding a seed never moves a page already published."""
    from dataclasses import replace
    from hashlib import sha1
    from pathlib import PurePath

    arrival = arrival or {}
    order = sorted(articles, key=lambda a: (arrival.get(a.seed, ()), a.seed))
    taken: set[str] = set()
    numbering: dict[str, int] = {}
    slugs: dict[str, str] = {}
    for article in order:
        base = slugify(article.title) or slugify(PurePath(article.seed).stem) or "article"
        slug = base
        if slug in taken:
            slug = f"{base}-{sha1(PurePath(article.seed).name.encode()).hexdigest()[:6]}"
        slug = unique(slug, taken, numbering)
        taken.add(slug)
        slugs[article.seed] = slug
    return [replace(a, slug=slugs[a.seed]) for a in articles]
