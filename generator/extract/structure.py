"""The shape of a seed: masthead (source, date, headline) and the stories it holds.

Headings are recognised by shape — a short line without closing punctuation, followed by text — so a
newsletter's story titles and a "What you missed" block with sub-headings become sections.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from generator.clean import (BREADCRUMB, CONTACT, CREDITS, EMAIL, EMAIL_SIGNATURE, EMPHASIS_MARKS, NAMED_CONTACT,
                             ROLE_AND_ORGANISATION, SIGNED_ROLE, cue_set, is_buttons, is_greeting, opens_with)
from generator.config import URL_RE, cue_matcher, load_cues
from generator.extract.dates import find_dates, full_date
from generator.extract.entities import (listed, listed_spans, not_names, title_cased, title_words, whole_name,
                                        whole_names)
from generator.extract.topics import name_topics
from generator.model import Block, Dropped, Section
from generator.text import DATELINE, PhraseMatcher, ends_clause, sentences, slugify, unique, word_count

HEADING_MAX_WORDS = 16
DEK_MIN_WORDS = 8  # a shorter line under the headline, followed by text, is a sub-heading
HEADING_MAX_CHARS = 130
HEADLINE_SCALE = 1.5  # a headline at the top: up to 24 words ("Exports jump as …; magnet shipments hit record")
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
# "By Jane Roe", "By Jane Roe | March 4, 2026", "By Ann Lee, Bo Park and Jane Roe" (a list ends with "and")
BYLINE = re.compile(rf"^(?:By:?|BY:?|Written by|Posted by|Reviewed by|Curated by|Words by|Story by|Authors?:)\s+(?P<name>{_NAME}(?:(?:\s*,\s*{_NAME})*\s+(?:and|&)\s+{_NAME})?)"
                    r"(?:\s*[\[(][^\[\]()@\s]+@[^\[\]()\s]+[\])])?(?:\s+on\s+\S.*|\s*[,|/–—·•-].*)?$")
# ("BY KIM MIN-JI [kim@…]", "Posted by Ann Lee-Park on April 14, 2026")
# a speech's speaker on a line of their own: "Remarks by the Hon. Teresita M. Valdehueza"
SPOKEN_BY = re.compile(rf"(?:Remarks|Speech|Address|Keynote address|Keynote|Statement) by(?: the)?(?: (?:Hon\.|"
                       rf"Honourable|Honorable|Rt\. Hon\.|H\.E\.|His Excellency|Her Excellency))?\s+(?P<name>{_NAME})")
SIGNATURE_TITLE = re.compile(
    r"\b(?:Head|Director|Editor|Analyst|Chief|Founder|Correspondent|Reporter|Research|Fellow|Partner|"
    r"Senior|Managing|Principal|Lead|Manager|Economist|Strategist|President|Professor|Writer)\b")
PIPE = re.compile(r"\s+\|\s+")
# "By Nikkei staff writers", "By the Harbour Times newsroom": a publisher's byline
BYLINE_ORG = re.compile(r"By\s+(?:the\s+)?(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+(?:staff(?:\s+"
                        r"(?:writers?|reporters?))?|reporters|correspondents|writers|team|desk|newsroom|"
                        r"editorial board)\.?$")
REPORT_OF = re.compile(r"An? (?:(?:special|policy|research|working|discussion|briefing) )?(?:report|paper|study|brief)"
                       r" (?:of|by|from) (?:the )?(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:of|for|on|and|&|[A-Z][\w&.'’-]*)){0,7})\.?")
BYLINE_IN = re.compile(rf"(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?)\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}")
BYLINE_PARTS = re.compile(r"\s+[·|•—–-]\s+")
NUMBERED = re.compile(r"\d{1,2}[.)]\s+(?=\S)")  # "2. Will the truce last?": a numbered story's title may ask
STORY_START = re.compile(r"\s*[\"“‘'(]?[A-Z0-9]")  # what follows a dateline: the story's first word


@dataclass(frozen=True)
class Masthead:
    title: str | None
    source: str | None
    author: str | None
    date: dt.date | None
    story_titles: tuple[str, ...]
    consumed: int  # leading blocks that were masthead, not text
    dek: Block | None = None  # the line under the headline that sums the story up: kept as its first paragraph
    agency: str | None = None  # a byline naming a publisher, not a person ("By Reuters"): a source
    url: str | None = None  # the original's address, pasted on a line of its own above the headline


POINTERS = frozenset("👇⬇↓⤵🧵👉➡")


def is_heading(block: Block, allow_question: bool = False, headline: bool = False) -> bool:
    """A short line without closing punctuation; a masthead headline may list stories between pipes.
    A Markdown heading ("# …") always is one."""
    if block.kind == "h":
        return True
    if block.kind != "p":
        return False
    text = block.lines[0]  # a paragraph is one line, single-spaced: its spaces count its words
    scale = (3 if "|" in text else HEADLINE_SCALE) if headline else 1  # (a headline may run longer)
    if not text or len(text) > HEADING_MAX_CHARS * scale or text.count(" ") >= HEADING_MAX_WORDS * scale:
        return False
    if text.rstrip(" \ufe0f")[-1:] in POINTERS:
        return False  # "Three things stand out 👇": a lead-in to what follows, as if it ended in a colon
    if ends_clause(text) and not ((allow_question or NUMBERED.match(text)) and text.rstrip("\"”’')").endswith("?")) \
            and not (headline and text[-1] == "." and text[-2:-1].isalpha() and title_cased(text)):
        return False  # (a headline in title case may end with a full stop: "China Retaliates Against New Curbs.")
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'" or _bracketed_rubric(text)
            or wire_mark(text)):
        return False
    if _commas(text) >= 2 or "://" in text or _only_date(text) or byline(text) or byline_source(text) \
            or (len(sentences(NUMBERED.sub("", text, 1))) > 1 and not (headline and not ends_clause(text))) \
            or DATELINE.match(text) or (text[:1] in "FTCG" and FIGURE_CAPTION.match(text)):
        return False  # (a heading holds no web address, nor a sentence's end past its number (a headline may:
        # "Are export controls working? A scorecard"), nor a dateline; "Figure 1: …" is a caption)
    return any(c.isalpha() for c in text)


FIGURE_CAPTION = re.compile(r"(?:Figure|Fig\.|Table|Chart|Graph|Graphic)\s+\d{1,3}[a-z]?\s*[:.—–-]\s")


def _commas(text: str) -> int:
    """Commas outside dates and the one before each: a heading's "…, Singapore, 31 May 2026" holds one, a
    list of things two."""
    n = text.count(",")
    if n >= 2:
        for d in find_dates(text):
            n -= text.count(",", d.start, d.end) + text[:d.start].rstrip().endswith(",")
    return n


def byline(text: str) -> str | None:
    """The author(s) a byline names: "By Jane Roe…", "March 6, 2026 · By Jane Roe", or "JANE ROE, staff
    writer" (a name, a comma and a role of data/cues.yml; a name in capitals is written as a name). Markdown
    emphasis around its parts ("**March 6, 2026** · *By Jane Roe*") is no part of it."""
    if "*" in text or "_" in text:
        text = EMPHASIS_MARKS.sub("", text)
    if " in " in text and text[:3] == "By ":  # "By Tran Minh Chau in Hanoi and Oliver Grant in Singapore"
        text = WHERE_FILED.sub("", text)
    m = SPOKEN_BY.fullmatch(text) if text[:1] in "RSAK" and " by " in text[:24] else None
    if m and not any(w.lower() in title_words() for w in m.group("name").split()):  # ("by the Press Secretary")
        return m.group("name")
    m = BYLINE.match(text)
    if m:
        first = m.group("name").split()[0].capitalize()
        if first in not_names() or _publisher(m.group("name")) or _firm(m.group("name")):
            return None  # ("BY THE NUMBERS" is a heading; "By CallScribe Transcripts" a firm's)
        return _as_name(m.group("name"))
    parts = BYLINE_PARTS.split(text, maxsplit=3) if "By " in text else ()
    if len(parts) > 1:  # a date first, the byline after it
        named = [m for m in map(BYLINE.fullmatch, parts) if m]
        if len(named) == 1 and all(BYLINE.fullmatch(p) or _only_date(p) for p in parts):
            return _as_name(named[0].group("name"))
    if " | " in text or " · " in text:  # "Ian Lee, Senior Analyst | March 12, 2026": the date apart
        parts = BYLINE_PARTS.split(text, maxsplit=3)
        signed = [p for p in parts if not _only_date(p, 0)]
        if len(signed) == 1 and len(parts) > 1:
            text = signed[0]
    name, comma, role = text.partition(",")
    if not comma or word_count(text) > 10 or not re.fullmatch(_NAME, name.strip()) or word_count(name) < 2:
        return None
    roles = cue_matcher("byline_roles").find(role) or cue_matcher("bio_roles").find(role)  # ("Senior Analyst")
    if not roles or roles[-1].end != len(role.rstrip(" .")):
        return None
    return _as_name(name.strip())


BYLINE_PARTS_AFTER = re.compile(r"\s*[|·•,]\s*")
WHERE_FILED = re.compile(r" in [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}(?= and | & |, |$)")


def _as_name(name: str) -> str:
    """A name as a name is written: "JANE ROE and BO PARK" is "Jane Roe and Bo Park"."""
    words = name.split(" ")
    if not all(w.isupper() for w in words if w not in ("and", "&")):
        return name
    return " ".join(w if w in ("and", "&") else w.title() for w in words)


def byline_source(text: str) -> str | None:
    """The publisher a byline names instead of a person: "By Reuters", "By Nikkei staff writers"; or the
    body that issues a report ("A report of the Northbridge Institute")."""
    if text[:3] != "By ":
        m = REPORT_OF.fullmatch(text) if text[:1] == "A" else None
        if m:
            return m.group("org")
        # "Kenji Sato, Nikkei staff writer": the publisher before the writer's role
        name, comma, role = text.partition(",")
        found = cue_matcher("known_sources").find(role) if comma and role.count(" ") <= MAX_ROLE_WORDS else None
        return found[0].phrase if found and found[0].start <= 1 and byline(text) else None
    m = BYLINE_ORG.match(text)
    if m:
        return m.group("org")
    m = BYLINE.match(text)
    if m and (_publisher(m.group("name")) or _firm(m.group("name"))):
        return m.group("name")
    if not m:
        return None
    # "By Kenneth Lau and Sophie Tan, Harbour Daily News", "By Ann Lee | Global Supply Review | April 19, 2026"
    return next((p for p in BYLINE_PARTS_AFTER.split(text[m.end("name"):]) if p and _firm(p)), None)


def _story_heading(block: Block) -> bool:
    """A story's heading rather than a headline's dek: numbered, or shorter than a dek."""
    return bool(NUMBERED.match(block.text)) or word_count(block.text) < DEK_MIN_WORDS


def _bare_name(text: str) -> bool:
    """A person's name alone: two or three capitalised words, none a word that never ends or starts a name
    (data/cues.yml ``not_names``) and none a listed place or organisation ("Taiwan Votes" is a headline)."""
    words = text.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                         for w in words)
            and not any(w in not_names() for w in words) and not listed(text))


def _bare_names(text: str) -> bool:
    """Two people's names or more alone: "Daniel R. Whitcombe and Hana Sato", "Ann Lee, Bo Park & Cy Diaz"."""
    names = author_names(without_marks(text))
    return len(names) > 1 and (" and " in text or " & " in text) and all(_bare_name(n.replace(".", "")) for n in names)


def without_marks(text: str) -> str:
    """A line of names without the marks sending each to an affiliation ("Ann Lee¹, Bo Park²*")."""
    if text.isascii() and "*" not in text:  # (the marks are not ASCII, but for "*")
        return text
    return AFFILIATION_MARKS.sub("", text)


AFFILIATION_MARKS = re.compile(r"(?<=\w)[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]+(?:\s+[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*")


