"""Stage 3 — a cleaned seed to a structured Article: masthead, stories, topics, entities, points, signals.

One module per question; this function reads as the order in which an analyst would answer them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.clean import Cleaned, clean
from generator.config import parse_iso_date
from generator.extract.entities import find_entities
from generator.extract.events import find_events
from generator.extract.keypoints import key_points
from generator.extract.signals import truce_signal
from generator.extract.structure import fallback_title, masthead, signature, split_sections
from generator.extract.topics import tag_story, with_editor_topics
from generator.model import Article, Entity, Section
from generator.read import Seed
from generator.text import sentences

TRUCE = "trade-truce"


def extract(seed: Seed) -> Article:
    cleaned = clean(seed.body, seed.body_line)
    return extract_cleaned(seed, cleaned)


def extract_cleaned(seed: Seed, cleaned: Cleaned) -> Article:
    meta = seed.meta
    head = masthead(cleaned.blocks, cleaned.dropped)
    body = cleaned.blocks[head.consumed:]
    title = meta.get("title") or head.title or fallback_title(body)
    sections, signatures = split_sections(body, title, edition=len(head.story_titles) > 1)
    if sections and all(s.lead for s in sections):
        sections = [replace(s, lead=False, title=title) for s in sections]
    signed = [signature(b) for b in signatures]
    author = meta.get("author") or head.author or next((name for name, _ in signed if name), None)
    source = meta.get("source") or head.source or next((org for _, org in signed if org), None)
    date = _date(meta.get("date")) or head.date
    editor_topics = tuple(_as_list(meta.get("topics")))

    independent = len(head.story_titles) > 1 or head.source is not None
    sections = _analyse_all(sections, editor_topics, independent)
    story_sentences = [(s.anchor, sentence) for s in sections for sentence in _sentences(s)]
    entities = find_entities([("", title)] + story_sentences)
    if author and _looks_like_name(author) and author not in {e.name for e in entities}:
        entities += (Entity(author, "people", f"Written by {author}.", ""),)
    events = tuple(e for s in sections for e in find_events(s.anchor, _sentences(s), date))

    dropped = cleaned.dropped + tuple(
        d for d in _masthead_dropped(cleaned, head.consumed)) + tuple(_sig_dropped(signatures))
    return Article(
        seed=seed.path, title=title, sections=tuple(sections), date=date, source=source, author=author,
        url=meta.get("url"), entities=entities, events=tuple(sorted(set(events), key=lambda e: e.date)),
        dropped=tuple(sorted(dropped, key=lambda d: d.line)), truce_override=meta.get("truce_signal"),
    )


def _analyse_all(sections: list[Section], editor_topics: tuple[str, ...], independent: bool) -> list[Section]:
    """Tag each story. Headed parts of one analysis piece (no newsletter masthead, not in a "What you
    missed" group) are one story cut by sub-headings: they are tagged together and share the tags, and
    the truce signal of the whole is given to the first part."""
    parts = [i for i, s in enumerate(sections) if not s.lead and not s.group]
    out = list(sections)
    if not independent and len(parts) > 1:
        joined = [sentence for i in parts for sentence in _sentences(sections[i])]
        tags = tag_story(sections[parts[0]].title, " ".join(joined))
        for n, i in enumerate(parts):
            out[i] = _analyse(sections[i], editor_topics, tags=tags, signal_sentences=joined if n == 0 else [])
        rest = [i for i in range(len(sections)) if i not in parts]
    else:
        rest = range(len(sections))
    for i in rest:
        out[i] = _analyse(sections[i], editor_topics if not sections[i].lead else ())
    return out


def _analyse(section: Section, editor_topics: tuple[str, ...], tags=None, signal_sentences=None) -> Section:
    sents = _sentences(section)
    text = " ".join(sents)
    title = "" if section.lead else section.title
    if tags is None:
        tags = tag_story(title, text)
    if editor_topics:
        tags = with_editor_topics(tags, editor_topics)
    weights = {}
    for tag in tags:
        if tag.about:
            for sentence in tag.evidence:
                weights[sentence] = weights.get(sentence, 0) + 1
    truce = None
    truce_tag = next((t for t in tags if t.slug == TRUCE), None)
    if truce_tag and truce_tag.about and not section.lead:
        truce = truce_signal(sents if signal_sentences is None else signal_sentences)
    return replace(section, tags=tags, key_points=key_points(sents, len(text.split()), weights), truce=truce)


def _sentences(section: Section) -> list[str]:
    return [s for block in section.blocks for line in block.lines for s in sentences(line)]


def _date(value) -> dt.date | None:
    if value is None:
        return None
    return value if isinstance(value, dt.date) else parse_iso_date(str(value))


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()
                                        for w in words)


def _masthead_dropped(cleaned: Cleaned, consumed: int):
    from generator.model import Dropped
    for block in cleaned.blocks[:consumed]:
        yield Dropped(block.line, "masthead", block.text)


def _sig_dropped(blocks):
    from generator.model import Dropped
    for block in blocks:
        yield Dropped(block.line, "signature", block.text)
