"""Stage 2 — raw seed text to blocks: spaces normalised, bullets recognised, boilerplate set aside.

Boilerplate is found by shape, not by the seeds' exact strings: a *short* line made of known paywall or
sign-off vocabulary (or a longer footer holding several such phrases), a line that is only a button's label
("Share"), a greeting, a picture's caption ("Photo: …"), a wire's credits ("Reporting by …"), a "Related:"
line or a closing "Read Next" list, a forwarded email's header, a PDF's page numbers and the running header
beside them, a banner line ("Logo …"), and a run of paragraphs at the end that repeats the article's own
opening (a teaser pasted under the paywall). The vocabularies are lists in data/cues.yml. Everything removed
is kept as ``Dropped`` with its reason.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from generator.config import cue_matcher, load_cues
from generator.markup import MD_IMAGE_LINE, from_html, is_html, without_md_links
from generator.model import Block, Dropped
from generator.text import (CLOSERS, DATELINE, Match, PhraseMatcher, ends_clause, sentences, single_spaced,
                            word_count)

INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\u00ad]")
BULLET = re.compile(r"^\s*(?:[•●▪◦‣·∙○■□➢➤►▸]\s*|[-–—*+→⇒]\s+)(?=\S)(.*)$")  # ("→ Why transformers …")
MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)(?:\s+#+)?$")  # a Markdown "# Heading" line
EMPHASIS_MARKS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")  # Markdown's, around words
EMPHASIS_LINE = re.compile(r"^(\*{1,3}|_{1,3})(\S(?:.*\S)?)\1$")  # a whole line in *…* or **…**
RULE_CHARS = frozenset("-*_=~•·–—━─═")  # (and the box-drawing lines a page draws: "━━━━", "––––")
RULE = re.compile(r"(?:[-*_=~•·–—━─═]\s*){3,}")
BYLINE_START = re.compile(r"(?:By|Posted by|Written by)\s+[A-Z][\w.'’-]*\s+[A-Z]")
QUOTE_MARKS = re.compile(r"^(?:>\s?)+\s*")
MARKUP_START = frozenset("#*_+-–—•●▪◦‣·∙○■□➢➤►▸→⇒")  # the first characters of the three patterns above
MAX_BOILERPLATE_WORDS = 12
MAX_FOOTER_WORDS = 40  # a paragraph holding two boilerplate phrases or more
MAX_GREETING_WORDS = 5
MAX_CREDIT_WORDS = 25
BOLD_LINE = re.compile(r"^(\*\*|__)(\S(?:.*\S)?)\1$")  # a whole line in bold: a heading when it is short
# its number (or a desk's time: "07:45 — **Truce holding**") outside the bold
NUMBERED_BOLD = re.compile(r"(\d{1,2}[.)]|\d{1,2}[:.]\d{2}(?:\s*[aApP]\.?[mM]\.?)?(?:\s+[A-Z]{2,4})?\s*(?:--|[-–—|:]))"
                           r"\s+(\*\*|__)(\S(?:.*\S)?)\2")
MIN_TEASER_PREFIX = 15
MAX_TEASER_UNITS = 40
HEAD_CHARS = 20


@dataclass(frozen=True)
class Cleaned:
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]


def clean(body: str, first_line: int = 1) -> Cleaned:
    """Seed body (front-matter removed) to paragraphs and lists, with what was left out."""
    if "â€" in body or "Ã" in body:  # text decoded with the wrong encoding once ("Chinaâ€™s"): repaired
        body = _repaired(body)
    origins = None
    if "<" in body and is_html(body):  # a page's source pasted: the text it shows
        body, origins = from_html(body, first_line)
    if sys.getsizeof(body) > 3 * len(body) and MATH_LETTERS.search(body):  # "𝗧𝗵𝗲 𝗰𝗵𝗼𝗸𝗲𝗽𝗼𝗶𝗻𝘁": a post's
        # letters in bold from the maths block. (The regex reads an astral range slowly, 120 µs a seed; CPython
        # stores a text holding such a character in four bytes a character, which its size tells at once.)
        body = MATH_LETTERS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), body)
    blocks, ornamented = _blocks(body, first_line, origins)
    blocks, headers = _drop_email_headers(blocks)
    if any(d.reason == EMAIL for d in headers):
        blocks, signature = _drop_email_signature(blocks)
        headers += signature
    blocks, dropped = _drop_boilerplate(blocks)
    blocks, dropped = _drop_signed_name(blocks, dropped)
    blocks = _ornament_shapes(blocks, ornamented)
    blocks, pages = _drop_page_marks(blocks)
    blocks, links = _drop_link_list(blocks, dropped)
    blocks, notes = _drop_references(blocks)
    blocks, legal = _drop_disclaimers(blocks)
    blocks, comments = _drop_comments(blocks, dropped)
    blocks, teaser = _drop_repeated_tail(blocks)
    blocks, contents = _drop_contents(blocks)
    return Cleaned(tuple(blocks), tuple(sorted(headers + dropped + pages + links + notes + legal + comments + teaser
                                               + contents,
                                               key=lambda d: d.line)))


MATH_LETTERS = re.compile(r"[\U0001D400-\U0001D7FF]+")


def _repaired(body: str) -> str:
    """``body`` with mojibake undone ("Chinaâ€™s" is "China’s") by ftfy, which changes only text it can
    show was mis-decoded; kept as it is if the repair would move a line."""
    import ftfy  # (only for the few seeds that need it)

    fixed = ftfy.fix_encoding(body)
    return fixed if fixed.count("\n") == body.count("\n") else body


FORWARDED = re.compile(r"-{2,}\s*(?:Forwarded|Original) message\s*-{2,}", re.IGNORECASE)
EMAIL_HEADER = re.compile(r"(?:From|Sent|Date|Subject|To|Cc|Reply-To|Re):\s", re.IGNORECASE)  # (a memo's "RE:" too)
EMAIL_HEADER_LINES = 8
MEMO = re.compile(r"(?:MEMO(?:RANDUM)?|Memo(?:randum)?):?")


def _drop_email_headers(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """The header of a forwarded email or a memo at the top ("From: …", "Subject: …", "MEMO" over "TO: …"):
    left out, kept as dropped lines (the masthead reads its date and subject)."""
    warnings = 0  # a mail system's "[EXTERNAL] CAUTION: This email originated from outside …" over it
    while warnings < len(blocks) and blocks[warnings].kind == "p" and _warning(blocks[warnings].text):
        warnings += 1
    ahead = [Dropped(b.line, "email warning", b.text) for b in blocks[:warnings]]
    blocks = blocks[warnings:]
    # forwarded: the forwarder's header, note and signature, then "---------- Forwarded message ---------"
    # and the note itself, whose header is read
    marks = [i for i, b in enumerate(blocks[:FORWARD_SCAN]) if b.kind == "p" and FORWARDED.fullmatch(b.text)] \
        if blocks and blocks[0].kind == "p" and EMAIL_HEADER.match(blocks[0].text) else []
    if marks and marks[-1] > 0:
        ahead += [Dropped(b.line, "forwarding note", b.text) for b in blocks[:marks[-1]]]
        blocks = blocks[marks[-1]:]
    blocks, headers = _email_header(blocks)
    return blocks, ahead + headers


def _warning(text: str) -> bool:
    head = text[:MAX_WARNING_CHARS]
    return ("xternal" in head or "utside" in head or "ttachments" in head or "XTERNAL" in head) \
        and bool(cue_matcher("email_warnings", suffixes=()).find(head))


def _drop_email_signature(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """An email's signature, under its "--" line near the end (the writer's name, role, firm, address and
    the firm's notices): left out, kept as dropped lines (the firm names the source)."""
    start = max(0, len(blocks) - MAX_SIGNATURE_BLOCKS)
    mark = next((i for i in range(len(blocks) - 1, start - 1, -1) if blocks[i].text in ("--", "-- ")), len(blocks))
    if mark >= 3 and EMAIL_CLOSING.fullmatch(blocks[mark - 2].text) and blocks[mark - 1].kind == "p" \
            and blocks[mark - 1].text.count(" ") < MAX_SIGNED_NAME_WORDS and not ends_clause(blocks[mark - 1].text):
        mark -= 2  # "Best," / "Priya" over it: the writer's farewell
    if mark in (0, len(blocks)):
        return blocks, []
    return blocks[:mark], [Dropped(b.line, EMAIL_SIGNATURE, line) for b in blocks[mark:] for line in b.lines]


EMAIL_SIGNATURE = "email signature"
MAX_SIGNATURE_BLOCKS = 12
EMAIL_CLOSING = re.compile(r"(?:Best|All best|Best wishes|Cheers|Thanks|Many thanks|Thank you|Regards|Warmly|"
                           r"Warm regards|Kind regards|Best regards|Yours),?", re.IGNORECASE)
MAX_SIGNED_NAME_WORDS = 3