MAX_ROLE_WORDS = 6
MAX_ORG_WORDS = 8  # ("Ministry of Industry and Information Technology")
MAX_BYLINE_WORDS = 24
KICKER_WORDS = 4


def _role(text: str) -> bool:
    """A line that is only a writer's role ("Seoul correspondent", "Senior Analyst, Asia Trade Desk"), or
    roles between pipes (a profile's "Senior Analyst, Korea Desk | Former ministry researcher")."""
    if " | " in text:
        return all(_role(part) for part in PIPE.split(text))
    words = word_count(text)
    return words <= MAX_OFFICE_WORDS and not ends_clause(text.rstrip(".")) and bool(  # (cheap tests first)
        (words <= MAX_ROLE_WORDS and (cue_matcher("byline_roles").find(text) or cue_matcher("bio_roles").find(text)))
        or _office(text))


MAX_OFFICE_WORDS = 12


def _office(text: str) -> bool:
    """An office held, opening with its title: "Secretary of National Defense, Republic of the Philippines"."""
    hit = cue_matcher("name_titles", suffixes=()).find(text[:40])
    return bool(hit) and hit[0].start == 0 and (hit[0].end == len(text)
                                                 or text.startswith((" of ", " for ", ", "), hit[0].end))


def _publisher(name: str) -> bool:
    """A name of data/cues.yml's ``known_sources`` (a news agency or outlet), whole."""
    found = cue_matcher("known_sources").find(name)
    return bool(found) and found[0].start == 0 and found[0].end == len(name)


def _site_name(block: Block, dropped: tuple[Dropped, ...]) -> str | None:
    """The site's name on the line over its breadcrumb ("Harbour Daily | Opinion" / "Home › Opinion"), without
    the section after it: the source, never the headline."""
    if block.kind != "p" or word_count(block.text) > MAX_SITE_WORDS or ends_clause(block.text):
        return None
    if not any(d.reason == BREADCRUMB and 0 < d.line - block.line <= SITE_NAME_LINES for d in dropped):
        return None  # (its motto may come between: "VeriLine Asia" / "Independent. Nonpartisan." / "Home › …")
    name = re.split(r"\s+[|·•–—]\s+", block.text)[0].strip()
    return (_as_title(name) if name.isupper() else name) or None


MAX_SITE_WORDS = 10
MAX_PROFILE_WORDS = 30
FORUM_NAME = re.compile(r"r/\w{2,21}")
SELF_POST = re.compile(r"\s*\(self\.\w{2,21}\)")
MAX_POST_TITLE_WORDS = 50
SITE_NAME_LINES = 3


def _edition_banner(text: str) -> bool:
    """An edition's line: its number and its date ("Week in Review — Issue No. 87 · Friday, 13 March 2026")."""
    return word_count(text) <= MAX_BANNER_WORDS and bool(ISSUE_NUMBER.search(text)) and full_date(text) is not None


MAX_BANNER_WORDS = 14


def _edition_and_byline(text: str) -> tuple[dt.date, str] | None:
    """An edition's number, its date and its writers on one line, between dots or pipes."""
    parts = DATE_LINE_PARTS.split(text) if "By " in text and ISSUE_NUMBER.search(text[:20]) else ()
    if len(parts) != 3 or not ISSUE_NUMBER.search(parts[0]) or (on := full_date(parts[1])) is None:
        return None
    writers = byline(WHERE.sub("", parts[2]))
    return (on, writers) if writers else None


WHERE = re.compile(r"\s*\([A-Z][\w .'’-]{1,30}\)")  # "(Singapore)" after a writer's name


def _section_path(text: str) -> bool:
    """A publication's section under its name: "Books & Ideas / Reviews", "Working Paper Series"."""
    return word_count(text) <= MAX_SECTION_WORDS and not ends_clause(text) and (
        " / " in text or "｜" in text or text.rsplit(" ", 1)[-1] in SECTION_ENDINGS)  # ("経済・産業 ｜ 資源")


MAX_SECTION_WORDS = 6
SECTION_ENDINGS = frozenset({"Series", "Reviews", "Desk", "Section", "Papers", "Briefs"})


def _institution(name: str) -> bool:
    """A public body's name by its shape: "Ministry of Commerce and Economic Security", "Bureau of Strategic
    Trade Control" (a word of data/cues.yml's ``institutions``, then "of" and capitalised words)."""
    words = name.removeprefix("The ").replace("(", "").replace(")", "").split()  # ("…, R.O.C. (Taiwan)")
    return 2 < len(words) <= MAX_ORG_WORDS and words[0].lower() in cue_set("institutions") \
        and words[1] == "of" and all(w[:1].isupper() or w in SMALL_WORDS for w in words[2:])


def _firm(name: str) -> bool:
    """A research house's or publisher's name: a few capitalised words ending like one ("Harbourline
    Securities", "Eurasia Group"), a listed organisation or a known outlet."""
    words = name.split()
    return (0 < len(words) <= MAX_FIRM_WORDS and all(w[:1].isupper() or w in SMALL_WORDS for w in words)
            and (words[-1] in _firm_endings() or _publisher(name) or whole_name(name) == "organizations"))


@lru_cache(maxsize=1)
def _firm_endings() -> frozenset[str]:
    return frozenset(load_cues().get("firm_endings", []))


MAX_FIRM_WORDS = 5


def _only_date(text: str, other_words: int = 2) -> bool:
    """A line holding a date and little else (``other_words`` at most besides a date line's own words):
    "Published June 2, 2026 | 7 min read", "Issue 14 — 2 March", or a time with the words of a date line
    only: "Updated 14:32 GMT"."""
    dates = find_dates(text)
    if not dates:  # a time, an age or a date whose order is unknown (03/05/2026), with a date line's words only
        return bool(UNDATED.search(text)) and all(w in cue_set("date_line_words") for w in re.sub(
            r"[\W\d_]+", " ", UNDATED.sub(" ", text)).lower().split())
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end:]
    others = [w for w in re.sub(r"[\W\d_]+", " ", rest).lower().split() if w not in cue_set("date_line_words")]
    return len(others) <= other_words


