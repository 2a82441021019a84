"""Stage 3 — a cleaned seed to a structured Article: masthead, stories, topics, entities, points, signals.

One module per question; this function reads as the order in which an analyst would answer them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.clean import INTERVIEW_NOTE, POST_AUTHOR, TIMESTAMP, Cleaned, clean
from generator.config import parse_iso_date
from generator.extract.dates import full_date, url_date
from generator.extract.entities import find_entities
from generator.extract.events import day_ahead, find_events
from generator.extract.keypoints import key_points
from generator.extract.signals import truce_signal
from generator.extract.structure import (Masthead, agenda, as_written, asked, author_names, bio_author, bounded,
                                         caps_labelled, contact_authors, copyright_owner, dateline_date,
                                         dateline_source, edition, email_list, email_sender, email_subject, email_writer,
                                         fallback_title, is_author_bio, issued, labelled, letter_organisation,
                                         masthead, numbered, one_piece, reporter, round_up, signed_by,
                                         signature_firm, split_sections, thanked_by, timed,
                                         without_opening_mark)
from generator.extract.topics import tag_story, with_editor_topics
from generator.model import Article, Block, Dropped, Entity, Section
from generator.read import Seed
from generator.text import Prose, sentences, slugify

TRUCE = "trade-truce"
MAX_EVENTS = 50  # dates to watch one article adds, the nearest first (a seed of 5,000 dates added 700)
EDITION_TITLE_STORIES = 3


def extract(seed: Seed) -> Article:
    cleaned = clean(seed.body, seed.body_line)
    return extract_cleaned(seed, cleaned)


def extract_cleaned(seed: Seed, cleaned: Cleaned) -> Article:
    meta = seed.meta
    head = masthead(cleaned.blocks, cleaned.dropped)
    body = cleaned.blocks[head.consumed:]
    restored = None  # the line of a first heading given back to the text
    if meta.get("title") and head.title and _plain(head.title) != _plain(meta["title"]):
        # the front-matter titles the piece: a first heading that says something else heads its first story
        first = next((b for b in cleaned.blocks[:head.consumed] if head.title in b.text), None)
        if first is not None:
            body = (Block("h", (first.text,), first.line), *body)
            head, restored = replace(head, title=None, story_titles=()), first.line
    closing, issued_on = issued(body)  # an official notice's issuers and date, closing it
    body, close = body[:len(body) - closing], body[len(body) - closing:]
    subject = email_subject(cleaned.dropped)
    issue = edition(subject)  # a subject naming the newsletter and its date titles nothing
    given = meta.get("title") or bounded(head.title or (subject if issue is None else None) or "") or None
    title = given or fallback_title((head.dek, *body) if head.dek else body)  # (a "TL;DR: …" opening too)
    mailing_list = email_list(cleaned.dropped) or (issue and issue[0])
    newsletter = head.source is not None or mailing_list is not None
    sections, signatures = split_sections(body, title, edition=len(head.story_titles) > 1, newsletter=newsletter)
    if head.dek:  # the dek opens the first story (it is heading-shaped: the cut at headings must not see it)
        sections = _with_dek(sections, head.dek, title)
    if sections and all(s.lead for s in sections):
        sections = [replace(s, lead=False, title=title) for s in sections]
    # (a story's own heading, without its group's: "Today's Essential Eight: 2. Rare earth licences")
    stories = [s.title.removeprefix(f"{s.group}: ") if s.group else s.title for s in sections if not s.lead]
    # "**Taiwan:** …" / "1. …" / "TAIWAN" over its story: stories under their labels
    calendar = bool(agenda(body))  # a week ahead's days (asked once: their events are read below)
    digest = labelled(body) or bool(numbered(body)) or round_up(body) or bool(caps_labelled(body)) or calendar
    # an edition without a headline is named by its stories (not "1. …", nor "JAPAN" in capitals)
    # "Summary" / "What changed" / "Next steps": one piece's parts; an interview's questions too
    parts_of_one = one_piece(stories) or any(d.reason == INTERVIEW_NOTE for d in cleaned.dropped)
    if not given and (newsletter or digest or timed(stories)) and len(stories) > 1 and not parts_of_one:
        title = " | ".join(as_written(without_opening_mark(s)) for s in stories[:EDITION_TITLE_STORIES])
    signed = [signed_by(b) for b in signatures]
    author = (meta.get("author") or head.author or next((name for name, _ in signed if name), None)
              or (bio_author(sections[-1].blocks[-BIO_WINDOW:]) if sections else None) or reporter(cleaned.dropped)
              or next((d.text for d in cleaned.dropped if d.reason == POST_AUTHOR), None)
              or contact_authors(cleaned.dropped, body[0].line if body else 0) or email_writer(cleaned.dropped))
    sections, bios = _without_author_bio(sections, author_names(author))
    source = (meta.get("source") or head.source or head.agency or dateline_source(body) or mailing_list
              or letter_organisation(cleaned.dropped) or email_sender(cleaned.dropped) or signature_firm(cleaned.dropped)
              or next((org for _, org in signed if org), None)
              or thanked_by(cleaned.dropped) or (close[0].text if len(close) > 1 else None)  # (a notice's issuer)
              or copyright_owner(cleaned.dropped))
    date = (_date(meta.get("date")) or head.date or (issue and issue[1]) or dateline_date(body) or issued_on
            or next((full_date(d.text) for d in cleaned.dropped if d.reason == TIMESTAMP and full_date(d.text)), None)
            or url_date(meta.get("url") or head.url))
    editor_topics = tuple(_as_list(meta.get("topics")))

    proses = story_proses(sections)
    # (a transcript's questions and a list of things to watch are stories of their own too)
    independent = (len(head.story_titles) > 1 or newsletter or digest or bool(asked(body)) or timed(stories)) \
        and not parts_of_one
    sections = _analyse_all(sections, proses, editor_topics, independent, title, built=None if given else title,
                            year=date.year if date else None)
    entities = find_entities([("", title)] + [(s.anchor, p) for s, p in zip(sections, proses)])
    named = {e.name for e in entities}
    entities += tuple(Entity(name, "people", f"Written by {author}.", "") for name in map(_without_honorific, author_names(author))
                      if _looks_like_name(name) and name not in named)
    events = {e for s, p in zip(sections, proses) for e in find_events(s.anchor, p, date)}
    if calendar:  # a week ahead's days: each heads its item
        events |= {e for s, p in zip(sections, proses) if (e := day_ahead(s.anchor, s.title, p, date))}

    dropped = (cleaned.dropped + tuple(d for d in _masthead_dropped(cleaned, head) if d.line != restored)
               + _signature_dropped((*signatures, *close))
               + tuple(Dropped(b.line, "about the author", b.text) for b in bios))
    return Article(
        seed=seed.path, title=title, sections=tuple(sections), date=date, source=source, author=author,
        url=meta.get("url") or head.url, entities=entities, events=tuple(sorted(events, key=lambda e: (e.date, e.sentence))[:MAX_EVENTS]),
        dropped=tuple(sorted(dropped, key=lambda d: d.line)), truce_override=meta.get("truce_signal"),
    )


def _analyse_all(sections: list[Section], proses: list[Prose], editor_topics: tuple[str, ...],
                 independent: bool, article_title: str, built: str | None = None,
                 year: int | None = None) -> list[Section]:
    """Tag each story. Headed parts of one analysis piece (no newsletter masthead, not in a "What you
    missed" group) are one story cut by sub-headings: they are tagged together and share the tags, and
    the truce signal of the whole is given to the first part. The article's headline counts as a heading
    of its first story; a title ``built`` from the opening sentence is no heading (that sentence would
    count twice)."""
    headings = ["" if s.lead or s.title == built else s.title for s in sections]
    if built is not None:
        article_title = ""
    parts = [i for i, s in enumerate(sections) if not s.lead and not s.group]
    shared: dict[int, tuple] = {}
    if not independent and len(parts) > 1:
        whole = Prose([sentence for i in parts for sentence in proses[i].sentences])
        whole_tags = tag_story(_heading(headings[parts[0]], article_title), whole)
        shared = {i: (whole_tags, whole if n == 0 else Prose([])) for n, i in enumerate(parts)}
    elif parts and not independent:
        shared = {parts[0]: (tag_story(_heading(headings[parts[0]], article_title), proses[parts[0]]), None)}
    out = []
    for i, section in enumerate(sections):
        tags, signal_prose = shared.get(i, (None, None))
        out.append(_analyse(section, headings[i], proses[i], () if section.lead else editor_topics, tags,
                            signal_prose, year))
    return out


def _without_author_bio(sections: list[Section], names: list[str]) -> tuple[list[Section], list[Block]]:
    """The last story without the lines about its authors among its last three paragraphs (a footnote may
    follow them); with no author named, "The author is …" still is one."""
    if not sections:
        return sections, []
    last = sections[-1]
    tail = len(last.blocks) - BIO_WINDOW
    bios = [b for i, b in enumerate(last.blocks) if i >= tail and is_author_bio(b, names)]
    keep = tuple(b for b in last.blocks if b not in bios)
    if not bios or not keep:
        return sections, []
    return sections[:-1] + [replace(last, blocks=keep)], bios


BIO_WINDOW = 3


def _with_dek(sections: list[Section], dek: Block, title: str) -> list[Section]:
    first = next((i for i, s in enumerate(sections) if not s.lead), None)
    if first is None:
        return sections + [Section(title=title, anchor=slugify(title) or "section", blocks=(dek,))]
    return [replace(s, blocks=(dek, *s.blocks)) if i == first else s for i, s in enumerate(sections)]


def _heading(section_title: str, article_title: str) -> str:
    return section_title if section_title == article_title or not article_title \
        else f"{article_title}\n{section_title}"


def _analyse(section: Section, heading: str, prose: Prose, editor_topics: tuple[str, ...], tags=None,
             signal_prose: Prose | None = None, year: int | None = None) -> Section:
    if tags is None:
        tags = tag_story(heading, prose)
    if section.lead:  # an edition's lead-in names what its stories are about: none of it is its own subject
        tags = tuple(replace(t, about=False) for t in tags)
    if editor_topics:
        tags = with_editor_topics(tags, editor_topics)
    weights: dict[str, float] = {}
    for tag in tags:
        if tag.about:
            for sentence in tag.evidence:
                weights[sentence] = weights.get(sentence, 0) + 1
    truce = None
    truce_tag = next((t for t in tags if t.slug == TRUCE), None)
    if truce_tag and truce_tag.about and not section.lead:
        truce = truce_signal(prose if signal_prose is None else signal_prose, heading, year)
    # (weighted by the evidence as the text has it; an edition's lead-in gets no short sentence as its point)
    points = key_points(prose.sentences, weights, brief=not section.lead)
    # the evidence then quoted as key points are: without a thread's "5/" or a wire's dateline
    tags = tuple(replace(t, evidence=tuple(map(without_opening_mark, t.evidence))) if t.evidence else t for t in tags)
    return replace(section, tags=tags, key_points=points, truce=truce)


def story_proses(sections: list[Section]) -> list[Prose]:
    """Each story's sentences as one text: every matcher then scans a story once. (A table's cells are no
    sentences: its rows tag nothing and are never key points.) Each knows whether a paragraph of it holds two
    sentences or more: told in prose, not a list of one-line facts (topics reads a closing remark only in prose)."""
    out = []
    for section in sections:
        lines = [line for block in section.blocks if block.kind != "table" for line in block.lines]
        told = [s for line in lines for s in sentences(line)]
        out.append(Prose(told, connected=len(told) > len(lines)))  # (a line is one sentence or more)
    return out


def _date(value) -> dt.date | None:
    if value is None:
        return None
    return value if isinstance(value, dt.date) else parse_iso_date(str(value))


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


HONORIFICS = ("Dr. ", "Dr ", "Prof. ", "Professor ", "Mr. ", "Mrs. ", "Ms. ")


def _without_honorific(name: str) -> str:
    """"Dr. Helen Mwangi" is listed as Helen Mwangi, as the text's own mentions of her are."""
    return name.removeprefix(next((h for h in HONORIFICS if name.startswith(h)), ""))


def _plain(text: str) -> str:
    """Letters and digits only, in lower case: two titles differing in case or punctuation are the same."""
    return "".join(c for c in text.lower() if c.isalnum())


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()
                                        for w in words)


def _masthead_dropped(cleaned: Cleaned, head: Masthead) -> tuple[Dropped, ...]:
    dek = head.dek.line if head.dek else None  # kept: the story's first paragraph
    return tuple(Dropped(b.line, "masthead", b.text) for b in cleaned.blocks[:head.consumed] if b.line != dek)


def _signature_dropped(blocks) -> tuple[Dropped, ...]:
    return tuple(Dropped(b.line, "signature", b.text) for b in blocks)