def _email_header(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    memo = 1 if blocks and blocks[0].kind == "p" and MEMO.fullmatch(blocks[0].text) else 0
    n = memo
    while n < min(len(blocks), EMAIL_HEADER_LINES + memo) and blocks[n].kind == "p" and (
            FORWARDED.fullmatch(blocks[n].text) or EMAIL_HEADER.match(blocks[n].text)):
        n += 1
    if n - memo < 2 and not (n == 1 and (FORWARDED.fullmatch(blocks[0].text) or blocks[0].text[:8].lower() == "subject:")):
        return blocks, []  # (an email's subject alone, pasted over its text, is its header too)
    return blocks[n:], [Dropped(b.line, EMAIL, b.text) for b in blocks[:n]]


EMAIL = "email header"
CREDITS = "credits"
MAX_WARNING_CHARS = 120
FORWARD_SCAN = 20  # blocks: a forwarder's header, note and signature come first


def _blocks(body: str, first_line: int, origins: list[int] | None = None) -> tuple[list[Block], dict[int, str]]:
    """Group lines: blank lines separate paragraphs; each bullet is a list item; a hard-wrapped line
    (previous line unfinished, this one starting in lower case) continues its paragraph or item. A line
    opening with an ornament ("★ …", "🔹 …") starts a paragraph of its own, without it: the line where each
    starts, with its ornament, is returned too (``_ornament_shapes`` reads them as headings or a list).

    An item grows as a list of pieces joined once, when it is complete, and what the wrap rule asks of it
    (its length, whether a sentence ended inside) is kept up to date as it grows: a paragraph of ten
    thousand wrapped lines is read in linear time, not rebuilt and rescanned at every line. ``origins``
    gives each line's number in the seed when ``body`` is a text made from it (an HTML seed's)."""
    blocks: list[Block] = []
    current: list[list[str]] = []  # items (pieces of text to concatenate); a paragraph is one item
    kind, start = "p", first_line
    chars = words = 0  # of the last item
    stop: bool | None = None  # does the last item hold a sentence's end inside? (None: not asked yet)
    ornamented: dict[int, str] = {}
    quoting = False  # the last line was quoted: a line that is not starts a paragraph of its own
    gap = False  # a blank line came before this one
    marker = ""  # the first character of the list's first item ("•", "-")

    def flush():
        nonlocal current
        if current:
            items = tuple([_without_new_tab("".join(parts)) for parts in current])
            blocks.append(Block(kind, items if kind == "ul" else items[:1], start))
        current = []

    raw_lines = body.split("\n")
    last_lines = len(raw_lines) - MENU_EDGE_LINES
    staged = _has_stage_direction(body)  # (asked once per seed)
    table: list[str] | None = None  # the rows of a Markdown table being read
    table_start = 0
    for offset, raw in enumerate(raw_lines):
        lineno = origins[offset] if origins else first_line + offset
        line = raw.strip()
        nav = False
        edge = offset < MENU_EDGE_LINES or offset >= last_lines  # (where a site's menu is: a text table's row
        # of column names may look like one)
        if not (line.isprintable() and "  " not in line):  # most lines are plain: one test tells
            if edge and ("  " in line or "\t" in line) and (items := _menu(line)):  # "Home   About   Archive"
                line, nav = " | ".join(items), True
            line = single_spaced(INVISIBLE.sub("", line))  # invisible characters are never printable
        elif edge and line.count(" | ") >= MIN_MENU_ITEMS - 1 and (items := _menu(line)) and (
                len(items) > MIN_MENU_ITEMS or _menu_words(items)):  # (between pipes, five items or more, or
            nav = True  # four a site's own: a digest's headline may list four subjects)
        if nav:  # (a line of its own: nothing goes on into it, nor it into anything; left out with the boilerplate)
            flush()
            blocks.append(Block(NAV, (line,), lineno))
            kind, gap = "p", False
            continue
        if "[" in line:  # (most lines hold none: one test for both)
            if "](" in line:
                line = without_md_links(line)
            if "]" in line and not CODE_CHARS.intersection(line):  # an encyclopedia's "Japan.[1]"
                line = CITATION.sub("", line) or line  # (never in a line of code or markup: "forms[0].value")
        if staged and ("[" in line or "(" in line) and (bare := _stage_directions().sub("", line).strip()) != line:
            line = single_spaced(bare) or line  # "[Applause]" inside a speech's line goes; alone, it is listed
        if table is not None:
            if "|" in line:
                if not TABLE_RULE.fullmatch(line):
                    table.append(_row(line))
                continue
            blocks.append(Block("table", tuple(table), table_start))
            table = None
        elif "|" in line and offset + 1 < len(raw_lines) and "|" in raw_lines[offset + 1] \
                and line.count("|") <= MAX_TABLE_COLUMNS + 1 \
                and TABLE_RULE.fullmatch(raw_lines[offset + 1].strip()):  # a header row over "| --- | --- |"
            flush()
            kind, table, table_start = "p", [_row(line)], lineno
            continue
        if line[:1] in RULE_CHARS and RULE.fullmatch(line):  # "---", "* * *": a break between paragraphs
            line = ""
        if line[:1] == ">":  # a quoted line (Markdown, email): its text, a quote's own paragraph
            line = QUOTE_MARKS.sub("", line)
            if not quoting:
                flush()
            quoting = True
        elif quoting and line:
            flush()
            quoting = False
        if not line:
            if kind == "p":
                flush()
            gap = True
            continue
        after_gap, gap = gap, False
        bullet = None
        if line[0].isdigit() and ("**" in line or "__" in line) and (bold := NUMBERED_BOLD.fullmatch(line)) \
                and _bold_heading(bold.group(3)):  # "1. **Rare earth licences resume**"
            flush()
            blocks.append(Block("h", (f"{bold.group(1)} {bold.group(3).strip('*_ ')}",), lineno))
            kind = "p"
            continue
        if line[0] in MARKUP_START:  # most lines start with a letter: no pattern can match them
            bold = BOLD_LINE.match(line)
            if bold and _bold_heading(bold.group(2)):  # "**1. Taipei bets on drones**"
                flush()
                blocks.append(Block("h", (bold.group(2).strip("*_ "),), lineno))
                kind = "p"
                continue
            wrapped = EMPHASIS_LINE.match(line)
            line = wrapped.group(2) if wrapped else line
            heading = MD_HEADING.match(line)
            if heading:
                flush()
                blocks.append(Block("h", (heading.group(1),), lineno))
                kind = "p"
                continue
            bullet = None if PAGE_NUMBER.fullmatch(line) else BULLET.match(line)  # "- 2 -": a page number
        elif not line[0].isalnum() and _is_ornament(line[0]):
            counts = _engagement_counts(line)  # "👁 12.4K": a line of its own, kept whole to be dropped
            bare = line if counts else _unornamented(line)
            if bare:  # (a line of ornaments only, "★★★", stays as typed)
                flush()
                kind, start = "p", lineno
                current = [[bare]]
                chars, words, stop = len(bare), bare.count(" ") + 1, None
                if not counts:
                    ornamented[lineno] = line[0]
                continue
        if bullet and bullet.group(1).strip():
            if kind != "ul" or (after_gap and line[0] != marker):  # (past a blank line, another mark: another list,
                flush()  # or a "— The China Desk" sign-off under the list)
                kind, start, marker = "ul", lineno, line[0]
            item = bullet.group(1).strip()
            current.append([item])
            chars, words, stop = len(item), item.count(" ") + 1, None
            continue
        if current:
            parts = current[-1]
            continues = False
            if len(parts) == 1 and len(parts[0]) == 1 and parts[0].isupper() and line[:1].islower() \
                    and kind == "p" and not after_gap:  # a magazine's drop cap: "T" / "he morning the ships came …"
                parts[0] += line
                chars, words, stop = len(parts[0]), parts[0].count(" ") + 1, None
                continue
            if not ends_clause(parts[-1]):
                if line[:1].islower() and not parts[-1].isupper() and not OWN_LINE.match(parts[0]) \
                        and not (parts[-1][:1] == "@" and HANDLE.fullmatch(parts[-1])):  # ("CHOKEPOINT NOTES" /
                    # "supply chains, …"; a handle, "@shoalwatch_ines", is a line of its own)
                    continues = True
                elif kind == "p" and _dangling(parts[-1]):
                    continues = True  # "What the Truce Means for" / "Chip Export Controls": a title wrapped
                # a list item goes on only into a line that ends a sentence (a heading after the list ends none)
                elif chars >= 60 and words >= 10 and (kind == "p" or ends_clause(line)) \
                        and not (BYLINE_START.match(parts[0]) or EMAIL_HEADER.match(parts[0])) \
                        and not (line[:1].isdigit() and RELATIVE_AGE.fullmatch(line)) \
                        and not OWN_LINE.match(line):  # ("… researcher" / "3d •", "… on April 9" / "Updated: …")
                    # (a byline, "By Jane Roe, Senior Fellow, …", or an email's "Subject: …" ends at its line)
                    if not _paragraphed(body) and stop is None:  # read once, then kept up to date
                        # (a wire's dateline opens a story's text, never a headline: it goes on too)
                        stop = len(sentences("".join(parts))) > 1 or DATELINE.match(parts[0]) is not None
                    continues = _paragraphed(body) or bool(stop)  # a sentence ended inside: a wrapped paragraph
            elif parts[-1][-1] in ",;" and line[:1].islower():  # "… resumed regular talks," / "officials said"
                continues = True
            elif kind == "p" and parts[-1].endswith(WRAPPED_ABBREVIATIONS) and MIN_WRAPPED_CHARS <= chars \
                    <= MAX_WRAPPED_TITLE_CHARS and len(parts) == 1 and ". " not in parts[0]:
                continues = True  # a title: "… Evidence on U.S." / "Semiconductor Export Controls …" (in prose,
                # "… but also the U.S." / "John Noh, the nominee …" may end a sentence)
            if continues:
                joiner = _joiner(parts[-1], line, body)
                if joiner == "-":  # the hyphen of a word broken at the line's end goes
                    parts[-1] = parts[-1][:-1]
                    chars, joiner = chars - 1, ""
                parts.append(joiner + line)
                chars += len(joiner) + len(line)
                words += line.count(" ") + (joiner == " ")  # a broken word's two halves are one word
                if stop is not None:
                    stop = stop or len(sentences(line)) > 1
                continue
        if kind == "ul" or current:
            flush()
        kind, start = "p", lineno
        current = [[line]]
        chars, words, stop = len(line), line.count(" ") + 1, None
    flush()
    if table is not None:
        blocks.append(Block("table", tuple(table), table_start))
    return blocks, ornamented


def _without_new_tab(text: str) -> str:
    """A copied link's ", opens new tab" left out (a wrapped line may split it)."""
    return (NEW_TAB.sub("", text).strip() or text) if "new tab" in text or "new window" in text else text


NEW_TAB = re.compile(r",?\s*\(?opens (?:in )?(?:a )?new (?:tab|window)\)?", re.IGNORECASE)
CITATION = re.compile(r"(?<=[\w.,;:!?)\"”’\]])\[(?:[1-9]\d{0,2}|[a-z]|citation needed|clarification needed|"
                      r"(?:note|nb) \d{1,2}|edit)\](?=[\s.,;:!?\[]|$)")  # (and a section's "[edit]")
CODE_CHARS = frozenset("<>{}=")
MAX_TABLE_COLUMNS = 20  # wider is no table a reader could read: its lines stay text
TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")  # "| --- | :---: |"
CELL_BORDER = re.compile(r"(?<!\\)\|")  # a pipe that is not escaped ("\|" is one in a cell)


def _row(line: str) -> str:
    """A table row's cells, each single-spaced, joined by tabs (which cleaned text never holds)."""
    inner = line[1:] if line[:1] == "|" else line
    inner = inner[:-1] if inner[-1:] == "|" and inner[-2:-1] != "\\" else inner
    return "\t".join(single_spaced(cell.replace("\\|", "|")) for cell in CELL_BORDER.split(inner))


NOT_ORNAMENTS = frozenset("©®℗™°№℃℉")  # symbols that open a line of text, not decorate it


def _is_ornament(ch: str) -> bool:
    """A pictograph or dingbat (★, ▶, 🔹, 📌): Unicode's "other symbol" class, but for ©, ® and the like."""
    return unicodedata.category(ch) == "So" and ch not in NOT_ORNAMENTS


def _unornamented(line: str) -> str:
    """``line`` without the ornaments and spaces opening it (an emoji's variation selector or keycap mark
    with them)."""
    i = 0
    while i < len(line) and (line[i].isspace() or unicodedata.category(line[i]) in ("So", "Mn", "Me")):
        i += 1
    return line[i:]


def _ornament_shapes(blocks: list[Block], ornamented: dict[int, str]) -> list[Block]:
    """Paragraphs that opened with an ornament: one alone, short and not a sentence, with text after it, is
    a story's heading ("★ Beijing's budget signals restraint"); two or more in a row with the same ornament
    are a list."""
    if not ornamented:
        return blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j, mark = i, ornamented.get(blocks[i].line) if blocks[i].kind == "p" else None
        while j < len(blocks) and mark and blocks[j].kind == "p" and ornamented.get(blocks[j].line) == mark:
            j += 1
        if j == i:
            out.append(blocks[i])
            i += 1
            continue
        run = blocks[i:j]
        if len(run) > 1:
            out.append(Block("ul", tuple(b.lines[0] for b in run), run[0].line))
        elif j < len(blocks) and blocks[j].line not in ornamented and _bold_heading(run[0].lines[0]):
            out.append(Block("h", run[0].lines, run[0].line))
        else:
            out.append(run[0])
        i = j
    return out


BROKEN_WORD = re.compile(r"([^\W\d_]+)-$")  # "re-" ending a line that continues in lower case
NEXT_WORD = re.compile(r"[^\W\d_]+")


def _joiner(previous: str, line: str, body: str) -> str:
    """How a wrapped line joins the one before: a space; or, for a word broken at the line's end ("ex-" /
    "pect"), nothing — "-" when its hyphen goes too, because the seed writes the word whole elsewhere
    ("expect"); a hyphen is never guessed away ("re-think")."""
    # (the last word only: searching a long paragraph from every position would take quadratic time)
    broken = BROKEN_WORD.search(previous, max(0, len(previous) - 60)) if line[:1].islower() and previous[-1:] == "-" \
        else None
    if not broken:
        return " "
    rest = NEXT_WORD.match(line)
    return "-" if rest and broken.group(1) + rest.group() in _words_of(body) else ""


@lru_cache(maxsize=1)
def _words_of(body: str) -> frozenset[str]:
    """The words a seed writes, read once per seed (a PDF's text breaks thousands of words)."""
    return frozenset(NEXT_WORD.findall(body))


def _bold_heading(text: str) -> bool:
    """A bold line is a heading when short and not a sentence or a label ("**Note:**"); a question may be."""
    bare = text.strip("*_ ")
    return (bool(bare) and word_count(bare) <= BOLD_HEADING_WORDS and any(c.isalpha() for c in bare)
            and not (ends_clause(bare) and not bare.rstrip(CLOSERS).endswith(("?", "!"))))


BOLD_HEADING_WORDS = 16


@lru_cache(maxsize=1)
def _paragraphed(body: str) -> bool:
    """Text whose paragraphs are separated by blank lines may be hard-wrapped: there a long unfinished line
    continues on the next one even when that starts with a capital ("...said on / Tuesday, as..."); so does
    one in which a sentence ended (a heading holds none). A blank line may hold invisible characters only.
    Asked only when such a line is met, once per body."""
    return body.count("\n\n") >= 2 or INVISIBLE.sub("", body).count("\n\n") >= 2


def _drop_boilerplate(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    short = []  # (index, text, words) of the paragraphs short enough to be boilerplate: most are longer
    reasons: dict[int, str | None] = {}
    for i, block in enumerate(blocks):
        if block.kind == "p" or (block.kind == "ul" and len(block.lines) == 1):  # ("— With assistance from …")
            text = block.lines[0]  # a paragraph is one line, single-spaced and trimmed by _blocks:
            words = text.count(" ") + 1  # its words are its spaces and one
            if words <= MAX_FOOTER_WORDS:
                short.append((i, text, words))
            elif text[:1] in CORRECTION_START and words <= MAX_CORRECTION_WORDS and _long_correction(text):
                reasons[i] = "correction"  # (a correction may tell at length what was wrong)
            elif text[:1] == "[" and text[-1:] == "]" and words <= MAX_CORRECTION_WORDS \
                    and opens_with(text[1:], "wire_notes", then=":"):
                reasons[i] = "wire note"  # "[Translator's note: What follows is a full translation of …]"
    boiler = _hits_in_each("boilerplate", [text for _, text, _ in short])
    # banner words and picture agencies, in lines of up to eight words: one scan for both
    shortest = _hits_in_each(SHORT_LINE_CUES, [text if words <= 8 else "" for _, text, words in short])
    for (i, text, n), hits, found in zip(short, boiler, shortest):
        banners = [m for m in found if m.value == "banner_words"] if found else found
        reasons[i] = _boilerplate(text, n, hits, banners) or (
            "caption" if len(banners) < len(found) and _picture_credit(text) else None)
    reasons.update((i, "navigation") for i, b in enumerate(blocks) if b.kind == NAV)  # (a site's menu)
    _breadcrumbs(blocks, reasons)
    for i, reason in list(reasons.items()):  # the name over a post's handle ("Jane Roe" / "@janeroe"): its author
        if reason == "handle" and i and not reasons.get(i - 1) and blocks[i - 1].line == blocks[i].line - 1 \
                and _poster(blocks[i - 1]):
            reasons[i - 1] = POST_AUTHOR
    for i in [i for i, reason in reasons.items() if reason == CHART or (
            reason == CONTACT and blocks[i].text.endswith(":"))]:  # (a chart's title, a "Contact:" label)
        _lines_under(blocks, i, reasons)
    _subscription_offers(blocks, reasons)
    _sponsored_blocks(blocks, reasons)
    kept, dropped = [], []
    for i, block in enumerate(blocks):
        reason = reasons.get(i)
        if reason:
            dropped.append(Dropped(block.line, reason, block.text))
        else:
            kept.append(block)
    return kept, dropped


def _subscription_offers(blocks: list[Block], reasons: dict[int, str | None]) -> None:
    """A paywall's offers under its "Subscribe to continue reading": short lines priced ("$1 for 6 months") or
    in the words of data/cues.yml's ``subscription_offers`` ("Cancel anytime"), two or more, with at most two
    other short lines between them ("Includes the app and puzzles", "[ Continue ]")."""
    for start in [i for i, reason in reasons.items() if reason == "boilerplate" and PAYWALL.search(blocks[i].text)]:
        offers, last, gap, i = 0, start, 0, start + 1  # (gap: lines of other words since the last offer)
        while i < len(blocks) and blocks[i].kind in ("p", "ul") and gap <= MAX_OFFER_GAP and (
                reasons.get(i) or all(line.count(" ") < MAX_OFFER_WORDS for line in blocks[i].lines)):
            if not reasons.get(i):
                if _offer(blocks[i].text):
                    offers, last, gap = offers + 1, i, 0
                else:
                    gap += 1
            i += 1
        if offers >= MIN_OFFERS:
            end = len(blocks) if i == len(blocks) else last + 1  # (at the foot of the page, the lines after too)
            reasons.update((j, "subscription offer") for j in range(start + 1, end) if not reasons.get(j))


def _sponsored_blocks(blocks: list[Block], reasons: dict[int, str | None]) -> None:
    """A sponsor's message between its labels ("— SPONSORED —" … "— END SPONSORED —"): all of it is left out."""
    for start in [i for i, reason in reasons.items() if reason in ("advertisement", "button")
                  and SPONSOR_START.fullmatch(blocks[i].text)]:
        end = next((j for j in range(start + 1, min(len(blocks), start + 1 + MAX_SPONSOR_BLOCKS))
                    if SPONSOR_END.fullmatch(blocks[j].text)), None)
        if end is not None:
            reasons.update((j, "advertisement") for j in range(start + 1, end + 1))


MAX_SPONSOR_BLOCKS = 8
SPONSOR_START = re.compile(r"[—–-]*\s*(?:SPONSORED(?: CONTENT| MESSAGE)?|ADVERTISEMENT|PARTNER CONTENT)\s*[—–-]*",
                           re.IGNORECASE)
SPONSOR_END = re.compile(r"[—–-]*\s*END (?:OF )?(?:SPONSORED(?: CONTENT| MESSAGE)?|ADVERTISEMENT|AD)\s*[—–-]*",
                         re.IGNORECASE)


def _offer(text: str) -> bool:
    return bool(PRICE.search(text)) or bool(cue_matcher("subscription_offers", suffixes=()).find(text))


MAX_OFFER_WORDS = 16
PAYWALL = re.compile(r"subscri|continue reading|keep reading|unlock|log in|sign in|member", re.IGNORECASE)
MAX_OFFER_GAP = 2
MIN_OFFERS = 2
PRICE = re.compile(r"[$€£¥]\s?\d")


BREADCRUMB = "breadcrumb"
CRUMB_SEPARATORS = frozenset({"/", ">", "›", "»"})
MAX_CRUMB_WORDS = 3
# "Home > News > Asia", "China / Diplomacy / Taiwan": three parts or more, or two parted by an arrow
CRUMB_LINE = re.compile(r"[^\s>/›»][^>/›»]{0,30}(?:\s[>›»]\s[^>/›»]{1,30}|(?:\s/\s[^>/›»]{1,30}){2,})+")
MAX_CRUMB_TOP = 3
TRAILING_BUTTONS = re.compile(r"(?:\s*\[[^\[\]]{1,20}\])+$")


def _breadcrumbs(blocks: list[Block], reasons: dict[int, str | None]) -> None:
    """A copied page's breadcrumb at the top: "Home > News > Asia" on one line, or its parts on lines of their
    own around a lone "/" ("China" / "/" / "Diplomacy"): the site's sections, not the article."""
    top = []  # the first blocks not already left out (a menu, a notice)
    for i in range(len(blocks)):
        if not reasons.get(i):
            top.append(i)
            if len(top) == MAX_CRUMB_TOP + 2:
                break
    for n, i in enumerate(top):
        block = blocks[i]
        text = block.text
        if text[-1:] == "]":  # "World › Asia › Korea   [ Subscribe ]": the page's buttons beside it
            text = TRAILING_BUTTONS.sub("", text) or text
        if block.kind != "p":
            continue
        if text in CRUMB_SEPARATORS and 0 < i < len(blocks) - 1:
            around = (blocks[i - 1], blocks[i + 1])
            if all(b.kind == "p" and word_count(b.text) <= MAX_CRUMB_WORDS and abs(b.line - block.line) == 1
                   for b in around):
                reasons[i - 1] = reasons[i] = reasons[i + 1] = BREADCRUMB
        elif n < MAX_CRUMB_TOP and word_count(text) <= 12 and CRUMB_LINE.fullmatch(text) and all(
                word_count(part) <= (MAX_CRUMB_WORDS + 2 if text[:5] == "Home " else MAX_CRUMB_WORDS)
                for part in re.split(r"\s[>/›»]\s", text)):  # (from "Home", longer: "Press and Media Service")
            reasons[i] = BREADCRUMB


CHART = "chart"
MAX_LINES_UNDER = 3
MAX_LINE_UNDER_WORDS = 12


def _lines_under(blocks: list[Block], at: int, reasons: dict[int, str | None]) -> None:
    """The short lines right under a chart's title ("Chart of the week" / "Source: LSEG" / "Yuan per dollar,
    daily close") or a contact label ("Contact:" / "Trade Control Division, METI" / "Tel: …"), with no blank
    line between: the chart's source and subtitles, the contact's details, left out with it."""
    line, reason = blocks[at].line, reasons[at]
    for i in range(at + 1, min(at + 1 + MAX_LINES_UNDER, len(blocks))):
        block = blocks[i]
        if block.line != line + 1 or block.kind != "p" or (not reasons.get(i) and (
                word_count(block.text) > MAX_LINE_UNDER_WORDS or block.text.rstrip(CLOSERS).endswith("."))):
            return
        reasons[i] = reasons.get(i) or reason
        line = block.line


MAX_SIGNED_NAME_WORDS = 3


def _drop_signed_name(blocks: list[Block], dropped: list[Dropped]) -> tuple[list[Block], list[Dropped]]:
    """The name under a sign-off that was left out ("Thanks for reading," / "Mark"): the last paragraph, a
    name of up to three capitalised words right after a left-out line, goes with it."""
    if not blocks or not dropped:
        return blocks, dropped
    last = blocks[-1]
    before = [d for d in dropped if d.line < last.line]
    if last.kind != "p" or not before or not _signed_name(last.text) \
            or (len(blocks) > 1 and blocks[-2].line > before[-1].line):
        return _drop_letter_signature(blocks, dropped)
    return blocks[:-1], dropped + [Dropped(last.line, "boilerplate", last.text)]


def _signed_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_SIGNED_NAME_WORDS \
        and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)


def _drop_letter_signature(blocks: list[Block], dropped: list[Dropped]) -> tuple[list[Block], list[Dropped]]:
    """A letter's signature before its postscript or footer: under a left-out "Warm regards," the writer's
    name, then perhaps a line of role and organisation ("President, Pacific Forum for Policy")."""
    closings = [d for d in dropped if d.reason == "boilerplate" and d.text.endswith(",") and d.text.count(" ") < 3]
    if not closings:
        return blocks, dropped
    at = next((i for i, b in enumerate(blocks) if b.line > closings[-1].line), None)
    if at is None or blocks[at].kind != "p" or not _signed_name(blocks[at].text) or blocks[at].text.count(" ") < 1:
        return blocks, dropped
    signature = [Dropped(blocks[at].line, POST_AUTHOR, blocks[at].text)]
    role = blocks[at + 1] if at + 1 < len(blocks) else None
    if role is not None and role.kind == "p" and ROLE_AND_ORGANISATION.fullmatch(role.text):
        signature.append(Dropped(role.line, SIGNED_ROLE, role.text))
    gone = {d.line for d in signature}
    return [b for b in blocks if b.line not in gone], dropped + signature


SIGNED_ROLE = "signature"
INTERVIEW_NOTE = "interview note"
MAX_NOTE_WORDS = 20
# "President, Pacific Forum for Policy": a role in a few words, a comma, an organisation's capitalised name
ROLE_AND_ORGANISATION = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,4}, (?P<org>[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|for"
                                   r"|and|the|on)){0,7})")


SHORT_LINE_CUES = ("banner_words", "picture_credits")


def _hits_in_each(cues: str | tuple[str, ...], texts: list[str]) -> list[list[Match]]:
    """The phrases of ``cues`` (a list of data/cues.yml, or several: each match's value then names its list)
    in each text, offsets within it: one scan of them all joined by line breaks (never part of a phrase),
    not one per paragraph."""
    out: list[list[Match]] = [[] for _ in texts]
    if not texts:
        return out
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    matcher = cue_matcher(cues) if isinstance(cues, str) else _lists_matcher(cues)
    for m in matcher.find("\n".join(texts)):
        n = bisect_right(starts, m.start) - 1
        out[n].append(m._replace(start=m.start - starts[n], end=m.end - starts[n]))
    return out


@cache
def _lists_matcher(lists: tuple[str, ...]) -> PhraseMatcher:
    """One matcher over several lists of data/cues.yml; a phrase's value is the list it comes from."""
    cues = load_cues()
    return PhraseMatcher({phrase: name for name in reversed(lists) for phrase in cues.get(name, [])})


def _boilerplate(text: str, words: int, hits: list[Match], banners: list[Match]) -> str | None:
    """Why a short paragraph is not the article's text, or None."""
    if text[:1] in AFFILIATION_START and words <= MAX_AFFILIATION_WORDS and text[1:2] in (" ", "\u00a0") \
            and text[2:3].isupper() and not ends_clause(text):
        return "affiliation"  # "¹ Department of Economics, University of Eastmoor" under the writers' names
    if ("ookie" in text or "rivacy" in text) and _consent(text, words):
        return "cookie notice"
    if hits and ((words <= MAX_BOILERPLATE_WORDS and any(_opens_clause(text, h.start) for h in hits))
                 or _footer(text, hits)):
        return "boilerplate"
    bracketed = text[:1] in "[(" and text[-1:] in "])"  # "[Image: Missile launch]"
    dashed = text[:1] in "—–-"  # "— With assistance from Ann Lee"
    bare = text[1:-1] if bracketed else text.lstrip("—–- ") if dashed else text
    if bare[:1] in "*_" and (unmarked := EMPHASIS_MARKS.sub("", bare)):  # "**Correction, March 3:** An earlier …"
        bare = unmarked
    lists = _lists_opening(bare)
    if "credit_lines" in lists and words <= MAX_CREDIT_WORDS and _credits(bare):
        return CREDITS
    if "contact_labels" in lists and words <= MAX_CREDIT_WORDS and opens_with(text, "contact_labels", then=":"):
        return CONTACT
    if len(text) <= MAX_CONTACT_CHARS:  # (each pattern asked only of a line that could be its shape)
        if text[:1] in END_MARK_START and END_MARK.fullmatch(text):
            return "end mark"
        if text[:2] == "((" and WIRE_CONTACT.fullmatch(text):
            return CONTACT  # a wire's "((SEOUL NEWSROOM +82 2 3701 5500; SEOUL.DESK@ACPNEWS.EXAMPLE))"
        if ("@" in text or text[-1:].isdigit()) and (CONTACT_ONLY.fullmatch(text) or NAMED_CONTACT.fullmatch(text)):
            return CONTACT  # (a research note's "Priya Raman, CFA priya.raman@example.com | +852 …" too)
    if "interview_notes" in lists and cue_matcher("interview_notes", suffixes=()).find(text) and words <= MAX_NOTE_WORDS:
        return INTERVIEW_NOTE  # "This interview has been edited for length and clarity."
    if bracketed and "wire_notes" in lists and opens_with(bare, "wire_notes", then=":"):
        return "wire note"  # "(ATTN: ADDS details in paras 4-7, photo)": the agency's word to editors
    if "tag_labels" in lists and (text.rstrip(":").lower() in cue_set("tag_labels")
                                  or (opens_with(text, "tag_labels", then=":") and (_tag_list(text) or (
                                      text.isupper() and words <= MAX_BOILERPLATE_WORDS)))):  # (a wire's
        # "KEYWORDS: NORTHKOREA MISSILES/ (URGENT) ASIA DEFENCE": its codes)
        return "tags"  # "Keywords" over the tags, or "Tags: Taiwan, drones, budget"
    if "correction_labels" in lists and _correction(bare):
        return "correction"
    if words <= MAX_CAPTION_WORDS and (text[-1:] == ")" or "/" in text[-50:]) and _caption_credit().search(text):
        return "caption"  # a picture's description ending with its credit: "… beach. REUTERS/Bo Park"
    if "caption_labels" in lists and CAPTION_NUMBER.match(text):  # "Photo 3/4: A coast guard vessel …"
        return "caption"
    if "caption_labels" in lists and opens_with(text[1:-1] if bracketed else text, "caption_labels",
                                                 then="" if bracketed else ":"):
        return "caption"
    if "link_labels" in lists and opens_with(text, "link_labels", then=":"):
        return "links"
    if "ad_labels" in lists and (opens_with(text, "ad_labels", then=":") or _opens_with_by(text)):
        return "advertisement"
    if text[:1].isupper() and words <= MAX_PAGE_DETAILS_WORDS and WIRE_FLASH.fullmatch(text):
        return TIMESTAMP  # a wire's flash header: its agency, service and time
    if (":" in text[:PAGE_LABEL_CHARS] or "：" in text[:PAGE_LABEL_CHARS]) and words <= MAX_PAGE_DETAILS_WORDS \
            and (_page_details(text) or (words <= MAX_ISSUER_FIELD_WORDS and ISSUER_FIELD.match(text))):
        return TIMESTAMP if any(c.isdigit() for c in text) else "page details"  # ("Department：Trade Administration")
    if text[:1] == "[" and (m := BRACKETED_BUTTONS.match(text)) and (
            m.end() == len(text) or is_buttons(text[m.end():])):
        return "button"  # "[Print] [Close]", "[f] [𝕏] [in]  ☆ Save article"
    if words > MAX_BOILERPLATE_WORDS:
        return None
    if text[:1] in COPYRIGHT_START and COPYRIGHT.match(text):  # "© 2026 Reuters", "[ⓒ Korea JoongAng Daily]"
        return "boilerplate"
    if words <= 4 and "buttons" in lists and _norm(text) in cue_set("buttons", normed=True):
        return "button"
    if 1 < words <= MAX_BUTTON_ROW * 2 and "buttons" in lists and _button_row(text):
        return "button"  # a row of them: "Like Comment Repost Send", "Share Save Gift this article",
        # "Follow our live coverage | Share | 🔔 Get alerts"
    if text[:1] in "[(" and _stage_directions().fullmatch(text):
        return "stage direction"
    if words <= MAX_POST_META_WORDS:  # what a copied social-media post carries around its text
        if text[:1] == "@" and HANDLE.fullmatch(text) or text[:12] == "Replying to " and HANDLE.fullmatch(text[12:]) \
                or "u/" in text[:40] and FORUM_POSTER.fullmatch(text) or text.startswith(SEARCH_BOXES):
            return "handle"
        if text[:15] == "Forwarded from " and not ends_clause(text):
            return "handle"  # a channel's post copied from another channel: whose it was
        if text[:1].isdigit() and (ENGAGEMENT.fullmatch(text) or RELATIVE_AGE.fullmatch(text)):
            return "engagement" if ENGAGEMENT.fullmatch(text) else TIMESTAMP
        if text[:1].isdigit() and (LONE_COUNT.fullmatch(text) or (
                (count := COUNT_FIRST.match(text)) and is_buttons(text[count.end():]))):
            return "engagement"  # a post's score alone, "1.4k", or before its buttons: "412 Reply Share Report"
        if words <= MAX_BACK_LINK_WORDS and BACK_LINK.fullmatch(text):
            return "button"  # "‹ Back to Features", "Return to Transcripts main page"
        if text[:5] in ("This ", "Last ", "Page ") and LAST_EDITED.match(text):
            return TIMESTAMP  # an encyclopedia's "This page was last edited on 2 April 2026, at 09:14 (UTC)."
        if text[:1] in "·•" and RELATIVE_AGE.fullmatch(text[1:].strip()):
            return TIMESTAMP  # a reply's "· 5 hr. ago"
        if POLL.match(text):
            return "poll"  # a newsletter's "🗳️ Vote: Will the truce hold? Yes / No" (its question is not its text)
        if text[:6].lower() == "level " and THREAD_LEVEL.fullmatch(text):
            return "handle"  # a reply's depth in a thread: "level 2"
        if not text[:1].isalnum() and _engagement_counts(text):
            return "engagement"  # a channel post's "👁 12.4K", "🔥 312  😱 97  👍 41"
        if text[:1].isdigit() and DURATION.fullmatch(text):
            return TIMESTAMP  # an audio player's "03:24"
        if text[:1] == "[" and text[-1:] == "]" and DURATION.fullmatch(text[1:-1]):
            return TIMESTAMP  # a broadcast transcript's "[21:00:04]"
        if text[:1].isdigit() and POSTED_AT.fullmatch(text):
            return TIMESTAMP  # "3:45 PM · Mar 5, 2026": the post's date (read as the article's when none is)
        if text in LONE_MARKS:
            return "ornament"
    if text[:2] == "![" and MD_IMAGE_LINE.fullmatch(text):  # a Markdown image: its picture is not here
        return "image"
    if text[:1] == "#" and (HASHTAGS.fullmatch(text) or _tag_list(text)):
        return "hashtags"
    if words <= MAX_READING_TIME_WORDS and (text[:1].isdigit() or text[:5].lower() in ("readi", "liste", "about")) \
            and READING_TIME.fullmatch(text):  # "4 min read"
        return "reading time"
    if words <= MAX_SHARE_WORDS and ("share_targets" in lists or text[:5].lower() == "share") and _share_targets(text):
        return "button"
    if words <= MAX_CHART_TITLE_WORDS and "chart_titles" in lists and _norm(text) in cue_set("chart_titles", normed=True):
        return CHART
    if "greetings" in lists and not text.rstrip(CLOSERS).endswith(".") and is_greeting(text):
        return "greeting"
    if banners and banners[0].start == 0 and words <= 8:
        return "banner"
    return None


# "© 2026 Reuters", "Copyright 2026 …", "[ⓒ Korea JoongAng Daily]", "(c) Asia Desk" (an owner's name only after
# "(c)": "(C) is the right answer" is a quiz's)
COPYRIGHT = re.compile(r"[\[(]?\s*(?:[©ⓒ]|copyright\s+(?:©\s*)?\d{4}|copyright\s+©)"
                       r"|\([cC]\)\s+(?:\d{4}\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,5}\.?$", re.IGNORECASE)
COPYRIGHT_START = frozenset("[(©ⓒCc")
CAPTION_NUMBER = re.compile(r"(?:photo|image|picture|graphic|figure|chart|map)s?\s+\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*:",
                            re.IGNORECASE)
MAX_CAPTION_WORDS = 60
# A page's details on one line: "Source: Department of Security and Control  Release date: 2026-03-02  Font
# size: [L] [M] [S]" (two labels or more, one of them a page's own, never a story's "Date: … Location: …")
PAGE_LABEL = re.compile(r"(?:^|(?<=\s))(source|release date|publish(?:ed|ing)? date|published|(?:last )?updated|posted|date"
                        r"|author|editor|font size|text size|views|clicks|hits)\s*[:：]", re.IGNORECASE)  # (or a wide colon)
PAGE_ONLY_LABELS = frozenset({"source", "release date", "publish date", "published date", "publishing date",
                              "published", "updated", "last updated", "posted", "font size", "text size", "views", "clicks", "hits"})
PAGE_LABEL_CHARS = 16
WIRE_LABEL = re.compile(r"\b(?:PRIORITY|SLUG|WORDS|KEYWORDS|CATEGORY|SERVICE)\s*:")
WIRE_FLASH = re.compile(r"[A-Z]{2,8}\s+(?:FLASH|BULLETIN|URGENT|ADVISORY)\s+\d{4}\s+GMT\b.*")  # "ACP  FLASH  0114 GMT …"
SOURCE_AND_DATE = re.compile(r"source:\s*[^|]{2,40}\|\s*(.{6,40})", re.IGNORECASE)
DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}")
ISSUER_FIELD = re.compile(r"(?:department|division|issuing (?:office|department|unit)|category)\s*[:：]\s*[A-Z]",
                          re.IGNORECASE)  # the office a page names as its issuer, under its title