def masthead(blocks: tuple[Block, ...], dropped: tuple[Dropped, ...]) -> Masthead:
    """Read source, date, byline and headline from the top of the seed (at most six blocks).

    A short name line followed (past any dateline or byline) by a headline is the source; the headline is
    the first heading-shaped line, and a line under it that sums the story up its dek. A label in capitals
    over the headline ("ANALYSIS"), datelines and bylines around them are consumed too.
    """
    date = next((full_date(d.text) for d in dropped if d.reason in ("banner", EMAIL) and full_date(d.text)), None)
    top = blocks[:6]
    kinds = [_top_kind(b) for b in top]
    site = _site_name(top[0], dropped) if top else None
    # the breadcrumb's line: above it, the site's name and sections; under it, the headline
    crumb = next((d.line for d in dropped if d.reason == BREADCRUMB), 0) if site else 0
    source = author = title = dek = agency = url = None
    stories: tuple[str, ...] = ()
    consumed = 0
    role_line = False
    summary: Block | None = None
    for i, (block, kind) in enumerate(zip(top, kinds)):
        rest = [k for k in kinds[i + 1:] if k not in ("date", "byline", "url")]
        if role_line:  # (read with the name over it)
            role_line = False
            consumed = i + 1
            continue
        if title is not None and kind not in ("date", "byline") and i + 1 < len(top) and _fact_box(top[i:i + 2]):
            break  # "Classification: PUBLIC" / "Date: March 7, 2026" / …: a fact box opens the text (a page's
            # "Published: 8:00pm, 5 Mar 2026" / "Updated: …" are its date lines)
        if source is not None and title is None and kind in ("kicker", "heading") and block.text.isupper() \
                and word_count(block.text) <= KICKER_WORDS and not _is_label(block.text, cue_matcher("rubric_labels")) \
                and whole_name(_as_title(block.text)) != "organizations" \
                and not (crumb and rest[:1] == ["heading"]):  # ("U.S. DEPARTMENT OF COMMERCE"; a site's show,
            # "ASIA TONIGHT", over its headline)
            break  # under a newsletter's masthead, a label in capitals heads its first story ("JAPAN")
        if kind == "kicker" and ((rest[:1] not in (["heading"], ["kicker"]) and is_heading(block, True, True))
                                 or (kinds[i + 1:i + 2] == ["date"] and _edition_line(block.text, top[i + 1].text))
                                 or (source is None and title is None and rest[:1] == ["heading"]
                                     and _names_a_newsletter(block.text))):
            kind = "heading"  # a headline in capitals over the text ("CHINA BANS GALLIUM EXPORTS"), or a
            # newsletter's name over its issue's date line ("THE STRAIT WEEKLY / Issue 112 · 6 March") or over
            # the headline ("THE PACIFIC LEDGER"), not a label
        if i == 0 and site:
            source = site  # "Straits Security Conference 2025 | Transcripts & Speeches" over its breadcrumb
        elif block.line < crumb and kind in ("heading", "kicker") and title is None:
            pass  # the site's section between its name and its breadcrumb ("Written questions, answers and …")
        elif kind == "text" and title is None and block.text[:4] in ("The ", "Abou") and is_author_bio(block, []):
            pass  # "*The author is a senior fellow at …*" over an opinion's headline: about its writer
        elif i == 0 and block.text[:2] == "r/" and FORUM_NAME.fullmatch(block.text):
            source = block.text  # a forum's name over its thread: "r/SupplyChainWatch"
        elif i == 1 and title is None and source == top[0].text and FORUM_NAME.fullmatch(source) \
                and block.kind == "p" and word_count(block.text) <= MAX_POST_TITLE_WORDS:
            mark = SELF_POST.search(block.text)  # the thread's post, however it is shaped (a question, two
            title = block.text[:mark.start()] if mark else block.text  # sentences), up to "(self.Name)"
            stories = (title,)
        elif kind == "url":
            url = url or block.text
        elif kind == "date":
            date = date or full_date(block.text)
        elif kind == "byline":
            author = author or byline(block.text)
            agency = agency or byline_source(block.text)
            date = date or full_date(block.text)
        elif kind in ("heading", "kicker") and title is None and source is not None and rest[:1] == ["heading"] \
                and (_institution(_as_title(block.text)) or whole_name(_as_title(block.text)) == "organizations"):
            pass  # "Bureau of Strategic Trade Control" under its ministry, "U.S. DEPARTMENT OF COMMERCE" under its
            # bureau: the body that issued the page and the one it is part of
        elif kind == "heading" and title is None and source is not None and _edition_banner(block.text):
            date = date or full_date(block.text)  # its edition's number and date
        elif kind == "heading" and title is None and (parts := _edition_and_byline(block.text)):
            date, author = date or parts[0], author or parts[1]  # "Issue #212 · Tuesday, November 4, 2025 · By
            # Hana Lindqvist (Singapore) and Joon-ho Park (Seoul)": no headline
        elif kind == "heading" and title is None and source is not None and not ISSUE_HEADLINE.match(block.text) and (
                NUMBERED.match(block.text) or (rest[:2] == ["heading", "text"] and _story_heading(
                    next(b for b, k in zip(top[i + 1:], kinds[i + 1:]) if k == "heading")))):
            break  # under a newsletter's masthead, a heading over a story's heading groups stories, and a
            # numbered heading is its first story's: no headline
        elif kind == "heading" and title is None and source is None and i + 2 < len(top) and kinds[i + 2] == "heading" \
                and REPORT_NUMBER.fullmatch(top[i + 1].text) and word_count(block.text) <= MAX_ORG_WORDS * 2:
            source, role_line = _as_title(NAME_AND_LABEL.split(block.text)[0]), True  # "REEF WATCH ASIA — …" over
            # "Incident Report No. RWA-2026-031" over the headline: the issuer, then the report's number
        elif kind == "heading" and title is None and " | " in block.text and block.text.count(" ") < RUBRIC_LINE_WORDS \
                and _rubric_and_places(block.text):
            pass  # "ARTS & CULTURE | Shanghai": the paper's section and where, over the headline
        elif kind == "heading" and title is None and REPORT_NUMBER.fullmatch(block.text):
            pass  # "Incident Report No. RWA-2026-031" over the headline, a release's "No. 112-2026": a number
        elif kind == "heading" and title is None and rest[:1] == ["heading"] and (m := SERIES_NUMBER.fullmatch(block.text)):
            source = source or _as_title(m.group("series"))  # "NORTHSTAR IMAGERY BRIEFS · No. 2025-19" over the
            # headline: the series and the number in it
        elif kind == "heading" and title is None and source is None and rest[:1] == ["heading"] \
                and STATE.fullmatch(block.text):
            pass  # "Republic of the Philippines" over "Department of Foreign Affairs": the state of the issuer
        elif kind in ("heading", "text") and title is None and source is not None and i and _motto(block):
            date = date or full_date(block.text)  # ("Your Friday read … — Issue 87 — March 20, 2026")
            # "Your weekly guide to Asian geopolitics", "supply chains, sanctions, and the stuff in between"
            # under the newsletter's name: its motto, no headline
        elif kind == "kicker" and title is None and source is None \
                and (whole_name(_as_title(block.text).removeprefix("The ")) == "organizations"
                     or _institution(_as_title(block.text))):
            source = _as_title(block.text)  # "THE WHITE HOUSE", "MINISTRY OF …" over its page: the issuer
        elif kind == "kicker" and i == 0 and title is None and source is None and " " in block.text \
                and i + 1 < len(top) and ((kinds[i + 1] == "heading" and (_section_path(top[i + 1].text)
                                                                          or _edition_banner(top[i + 1].text)))
                                          or (kinds[i + 1] == "kicker"
                                              and _is_label(top[i + 1].text, cue_matcher("rubric_labels")))):
            source = _as_title(block.text)  # "THE QUARTERLY LANTERN" over "Books & Ideas / Reviews", "THE
            # INDO-PACIFIC MINUTE" over "Week in Review — Issue No. 87 · Friday, 13 March 2026", "THE TIDEWATER
            # REVIEW" over "LONG READ": the publication
        elif kind == "heading" and title is None and source is not None and not (crumb and block.line > crumb) and ((
                block.text.count(" ") < SECTION_NAME_WORDS and i + 1 < len(top) and kinds[i + 1] == "heading"
                and top[i + 1].text.count(" ") >= SECTION_NAME_WORDS + 2 and not NUMBERED.match(block.text))
                or (i == 1 and _section_path(block.text))):
            pass  # "Briefing Room" / "Statements & Releases" under the issuer's name: the site's sections
        elif title is None and (kind == "kicker" or (kind == "heading" and (rest[:1] == ["heading"] or source is None) and (
                _is_label(block.text, cue_matcher("series_labels")) or _is_label(block.text, cue_matcher("rubric_labels"))))):
            pass  # a section's label over the headline ("ANALYSIS", "Today's links", "Analysis"): neither source
            # nor title
        elif kind == "heading" and title is None and source is None and (rest[:1] in (["heading"], ["kicker"]) or (
                rest[:1] == ["text"] and i + 1 < len(top) and _foreign_script(top[i + 1].text))) \
                and word_count(block.text) <= MAX_ORG_WORDS and (whole_name(_as_title(block.text)) == "organizations"
                                                                 or _institution(_as_title(block.text))):
            source = _as_title(block.text)  # "Ministry of Economy, Trade and Industry" over a release's headline:
            # its issuer
        elif kind == "heading" and (source is not None or title is not None) and author is None \
                and kinds[i + 1:i + 2] == ["date"] and word_count(block.text) <= 3 and _bare_name(block.text):
            author = block.text  # a newsletter's name, (its issue's headline,) its writer's, then the date:
            # "Sinocism / Bill Bishop / …"; or a post's headline, (its subtitle,) "Owen Liao" / "Mar 12, 2026"
        elif kind in ("heading", "text") and title is not None and author is None and i and kinds[i - 1] == "heading" \
                and _bare_names(block.text):
            author = without_marks(block.text)  # "Daniel R. Whitcombe and Hana Sato" under a paper's title
            # ("Anneke Vos¹, Min-jae Park² and …": each name's affiliation marked)
        elif kind == "heading" and title is not None and author is None and i + 1 < len(top) \
                and top[i + 1].text == block.text and word_count(block.text) <= 3 and _bare_name(block.text):
            author, role_line = block.text, True  # a profile's name twice (its picture's text, then the name)
        elif kind == "heading" and author is not None and i > 1 and top[i - 1].text == author \
                and top[i - 2].text == author and " | " in block.text and word_count(block.text) <= MAX_PROFILE_WORDS:
            pass  # under it, the profile's headline: "VP, Critical Minerals Strategy at … | Board Advisor | …"
        elif kind == "heading" and i and kinds[i - 1] == "byline" and author is not None \
                and (_role(block.text) or (block.kind != "h" and _place_line(block.text))):  # ("## China": a story's)
            pass  # "By Joon-ho Park" / "Korea correspondent" or "Seoul": the writer's role or place, under the byline
        elif kind in ("heading", "text") and title is None and i + 1 < len(top) and kinds[i + 1] == "heading" \
                and len(block.text) <= HEADING_MAX_CHARS and _foreign_script(block.text) \
                and not _foreign_script(top[i + 1].text):
            pass  # a headline in Chinese, Japanese or Korean over the same headline in English: the English titles it
        elif kind == "heading" and (title is not None or i == 0) and author is None and i + 1 < len(top) \
                and word_count(block.text) <= 3 and _role(top[i + 1].text) and _bare_name(block.text):
            author, role_line = block.text, True  # "Sohee Kim" over "Seoul correspondent": a byline in two lines
            # (under the headline, or opening a post: "Ann Lee" / "Senior Analyst, Asia Trade Desk")
        elif kind == "heading" and title is not None and author is None and kinds[i + 1:i + 2] == ["date"] \
                and (m := BYLINE_IN.fullmatch(block.text)):
            author = m.group("name")  # "Ann Lee in Beijing" over the date line: the byline of a paper's site
        elif kind == "heading" and title is not None and source is None and i == 1 \
                and (name := _newsletter_name(block.text)) and name != block.text and _names_or_labels(block.text):
            source = _as_title(name)  # "The Materials Ledger · Chart of the week" under the headline
        elif kind == "heading" and title is not None and source is None and agency is None \
                and kinds[i + 1:i + 2] == ["date"] and _firm(block.text):
            agency = block.text  # "Harbourline Securities" over "Equity Research | Asia Materials | 5 March 2026":
            # the publisher of one piece, not a newsletter's masthead
        elif kind == "heading" and title is not None and dek is None and kinds[i - 1] == "heading" \
                and len(stories) <= 1 and (kinds[i + 1:i + 2] in (["byline"], ["date"])
                                           or word_count(block.text) >= DEK_MIN_WORDS):
            dek = block  # the standfirst under the headline: the story's first paragraph
        elif kind == "text" and title is not None and dek is None and i and title in top[i - 1].text \
                and len(stories) <= 1 \
                and block.kind == "p" and word_count(block.text) <= DEK_MAX_WORDS \
                and (_over_byline(top[i + 1:i + 3], kinds[i + 1:i + 3]) or (kinds[i + 1:i + 2] == ["date"] and any(
                    d.reason == CREDITS and block.line < d.line < top[i + 1].line for d in dropped))):
            # (the writer's credit between, "Interview by Julian Okafor", is left out with the credits)
            dek = block  # a standfirst of a sentence or two between the headline and its writer's name and date
        elif kind == "heading" and title is None and i == 0 and rest[:1] == ["heading"] \
                and _is_label(block.text, cue_matcher("summary_labels")):
            pass  # "Executive Summary" over a report's title: a label, neither source nor title
        elif kind == "heading" and title is None and source is None and (name := _newsletter_name(block.text)) \
                and ((rest[:1] == ["heading"] and (_names_a_newsletter(name) or not _section_name(name, kinds, i)))
                     or (i + 1 < len(top) and _names_a_newsletter(name) and opens_with(top[i + 1].text, "greetings"))
                     or (kinds[i + 1:i + 2] == ["text"] and name.isupper() and _names_a_newsletter(name))
                     or (name.isupper() and i + 1 < len(top) and _motto(top[i + 1]))
                     or (kinds[i + 1:i + 2] == ["date"] and _edition_line(name, top[i + 1].text))
                     or (name != block.text and full_date(block.text))):
            source = _as_title(name)  # (over a headline or a date line; or "Asia Morning Note — 12 March 2026")
            date = date or full_date(block.text)
        elif kind == "heading" and title is None and source is None and rest[:1] == ["heading"] \
                and _section_name(block.text, kinds, i):
            pass  # a site's section over the headline and its byline ("Taiwan News", "Asia Insight")
        elif kind == "heading" and _is_label(block.text, cue_matcher("summary_labels")):
            break  # "Key takeaways": the heading of a list in the text, no headline
        elif kind == "heading" and title is None and block.text[:1].isdigit() and TIME_STAMP.match(block.text) \
                and timed([b.text for b in blocks[i:i + TIMED_LOOKAHEAD]]):
            break  # "07:45 — Truce holding, Bessent says" over its entry, then "08:20 — …": a desk's first entry
        elif kind == "heading" and title is None and ((NUMBERED.match(block.text) and i in numbered(blocks))
                                                      or (_place_heading(block.text) and round_up(blocks))):
            break  # "1. Rare earth licences resume" over its story, then "2. …", or "TAIWAN" over its story, then
            # "NORTH KOREA" over another: a digest's first story, no headline
        elif kind == "heading" and title is None and i + 1 < len(blocks):
            title, stories, publisher = _headline(block.text)
            agency = agency or publisher
            if date is None and (on := _closing_date(block.text)):
                date = on  # "Speech by the Foreign Minister at the Shangri-La Dialogue, Singapore, 31 May 2026"
        elif kind == "text" and title is None and block.kind == "p" and kinds[i + 1:i + 2] in (["byline"], ["date"]) \
                and block.text[:1].isupper() and not ends_clause(block.text) \
                and block.text.count(" ") < HEADING_MAX_WORDS * HEADLINE_SCALE and "://" not in block.text:
            title, stories, publisher = _headline(block.text)  # commas and all ("Truce shows dialogue, not
            agency = agency or publisher  # pressure, is the right path"): over its byline or date, the headline
        elif i == 0 and kind == "text" and block.kind == "p" and (opens_with(block.text, "summary_labels", then=":")
                                                                  or opens_with(block.text, "correction_labels", then=":")):
            summary = block  # "TL;DR: …" or "Editor's note: …" over the headline: the piece's first paragraph
        else:
            break
        consumed = i + 1
    if summary is not None and dek is None:
        dek = summary
    return Masthead(title, source, author, date, stories, consumed, dek and Block("p", dek.lines, dek.line),
                    agency, url)


DEK_MAX_WORDS = 45


def _over_byline(below: tuple[Block, ...], kinds: list[str]) -> bool:
    """Do the next blocks (of these kinds) name the writer: a byline, or a name alone over a date line ("Owen
    Liao" / "Mar 12, 2026")?"""
    return kinds[:1] == ["byline"] or (kinds == ["heading", "date"] and word_count(below[0].text) <= 3
                                       and _bare_name(below[0].text))


# A state's formal name over the body issuing a release
STATE = re.compile(r"(?:The )?(?:(?:People's |Democratic |Socialist |Federal |Islamic )*Republic|Kingdom|Government|State"
                   r"|Commonwealth|Union) of (?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}")
