"""The one data object that flows through the pipeline: a frozen Article made of Sections.

Stages never mutate an Article; they return a new one (``dataclasses.replace``). Derived views (topics,
stories…) are ``cached_property``: computed once per object, which a frozen object makes safe. Indexes (topic pages,
entity pages, feeds) are computed from the collection of Articles, never accumulated in shared state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Signal = Literal["escalation", "de-escalation", "holding"]
SIGNALS: tuple[Signal, ...] = ("escalation", "de-escalation", "holding")
EntityKind = Literal["people", "organizations", "places"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("people", "organizations", "places")


@dataclass(frozen=True)
class Block:
    """A paragraph (``p``), a bullet list (``ul``, one line per item), a heading (``h``) or a table (``table``,
    one line per row, its cells separated by tabs, the header row first) of a seed."""

    kind: Literal["p", "ul", "h", "table", "nav"]  # ("nav": a site's menu line, only until cleaning drops it)
    lines: tuple[str, ...]
    line: int  # line in the seed file where the block starts, for messages and evidence

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class Dropped:
    """A line cleaning removed, kept so the page can say what was left out and why."""

    line: int
    reason: str
    text: str


@dataclass(frozen=True)
class TopicTag:
    """Why a section carries a topic: its salience score and the sentences that matched."""

    slug: str
    score: float
    about: bool
    evidence: tuple[str, ...] = ()
    editor: bool = False  # added by the seed's front-matter, not detected


@dataclass(frozen=True)
class TruceSignal:
    value: Signal
    evidence: str | None
    override: bool = False  # set by the editor in front-matter


@dataclass(frozen=True)
class Event:
    """A forward-looking date found in an article, for the watch calendar."""

    date: dt.date
    precision: Literal["day", "month"]
    sentence: str
    anchor: str  # section anchor ("" for the page itself)


@dataclass(frozen=True)
class Entity:
    name: str
    kind: EntityKind
    first_mention: str  # sentence of first mention in the article
    anchor: str
    anchors: tuple[str, ...] = ()  # every section that mentions it ("" for the headline)


@dataclass(frozen=True)
class Section:
    """One story. A single-story seed is one Section; an edition's lead-in is a Section with lead=True."""

    title: str
    anchor: str
    blocks: tuple[Block, ...]
    tags: tuple[TopicTag, ...] = ()
    key_points: tuple[str, ...] = ()
    truce: TruceSignal | None = None
    lead: bool = False
    group: str = ""  # the heading of a block of short stories ("What you missed"), if in one

    @cached_property
    def topics(self) -> tuple[str, ...]:
        return tuple(t.slug for t in self.tags if t.about)

    @cached_property
    def mentions(self) -> tuple[str, ...]:
        return tuple(t.slug for t in self.tags if not t.about)

    def tag(self, slug: str) -> TopicTag | None:
        return next((t for t in self.tags if t.slug == slug), None)


@dataclass(frozen=True)
class Article:
    seed: str  # the seed's path as given on the command line, e.g. "seeds/000_x.txt"
    title: str
    sections: tuple[Section, ...]
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    slug: str = ""
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    truce_override: Signal | None = None
    sort_key: tuple = field(default=(), compare=False)

    @cached_property
    def stories(self) -> tuple[Section, ...]:
        """Sections that are stories (an edition's lead-in is not)."""
        return tuple(s for s in self.sections if not s.lead)

    @cached_property
    def multi(self) -> bool:
        return len(self.stories) > 1

    @cached_property
    def topics(self) -> tuple[str, ...]:
        return _ordered_union(s.topics for s in self.stories)

    @cached_property
    def mentions(self) -> tuple[str, ...]:
        about = set(self.topics)
        return tuple(t for t in _ordered_union(s.mentions for s in self.sections) if t not in about)

    @cached_property
    def key_points(self) -> tuple[str, ...]:
        """Up to five points, taken round-robin from the stories so each story is represented."""
        pools = [list(s.key_points) for s in self.stories]
        out: list[str] = []
        while len(out) < 5 and any(pools):
            for pool in pools:
                if pool and len(out) < 5:
                    out.append(pool.pop(0))
        return tuple(out)

    @cached_property
    def truce(self) -> TruceSignal | None:
        """The article's signal: the editor's override, else the strongest story signal."""
        if self.truce_override:
            return TruceSignal(self.truce_override, None, override=True)
        signals = [s.truce for s in self.stories if s.truce]
        return signals[0] if signals else None

    def entities_of(self, kind: EntityKind) -> tuple[str, ...]:
        return tuple(e.name for e in self.entities if e.kind == kind)


def _ordered_union(groups) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item, None)
    return tuple(seen)


@dataclass(frozen=True)
class FirstSeen:
    """Fallback date of an undated seed and where it came from ("git" or "file")."""

    when: dt.datetime
    origin: str