MAX_ISSUER_FIELD_WORDS = 8
MAX_PAGE_DETAILS_WORDS = 30
BRACKETED_BUTTONS = re.compile(r"(?:\[[^\[\]]{1,20}\]\s*){2,}")


def _consent(text: str, words: int) -> bool:
    """A site's notice asking to accept its cookies: two of its phrases ("uses cookies", "by continuing to
    browse"), or one and its buttons ("[Accept]"), or one alone opening a short line ("We value your
    privacy"). A story's sentence that names cookies once is none."""
    hits = cue_matcher("cookie_notices", suffixes=()).find(text)
    return bool(hits) and (len({h.value for h in hits}) >= 2 or "[" in text
                           or (words <= MAX_BOILERPLATE_WORDS and hits[0].start == 0))


def _page_details(text: str) -> bool:
    if text[:7].lower() == "source:" and (m := SOURCE_AND_DATE.fullmatch(text)) and DATE_LIKE.match(m.group(1)):
        return True  # "Source: Huayu English | 2026-03-05 20:41:17": the page's source and time
    if len(WIRE_LABEL.findall(text)) >= 2:
        return True  # a wire's slug line: "PRIORITY: URGENT   SLUG: NKOREA-MISSILE/ (UPDATE 1)   WORDS: 318"
    labels = [m.group(1).lower() for m in PAGE_LABEL.finditer(text)]
    return len(labels) >= 2 and text[:len(labels[0])].lower() == labels[0] and bool(PAGE_ONLY_LABELS & set(labels))