# A report's number on a line of its own: "Incident Report No. RWA-2026-031", "Policy Brief #12"
SERIES_NUMBER = re.compile(r"(?P<series>[^·|•]{3,60}?)\s+[·|•]\s+(?:No\.?|Number|Issue|Vol\.|#)\s*\d[\w./-]{0,23}")
REPORT_NUMBER = re.compile(r"(?:[A-Z][\w-]*\s+){0,3}(?:Report|Brief|Briefing|Paper|Memo|Note|Bulletin|Alert|Assessment"
                           r"|Release|Advisory)\s+(?:No\.?|Number|#)\s*[\w./-]{1,24}"
                           r"|(?:No\.|Number|#)\s*\d[\w./-]{0,23}")  # (or a release's "No. 112-2026")


def _foreign_script(text: str) -> bool:
    """Mostly Chinese, Japanese or Korean characters."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c > "\u3000" for c in letters) * 2 > len(letters)


def _closing_date(headline: str) -> dt.date | None:
    """A full date closing a headline, perhaps before a note in brackets ("…, April 2, 2026 (full text)"):
    the day of the speech or statement the page gives. (A date inside the headline is its subject's.)"""
    dates = find_dates(headline) if headline[-1:] in ")0123456789" else []
    if not dates or not (dates[-1].year and dates[-1].day):
        return None
    rest = headline[dates[-1].end:].strip()
    return dates[-1].resolve(None) if not rest or (rest[0] == "(" and rest[-1] == ")" and word_count(rest) <= 3) else None


SMALL_WORDS = frozenset({"of", "the", "and", "on", "in", "for", "at", "to", "a", "an"})


def _as_title(name: str) -> str:
    """A newsletter's name in capitals as a name is written: "THE STRAIT WEEKLY" is "The Strait Weekly";
    an acronym stays ("ASEAN WATCH" is "ASEAN Watch": a listed name, or two letters), and so does a name of
    one word ("SCMP") or one typed otherwise."""
    words = name.split(" ")
    if len(words) < 2 or not name.isupper():
        return name
    capitalised = ["-".join(p.capitalize() for p in w.split("-")) for w in words]
    named = set()  # the words of a listed name of several ("KIM JONG UN" is Kim Jong Un, not "Kim Jong UN")
    starts = [0]
    for w in capitalised[:-1]:
        starts.append(starts[-1] + len(w) + 1)
    for start, end in listed_spans(" ".join(capitalised)):
        covered = [n for n, at in enumerate(starts) if start <= at < end]
        if len(covered) > 1:
            named.update(covered)
    return " ".join(capitalised[n] if n in named else w.lower() if n and w.lower() in SMALL_WORDS
                    else w if (len(w) <= 2 and w not in TWO_LETTER_WORDS) or listed(w) else capitalised[n]
                    for n, w in enumerate(words))


# two letters that are a word, not an acronym ("TRUCE HOLDS AS BESSENT AND HE LIFENG TALK": "As", "He")
TWO_LETTER_WORDS = frozenset({"AS", "HE", "IT", "IS", "BY", "UP", "WE", "DO", "GO", "IF", "ME", "MY", "NO", "OR",
                              "SO", "BE", "AM", "OK"})


def as_written(heading: str) -> str:
    """A heading in capitals as it reads in a title: "SOUTH KOREA" is South Korea (a listed name), "CHIP
    EXPORTS" is Chip Exports; an acronym or a name of one unlisted word stays as typed."""
    if not heading.isupper():
        return heading
    titled = heading.title()
    return titled if whole_name(titled) else _as_title(heading)


def _looks_like_masthead_name(text: str) -> bool:
    """A newsletter's name: a known source, or at most four words with no possessive, digit or pipe
    (a headline's dek, "Why Taipei bets on drones", has a verb and usually more words)."""
    if cue_matcher("known_sources").find(text):
        return True
    words = word_count(text)
    if words > MAX_NEWSLETTER_NAME_WORDS or NOT_A_NAME.search(text):
        return False
    # ("THE STRAIT & SEA BRIEF": five words, but a newsletter's ending)
    return words <= 4 or (not NAME_AND_LABEL.search(text) and _names_a_newsletter(text))


MAX_NEWSLETTER_NAME_WORDS = 6
NOT_A_NAME = re.compile(r"['’]s\b|\d|\|")  # a possessive, a digit or a pipe: a headline's, not a name's
NAME_AND_LABEL = re.compile(r"\s+[—–-]\s+|:\s+")  # (not "|": "Headline | the weekly recap" is a headline)


def _newsletter_name(text: str) -> str | None:
    """The newsletter a masthead line names: the line itself, or its name before a series label when the
    name reads as one ("Asia Trade Monitor — Weekly Digest"; not "Cautious optimism — the weekly recap")."""
    parts = NAME_AND_KIND.split(text) if text[:2].isupper() else ()  # "STRAIT TALK — The Asia Security
    # Podcast", "THE PACIFIC LEDGER · LIVE":
    if len(parts) == 2 and parts[0].isupper() and word_count(parts[0]) <= MAX_NAME_WORDS \
            and parts[1].rsplit(" ", 1)[-1].lower() in cue_set("masthead_names"):  # a name in capitals and
        return parts[0]  # what it is
    if _looks_like_masthead_name(text):
        return text
    parts = NAME_AND_LABEL.split(text)
    if len(parts) == 2 and _names_a_newsletter(parts[0]) and (
            (_looks_like_masthead_name(parts[0]) and _is_label(parts[1], cue_matcher("series_labels")))
            or (word_count(parts[0]) <= 4 and _only_date(parts[1]) and full_date(parts[1]))):
        return parts[0]  # (before an issue's date, "Today's briefing" names the newsletter too)
    parts = PIPE.split(text)  # "KOREA PENINSULA UPDATE | 11 MARCH 2026": a newsletter's name and its date
    if len(parts) == 2 and _names_a_newsletter(parts[0]) and word_count(parts[0]) <= 4 \
            and _only_date(parts[1], 0) and full_date(parts[1]):
        return parts[0]
    # "PACIFIC LEDGER · Issue 45 · 12 April 2026": a name, then an issue's number and its date; or a name and
    # its series ("The Materials Ledger · Chart of the week")
    parts = EDITION_PARTS.split(text)
    if len(parts) == 2 and DOT.search(text) and _looks_like_masthead_name(parts[0]) and _series(parts[1]):
        return parts[0]  # (a pipe before a series label follows a headline: "Cautious optimism | the weekly recap")
    if len(parts) > 2 and _looks_like_masthead_name(parts[0]) and ISSUE_NUMBER.search(parts[1]) \
            and _only_date(" ".join(parts[1:])):
        return parts[0]
    return None


RUBRIC_LINE_WORDS = 8


def _rubric_and_places(line: str) -> bool:
    """A section's name and places only, between pipes: "ARTS & CULTURE | Shanghai"."""
    parts = [p.strip() for p in PIPE.split(line)]
    rubric = [_is_label(p.lower() if p.isupper() else p, cue_matcher("rubric_labels")) for p in parts]
    return any(rubric) and all(r or whole_name(p) == "places" or whole_name(_as_title(p)) == "places"
                               for r, p in zip(rubric, parts))


def _motto(block: Block) -> bool:
    """A newsletter's motto under its name: "Your weekly guide to …", "notes on ships, chips and the spaces
    between" (a few words in lower case, no sentence)."""
    text = block.text
    return block.kind == "p" and (opens_with(text, "taglines") or (
        text[:1].islower() and not ends_clause(text) and text.count(" ") < MAX_NAME_LINE_WORDS)
        or (text[-1:] in ".!" and bool(WORD_MOTTO.fullmatch(text)))  # (cheap tests first: most lines are none)
        or ("very " in text and bool(EVERY.search(text)) and not ends_clause(text)))


# "Asia-Pacific security & trade, every Friday": when the newsletter comes, closing its motto
EVERY = re.compile(r",? every (?:day|weekday|week|morning|evening|month|fortnight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$",
                   re.IGNORECASE)
WORD_MOTTO = re.compile(r"(?:[A-Z][a-z-]+(?: [a-z-]+)?[.!] ?){2,4}")  # "Independent. Nonpartisan. Sourced."


def _series(label: str) -> bool:
    """A series' name: "Weekly digest", "Chart of the week"."""
    return _is_label(label, cue_matcher("series_labels")) or _is_label(label, cue_matcher("chart_titles"))


def _names_or_labels(line: str) -> bool:
    """A line of a name and a series, nothing more (no sentence)."""
    return not ends_clause(line) and line.count(" ") < MAX_NAME_LINE_WORDS


MAX_NAME_LINE_WORDS = 10
DOT = re.compile(r"\s[·•]\s")
DIGIT = re.compile(r"\d")
EDITION_PARTS = re.compile(r"\s+[·|•—–-]\s+")


def _section_name(name: str, kinds: list[str], at: int) -> bool:
    """A short line naming no newsletter over a headline that a byline follows: the section of a news site
    the page was copied from ("Taiwan News" / headline / "By Chen Wei-han / Staff reporter"), not its
    source. (A newsletter's name has a newsletter's ending, or is a known publisher.)"""
    return word_count(name) <= SECTION_NAME_WORDS and "byline" in kinds[at + 2:at + 5]


SECTION_NAME_WORDS = 3


def _names_a_newsletter(name: str) -> bool:
    """A known source, or a name ending like a newsletter's ("The Strait Letter", "Asia Trade Monitor")."""
    if cue_matcher("known_sources").find(name):
        return True
    last = cue_matcher("masthead_names").find(name)
    return bool(last) and last[-1].end == len(name.rstrip(" .:!"))


ISSUE_HEADLINE = re.compile(r"(?:Issue|No\.|#|Ep\.|Episode)\s*#?\d{1,4}\s*[:.—–-]\s+\S")  # (a podcast's episode)
NAME_AND_KIND = re.compile(r"\s+[—–·|]\s+")
MAX_NAME_WORDS = 4
TIMED_LOOKAHEAD = 40  # blocks: a desk's next entry is within them
ISSUE_NUMBER = re.compile(r"(?:#|\b(?:No|Vol|Issue|Edition|Week)\.?\s*)\d", re.IGNORECASE)


def _edition_line(name: str, date_line: str) -> bool:
    """A name line over a date line is a newsletter's masthead, not a headline over its date, when the date
    line numbers an issue ("Issue #88 — 9 March 2026") or the name ends like a newsletter's
    ("The Strait Letter")."""
    return bool(ISSUE_NUMBER.search(date_line)) or _names_a_newsletter(name)


def _top_kind(block: Block) -> str:
    text = block.text
    if block.kind == "p" and text[:4] == "http" and URL_RE.match(text):  # as the front-matter's `url` must be
        return "url"
    line = block.kind in ("p", "h")  # (a date or byline in bold is a heading to cleaning)
    if line and word_count(text) <= MAX_DATE_LINE_WORDS and (_only_date(text) or _date_and_buttons(text)):
        name = _newsletter_name(text) if not text[:1].isdigit() else None
        return "heading" if name and name != text else "date"  # ("KOREA WATCH | 18 MARCH 2026" names a newsletter)
    if line and word_count(text) <= (MAX_BYLINE_WORDS if text[:3] == "By " else 12) and (byline(text) or byline_source(text)):
        return "byline"  # ("By Maria Santos, a senior fellow at the Manila Institute for Strategic Studies")
    if line and "|" in text and _dated_parts(text) and not _newsletter_name(text):  # (not "Asia Notes | Week 10 | …")
        return "date"
    if line and "|" in text and DIGIT.search(text) and all(_only_date(p) for p in PIPE.split(text)) and full_date(text):
        return "date"  # "Published April 17, 2026, 7:05 AM SGT | Updated April 17, 2026, 11:32 AM SGT"
    if block.kind == "p" and text[:1] in "I#N" and ISSUE_HEADLINE.match(text) and word_count(text) <= HEADING_MAX_WORDS * 2:
        return "heading"  # "Issue #42: Huawei's new node, Dutch curbs, and a Micron twist": an edition's headline
    if block.kind == "p" and text.isupper() and word_count(text) <= KICKER_WORDS and not cue_matcher("known_sources").find(text):
        return "kicker"
    return "heading" if is_heading(block, True, headline=True) else "text"


MAX_PART_WORDS = 6
MAX_DATE_LINE_WORDS = 16  # ("Published February 27, 2026 · Updated March 3, 2026 · 6 min read")


def _date_and_buttons(text: str) -> bool:
    """A date beside the page's buttons: "27 February 2026 · Listen to this article ▶ 14 min · 🎁 Gift"."""
    parts = DATE_LINE_PARTS.split(text) if ("·" in text or "|" in text) and text[:1].isalnum() else ()
    return len(parts) > 1 and _only_date(parts[0]) and full_date(parts[0]) is not None \
        and all(is_buttons(p) or POST_COUNT.fullmatch(p) for p in parts[1:])  # ("Jun 18, 2025 • 12 tweets")


DATE_LINE_PARTS = re.compile(r"\s+[·|•]\s+")
POST_COUNT = re.compile(r"\d{1,4} (?:tweets|posts|parts|min read|minute read|mins? read)", re.IGNORECASE)


def _dated_parts(text: str) -> bool:
    """A line of short parts between pipes, one of them a full date ("Japan Ministry of Defense | Joint Staff
    Press Release | 2026.03.12"): a publisher's date line, not a headline's stories."""
    parts = [p.strip() for p in PIPE.split(text)]
    return len(parts) > 1 and all(word_count(p) <= MAX_PART_WORDS for p in parts) \
        and any(_only_date(p) and full_date(p) for p in parts) and not all(_only_date(p) for p in parts)


AIRED = re.compile(r"\.?\s+Aired \d{1,2}(?::\d{2})?\s*-\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m?\.?\s*[A-Z]{2,3}$")


def _headline(text: str) -> tuple[str, tuple[str, ...], str | None]:
    """A "Story A | Story B | Series label" line: the title, the story titles it announces, and the publisher
    a page's title names after it ("… - Reuters", "… | The Japan Times"). A section's rubric before it
    ("Opinion | …") is no story."""
    publisher = None
    if _bracketed_rubric(text):  # "[ANALYSIS] Why Seoul is hedging on Taiwan"
        text = text[text.index("]") + 1:].lstrip()
    text = text[wire_mark(text):]  # "(LEAD) N. Korea fires ballistic missile into East Sea: JCS"
    if " Aired " in text:  # a broadcast transcript's "…; Seoul and Tokyo Condemn Launch. Aired 9-10p ET"
        text = AIRED.sub("", text)
    if text[-1:] == "." and text[-2:-1].isalpha() and "." not in text.rsplit(" ", 1)[-1][:-1]:
        text = text[:-1]  # a title-case headline's full stop (not the one of "the U.S.")
    end = PUBLISHER_SUFFIX.search(text)
    if end and _publisher(end.group(1).strip()):
        text, publisher = text[:end.start()], end.group(1).strip()
    labels, rubrics = cue_matcher("series_labels"), cue_matcher("rubric_labels")
    parts = [p.strip() for p in PIPE.split(text) if p.strip()]
    stories = [p for p in parts if not _is_label(p, labels) and not _is_label(p, rubrics)] or parts[:1]
    return " | ".join(stories), tuple(stories), publisher


BRACKETED_RUBRIC = re.compile(r"\[([^\[\]]{2,30})\]\s+(?=\S)")


def _bracketed_rubric(text: str) -> bool:
    """Does ``text`` open with a section's name in brackets ("[ANALYSIS] …")?"""
    m = BRACKETED_RUBRIC.match(text) if text[:1] == "[" else None
    return m is not None and _is_label(m.group(1), cue_matcher("rubric_labels"))


# A wire's mark before its headline: "(LEAD)", "(2nd LD)", "(3rd LD, ADDS quotes)", "(URGENT)", "(News Focus)"
WIRE_MARK = re.compile(r"\((?:LEAD|URGENT|FLASH|\d(?:st|nd|rd|th) LD\b[^()]{0,40}|(?:News |Yonhap )?(?:Focus|Interview|Feature"
                       r"|Analysis|Profile|Commentary)|EDITORIAL[^()]{0,40}|REFILE|CORRECTED|EXCLUSIVE)\)\s+(?=\S)")


def wire_mark(text: str) -> int:
    """How many characters of ``text`` a wire's mark before its headline takes (0: none)."""
    m = WIRE_MARK.match(text) if text[:1] == "(" else None
    return m.end() if m else 0


PUBLISHER_SUFFIX = re.compile(r"\s+[-–—|]\s+([^-–—|]{2,60})$")


def _is_label(part: str, labels: PhraseMatcher) -> bool:
    if " / " in part and part.count(" ") <= MAX_LABEL_PART_WORDS * 2:  # "OPINION / Commentary": a path of them
        return all(_is_label(p, labels) for p in part.split(" / "))
    if word_count(part) > MAX_LABEL_PART_WORDS:  # (asked first: most lines are longer than any label)
        return False
    hits = labels.find(part)
    return bool(hits) and (part[:1].islower() or len(hits[0].phrase) * 2 >= len(part))


MAX_LABEL_PART_WORDS = 4


AUTHOR_LIST = re.compile(r"\s*(?:,|\band\b|&)\s*")
BIO_VERBS = ("is", "was", "has", "writes", "covers", "leads", "heads", "teaches", "works")


def author_names(author: str | None) -> list[str]:
    """Each name of a byline's "Ann Lee, Bo Park and Jane Roe"."""
    return [n for n in AUTHOR_LIST.split(author or "") if n]


def is_author_bio(block: Block, names: list[str]) -> bool:
    """"Jane Roe is a fellow at …" closing a piece: about its author, not its story."""
    text = block.text
    if block.kind != "p" or word_count(text) > BIO_MAX_WORDS:
        return False
    for name in names:
        if text.startswith(name + " ") and text[len(name) + 1:].split(" ", 1)[0] in BIO_VERBS:
            return True
    return text.startswith(("The author is ", "The writer is ", "About the author"))


BIO_OPENING = re.compile(rf"({_NAME}) (?:is|was|serves as) (?:a|an|the) ")
BIO_MAX_WORDS = 60
BIO_ROLE_WORDS = 4  # "is a [senior research] fellow", "is an [associate] professor"


def bio_author(blocks: tuple[Block, ...]) -> str | None:
    """The author a closing biography names when no byline did: "Ana Reyes is a senior fellow at the Pacific
    Forum." — a name, "is a", then, within four words, a role of data/cues.yml's ``bio_roles`` ("the
    minister who said she was no fellow traveller" is no biography)."""
    for block in blocks:
        m = BIO_OPENING.match(block.text) if block.kind == "p" else None
        if m and word_count(block.text) <= BIO_MAX_WORDS and word_count(m.group(1)) >= 2:
            role = " ".join(block.text[m.end():].split(" ", BIO_ROLE_WORDS)[:BIO_ROLE_WORDS])
            if cue_matcher("bio_roles").find(role):
                return m.group(1)
    return None


LIST_NUMBER = re.compile(r"\d{1,2}[.)]\s+(?=[\"“‘'(]?[A-Z])")  # "3) Taiwan's legislature votes…"
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")  # "14:32", "9.05"
# what a date line may hold instead of a date: a time, an age ("2 hours ago"), a date of unknown order
UNDATED = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:mins?|minutes?|h|hrs?|hours?|d|days?|weeks?)\s+ago\b"
                     r"|\b\d{1,2}/\d{1,2}/\d{4}\b")
