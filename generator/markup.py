"""A seed pasted as a page's source: its HTML or Markdown markup read as the text it shows.

Only markup that is plainly a copy's is read so: a seed written mostly as HTML elements ("<p>…</p>" on most
lines), Markdown images on a line of their own and Markdown links to a web address. Anything else that looks
like markup ("use the <b> tag", "~*subverting expectations*~") stays as typed and is shown literally.
Nothing here ever produces markup for the page: tags become line breaks or nothing, and entities the
characters they stand for, which the renderer escapes like any other text.
"""

from __future__ import annotations

import html
import re

# (no part of a tag crosses "<" or ">": a scan from each "<" stops at the next one, linear in all)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b(?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*>")
HIDDEN_OPEN = re.compile(r"<(script|style|noscript|template|head)\b|<!--", re.IGNORECASE)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset({"p", "div", "section", "article", "header", "footer", "aside", "blockquote", "figure",
                    "figcaption", "ul", "ol", "table", "tr", "hr", "main", "nav", "body", "html"})
TEXT_ELEMENTS = frozenset({"p", "li", "blockquote", "td", "h1", "h2", "h3", "h4", "h5", "h6"})
LINE_BREAKS = frozenset({"br", "td", "th", "dt", "dd"})
# an event handler or a script address: an attack's markup, never an article's (shown as typed, harmless)
SCRIPTED = re.compile(r"\bon[a-z]{3,}\s*=|javascript\s*:|vbscript\s*:", re.IGNORECASE)
MIN_ELEMENTS = 3  # paragraphs, headings or items: a page's text, not a snippet of markup
DECLARATION = re.compile(r"<![A-Za-z][^<>]*>|<\?[^<>]*\?>")  # "<!DOCTYPE html …>", "<?xml …?>": no text
HIDDEN_SPAN = re.compile(r"<span\b[^<>]*display:none[^<>]*>[^<]*</span>", re.IGNORECASE)
MIN_TAGGED_SHARE = 0.5  # of the non-blank lines, opening with a tag
MIN_TEXT_SHARE = 0.5  # of the characters, outside tags: an article, not a list of tags (an attack's)

MD_IMAGE_LINE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\((?:https?://|/)[^()\s]*(?:\s+\"[^\"\n]*\")?\)\s?")
MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\(https?://[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\)")


def is_html(body: str) -> bool:
    """Written as HTML: three elements of text or more (paragraphs, headings, items), most lines opening
    with a tag that lays text out (one long line of minified HTML counts as one such line), most characters
    text rather than tags, scripts or styles, and no event handler or script address. A list of payloads
    ("<img src=x onerror=…>") fails these; a snippet has too few elements: both are shown as typed."""
    if "</" not in body or SCRIPTED.search(body):
        return False
    lines = [line.lstrip() for line in body.split("\n") if line.strip()]
    tagged = sum(1 for line in lines if line[:1] == "<" and (m := TAG.match(line)) and _lays_out(m.group(2)))
    if tagged < MIN_TAGGED_SHARE * len(lines):
        return False
    shown = _without_hidden(body)
    tags = list(TAG.finditer(shown))
    elements = sum(1 for m in tags if not m.group(1) and m.group(2).lower() in TEXT_ELEMENTS)
    markup = sum(m.end() - m.start() for m in tags)
    return elements >= MIN_ELEMENTS and len(shown) - markup >= MIN_TEXT_SHARE * len(body)


def _lays_out(name: str) -> bool:
    name = name.lower()
    return name in BLOCKS or name in HEADINGS or name in LINE_BREAKS or name == "li"


def from_html(body: str, first_line: int) -> tuple[str, list[int]]:
    """The text an HTML seed shows, and for each of its lines the seed's line it came from: block elements
    end paragraphs, headings become Markdown headings, list items bullets; other tags go and entities
    are decoded."""
    body = DECLARATION.sub("", _without_hidden(body))
    if "display:none" in body:  # a newsletter's preheader, hidden from readers (no span nests in one)
        body = HIDDEN_SPAN.sub(lambda m: "\n" * m.group().count("\n"), body)
    out: list[str] = []
    origins: list[int] = []
    for offset, line in enumerate(body.split("\n")):
        for piece in TAG.sub(_tag, line).split("\n"):
            out.append(html.unescape(piece))
            origins.append(first_line + offset)
    return "\n".join(out), origins


def _without_hidden(body: str) -> str:
    """Scripts, styles and comments removed with what they hold, their line breaks kept (so line numbers
    stay the seed's). Each closing tag is looked for once, from where its element opens: an element left
    open hides the rest of the text, as in a browser."""
    out, at = [], 0
    while (m := HIDDEN_OPEN.search(body, at)):
        close = re.compile("-->" if m.group() == "<!--" else f"</{m.group(1)}\\b[^<>]*>", re.IGNORECASE).search(
            body, m.end())  # (compiled once: the module caches patterns)
        end = close.end() if close else len(body)
        out.append(body[at:m.start()])
        out.append("\n" * body.count("\n", m.start(), end))
        at = end
    out.append(body[at:])
    return "".join(out)


def _tag(m: re.Match) -> str:
    closing, name = m.group(1), m.group(2).lower()
    if name in HEADINGS:
        return "\n\n" if closing else "\n\n# "
    if name == "li":
        return "\n" if closing else "\n- "
    if name in BLOCKS:
        return "\n\n"
    if name in LINE_BREAKS:
        return "\n"
    return ""


def without_md_links(line: str) -> str:
    """A line's Markdown links to web addresses as their words, inline images gone: "[the report](https://…)"
    reads "the report". (A line that is only an image stays, to be left out as one.)"""
    if "](" not in line or MD_IMAGE_LINE.fullmatch(line):
        return line
    return MD_LINK.sub(r"\1", MD_IMAGE.sub("", line)).strip()