def is_buttons(text: str) -> bool:
    """One button's label, or a row of them, with the symbols beside them ("▶ Listen (14 min)", "🎁 Gift")."""
    text = _unmarked(text)
    return _norm(text) in cue_set("buttons", normed=True) or _button_row(text)


def _button_row(text: str) -> bool:
    """Nothing but buttons' labels, side by side or between separators."""
    rest, at = [], 0
    for hit in cue_matcher("buttons", suffixes=()).find(text):
        rest.append(text[at:hit.start])
        at = hit.end
    rest.append(text[at:])
    # (between them only marks, and a count or a length: "🔊 Listen to article (7 min)  🎁 Gift  💬 312")
    return at > 0 and not any(c.isalnum() for part in rest for c in BUTTON_NOTE.sub("", part))


BUTTON_NOTE = re.compile(r"\(?\d{1,3}\s?min\b\)?|\(\d{1,5} (?:replies|comments)\)|(?<!\w)\d[\d.,]*[KkMm]?(?!\w)"
                         r"|(?<!\w)A[+-](?!\w)|(?<!\w)(?:f|X|in)(?!\w)")  # (and a text size's "A+ | A-", networks'
# logos left as letters: "Share: f X ✉")


def _tag_list(text: str) -> bool:
    """Short tags and nothing else: "#N. Korea #ballistic missile #JCS" (tags of several words), or after a
    label "Tags: Taiwan, drones, defence budget"."""
    body = text.split(":", 1)[1] if text[:1] != "#" else text
    tags = [t.strip() for t in re.split(r"\s#|^#|,|;|\|", body) if t.strip()]
    return len(tags) >= MIN_TAGS and all(t.count(" ") < TAG_WORDS and not ends_clause(t) for t in tags)