# A live blog's time stamp opening an entry: "14:30 GMT — ", "9:05 a.m. ET - "
TIME_STAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[aApP]\.?[mM]\.?)?(?:\s+[A-Z]{2,4})?\s*(?:--|[-–—|:])\s+(?=\S)")
THREAD_COUNTER = re.compile(r"\d{1,2}/\s+(?=\S)")  # "1/ " opening a post of a thread ("3/4 of…" is a fraction)
SPEAKER = re.compile(r"[QA]\d{0,2}:\s+(?=\S)")  # a transcript's "Q: " and "A: ", an explainer's "A1: "


DATELINE_CHARS = 80
PLACE_DASH = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?) [—–] (?=[\"“‘'(]?[A-Z])")  # "Tokyo — Japan's …"


def without_opening_mark(text: str) -> str:
    """A sentence without the wire dateline ("MANILA, April 8 (Reuters) - "), the thread counter ("2/ "), a
    live blog's time stamp ("14:30 GMT — "), a list's number ("3) ") or the transcript's "A: " that opens
    it: for titles and key points, the story's own words."""
    if text[:1].isdigit():
        m = THREAD_COUNTER.match(text) or TIME_STAMP.match(text) or LIST_NUMBER.match(text)
    elif text[:1] in "QA" and (text[1:2] == ":" or text[1:2].isdigit()):
        m = SPEAKER.match(text)
    elif text[:1] in "RJ" and text[:8] in ("Reporter", "Journali"):
        m = QUESTION.match(text)  # a press conference's "Reporter: …"
    else:
        head = text[:DATELINE_CHARS]  # every dateline holds a bracket, a dash or a colon: most sentences ask no
        m = DATELINE.match(text) if (text[:1].isupper() or text[:1] == "(") and (  # pattern
            "(" in head or "-" in head or "—" in head or "–" in head or ":" in head) else None
        if m and not STORY_START.match(text, m.end()):
            m = None
        if m is None and ("—" in head or "–" in head) and text[:1].isupper() and (m := PLACE_DASH.match(text)) \
                and whole_name(m.group(1)) != "places":
            m = None  # ("Tokyo — Japan's ruling party …": a listed place; "Good news — the talks …" is no dateline)
    return text[m.end():].lstrip() if m else text


def dateline_source(blocks: tuple[Block, ...]) -> str | None:
    """The news agency of a wire story's dateline, opening its first paragraph."""
    m = _dateline(blocks)
    named = m and (m.group("agency") or m.group("filed") or m.group("kor") or m.group("newswire"))
    if named:
        return named.strip()
    # "(Bloomberg) -- ": a known publisher only ("(Updates with prices) --" names none)
    return m.group("wire").strip() if m and m.group("wire") and _publisher(m.group("wire").strip()) else None


def dateline_date(blocks: tuple[Block, ...]) -> dt.date | None:
    """The date a wire story's dateline gives in full ("MANILA, March 4, 2026 (Reuters) -"): the day it was
    filed. Without its year ("TOKYO, Jan. 5 -") it stays unknown."""
    m = _dateline(blocks)
    return full_date(m.group()) if m else None


def _dateline(blocks: tuple[Block, ...]) -> re.Match | None:
    """The dateline opening the story's first paragraph, or its second under a standfirst."""
    paragraphs = [b for b in blocks[:DATELINE_BLOCKS] if b.kind == "p"][:2]
    return next((m for b in paragraphs if (m := DATELINE.match(b.text))), None)


DATELINE_BLOCKS = 4


def signature(block: Block) -> tuple[str | None, str | None] | None:
    """"Name, Title, Organisation" closing a piece: returns (name, organisation)."""
    # (most paragraphs end in a full stop; cleaning leaves a paragraph single-spaced: its spaces count words)
    if block.kind not in ("p", "ul") or ends_clause(block.lines[0]) or block.lines[0].count(" ") >= 14 \
            or (block.kind == "ul" and len(block.lines) > 1):
        return None
    # (a dash opening a line made it a list of one item)
    text = f"— {block.lines[0]}" if block.kind == "ul" else block.text
    signed = SIGNED_OFF.fullmatch(text) if text[:1] in "—–-" else None
    if signed and _bare_name(signed.group(1)) and (not signed.group("role") or _role(signed.group("role"))):
        return signed.group(1), None  # "— Ann Lee, Tokyo", "— Ann Lee, editor": the writer's sign-off
    team = TEAM_SIGN_OFF.fullmatch(text) if text[:1] in "—–-" else None
    if team:
        return None, team.group(1)  # "— The China Desk": the newsroom's
    if block.kind != "p":
        return None
    parts = [p.strip() for p in block.text.split(",")]
    if not 2 <= len(parts) <= 3:
        return None
    name = parts[0].split()
    if not 2 <= len(name) <= 4 or not all(w[:1].isupper() and w[1:].replace("-", "").isalpha() for w in name):
        return None
    if not SIGNATURE_TITLE.search(parts[1]):
        return None
    return parts[0], (parts[2] if len(parts) == 3 else None)


def signed_by(block: Block) -> tuple[str | None, str | None]:
    """(name, organisation) of a block set aside as a signature: "Name, Title, Organisation", or a letter's
    closing name alone."""
    return signature(block) or (block.text if block.kind == "p" and _bare_name(block.text) else None, None)


def _sign_off(blocks: tuple[Block, ...]) -> int:
    """How many closing blocks are a letter's sign-off: the writer's name alone under the last sentence,
    perhaps over the place written from ("Chen Wei-ting" / "Kaohsiung, Taiwan")."""
    place = 1 if blocks and blocks[-1].kind == "p" and _place_line(blocks[-1].text) else 0
    if len(blocks) < place + 2:
        return 0
    name, before = blocks[-1 - place], blocks[-2 - place]
    if name.kind == "p" and _bare_name(name.text) and before.kind == "p" and before.text.rstrip("\"”’')")[-1:] in ".!?":
        return place + 1
    return 0


def _place_line(text: str) -> bool:
    """"Kaohsiung, Taiwan", "Manila": capitalised parts, the last a listed place."""
    parts = [p.strip() for p in text.split(",")]
    return (len(parts) <= 3 and word_count(text) <= SIGN_OFF_PLACE_WORDS
            and all(p[:1].isupper() and p.replace(" ", "").replace("-", "").isalpha() for p in parts)
            and whole_name(parts[-1]) == "places")


SIGN_OFF_PLACE_WORDS = 6
TEAM_SIGN_OFF = re.compile(r"[—–-]\s?((?:The )?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:Desk|Team|Newsroom|Editors|Staff))\.?")
SIGNED_OFF = re.compile(r"[—–-]\s?([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})(?:,\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}"
                        r"|,\s+(?P<role>[\w'’-]+(?: [\w'’-]+){0,3}))?")  # (a place, or a role: "— Ann Lee, editor")
BOLD_LABEL = re.compile(r"(?:\*\*|__)([^*_\n]{1,60}?)(?::(?:\*\*|__)|(?:\*\*|__):)\s+(?=\S)")
MAX_LABEL_WORDS = 6


def labelled(blocks: tuple[Block, ...]) -> bool:
    """Paragraphs or list items opening with two bold labels or more, none coming back: a digest whose
    labels head stories of their own ("**Taiwan:** …", "**Korea:** …")."""
    heads = sum(1 for b in blocks if b.kind == "h")
    return sum(1 for b in _labelled(blocks) if b.kind == "h") - heads > 1


def _labelled(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Paragraphs or list items opening with a bold label ("**Taiwan:** President Lai said…", "**Why it
    matters:** …"), two or more of them: each label heads the text it opens (a digest's stories, an explainer's parts). A
    label that comes back names a speaker ("**Sato:** …" in an interview): the turns of one conversation,
    which stay one story as written."""
    if any(b.kind == "ul" and len(b.lines) > 1 and b.lines[0][:2] in ("**", "__") for b in blocks):
        blocks = tuple(part for b in blocks for part in (  # a list of labelled items: "• **Taiwan:** …"
            [Block("p", (item,), b.line) for item in b.lines] if b.kind == "ul" and len(b.lines) > 1 and all(
                item[:2] in ("**", "__") and BOLD_LABEL.match(item) for item in b.lines) else [b]))
    found = [BOLD_LABEL.match(b.lines[0]) if b.kind == "p" and b.lines[0][:2] in ("**", "__") else None
             for b in blocks]
    found = [m if m and word_count(m.group(1)) <= MAX_LABEL_WORDS else None for m in found]
    labels = [m.group(1).strip().lower() for m in found if m]
    if len(labels) < 2:
        return blocks
    if len(set(labels)) < len(labels):  # speakers: "Sato: …", the emphasis marks left out as a heading's are
        return tuple(Block("p", (f"{m.group(1).strip()}: {b.lines[0][m.end():]}",), b.line) if m else b
                     for b, m in zip(blocks, found))
    return _headed(blocks, {i: m for i, m in enumerate(found) if m})


def _headed(blocks: tuple[Block, ...], labels: dict[int, re.Match]) -> tuple[Block, ...]:
    """Each paragraph a label opens (``labels``: block index → the label's match, its name in group 1) as the
    label's heading over the rest of the paragraph."""
    return _spliced(blocks, {i: _heading_over(m.group(1).strip(), blocks[i].lines[0][m.end():], blocks[i].line)
                             for i, m in labels.items()})


# A transcript's speaker on a line of their own: "Julia Marchetti -- Vice President, Investor Relations",
# "Marcus Feld — Halvorsen Securities — Analyst", "Operator"
SPEAKER_LINE = re.compile(r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}\s+(?:--|—|–)\s+[A-Z][^.!?]{1,80}|Operator)")
MIN_SPEAKER_LINES = 3


def speakers(blocks: tuple[Block, ...]) -> list[int]:
    """The lines of a transcript naming who speaks next, three or more, each over what they say."""
    found = [i for i, b in enumerate(blocks[:-1]) if b.kind == "p" and len(b.lines[0]) <= MAX_SPEAKER_CHARS
             and _speaker(b.lines[0]) and blocks[i + 1].kind == "p" and not _speaker(blocks[i + 1].lines[0])]
    return found if len(found) >= MIN_SPEAKER_LINES else []


MAX_SPEAKER_CHARS = 120


def _speaker(line: str) -> bool:
    return (line == "Operator" or " -- " in line or " — " in line or " – " in line) and bool(SPEAKER_LINE.fullmatch(line))


def _speaking(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A transcript's speakers set before their words ("Sunita Rao -- Chief Financial Officer: Thanks, Rob.
    …"): one story told by several voices, not a heading for each turn."""
    at = speakers(blocks)
    if not at:
        return blocks
    merged = {i + 1 for i in at}
    out = []
    for i, block in enumerate(blocks):
        if i in merged:
            continue
        if i in at:
            said = blocks[i + 1]
            out.append(Block("p", (f"{block.lines[0]}: {said.lines[0]}", *said.lines[1:]), block.line))
        else:
            out.append(block)
    return tuple(out)


def _spliced(blocks: tuple[Block, ...], parts: dict[int, list[Block]]) -> tuple[Block, ...]:
    """``blocks`` with the block at each index of ``parts`` replaced by the blocks given for it: the one way
    labels, a week's days and questions become headings over their text."""
    if not parts:
        return blocks
    return tuple(b for i, block in enumerate(blocks) for b in parts.get(i, (block,)))


def _heading_over(label: str, text: str, line: int) -> list[Block]:
    return [Block("h", (label,), line), Block("p", (text,), line)]


PLACE_AND_DATE = re.compile(r"\((?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2},\s+)?(?P<date>[^()]+)\)")
MAX_ISSUER_LINES = 3
MAX_DATE_LINE_CHARS = 40
MAX_ISSUER_WORDS = 8


def issued(blocks: tuple[Block, ...]) -> tuple[int, dt.date | None]:
    """An official notice's close: the issuers' names, a line each, over the date it was issued ("Ministry of
    Commerce / General Administration of Customs / April 4, 2026"). Returns how many blocks end the text so
    (none unless it ends with a full date on a line of its own) and that date."""
    last = blocks[-1].text.strip(" .") if len(blocks) > 1 and blocks[-1].kind in ("p", "h") else ""
    placed = PLACE_AND_DATE.fullmatch(last)  # "(Tokyo, March 14, 2026)": a statement's place and date
    if placed:
        last = placed.group("date")
    found = find_dates(last) if len(last) <= MAX_DATE_LINE_CHARS else []
    # the date and nothing else ("Next issue: March 12, 2026" announces one)
    if len(found) != 1 or found[0].start > 0 or found[0].end < len(last) or not (found[0].year and found[0].day):
        if not placed and last and len(last) <= MAX_DATE_LINE_CHARS and _only_date(last, 0) and (date := full_date(last)):
            return 1, date  # "Published: 8:00pm, 5 Mar 2026" closing a copied page: its date, no issuers
        return 0, None
    date = found[0].resolve(None)
    n = 1
    while not placed and n <= MAX_ISSUER_LINES and n < len(blocks) - 1:
        block = blocks[-1 - n]
        if block.kind not in ("p", "h") or word_count(block.text) > MAX_ISSUER_WORDS or ends_clause(block.text):
            break
        n += 1
    return n, date


MAX_NUMBERED_HEAD_WORDS = 12


def one_piece(titles: list[str]) -> bool:
    """Stories titled only by the names of a piece's parts ("Summary", "What changed", "Next steps"): one
    piece under sub-headings, not an edition's stories."""
    labels = (cue_matcher("summary_labels"), cue_matcher("part_labels"))
    return len(titles) > 1 and all(any(_is_label(t.rstrip(" :"), m) for m in labels) for t in titles)


def round_up(blocks: tuple[Block, ...]) -> bool:
    """Two headings or more that each name a listed place or a topic alone ("TAIWAN", "North Korea", a flag's
    "🇰🇵 NORTH KOREA", "RARE EARTHS"), each over text: a round-up by region or subject, whose parts are
    stories of their own."""
    short = [i for i, b in enumerate(blocks[:-1]) if b.kind in ("h", "p") and b.lines[0].count(" ") < PLACE_HEADING_WORDS]
    if len(short) < 2:  # (few lines are this short: each asked first)
        return False
    places = [i for i, named in zip(short, _place_headings([blocks[i].text for i in short])) if named]
    return len(places) > 1 and sum(1 for i in places if is_heading(blocks[i]) and not is_heading(blocks[i + 1])) > 1


# "TAIWAN — TSMC said …", "SOUTH CHINA SEA: A Chinese ship …": a label in capitals opening a paragraph
CAPS_LABEL = re.compile(r"([A-Z][A-Z.'’&-]*(?: [A-Z][A-Z.'’&-]*){0,3})(?::|\s[—–-])\s+(?=\S)")
CAPS_OPENING = re.compile(r"\n[A-Z][A-Z.'’&-]*(?: [A-Z][A-Z.'’&-]*){0,3}(?::|\s[—–-])\s")  # (after its line break)


def caps_labelled(blocks: tuple[Block, ...]) -> list[tuple[int, re.Match]]:
    """Paragraphs opening with a place's or a topic's name in capitals and a dash or colon, two or more, each
    label another ("TAIWAN — …", "JAPAN — …"): a round-up whose labels head stories of their own. (A wire's
    dateline opens one paragraph: "TAIPEI — …".)"""
    if len(CAPS_OPENING.findall("\n" + "\n".join(b.lines[0] for b in blocks if b.kind == "p"))) < 2:
        return []  # (one scan in compiled code: most seeds hold no two such paragraphs)
    found = [(i, m) for i, b in enumerate(blocks) if b.kind == "p" and b.lines[0][:1].isupper()
             and (m := CAPS_LABEL.match(b.lines[0])) and m.end() < len(b.lines[0])]
    if len(found) < 2 or len({m.group(1) for _, m in found}) < len(found):
        return []
    named = _place_headings([m.group(1) for _, m in found])
    return [(i, m) for (i, m), ok in zip(found, named) if ok] if sum(named) > 1 else []


def _caps_labels(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return _headed(blocks, dict(caps_labelled(blocks)))


def _place_heading(text: str) -> bool:
    return word_count(text) <= PLACE_HEADING_WORDS and _place_headings([text])[0]


def _place_headings(texts: list[str]) -> list[bool]:
    """Which texts name a listed place or a topic alone ("SOUTH KOREA" as "South Korea"), asked of all at
    once: one scan of each vocabulary, not one of each per line."""
    written = [t.title() if t.isupper() else t for t in texts]
    return [kind == "places" or topic for kind, topic in zip(whole_names(written), name_topics(written))]


PLACE_HEADING_WORDS = 4


# "Mon 9 March: …", "Tuesday, March 10 — …": a day of a week-ahead calendar opening its item
AGENDA_DAY = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|"
                        r"[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?=\s*(?::|\s[—–-])\s+\S)")
DAY_STEMS = frozenset({"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"})  # what a day's label opens with, but a digit
# what a day's line opens with, after its line break (a literal first: the engine skips to each break fast)
AGENDA_OPENING = re.compile(r"\n(?:\d{1,2}\s+[A-Z]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
                            r"|Oct|Nov|Dec)[a-z]{0,6}\.?,?\s+\d)")
AGENDA_MARK = re.compile(r"\s*(?::|\s[—–-])\s+")


def agenda(blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    """(block, item) of each paragraph or list item opening with a day ("Mon 9 March: Taiwan's legislature
    debates …"), two or more: a calendar of the days ahead, each day's item a story of its own."""
    if len(AGENDA_OPENING.findall("\n" + "\n".join(line for b in blocks for line in b.lines))) < 2:
        return []  # (one scan of the text in compiled code: most seeds hold no two lines that could be days)
    found = [(i, n) for i, b in enumerate(blocks) if b.kind in ("p", "ul")
             for n, line in enumerate(b.lines) if (line[:1].isdigit() or line[:3] in DAY_STEMS) and _agenda_day(line)]
    return found if len(found) > 1 else []


def _agenda_day(line: str) -> re.Match | None:
    m = AGENDA_DAY.match(line)
    return m if m and find_dates(m.group()) else None


def _agenda(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    days: dict[int, set[int]] = {}  # block → its lines that open a day
    for i, n in agenda(blocks):
        days.setdefault(i, set()).add(n)
    return _spliced(blocks, {i: _days_of(blocks[i], lines) for i, lines in days.items()})


def _days_of(block: Block, days: set[int]) -> list[Block]:
    """A block's lines, each day's (the lines ``days`` numbers) as the day's heading over its events."""
    out: list[Block] = []
    for n, line in enumerate(block.lines):
        m = _agenda_day(line) if n in days else None
        if m:
            rest = line[m.end():]
            mark = AGENDA_MARK.match(rest)
            out += _heading_over(m.group(), rest[mark.end() if mark else 0:], block.line)
        else:
            out.append(Block(block.kind, (line,), block.line))
    return out


def numbered(blocks: tuple[Block, ...]) -> list[int]:
    """Numbered short sentences each over a paragraph, two or more ("1) The Fed decides on Wednesday." /
    its story): the items of a "things to watch" piece, each a story of its own."""
    found = [i for i, b in enumerate(blocks[:-1]) if b.kind in ("p", "h") and b.lines[0][:1].isdigit()
             and NUMBERED.match(b.lines[0]) and word_count(b.lines[0]) <= MAX_NUMBERED_HEAD_WORDS
             and blocks[i + 1].kind == "p" and not NUMBERED.match(blocks[i + 1].lines[0])]
    return found if len(found) > 1 else []


def _numbered(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    heads = set(numbered(blocks))
    if not heads:
        return blocks
    return tuple(Block("h", (b.lines[0].rstrip("."),), b.line) if i in heads else b for i, b in enumerate(blocks))


QUESTION = re.compile(r"(?:Q|Question|Reporter|Journalist)\s*[:.]\s+(?=\S)")
QUESTION_TITLE_WORDS = 12


def asked(blocks: tuple[Block, ...]) -> list[int]:
    """The paragraphs of a transcript that ask a question ("Q: …"): with two or more, each opens a story of
    its own (a press conference's questions are on one subject each)."""
    found = [i for i, b in enumerate(blocks) if b.kind == "p" and b.lines[0][:1] in "QRJ" and QUESTION.match(b.lines[0])]
    return found if len(found) > 1 else []


def timed(headings: list[str]) -> bool:
    """A desk's timed entries, two or more each headed by its time and a headline of its own ("07:45 —
    Truce holding, Bessent says"): stories of their own, not one event's updates ("Update, 14:20 HKT:")."""
    return sum(1 for h in headings if h[:1].isdigit() and (m := TIME_STAMP.match(h))
               and word_count(h[m.end():]) >= BRIEF_HEAD_WORDS) >= 2


def _questions(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Each question of a transcript headed by its opening words (the question stays, as asked)."""
    return _spliced(blocks, {i: [Block("h", (_question_title(blocks[i].lines[0]),), blocks[i].line), blocks[i]]
                             for i in asked(blocks)})


def _question_title(question: str) -> str:
    """A question's opening words, without its "Q:"."""
    opening = QUESTION.match(question)
    text = question[opening.end() if opening else 0:]
    return _cut((sentences(text) or [text])[0].rstrip(".").split(), QUESTION_TITLE_WORDS)


def split_sections(blocks: tuple[Block, ...], title: str, edition: bool,
                   newsletter: bool = False) -> tuple[list[Section], list[Block]]:
    """Cut the body at headings. Returns the sections and the signature blocks that were set aside.

    In an edition (a headline announcing several stories, or a newsletter's masthead over two headed stories
    or more after a short opening) the text before the first heading is the lead-in; otherwise it is the
    first story and carries the article's title. A heading followed directly by another heading opens a
    group ("What you missed"), whose sections are titled "Group: Heading".
    """
    blocks = _agenda(_numbered(_questions(_caps_labels(_labelled(_speaking(blocks))))))
    parts: list[tuple[str, list[Block], bool, str]] = []  # (title, blocks, lead, group)
    closing = _sign_off(blocks)
    blocks, signatures = blocks[:len(blocks) - closing], list(blocks[len(blocks) - closing:])
    current: list[Block] = []
    group, current_title, lead = "", title, edition
    fresh = False  # a group's heading was just read, no text under it yet
    heads = _headings(blocks)
    for i, block in enumerate(blocks):
        if signature(block):
            signatures.append(block)
        elif i + 1 < len(blocks) and heads[i]:
            parts.append((current_title, current, lead, group))
            lead, current = False, []
            if heads[i + 1]:  # a group's heading; one right under another nests in it (never lost)
                group = f"{group}: {block.text}" if group and fresh else block.text
                current_title, fresh = group, True
            else:
                current_title = f"{group}: {block.text}" if group else block.text
        else:
            current.append(block)
            fresh = False
    parts.append((current_title, current, lead, group))
    if newsletter and not edition and _short_opening(parts):
        parts[0] = (parts[0][0], parts[0][1], True, parts[0][3])
    if newsletter or edition:  # an analysis piece's "Why it matters: …" bullets stay one story
        parts = [story for part in parts for story in _briefs(part, title)]
    parts = [story for part in parts for story in _numbered_items(part, title, newsletter or edition)]

    sections: list[Section] = []
    anchors: set[str] = set()
    numbering: dict[str, int] = {}
    for sec_title, sec_blocks, is_lead, sec_group in parts:
        if not sec_blocks:
            continue
        sec_title = "In this edition" if is_lead else sec_title
        anchor = unique(slugify(sec_title) or "section", anchors, numbering)
        anchors.add(anchor)
        sections.append(Section(title=sec_title, anchor=anchor, blocks=tuple(sec_blocks), lead=is_lead,
                                group=sec_group if sec_title != sec_group else ""))
    return sections, signatures


LEAD_IN_MAX_WORDS = 60
MAX_HEADING_RUN = 3  # a group, a sub-group, a heading; more short lines in a row are a list, not headings


def _headings(blocks: tuple[Block, ...]) -> list[bool]:
    """Which blocks are headings: each asked once (not as itself and as the one before), and a run of more
    heading-shaped lines than a heading hierarchy holds read as text (forty thousand short lines would
    otherwise nest forty thousand groups)."""
    heads = [is_heading(b) for b in blocks]
    # a fact box: two "Label: value" lines or more in a row ("Location: Taiwan Strait" / "Units: …") is text
    fields: dict[int, bool] = {}  # (asked only around a heading: most blocks are text)

    def field(i: int) -> bool:
        if i not in fields:
            b = blocks[i]
            fields[i] = b.kind == "p" and b.lines[0][:1].isupper() and FIELD.match(b.lines[0]) is not None
        return fields[i]

    for i in [i for i, h in enumerate(heads) if h]:
        if field(i) and ((i and field(i - 1)) or (i + 1 < len(blocks) and field(i + 1))):
            heads[i] = False
    i = 0
    while i < len(heads):
        j = i
        while j < len(heads) and heads[j]:
            j += 1
        if j - i > MAX_HEADING_RUN:
            heads[i:j] = [False] * (j - i)
        i = j + 1
    return heads


def _fact_box(blocks: tuple[Block, ...]) -> bool:
    """Two "Label: value" lines in a row."""
    return all(b.kind == "p" and FIELD.match(b.lines[0]) for b in blocks)


FIELD = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,3}:\s+\S")  # "Location: …", "Total PLA aircraft detected: 153"
BRIEF = re.compile(r"([^:]{2,100}?):\s+(\S.*)")  # "Japan curbs chip tool exports: Tokyo added 23 items…"
BRIEF_MIN_WORDS = 6
BRIEFS = "In brief"


def _briefs(part: tuple[str, list[Block], bool, str], article_title: str) -> list[tuple[str, list[Block], bool, str]]:
    """In a newsletter, a part that is nothing but a list of "Headline: story" items (a digest's briefs), or of
    "Place: story" items ("• Taiwan: President Lai reshuffled …"), is one story per item, each tagged on its
    own; any other part stays as it is."""
    title, blocks, lead, _ = part
    items = [(block, line) for block in blocks for line in block.lines]
    if lead or len(items) < 2 or not all(block.kind == "ul" for block in blocks):
        return [part]
    matched = [BRIEF.fullmatch(line) for _, line in items]
    found = [m for m in matched if m and word_count(m.group(2)) >= BRIEF_MIN_WORDS]
    if len(found) < len(items):
        return [part]
    heads = [m.group(1).strip() for m in found]
    if not all(map(_brief_head, heads)) and not _place_labels(heads):
        return [part]
    headed = title != article_title  # the list sat under a heading of its own: it names the group
    return [(f"{title}: {m.group(1).strip()}" if headed else m.group(1).strip(),
             [Block("p", (m.group(2).strip(),), block.line)], False, title if headed else BRIEFS)
            for (block, _), m in zip(items, found)]


def _numbered_items(part: tuple[str, list[Block], bool, str], article_title: str,
                    newsletter: bool) -> list[tuple[str, list[Block], bool, str]]:
    """In a newsletter, a story that is nothing but numbered paragraphs of a sentence or more, three or more
    counted from one ("1) Taiwan's legislature passed … / 2) China's commerce ministry said …"), is one story
    per item, titled from its sentence (a line announcing them, "Three things:", is the edition's lead-in);
    any other part stays as it is."""
    title, blocks, lead, _ = part
    if lead or len(blocks) < MIN_NUMBERED_ITEMS or not blocks[-1].lines[0][:1].isdigit():
        return [part]  # (most parts end in a sentence: asked first)
    intro = blocks[:1] if blocks[0].text.endswith(":") and not LIST_NUMBER.match(blocks[0].text) \
        and word_count(blocks[0].text) <= LEAD_IN_MAX_WORDS else []
    blocks = blocks[len(intro):]
    if len(blocks) < MIN_NUMBERED_ITEMS or any(b.kind != "p" or len(b.lines) > 1 for b in blocks):
        return [part]
    numbers = [LIST_NUMBER.match(b.lines[0]) for b in blocks]
    items = [(b, b.lines[0][m.end():]) for n, (b, m) in enumerate(zip(blocks, numbers), 1)
             if m and m.group().rstrip(".) ") == str(n) and ends_clause(b.lines[0])]
    if len(items) < len(blocks) or any(word_count(text) < BRIEF_MIN_WORDS for _, text in items):
        return [part]
    if not newsletter and not _is_label(article_title, cue_matcher("series_labels")):  # ("Morning brief")
        return [part]
    headed = title != article_title  # the list sat under a heading of its own: it names the group
    out = [(title, intro, True, "")] if intro else []
    for block, text in items:
        item = Block("p", (text,), block.line)
        out.append((f"{title}: {fallback_title((item,))}" if headed else fallback_title((item,)), [item], False,
                    title if headed else BRIEFS))
    return out


MIN_NUMBERED_ITEMS = 3


def _place_labels(heads: list[str]) -> bool:
    """Short capitalised labels, two thirds of them or more a listed place's or a topic's name ("China",
    "Taiwan", "Korea", "Japan")."""
    if not all(h[:1].isupper() and word_count(h) <= PLACE_HEADING_WORDS for h in heads):
        return False
    return sum(_place_headings(heads)) * 3 >= len(heads) * 2


def _brief_head(head: str) -> bool:
    """A brief's headline: capitalised, three words or more ("Seoul holds rates"; "Outlook" is a label)."""
    head = head.strip()
    return (bool(head) and head[0].isupper() and BRIEF_HEAD_WORDS <= word_count(head) <= HEADING_MAX_WORDS
            and not ends_clause(head))


BRIEF_HEAD_WORDS = 3


def _short_opening(parts: list[tuple[str, list[Block], bool, str]]) -> bool:
    """A few lines before two headed stories or more: a newsletter's "this week" opening, not a story."""
    opening = parts[0][1]
    headed = [p for p in parts[1:] if p[1]]
    return (bool(opening) and len(headed) >= 2
            and sum(word_count(b.text) for b in opening) <= LEAD_IN_MAX_WORDS)


EMAIL_SENDER = re.compile(r"from:(?P<name>[^<>@]*)<[^<>\s]+@[^<>\s]+>\s*$", re.IGNORECASE)  # (linear: no nesting)


def email_sender(dropped: tuple[Dropped, ...]) -> str | None:
    """The sender's name in a forwarded email's "From: Pacific Desk <desk@example.org>": the source."""
    for d in dropped:
        m = EMAIL_SENDER.match(d.text) if d.reason == EMAIL else None
        name = m.group("name").strip(" \"'") if m else ""
        if any(c.isalpha() for c in name) and not _bare_name(name):  # (a person who sends a letter is its writer)
            return name
    return None


def email_writer(dropped: tuple[Dropped, ...]) -> str | None:
    """A person's name in the header of the email itself ("From: Priya Raman <…>", under no "Fwd:" subject):
    its writer. A forward's sender only passed it on."""
    _, name = next(((d, m.group("name").strip(" \"'")) for d in dropped
                    if d.reason == EMAIL and (m := EMAIL_SENDER.match(d.text))), (None, ""))
    forwarded = any(d.reason == EMAIL and d.text[:8].lower() == "subject:" and SUBJECT_PREFIX.match(d.text[8:])
                    for d in dropped)
    return name if name and _bare_name(name) and not forwarded else None


def signature_firm(dropped: tuple[Dropped, ...]) -> str | None:
    """The firm an email's signature names on a line of its own ("Calloway Ridge Advisory LLP")."""
    return next((d.text for d in dropped if d.reason == EMAIL_SIGNATURE and "," not in d.text and _firm(d.text)),
                None)  # (not the writer's role: "Director, Critical Minerals Research")


def letter_organisation(dropped: tuple[Dropped, ...]) -> str | None:
    """The organisation a letter's signature names ("President, Pacific Forum for Policy")."""
    m = next((m for d in dropped if d.reason == SIGNED_ROLE and (m := ROLE_AND_ORGANISATION.fullmatch(d.text))), None)
    return m.group("org") if m else None


def contact_authors(dropped: tuple[Dropped, ...], text_starts: int) -> str | None:
    """The writers a research note lists with their email and phone over its text ("Priya Raman, CFA
    priya.raman@… | +852 …"): its authors. (A press contact closing a release is no writer.)"""
    names = [m.group("name") for d in dropped if d.reason == CONTACT and d.line < text_starts
             and (m := NAMED_CONTACT.fullmatch(d.text))]
    return None if not names else names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# A newsletter's platform thanks the reader by the newsletter's name: "Thanks for reading The Strait Dispatch!"
THANKS_FOR_READING = re.compile(r"(?:thanks|thank you) for reading (?P<name>[A-Z0-9][^!.?:]{1,60}?)\s*[!.]", re.IGNORECASE)


def thanked_by(dropped: tuple[Dropped, ...]) -> str | None:
    """The newsletter's name in a left-out "Thanks for reading …!" line: the source."""
    for d in dropped:
        m = THANKS_FOR_READING.match(d.text) if d.reason == "boilerplate" and d.text[:5].lower() == "thank" else None
        if m and m.group("name")[:1].isupper() and m.group("name").lower() not in ("this", "my", "our"):
            return m.group("name")
    return None


# "© 2026 The Peninsula Observer. All rights reserved.", "Copyright 2026 Harbour Daily News"
COPYRIGHT_OWNER = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?"
                             r"(?P<owner>[A-Z][\w&'’.-]*(?: [A-Z&][\w&'’.-]*){0,5}?)\.?(?:\s+All rights reserved\.?)?",
                             re.IGNORECASE)


def copyright_owner(dropped: tuple[Dropped, ...]) -> str | None:
    """The owner a left-out copyright line names: the publisher, when nothing else named one."""
    for d in dropped:
        m = COPYRIGHT_OWNER.fullmatch(d.text.strip()) if d.reason == "boilerplate" else None
        if m and m.group("owner")[:1].isupper() and _firm(m.group("owner").rstrip(".")):
            return m.group("owner").rstrip(".")
    return None


REPORTER_CONTACT = re.compile(r"(?i:to contact the reporters? on this story:)\s*"
                              r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\s+(?:in|at)\s")


# credits one after another: "Reporting by Ann Lee; Editing by Bo Park", "Written by Ann Lee. Edited by Bo Park."
CREDIT_PARTS = re.compile(r";|\.\s+(?=(?:Edited|Editing|Written|Writing|Reporting|Additional|Produced|Compiled|"
                          r"Translated|Research|Photos?|Graphics|Design)\b)")


def reporter(dropped: tuple[Dropped, ...]) -> str | None:
    """The reporter a wire story's closing contact line names ("To contact the reporter on this story: Ann
    Lee in Manila at …"), or a "Written by …" credit: its author when no byline named one."""
    for d in dropped:
        m = REPORTER_CONTACT.match(d.text) if d.reason == "contact" else None
        if m:
            return m.group("name")
    # a credit line naming the writer ("Written by Ann Lee", a Q&A's "Answers by Ann Lee, Tokyo
    # correspondent", a wire's "(Reporting by Ann Lee in Manila; Writing by Bo Park; Editing by …)"),
    # left out with the other credits
    for d in dropped:
        if d.reason != CREDITS:
            continue
        credits = [c.strip(" .") for c in CREDIT_PARTS.split(d.text.strip("()[] "))]
        for opening in WRITER_CREDITS:
            part = next((c for c in credits if c[:len(opening)].lower() == opening.lower()), None)  # ("REPORTING
            # BY KWON JI-HOON" in a wire's capitals too)
            name = part and byline(IN_PLACE.sub("", "Written by " + part[len(opening):]))
            if name:
                return name
    return None


WRITER_CREDITS = ("Written by ", "Writing by ", "Answers by ", "Interview by ", "Interviewed by ", "Reporting by ")
IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")  # "… in Manila": where the reporter filed from


def email_subject(dropped: tuple[Dropped, ...]) -> str | None:
    """The subject of an email's header, without its "Fwd:" or "Re:" and the mailing list's "[Name]"."""
    subject, _ = _subject(dropped)
    return subject


def edition(subject: str | None) -> tuple[str, dt.date] | None:
    """The newsletter and issue date a subject names ("Daily China Brief — 7 April 2026"): no title."""
    name = _newsletter_name(subject) if subject else None
    on = full_date(subject) if subject and name and name != subject else None
    return (name, on) if name and on else None


def email_list(dropped: tuple[Dropped, ...]) -> str | None:
    """The newsletter a subject names in brackets: "Subject: [Sinology Weekly] Xi's reshuffle"."""
    _, name = _subject(dropped)
    return name


SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:fwd?|re)\s*:)+", re.IGNORECASE)
LIST_TAG = re.compile(r"\[([^\[\]]{2,60})\]\s*")


def _subject(dropped: tuple[Dropped, ...]) -> tuple[str | None, str | None]:
    for d in dropped:
        if d.reason == EMAIL and (d.text[:8].lower() == "subject:" or d.text[:3].lower() == "re:"):  # (a memo's)
            subject = SUBJECT_PREFIX.sub("", d.text[d.text.index(":") + 1:]).strip()
            tag = LIST_TAG.match(subject)
            name = tag.group(1).strip() if tag and any(c.isalpha() for c in tag.group(1)) else None
            if tag and name:  # "[Strait Notes] Fwd: Recall votes": the subject after the list's name
                subject = SUBJECT_PREFIX.sub("", subject[tag.end():]).strip()
            return subject or None, name
    return None, None


def fallback_title(blocks: tuple[Block, ...]) -> str:
    """A short title from the opening sentence (the first holding a letter: "🔥🔥🔥" names nothing, nor does
    "Good morning."), for seeds without a headline."""
    for block in blocks:
        if block.kind != "ul" and _is_label(block.text, cue_matcher("summary_labels")):
            continue
        for sentence in sentences(without_opening_mark(block.text)):
            if not any(c.isalpha() for c in sentence) or is_greeting(sentence) or opens_with(sentence, "greetings"):
                continue  # ("Hi everyone — a short one this week": a greeting names nothing)
            if opens_with(sentence, "summary_labels", then=":"):  # "Top line: Beijing signalled …"
                sentence = sentence.split(":", 1)[1].strip() or sentence
            clause = ATTRIBUTION.sub("", re.split(r"\s*[—–:;]\s*|\s+-\s+", sentence)[0].strip())
            words = (clause if word_count(clause) >= 5 else sentence).rstrip(".!?…").split()
            if words:  # (a "sentence" of only "…" or "?!" gave an empty title once, and feedgen crashed on it)
                return _cut(words, FALLBACK_TITLE_WORDS)
    return "Untitled article"


FALLBACK_TITLE_WORDS = 14
# who said it, closing a sentence: ", the presidential office said on Sunday." (left out of a title)
ATTRIBUTION = re.compile(r",\s+(?:according to [^,]{1,60}|[^,]{0,60}?\b(?:said|says|reported|announced|told reporters)"
                         r"(?:\s+on\s+\w+)?)[.!]?$")


def _cut(words: list[str], limit: int) -> str:
    """At most ``limit`` words; cut short, with an ellipsis and without the comma before it ("on Saturday…")."""
    if len(words) <= limit:
        return bounded(" ".join(words))
    return bounded(" ".join(words[:limit]).rstrip(",;:—–-") + "…")


TITLE_MAX_CHARS = 200


def bounded(title: str) -> str:
    """A title of at most TITLE_MAX_CHARS characters, cut at a space where one is near: a "word" of a
    hundred thousand characters (markup pasted as text) would otherwise head every page listing it."""
    if len(title) <= TITLE_MAX_CHARS:
        return title
    cut = title[:TITLE_MAX_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > TITLE_MAX_CHARS // 2 else cut).rstrip(",;:—–- ") + "…"
