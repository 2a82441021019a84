"""Markdown for the parts of pages repeated once per item (paragraphs, links, listed articles and mentions),
built in Python rather than by template loops: each value or call in a Jinja loop costs microseconds, and
a page repeats them hundreds to thousands of times. The bytes are the templates' own (tests/test_golden.py).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2.filters import do_truncate

from generator.markdown import MARKS_PER_PARAGRAPH, Md, escape, internal, marks, paragraphs, prose


def shown(value: Any) -> Any:
    """A ``{{ value }}`` as the templates print it (their ``finalize``): seed text escaped, ``Md`` as it is."""
    if value is None:
        return ""
    if isinstance(value, Md):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return escape(str(value))


@lru_cache(maxsize=1 << 14)
def longdate(d) -> str:
    """"3 March 2026": cached, as the same dates recur on page after page (strftime is slow)."""
    return f"{d.day} {d:%B %Y}"


def blocks(section_blocks) -> Md:
    """A story's paragraphs, bullet lists and headings."""
    out = []
    for b in section_blocks:
        if b.kind == "ul":
            out += [f"- {piece}\n" for item in b.lines for piece in paragraphs(item)]
            out.append("\n")
        elif b.kind == "h":
            out.append(f"**{shown(b.text)}**\n\n")
        elif b.kind == "table" and all(marks(row) <= MARKS_PER_PARAGRAPH for row in b.lines):
            out.append(_table(b.lines))
        elif b.kind == "table":  # (a long row may hold more markup than a cell can show in time: its text)
            out += [f"{piece}\n\n" for row in b.lines for piece in paragraphs(" | ".join(row.split("\t")))]
        else:
            out += [f"{piece}\n\n" for piece in paragraphs(b.text)]
    return Md("".join(out))


def _table(rows: tuple[str, ...]) -> str:
    """A table's rows (cells separated by tabs, the header first) as a Markdown table, each cell escaped:
    a row with more cells than the header keeps the header's number; one with fewer is left short (the
    Markdown engine shows the missing cells empty: padding here would let a wide header and many short
    rows multiply a seed's size)."""
    width = len(rows[0].split("\t"))
    lines = []
    for n, row in enumerate(rows):
        cells = row.split("\t", width)[:width]
        lines.append("| " + " | ".join(prose(c) if c else "" for c in cells) + " |\n")
        if n == 0:
            lines.append("|" + " --- |" * width + "\n")
    return "".join(lines) + "\n"


def why_topics(page, multi: bool, tagged) -> Md:
    """The "Why these topics" lines of an article page."""
    out = []
    for s, tag in tagged:
        line = f"    - {page.topic_link(tag.slug)}"
        if multi:
            line += f" in “{shown(s.title)}”"
        line += f" — {'about' if tag.about else 'mentioned'}"
        if tag.editor:
            line += " (added by the editor)"
        line += f", score {tag.score:g}"
        if tag.evidence:
            line += f": “{shown(tag.evidence[0])}”"
        out.append(line + "\n")
    return Md("".join(out))


def mentions(page, env, entity) -> Md:
    """An entity page's list: one line per article that names it, newest first."""
    out = []
    root = page.root
    for article, e in entity.mentions:
        anchor = f"#{e.anchor}" if e.anchor and article.multi else ""
        out.append(_mention_head(root, article.title, article.slug, article.date, anchor))
        out.append(f"{shown(do_truncate(env, e.first_mention, 300))}”\n")
    return Md("".join(out))


@lru_cache(maxsize=1 << 16)
def _mention_head(root: str, title: str, slug: str, date, anchor: str) -> str:
    """A mention's date and link: the same on the page of every entity a story names (dozens)."""
    shown_date = shown(longdate(date)) if date else "Date unknown"
    return f"\n- **{shown_date}** · {internal(title, f'{root}articles/{slug}.md{anchor}')}  \n  “"


def entry_line(page, entry) -> Md:
    """An article or story as a topic page lists it: date, link, source."""
    date = shown(longdate(entry.date)) if entry.date else "Date unknown"
    line = f"**{date}** · {page.entry_link(entry)}"
    if entry.article.source:
        line += f" · *{shown(entry.article.source)}*"
    return Md(line)


def watch_list(items, empty: str) -> Md:
    """The watch list's dates, one line and sentence each (thousands of them)."""
    if not items:
        return Md(f"\n{empty}\n")
    out = []
    for w in items:
        event, article = w.event, w.article
        when = f"During {event.date:%B %Y}" if event.precision == "month" else shown(longdate(event.date))
        anchor = f"#{event.anchor}" if article.multi and event.anchor else ""
        out.append(f"\n- **{when}** · {internal(article.title, f'articles/{article.slug}.md{anchor}')}  \n"
                   f"  “{shown(event.sentence)}”\n")
    return Md("".join(out))