MIN_TAGS = 3
TAG_WORDS = 4
HASHTAGS = re.compile(r"(?:#[^\W\d_][\w-]*[\s,]*)+")  # "#RareEarths #SupplyChains"
READING_TIME = re.compile(r"(?:(?:reading|listening) time:?\s*)?(?:about\s+)?\d{1,3}[-\s]?(?:min|mins|minutes?)\.?"
                          r"(?:\s+(?:read|listen|watch))?", re.IGNORECASE)
MAX_READING_TIME_WORDS = 5
MAX_POST_META_WORDS = 12
POST_AUTHOR = "post author"
MAX_POSTER_WORDS = 4


def _poster(block: Block) -> bool:
    """A display name over a handle: a few words, each opening with a capital, no sentence."""
    words = block.text.split()
    return block.kind == "p" and 0 < len(words) <= MAX_POSTER_WORDS and all(w[:1].isupper() for w in words) \
        and not ends_clause(block.text)
TIMESTAMP = "timestamp"
HANDLE = re.compile(r"@\w{1,30}(?: and @\w{1,30})?")
ENGAGEMENT = re.compile(r"(?:[\d.,]+[KkMm]?\s*[·•]\s*)?(?:[\d.,]+[KkMm]?\s+(?:reposts?|retweets?|quotes?|likes?|bookmarks?|views?|replies|comments?|"
                        r"shares?|reactions?|upvotes?|points?|members|online)\s*(?:\(\d{1,3}% upvoted\))?[·•,]?\s*)+"
                        r"(?:(?:share|save|reply|report|award|hide)\s*[·•,]?\s*)*", re.IGNORECASE)  # (the buttons after)
# a forum post's poster: "Posted by u/strait_watcher · 6h", "r/geopolitics · u/strait_watcher · 6 hours ago"
FORUM_POSTER = re.compile(r"(?:level \d{1,2}\s+)?(?:r/\w{2,21}\s*[·•]\s*)?(?:Posted by\s+|submitted\s+\d{1,2}\s+\w+\s+ago\s+by\s+)?u/[\w-]{3,20}(?:\s+OP)?"
                          r"(?:\s*[·•]?\s*\d{1,2}\s?(?:h|d|m|w|y|mo|hrs?|hours?|days?|weeks?|months?|years?)(?:\s+ago)?)?")
