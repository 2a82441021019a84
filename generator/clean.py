"""Stage 2 — raw seed text to blocks: spaces normalised, bullets recognised, boilerplate set aside.

Boilerplate is found by shape, not by the seeds' exact strings: a *short* line made of known paywall or
sign-off vocabulary, a banner line ("Logo …"), and a run of paragraphs at the end that repeats the article's
own opening (a teaser pasted under the paywall). Everything removed is kept as ``Dropped`` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.config import cue_matcher
from generator.model import Block, Dropped
from generator.text import ends_clause, single_spaced, word_count

INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\u00ad]")
BULLET = re.compile(r"^\s*(?:[•●▪◦‣·∙○■□➢➤►▸]\s*|[-–—*+]\s+)(?=\S)(.*)$")
MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)(?:\s+#+)?$")  # a Markdown "# Heading" line
EMPHASIS_LINE = re.compile(r"^(\*{1,3}|_{1,3})(\S(?:.*\S)?)\1$")  # a whole line in *…* or **…**
MARKUP_START = frozenset("#*_+-–—•●▪◦‣·∙○■□➢➤►▸")  # the first characters of the three patterns above
MAX_BOILERPLATE_WORDS = 12
MIN_TEASER_PREFIX = 15
HEAD_CHARS = 20


@dataclass(frozen=True)
class Cleaned:
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]


def clean(body: str, first_line: int = 1) -> Cleaned:
    """Seed body (front-matter removed) to paragraphs and lists, with what was left out."""
    blocks = _blocks(body, first_line)
    blocks, dropped = _drop_boilerplate(blocks)
    blocks, teaser = _drop_repeated_tail(blocks)
    return Cleaned(tuple(blocks), tuple(sorted(dropped + teaser, key=lambda d: d.line)))


def _blocks(body: str, first_line: int) -> list[Block]:
    """Group lines: blank lines separate paragraphs; each bullet is a list item; a hard-wrapped line
    (previous line unfinished, this one starting in lower case) continues its paragraph or item."""
    blocks: list[Block] = []
    current: list[str] = []
    kind, start = "p", first_line

    def flush():
        nonlocal current
        if current:
            blocks.append(Block(kind, tuple(current) if kind == "ul" else (" ".join(current),), start))
        current = []

    for offset, raw in enumerate(body.split("\n")):
        lineno = first_line + offset
        line = raw.strip()
        if not (line.isprintable() and "  " not in line):  # most lines are plain: one test tells
            line = single_spaced(INVISIBLE.sub("", line))  # invisible characters are never printable
        if not line:
            if kind == "p":
                flush()
            continue
        bullet = None
        if line[0] in MARKUP_START:  # most lines start with a letter: no pattern can match them
            wrapped = EMPHASIS_LINE.match(line)
            line = wrapped.group(2) if wrapped else line
            heading = MD_HEADING.match(line)
            if heading:
                flush()
                blocks.append(Block("h", (heading.group(1),), lineno))
                kind = "p"
                continue
            bullet = BULLET.match(line)
        if bullet and bullet.group(1).strip():
            if kind != "ul":
                flush()
                kind, start = "ul", lineno
            current.append(bullet.group(1).strip())
            continue
        previous = current[-1] if current else ""
        continues = previous and not ends_clause(previous) and (line[:1].islower() or (
            kind == "p" and len(previous) >= 60 and word_count(previous) >= 10 and _paragraphed(body)))
        if continues:
            current[-1] = f"{current[-1]} {line}"
            continue
        if kind == "ul" or current:
            flush()
        kind, start = "p", lineno
        current = [line]
    flush()
    return blocks


@lru_cache(maxsize=1)
def _paragraphed(body: str) -> bool:
    """Text whose paragraphs are separated by blank lines may be hard-wrapped: there a long unfinished line
    continues on the next one even when that starts with a capital ("...said on / Tuesday, as..."). A blank
    line may hold invisible characters only. Asked only when such a line is met, once per body."""
    return body.count("\n\n") >= 2 or INVISIBLE.sub("", body).count("\n\n") >= 2


def _drop_boilerplate(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    boiler, banner = cue_matcher("boilerplate"), cue_matcher("banner_words")
    kept, dropped = [], []
    for block in blocks:
        text = block.text
        if block.kind == "p" and word_count(text) <= MAX_BOILERPLATE_WORDS:
            if boiler.find(text):
                dropped.append(Dropped(block.line, "boilerplate", text))
                continue
            hit = banner.find(text)
            if hit and hit[0].start == 0 and word_count(text) <= 8:
                dropped.append(Dropped(block.line, "banner", text))
                continue
        kept.append(block)
    return kept, dropped


NOT_WORD = re.compile(r"[\W_]+")
FIRST_WORDS = re.compile(r"[^\W_]+")


def _norm(text: str) -> str:
    return NOT_WORD.sub("", text.lower())


def _drop_repeated_tail(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """Remove a run of trailing units (paragraphs or list items) that repeat earlier text, the last one
    possibly cut short with an ellipsis: a teaser of the opening pasted under the article."""
    units = [(b, n, line) for b, block in enumerate(blocks) for n, line in enumerate(block.lines)]
    texts = [u[2] for u in units]
    cut = len(units)
    while cut > 1 and _repeats(texts[cut - 1], texts[: cut - 1]):
        cut -= 1
    tail = units[cut:]
    if len(tail) < 2 and not (tail and _cut_short(tail[-1][2])):
        return blocks, []
    first_block, first_line, _ = tail[0]
    kept = blocks[:first_block]
    if first_line:  # the tail starts inside a list: its earlier items stay
        block = blocks[first_block]
        kept.append(Block(block.kind, block.lines[:first_line], block.line))
    return kept, [Dropped(blocks[b].line, "repeated teaser", text) for b, _, text in tail]


def _repeats(text: str, earlier: list[str]) -> bool:
    """Does ``text`` repeat one earlier unit (ignoring case, spaces and punctuation), or, cut short with an
    ellipsis, the opening of one? Only units holding its first three words are normalised and compared."""
    probes = FIRST_WORDS.findall(text[:80])[:3] or [""]  # none when 80 characters of punctuation come first
    first, others = probes[0], probes[1:]
    holding = [unit for unit in earlier if first in unit]  # most units fail the first test
    for probe in others:
        holding = [unit for unit in holding if probe in unit]
    if first and not holding:
        return False  # the common case, answered without normalising a word
    cut_short, norm = _cut_short(text), _norm(text)  # (the ellipsis is punctuation: not in ``norm``)
    if not norm:
        return True
    if cut_short and len(norm) < MIN_TEASER_PREFIX:
        return False
    head = norm[:HEAD_CHARS]
    for unit in holding:
        opening = _norm(unit[:HEAD_CHARS * 3])  # the start of _norm(unit): if it differs, so does the whole
        if len(opening) >= len(head) and not opening.startswith(head):
            continue
        other = _norm(unit)
        if other == norm or (cut_short and other.startswith(norm)):
            return True
    return False


def _cut_short(text: str) -> bool:
    return text.rstrip().endswith(("...", "…"))
