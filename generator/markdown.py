"""Seed text to Markdown that renders literally: the only safe way untrusted text reaches a page.

Every character that Markdown or one of the site's extensions could read as markup (emphasis, links, raw
HTML, attribute lists, tables, abbreviations, emoji shortcodes) becomes a numeric character reference, which
every Markdown engine prints as the character itself. Plain http(s) addresses become links; nothing else
does. Templates escape by default: only ``Md`` values (built here) pass through untouched.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from functools import lru_cache
from urllib.parse import quote, urlsplit

from generator.text import single_spaced


class Md(str):
    """Markdown the generator wrote itself (links, anchors): trusted, never escaped again."""


# "#" too: a run of "#" ending a line is an ATX heading's closing sequence, so the title "C# and F#" would show
# as "C# and F" (and "x #" as "x"); "#" is also attr_list's id marker.
ALWAYS = set("\\`*_{}[]<>&|~^#")
LINE_START = re.compile(r"^(?:[-+=#>:.!]|\d+(?=[.)]))")
SHORTCODE = re.compile(r":(?=[\w+-])")
URL = re.compile(r"https?://[^\s<>\"'`\[\]{}|\\^]+", re.IGNORECASE)
TRAILING = ".,;:!?)’”'\""


def _ref(ch: str) -> str:
    return f"&#{ord(ch)};"


_SPECIAL = re.compile("[" + re.escape("".join(sorted(ALWAYS))) + "]")
_REFS = {c: _ref(c) for c in ALWAYS}


def _chars(text: str) -> str:
    return SHORTCODE.sub("&#58;", _SPECIAL.sub(_reference, text))


def _reference(match: re.Match) -> str:
    return _REFS[match.group()]


def _line_start(out: str) -> str:
    start = LINE_START.match(out)
    if not start:
        return out
    # "1." or "-" at the start of a line would open a list, "#" a heading, ">" a quote
    end = start.end()
    first = out[:end]
    return (first + _ref(out[end]) + out[end + 1:]) if first.isdigit() else _ref(out[0]) + out[1:]


@lru_cache(maxsize=1 << 16)
def escape(text: str) -> Md:
    """Plain text to Markdown that shows exactly that text (on one line; runs of spaces become one).
    Cached: the same names, titles and dates are escaped for page after page."""
    text = str(text)
    core = single_spaced(text)
    if not core:
        return Md("")
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return Md(lead + _line_start(_chars(core)) + trail)


def prose(text: str) -> Md:
    """Escaped text in which plain http(s) addresses become links."""
    text = single_spaced(str(text))
    if "://" not in text:  # no address to link: most sentences (the URL pattern tries every position)
        return Md(_line_start(_chars(text)))
    return Md(_line_start(_linked(text)))


MARKS_PER_PARAGRAPH = 300
_MARK = re.compile("[" + re.escape("".join(sorted(ALWAYS)) + ":") + "]")  # what ``_chars`` turns into a reference


def marks(text: str) -> int:
    """How many characters of ``text`` become references."""
    return len(_MARK.findall(text))


def paragraphs(text: str) -> list[Md]:
    """``prose`` of a paragraph, cut into several when it holds more than MARKS_PER_PARAGRAPH characters that
    become references: Python-Markdown's inline pass costs the square of the references in one paragraph
    (40,000 take half a minute), so markup pasted as text would stall the build. Cut at a space where one
    is near; a paragraph of ordinary text is never cut."""
    text = single_spaced(str(text))
    marks = [m.start() for m in _MARK.finditer(text)] if len(text) > MARKS_PER_PARAGRAPH else []
    if len(marks) <= MARKS_PER_PARAGRAPH:
        return [prose(text)]
    out, start, first = [], 0, 0  # the piece's start, and the index of its first mark
    while len(marks) - first > MARKS_PER_PARAGRAPH:
        limit = marks[first + MARKS_PER_PARAGRAPH]  # the piece ends before this mark
        space = text.rfind(" ", start, limit)
        cut = space if space > start + (limit - start) // 2 else limit
        out.append(prose(text[start:cut].strip()))
        start = cut
        first = bisect_left(marks, start, first)
    out.append(prose(text[start:].strip()))
    return [p for p in out if p]


def _linked(text: str) -> str:
    parts, pos = [], 0
    for m in URL.finditer(text):
        url = _trim(m.group(0))
        if safe_url(url) is None or len(url) <= len("https://"):
            continue
        parts.append(_chars(text[pos:m.start()]))
        parts.append(link(url, url))
        pos = m.start() + len(url)
    parts.append(_chars(text[pos:]))
    return "".join(parts)


def _trim(url: str) -> str:
    """Drop sentence punctuation after an address, but keep a closing parenthesis it opened itself."""
    while url and url[-1] in TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def safe_url(url: str) -> str | None:
    """An http(s) URL fit for an href, percent-encoded; None for any other scheme."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def link(text: str, url: str) -> Md:
    """A link to an external http(s) address; anything else is shown as plain text."""
    target = safe_url(url)
    if target is None:
        return escape(text)
    # Markdown leaves character references in a link target for the browser to decode, so
    # "https://x/&#x22;onclick=…" would reach the href as https://x/"onclick=…: a different address than the one
    # written, smuggling quotes and angle brackets into it. "&amp;" decodes to exactly the "&" that was written.
    return Md(f"[{escape(text)}](<{target.replace('&', '&amp;')}>)")


def internal(text: str, path: str) -> Md:
    """A link to a page of this site; ``path`` is built by the generator from slugs, never from seeds."""
    return Md(f"[{escape(text)}]({path})")


def attribute(text: str) -> str:
    """Text for a YAML front-matter value that themes print into HTML unescaped (MkDocs has no autoescape)."""
    return html.escape(" ".join(str(text).split()), quote=True).replace("&#x27;", "'")