RELATIVE_AGE = re.compile(r"\d{1,2}\s?(?:s|m|h|d|w|mo|y|mins?|hrs?\.?|hours?|days?|weeks?)(?:\s+ago)?"
                          r"(?:\s*[•·]\s*(?:Edited|🌐)?)*")  # ("3d • 🌐": a post's age and audience)
POSTED_AT = re.compile(r"\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{2,4})?\s*[·•|,]\s*"
                       r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})")
# counts after symbols and nothing else: each symbol (one to three characters: an emoji with its variation
# selector) then a number ("12.4K")
EMOJI_COUNTS = re.compile(r"(?:[^\w\s]{1,3}\s*\d[\d.,]*[KkMm]?\s*)+")


def _engagement_counts(text: str) -> bool:
    """Nothing but counts, each after a pictograph ("👁", "❤️"), not after punctuation ("#3", "-12", "$4.2bn")."""
    return len(text) <= MAX_COUNTS_CHARS and bool(EMOJI_COUNTS.fullmatch(text)) \
        and all(_is_ornament(c) for c in re.findall(r"[^\w\s.,\ufe0f\u200d]", text))


MAX_COUNTS_CHARS = 80


DURATION = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
LONE_MARKS = frozenset({"·", "•", "|", "–", "—", "▲", "▼", "⬆", "⬇", "↑", "↓"})  # (and a forum's vote arrows)
LONE_COUNT = re.compile(r"\d{1,3}(?:[.,]\d)?[KkMm]")  # a post's score alone: "1.4k"
COUNT_FIRST = re.compile(r"\d[\d.,]*[KkMm]?\s+(?=[A-Z])")
THREAD_LEVEL = re.compile(r"level \d{1,2}", re.IGNORECASE)
BACK_LINK = re.compile(r"[‹«<←]?\s*(?:Back to|Return to)\s+[\w&'’ -]{2,40}?(?:\s*[›»>→])?")
MAX_BACK_LINK_WORDS = 6
LAST_EDITED = re.compile(r"(?:This page was |Page )?last (?:edited|modified)(?: on)?\s+\S", re.IGNORECASE)
POLL = re.compile(r"\**(?:vote|poll|quick poll|reader poll)\s*:.*\?\s*\**\s*(?:yes\s*/\s*no|\(?[A-D]\)?\s).*",
                  re.IGNORECASE)
SEARCH_BOXES = ("Search r/", "Search this site", "Search the site", "Search…", "Search...")  # a search box's words
MAX_SHARE_WORDS = 10
MAX_CHART_TITLE_WORDS = 5
SHARE_FILLERS = frozenset({"share", "on", "via", "this", "article", "story", "post", "page", "and", "or", "to"})


def _long_correction(text: str) -> bool:
    bare = EMPHASIS_MARKS.sub("", text[:MAX_LABEL_CHARS]) + text[MAX_LABEL_CHARS:] if text[:1] in "*_" else text
    return "correction_labels" in _lists_opening(bare) and _correction(bare)


MAX_CORRECTION_WORDS = 90
CORRECTION_START = frozenset("CcEeUu*_")  # ("Correction", "Clarification", "Editor's note", in bold)
WRAPPED_ABBREVIATIONS = (" U.S.", " U.K.", " U.N.", " Dr.", " Mr.", " Ms.", " Mrs.", " No.", " St.", " vs.")
MIN_WRAPPED_CHARS = 40
MAX_WRAPPED_TITLE_CHARS = 100
AFFILIATION_START = frozenset("¹²³⁴⁵⁶⁷⁸⁹*†‡")
MAX_AFFILIATION_WORDS = 16
MAX_LABEL_CHARS = 60


def _correction(text: str) -> bool:
    """"Correction (April 3): An earlier version of this story misstated …": a label of
    ``correction_labels``, a colon within a few words, and words saying what was corrected."""
    hit = _opening(text, "correction_labels")
    return hit is not None and ":" in text[hit.end:hit.end + 30] and bool(cue_matcher("correction_words").find(text))


def _share_targets(text: str) -> bool:
    """A row of sharing buttons left by copying a page ("Facebook Twitter LinkedIn Email", "Share on: X |
    WhatsApp"): two networks of data/cues.yml or more, and no other word."""
    words = FIRST_WORDS.findall(text.lower())
    networks = cue_set("share_targets")
    named = sum(1 for w in words if w in networks)
    if words[:1] == ["share"] and len(words) < len(text.split()):  # "Share: 🅕 𝕏 ✉ 🔗": the networks' logos
        buttons = cue_set("buttons")  # (and a button beside them: "🔖 Save")
        return all(len(w) <= 2 or w in networks or w in SHARE_FILLERS or w in buttons for w in words[1:])
    return named >= 2 and all(w in networks or w in SHARE_FILLERS for w in words)


@cache
def _stage_directions() -> re.Pattern:
    """A transcript's "[Applause]", "(Laughter.)": the words of data/cues.yml's ``stage_directions`` alone
    in brackets."""
    words = "|".join(re.escape(w) for w in sorted(load_cues().get("stage_directions", []), key=len, reverse=True))
    return re.compile(rf"\s?(?:\[(?:{words})\.?\]|\((?:{words})\.?\))", re.IGNORECASE)


def _has_stage_direction(body: str) -> bool:
    """Does a bracket open a stage direction anywhere in ``body``? Brackets are few: each is looked at
    (a regex over the whole text, even one ignoring no case, reads it about twenty times slower)."""
    words = _stage_words()
    for bracket in "([":
        at = body.find(bracket)
        while at >= 0:
            if body[at + 1:at + 1 + STAGE_WORD_CHARS].lower().startswith(words):
                return True
            at = body.find(bracket, at + 1)
    return False


STAGE_WORD_CHARS = 24


@cache
def _stage_words() -> tuple[str, ...]:
    return tuple(w.lower() for w in load_cues().get("stage_directions", []))


@cache
def _caption_credit() -> re.Pattern:
    """A picture's credit closing its caption: "(Photo by Ann Lee/Getty Images)", or an agency of
    data/cues.yml's ``photo_agencies`` in capitals, a slash and the photographer ("REUTERS/Bo Park"; not
    "talks between the EU/UK")."""
    agencies = "|".join(re.escape(a) for a in load_cues().get("photo_agencies", []))
    return re.compile(r"(?:\((?:[Pp]hoto|[Ii]mage|[Pp]icture)s?(?: by| credit:?|:) [^()]{1,80}\)"
                      rf"|(?<![\w/])(?:{agencies})/[A-Z][a-z][\w'’.-]*(?: [A-Z][a-z][\w'’.-]*){{0,3}})\.?$")




def _picture_credit(text: str) -> bool:
    """A short line naming a picture agency ("Getty Images", "(AP Photo/Ahn Young-joon)"), not a sentence
    about one ("Getty Images sold the archive.")."""
    return not text.rstrip(CLOSERS).endswith(".") or text.rstrip(CLOSERS).endswith(("Images.", "Photo."))


def is_greeting(text: str) -> bool:
    """A few words greeting the reader ("Hello everyone", "Good morning."): never a story's text or title."""
    return word_count(text) <= MAX_GREETING_WORDS and opens_with(text, "greetings")


def _opens_clause(text: str, at: int) -> bool:
    """Does a phrase at ``at`` open the line or a clause of it ("Members only? Log in.", "Ad · Scroll to
    continue")? A paywall's words do; the same words inside a story's sentence do not ("Indonesia wants to
    become a member of BRICS", "Tokyo does not subscribe to that view")."""
    before = text[:at].rstrip()
    return not before or not (before[-1].isalnum() or before[-1] in ",'’\"“")


def _footer(text: str, hits: list[Match]) -> bool:
    """Two boilerplate phrases or more making up much of the paragraph: a platform's footer, not a sentence
    of a story that happens to name a subscription."""
    return len({h.value for h in hits}) >= 2 and sum(h.end - h.start for h in hits) >= FOOTER_SHARE * len(text)


FOOTER_SHARE = 0.3
CONTACT = "contact"
MAX_CONTACT_CHARS = 90
WIRE_CONTACT = re.compile(r"\(\([^()]*(?:\+\d|@)[^()]*\)\)")
END_MARK = re.compile(r"#(?: ?#){2}|-30-|\(END\)|-?\s?ENDS?\s?-?|[-–—]\s?(?:ends?|END)\s?[-–—]|Enditem|ENDITEM")  # a release's end
END_MARK_START = frozenset("#-(E–—")  # ("Enditem" too)
# a line holding nothing but an email address or a telephone number
_CONTACT = r"(?:(?:e-?mail|tel|phone|t|m)\s?[:.]\s?)?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?=(?:\D*\d){9})\+?[\d() .-]{9,20})"
# one contact, or an email and a phone on one line ("ann.lee@example.com | +852 3916 4470")
CONTACT_ONLY = re.compile(rf"{_CONTACT}(?:\s*[|·•,;/]\s*{_CONTACT})?", re.IGNORECASE)
# a writer's name (and credential) before an email and a phone: a research note's analysts under its title
NAMED_CONTACT = re.compile(rf"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,3}})(?:,? [A-Z]{{2,5}})?\s+(?i:{_CONTACT}"
                           rf"(?:\s*[|·•,;/]\s*{_CONTACT})?)")
MAX_BUTTON_ROW = 6
# words no line of text or title ends with: the line goes on into the next ("… the US-China Truce Means for")
# (not "on", "in", "by", "up": a phrasal verb ends a headline, "Nexperia spat drags on"; a label, "Supported by")
DANGLING_WORDS = frozenset({"of", "the", "and", "for", "to", "a", "an", "from", "or"})
NAME_LIST_WORDS = frozenset({"and", "&", "in", "with", "from", "at", "for"})  # ("… for The Bund Brief")


def _menu(line: str) -> list[str]:
    """A site's menu on one line: four items or more of a few words each, set apart by wide spaces or pipes
    ("Home   About   Archive   Subscribe", "News | World | Business | Video")."""
    parts = [part for part in MENU_GAP.split(line) if part]
    items = [i for part in parts if (i := _unmarked(part))]  # ("☰ Menu", "Markets ▾"; "🔍" and "A- A A+" are
    # items with no name)
    enough = len(parts) >= MIN_MENU_ITEMS or (len(parts) == MIN_MENU_ITEMS - 1 and all(  # (or three of a site's
        i.lower() in cue_set("menu_items") for i in items))  # own pages: "Posts   Wiki   Rules")
    return items if enough and items and all(MENU_ITEM.fullmatch(i) for i in items) else []


def _menu_words(items: list[str]) -> bool:
    """Two of a menu's items or more are a site's own pages ("Sitemap", "Contact us", "English")."""
    own = cue_set("menu_items")
    return sum(1 for i in items if i.lower() in own) >= 2


def _unmarked(item: str) -> str:
    """A menu item without the symbols beside it (a menu's "☰", a drop-down's "▾", a search's "🔍"); a text
    size's buttons ("A-  A  A+") are none."""
    if item.isascii():
        return "" if TEXT_SIZES.fullmatch(item) else item
    return "".join(c for c in item if not (_is_ornament(c) or c in MENU_MARKS)).strip()


NAV: Final = "nav"
TEXT_SIZES = re.compile(r"(?:A[-+]?\s*)+")
MENU_MARKS = frozenset("\ufe0f\u200d≡☰⋮⋯")  # (a menu's "≡" is a maths sign, not an ornament; a breadcrumb's "›" stays)
# a page's date line or buttons under a long headline: never its wrapped end
OWN_LINE = re.compile(r"(?:(?:Last )?[Uu]pdated|Published|Posted|First published|Release date)\b|\["
                      r"|\d{1,2}:\d{2}\s")  # (a desk's or a feed's time opens an entry of its own: "07:02  *CHINA …")
MENU_EDGE_LINES = 6
MENU_GAP = re.compile(r"\s+\|\s+|\s{2,}|\t")  # (a pipe between wide spaces is one gap; a tab is one)
# an item: up to three words, each opening with a capital, no digit nor punctuation (a text table's row of
# figures, "Jan 2025   612   +3%", is no menu)
MENU_ITEM = re.compile(r"[^\W\d_][^\W\d_'’&-]*(?: [^\W\d_][^\W\d_'’&-]*){0,2}")
MIN_MENU_ITEMS = 4
MENU_ITEM_WORDS = 3


def _dangling(line: str) -> bool:
    """Does ``line`` end in a word no line ends with ("… Means for", "… Means For"; not "Plan A")?"""
    last = line.rsplit(" ", 1)[-1]
    return last in DANGLING_WORDS or (len(last) > 1 and last.lower() in DANGLING_WORDS)


def _credits(text: str) -> bool:
    """"Reporting by Dan Ortiz in Manila; Editing by Ruth Keller": credit phrases followed by names only
    (capitalised words), unlike "Reporting by state media suggested …"."""
    hits = cue_matcher("credit_lines", suffixes=()).find(text)
    if not hits or hits[0].start or text.rstrip(CLOSERS).endswith("?"):  # ("Reporter: And Pyongyang?" asks)
        return False
    rest, at = [], 0
    for hit in hits:
        rest.append(text[at:hit.start])
        at = hit.end
    rest.append(text[at:])
    # (a name's role after a comma reads in lower case: "Ann Lee, technology correspondent in Taipei")
    parts = [p for p in ROLE_PART.split(" ".join(rest)) if not _role_part(p)]
    words = NAME_WORDS.findall(" ".join(parts))
    return bool(words) and all(w[0].isupper() or w.lower() in NAME_LIST_WORDS for w in words)


ROLE_PART = re.compile(r"[,;]")
NAME_WORDS = re.compile(r"[^\W_][\w'’-]*")  # ("Mei-ling" is one word of a name)
MAX_ROLE_WORDS = 5


def _role_part(part: str) -> bool:
    """A writer's role: a few words ending in a role of data/cues.yml's ``byline_roles``, then perhaps where
    ("technology correspondent", "staff writer in Tokyo")."""
    role, _, where = part.strip().rstrip(".").partition(" in ")
    hits = cue_matcher("byline_roles").find(role) if word_count(role) <= MAX_ROLE_WORDS else []
    return bool(hits) and hits[-1].end == len(role) and (not where or where[:1].isupper())


def _opens_with_by(text: str) -> bool:
    """An advertisement's "Presented by Acme Bank …": a phrase of ``ad_labels`` ending in "by", then a name
    ("Sponsored by the state, the programme …" is a story's sentence)."""
    hit = _opening(text, "ad_labels")
    return hit is not None and hit.phrase.lower().endswith(" by") and text[hit.end:].lstrip()[:1].isupper()


def opens_with(text: str, cues: str, then: str = "") -> bool:
    """Does ``text`` open with a phrase of ``cues`` (followed by ``then``, when given)?"""
    hit = _opening(text, cues)
    return hit is not None and (not then or text[hit.end:].lstrip().startswith(then))


def _opening(text: str, cues: str) -> Match | None:
    """The phrase of ``cues`` that opens ``text``, if one does."""
    hit = cue_matcher(cues, suffixes=()).find(text[:60])
    return hit[0] if hit and hit[0].start == 0 else None


def _lists_opening(text: str) -> tuple[str, ...]:
    """The lists of data/cues.yml holding a phrase that opens with ``text``'s first word: looked up before
    any phrase is, since most paragraphs open with none of them."""
    first = FIRST_WORDS.search(text[:20].lower())  # (past an ellipsis or a quote: "…see more")
    return _openers().get(first.group(), ()) if first else ()


@cache
def _openers() -> dict[str, tuple[str, ...]]:
    """First word of a phrase → the lists of data/cues.yml with a phrase opening with it."""
    out: dict[str, tuple[str, ...]] = {}
    for cues in ("credit_lines", "caption_labels", "greetings", "link_labels", "buttons", "ad_labels",
                 "contact_labels", "correction_labels", "chart_titles", "share_targets", "wire_notes", "tag_labels",
                 "interview_notes"):
        for phrase in load_cues().get(cues, []):
            first = FIRST_WORDS.match(phrase.lower())
            if first and cues not in out.get(first.group(), ()):
                out[first.group()] = (*out.get(first.group(), ()), cues)
    return out


@cache
def cue_set(name: str, normed: bool = False) -> frozenset[str]:
    """A list of data/cues.yml as a set to look a whole line up in: in lower case, or letters and digits only."""
    return frozenset(_norm(p) if normed else p.lower() for p in load_cues().get(name, []))


PAGE_NUMBER = re.compile(r"(?:page\s+|p\.\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]", re.IGNORECASE)
MAX_HEADER_WORDS = 16
PAGE_MARK_CHARS = 20  # "Page 1234 of 1234" and its spaces: longer paragraphs are never one


def _drop_page_marks(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """Text copied from a PDF: page numbers ("Page 2 of 4", "- 3 -") and the running header or footer next
    to each (a short line without a full stop)."""
    marks = {i for i, b in enumerate(blocks)
             if b.kind == "p" and len(b.lines[0]) <= PAGE_MARK_CHARS and PAGE_NUMBER.fullmatch(b.lines[0])}
    if not marks:
        return blocks, []
    copies: dict[str, int] = {}  # how often each text occurs: a running header repeats, found in one pass
    for b in blocks:
        copies[b.text] = copies.get(b.text, 0) + 1
    beside = {j for i in marks for j in (i - 1, i + 1) if 0 < j < len(blocks) and j not in marks
              and blocks[j].kind in ("p", "h") and word_count(blocks[j].text) <= MAX_HEADER_WORDS
              and not ends_clause(blocks[j].text) and copies[blocks[j].text] > 1}
    # a header the pages repeat goes wherever a page number is beside it; a copy away from them (the title
    # page's) stays
    gone = marks | beside
    kept: list[Block] = []
    for i, b in enumerate(blocks):
        if i in gone:
            continue
        if kept and i - 1 in gone and _goes_on(kept[-1], b):  # a paragraph the page break cut: one again
            kept[-1] = Block("p", (f"{kept[-1].lines[0]} {b.lines[0]}",), kept[-1].line)
        else:
            kept.append(b)
    return kept, [Dropped(blocks[i].line, "page number" if i in marks else "running header", blocks[i].text)
                  for i in sorted(gone)]


def _goes_on(before: Block, after: Block) -> bool:
    """Does ``after`` go on with the sentence ``before`` leaves unfinished ("… between trade and technology" /
    "is already blurring")?"""
    return before.kind == after.kind == "p" and not ends_clause(before.lines[0]) and after.lines[0][:1].islower()


MAX_LINKS = 10  # titles a "Read Next" list holds at most
MAX_LINK_WORDS = 16
MAX_LINK_HEAD_WORDS = 6  # "More from this section"


def _drop_link_list(blocks: list[Block], dropped: list[Dropped]) -> tuple[list[Block], list[Dropped]]:
    """A "Read Next" line followed by nothing but short titles (or one list of them) to the end: links to
    other stories, not this one's text. The label may have been left out already ("Related coverage:")."""
    label = next((d.line for d in reversed(dropped) if d.reason == "links"
                  and word_count(d.text) <= MAX_LINK_HEAD_WORDS), None)
    if blocks and _signing_editor(blocks[-1]):  # "— Mina Cho, editor" under the list: the story's signature
        kept, links = _drop_link_list(blocks[:-1], dropped)
        return kept + blocks[-1:], links
    for start in range(max(0, len(blocks) - MAX_LINKS - 1), len(blocks)):
        head = blocks[start]
        if label is not None and (start == 0 or blocks[start - 1].line < label) and label < head.line \
                and _link_titles(blocks[start:]):
            return blocks[:start], [Dropped(b.line, "links", b.text) for b in blocks[start:]]
        if head.kind not in ("p", "h") or start == len(blocks) - 1:
            continue
        if "link_labels" in _lists_opening(head.lines[0]) and _link_head(head) and _link_titles(
                blocks[start + 1:], described=_norm(head.lines[0]) in cue_set("reading_labels", normed=True)):
            return blocks[:start], [Dropped(b.line, "links", b.text) for b in blocks[start:]]
    return _drop_inner_link_lists(blocks)


LINK_HEAD_CHARS = 60


def _drop_inner_link_lists(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """A links label over a list of short titles anywhere in the text ("Most Read from Bloomberg" / "- Apple
    Suppliers Shift Output …" near the top of a copied page): left out, label and list."""
    out: list[Block] = []
    dropped: list[Dropped] = []
    skip = 0
    for i, block in enumerate(blocks):
        if skip:
            skip -= 1
            continue
        if block.kind in ("p", "h") and i + 1 < len(blocks) and len(block.lines[0]) <= LINK_HEAD_CHARS \
                and "link_labels" in _lists_opening(block.lines[0]):  # (length first: cheap)
            listed = _titles_under(blocks, i)
            if listed and _link_head(block):
                dropped += [Dropped(b.line, "links", b.text) for b in (block, *listed)]
                skip = len(listed)
                continue
        out.append(block)
    return (out, dropped) if dropped else (blocks, [])


def _titles_under(blocks: list[Block], at: int) -> list[Block]:
    """The titles right under a links label: one list of them, or short lines with no blank line between
    ("Explore more on these topics" / "China" / "Taiwan")."""
    if blocks[at + 1].kind == "ul":
        return [blocks[at + 1]] if _link_titles([blocks[at + 1]]) else []
    titles, line = [], blocks[at].line
    for block in blocks[at + 1:at + 1 + MAX_LINKS]:
        if block.kind != "p" or block.line != line + 1 or not _link_titles([block]):
            break
        titles.append(block)
        line = block.line
    return titles


def _link_head(block: Block) -> bool:
    text = block.text
    return word_count(text) <= MAX_LINK_HEAD_WORDS and not text.rstrip(CLOSERS).endswith(".") \
        and opens_with(text, "link_labels")


def _signing_editor(block: Block) -> bool:
    """A closing dash line naming a writer and a role ("— Mina Cho, editor"): a list of one item."""
    if block.kind != "ul" or len(block.lines) != 1 or "," not in block.lines[0]:
        return False
    name, _, role = block.lines[0].partition(",")
    return 2 <= word_count(name) <= 4 and all(w[:1].isupper() for w in name.split()) and _role_part(role)


def _link_titles(blocks: list[Block], described: bool = False) -> bool:
    """Short titles only; or, under a reading list's label (``described``), one list of short one-sentence
    descriptions of what it recommends ("A CSIS report on Taiwan's energy.")."""
    titles = [line for b in blocks for line in b.lines]
    if described and not (len(blocks) == 1 and blocks[0].kind == "ul"):
        return False
    return len(titles) <= MAX_LINKS and all(word_count(t) <= MAX_LINK_WORDS and (
        not t.rstrip(CLOSERS).endswith(".") or (described and len(sentences(t)) == 1)) for t in titles)


NOTE = re.compile(r"\[\d{1,3}\]|\^?\d{1,3}[.)]?\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s?")  # "[1] …", "1. …", "^1 …", "¹ …"
MAX_NOTES = 60
REFERENCE_LABEL_CHARS = 14


def _drop_references(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """A "References" (or "Notes", "Sources") heading followed by numbered notes only, to the end: the
    footnotes of the text's "[1]" marks, not its prose (listed with what cleaning left out)."""
    for start in range(max(0, len(blocks) - MAX_NOTES - 1), len(blocks) - 1):
        head = blocks[start]
        if head.kind in ("p", "h") and len(head.lines[0]) <= REFERENCE_LABEL_CHARS \
                and head.lines[0].rstrip(":").strip().lower() in cue_set("reference_labels") \
                and all(b.kind == "ul" or all(NOTE.match(line) for line in b.lines) for b in blocks[start + 1:]):
            return blocks[:start], [Dropped(b.line, "references", b.text) for b in blocks[start:]]
    return blocks, []




def _drop_disclaimers(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """What a press release or a research note closes with besides its text: a "Forward-Looking Statements"
    or "Analyst certification" heading (data/cues.yml's ``disclaimer_labels``) with its paragraphs, and an
    "About Acme Rare Earths Ltd" heading over the paragraph that opens with the company's name (its standard
    description), each up to the next heading. Never the opening's: the text comes first."""
    labels = cue_set("disclaimer_labels")
    start = max(MIN_TEXT_BEFORE_DISCLAIMER, len(blocks) - MAX_CLOSING_BLOCKS)  # (they close the text)
    first = next((n for n in range(start, len(blocks)) if blocks[n].lines[0][:6] == "About "
                  or (len(blocks[n].lines[0]) < LABEL_HEADING_CHARS and blocks[n].lines[0].rstrip(": ").lower() in labels)),
                 None)
    if first is None:
        return blocks, []
    kept: list[Block] = blocks[:first]
    dropped: list[Dropped] = []
    reason = None
    for n, block in enumerate(blocks[first:], first):
        short = block.kind in ("p", "h") and len(block.lines) == 1 and block.text.count(" ") < MAX_LABEL_HEADING_WORDS \
            and (not ends_clause(block.text) or block.text[:6] == "About ")  # ("About Acme Corp.")
        if short and n >= MIN_TEXT_BEFORE_DISCLAIMER:
            reason = _disclaimer(block.text, blocks[n + 1] if n + 1 < len(blocks) else None)
        elif short:
            reason = None
        if reason:
            dropped.append(Dropped(block.line, reason, block.text))
        else:
            kept.append(block)
    return kept, dropped


MAX_LABEL_HEADING_WORDS = 10
LABEL_HEADING_CHARS = 90
MAX_CLOSING_BLOCKS = 16  # legal text and a company's description sit among the last paragraphs
MIN_TEXT_BEFORE_DISCLAIMER = 3
ABOUT = re.compile(r"About (?!the\b|our\b|this\b|us\b)([A-Z][\w&.,'’-]*(?: [\w&.,'’()-]+){0,8})")


def _drop_comments(blocks: list[Block], dropped: list[Dropped]) -> tuple[list[Block], list[Dropped]]:
    """Readers' comments pasted with a post: everything after a left-out "12 Comments" line that follows the
    post's text (the same count over the text, among its shares and likes, opens nothing)."""
    if len(blocks) <= MIN_TEXT_BEFORE_COMMENTS:
        return blocks, []
    after = blocks[MIN_TEXT_BEFORE_COMMENTS].line  # (a few paragraphs of the post come first)
    count = next((d.line for d in dropped if d.line > after and d.reason == "engagement"
                  and COMMENT_COUNT.fullmatch(d.text)), None)
    if count is None:
        return blocks, []
    return ([b for b in blocks if b.line < count],
            [Dropped(b.line, "comments", b.text) for b in blocks if b.line > count])


MIN_TEXT_BEFORE_COMMENTS = 3
COMMENT_COUNT = re.compile(r"\d{1,5}\s+(?:comments?|responses?|replies)|(?:comments?|responses?) \(\d{1,5}\)", re.IGNORECASE)


def _disclaimer(heading: str, after: Block | None) -> str | None:
    """Why a heading opens text to leave out ("disclaimer", "about the issuer"), or None."""
    label = heading.rstrip(":").strip().lower()
    if label in cue_set("disclaimer_labels"):
        return "disclaimer"
    about = ABOUT.fullmatch(heading.rstrip(":").strip()) if heading[:6] == "About " else None
    if about and after is not None and after.kind == "p" and after.text.startswith(about.group(1).split()[0]) \
            and after.text.count(" ") >= MIN_TEXT_BEFORE_DISCLAIMER:
        return "about the issuer"
    return None


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
    # a teaser is a few paragraphs; the bound keeps a text pasted a thousand times linear to read
    while cut > 1 and len(units) - cut < MAX_TEASER_UNITS and _repeats(texts[cut - 1], texts[: cut - 1]):
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


CONTENTS_WITHIN = 12  # blocks from the top where a table of contents may start
MAX_CONTENTS_WORDS = 14
MAX_CONTENTS_LABEL_WORDS = 6
ENTRY_NUMBER = re.compile(r"(?:#?\d{1,2}[.):]?|[A-Z][.)])\s+")  # "1. ", "2) ", "#3 ", "A. "


def _drop_contents(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """A table of contents near the top: two short lines or more (paragraphs in a row, or a list's items),
    each the same words as a heading further down ("In this issue: 1. Taiwan's budget / 2. Chip exports"
    over the stories so headed), with the short label over it ("In this issue:"). It repeats the headings:
    left out, so the stories' own headings cut the text."""
    headings: dict[str, int] = {}  # a short line's words -> the last block holding them: read once, if asked
    lines = ""  # every paragraph's line, for a cheap first test: each entry's text must come twice at least
    short: list[bool] = []  # is block n a short line (no clause's end)? asked once each, as far as needed
    for start in range(min(CONTENTS_WITHIN, len(blocks) - 1)):
        if blocks[start].kind == "p" and (len(blocks[start].lines[0]) > CONTENTS_ENTRY_CHARS
                                          or len(blocks[start + 1].lines[0]) > CONTENTS_ENTRY_CHARS):
            continue  # (most paragraphs: too long to be an entry, told without counting words)
        entries, end = _entries(blocks, start, short)
        if len(entries) < 2:
            continue
        lines = lines or "\n".join(b.lines[0] for b in blocks if b.kind in ("p", "h"))
        if not all(lines.count(_unnumbered(e)[:CONTENTS_PROBE]) >= 2 for e in entries):
            continue
        if not headings:
            headings = {_entry_key(b.lines[0]): i for i, b in enumerate(blocks)
                        if b.kind in ("p", "h") and word_count(b.lines[0]) <= MAX_CONTENTS_WORDS}
        if not all(headings.get(_entry_key(e), -1) >= end for e in entries):
            continue
        label = blocks[start - 1] if start else None
        if label is not None and label.kind in ("p", "h") and word_count(label.text) <= MAX_CONTENTS_LABEL_WORDS \
                and (label.text.endswith(":") or opens_with(label.text, "contents_labels")):
            start -= 1
        return blocks[:start] + blocks[end:], [Dropped(b.line, "contents", b.text) for b in blocks[start:end]]
    return blocks, []


def _entries(blocks: list[Block], start: int, short: list[bool]) -> tuple[list[str], int]:
    """The short lines from ``start`` on (a list's items, or one-line paragraphs in a row), and where they end."""
    if blocks[start].kind == "ul":
        items = blocks[start].lines
        fits = all(word_count(i) <= MAX_CONTENTS_WORDS for i in items)
        return (list(items) if fits else []), start + 1
    end = start
    while end < len(blocks) and end - start <= MAX_CONTENTS_ENTRIES:  # (a longer run lists no contents: a
        while len(short) <= end:  # hundred thousand short lines would be keyed again from each start)
            b = blocks[len(short)]
            short.append(b.kind == "p" and word_count(b.lines[0]) <= MAX_CONTENTS_WORDS and not ends_clause(b.lines[0]))
        if not short[end]:
            break
        end += 1
    if end - start < 2:
        return [], end
    entries: list[str] = []
    keys: set[str] = set()
    for n in range(start, end):  # until the first heading the contents list again
        key = _entry_key(blocks[n].lines[0])
        if key in keys:
            return entries, n
        entries.append(blocks[n].lines[0])
        keys.add(key)
    return (entries if len(entries) <= MAX_CONTENTS_ENTRIES else []), end


CONTENTS_PROBE = 12
MAX_CONTENTS_ENTRIES = 40
CONTENTS_ENTRY_CHARS = 120


def _unnumbered(text: str) -> str:
    m = ENTRY_NUMBER.match(text) if text[:1].isdigit() or text[:1] == "#" or text[1:2] in ".)" else None
    return text[m.end():] if m else text


def _entry_key(text: str) -> str:
    return _norm(_unnumbered(text))
