"""Small text tools every stage shares: phrase matching, sentence splitting, slugs."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Any, NamedTuple

import ahocorasick



class Match(NamedTuple):
    start: int
    end: int
    phrase: str
    value: Any


def _is_case_sensitive(phrase: str) -> bool:
    """All-capital acronyms (US, U.S., DPRK) must match exactly; other phrases ignore case."""
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class PhraseMatcher:
    """Whole-word phrase matching (Aho–Corasick), longest match first, no overlaps.

    ``phrases`` maps a phrase to a value; a value of ``None`` marks a phrase that blocks shorter matches inside
    it without being reported (``George Washington`` stops ``Washington``). With ``exact=True`` every phrase
    is case-sensitive; otherwise only all-capital acronyms are. ``suffixes`` lets a phrase's last word take a
    plural or verb ending.
    """

    def __init__(self, phrases: dict[str, Any], exact: bool = False,
                 suffixes: tuple[str, ...] = ("s", "es")):
        self.suffixes = tuple(sorted(suffixes, key=len, reverse=True))
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        for phrase, value in phrases.items():
            phrase = phrase.strip()
            if not phrase:
                continue
            if exact or _is_case_sensitive(phrase):
                self._exact.add_word(phrase, (phrase, value))
            else:
                self._folded.add_word(phrase.lower(), (phrase, value))
        for automaton in (self._exact, self._folded):
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        candidates: list[Match] = []
        size = len(text)
        suffixes = self.suffixes
        for automaton, folded in ((self._exact, False), (self._folded, True)):
            if not len(automaton):
                continue
            haystack = _lower_same_length(text) if folded else text
            for end_index, (phrase, value) in automaton.iter(haystack):
                start = end_index - len(phrase) + 1
                end = end_index + 1
                if start and _is_word(text[start - 1]) and _is_word(phrase[0]):
                    continue  # inside a longer word
                if end < size and _is_word(text[end]):
                    for suffix in suffixes:
                        stop = end + len(suffix)
                        if haystack[end:stop] == suffix and (stop >= size or not _is_word(text[stop])):
                            end = stop
                            break
                    else:
                        continue
                candidates.append(Match(start, end, text[start:end], value))
        return _longest_first(candidates) if candidates else candidates


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _longest_first(candidates: list[Match]) -> list[Match]:
    """Leftmost-longest: at each position the longest phrase wins and hides what it overlaps."""
    taken: list[Match] = []
    end = -1
    for m in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= end:
            end = m.end
            if m.value is not None:
                taken.append(m)
    return taken


# ---------------------------------------------------------------------------------------------------------

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "st", "jr", "sr", "vs", "etc",
    "no", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "e.g", "i.e", "approx", "est", "dept", "n",
}
SENTENCE_END = re.compile(r"([.!?…]+)([\"”’')\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """Split prose into sentences without breaking after abbreviations (U.S., Mr., Jan.) or initials."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        before = text[start:m.start()].rsplit(None, 1)
        last_word = before[-1].lower().lstrip("(\"“‘'") if before else ""
        if m.group(1) == "." and (last_word in ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word)
                                  or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last_word)):
            continue
        piece = text[start:m.end(2)].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def slugify(text: str, limit: int = 60) -> str:
    """ASCII, lowercase, hyphenated; never empty, never a path (``../x`` becomes ``x``)."""
    # apostrophes join ("Taiwan’s" → taiwans); any other punctuation separates ("Trump–Xi" → trump-xi)
    text = re.sub(r"[^\w\s'’]", " ", text).replace("'", "").replace("’", "")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", folded)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


def unique(slug: str, taken: set[str] | frozenset[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… if taken (a set: called once per page, it must not copy)."""
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"


def word_count(text: str) -> int:
    return len(text.split())


class Prose:
    """Sentences joined into one text, so a matcher runs once per story instead of once per sentence."""

    def __init__(self, sentence_list: list[str]):
        self.sentences = sentence_list
        self.starts: list[int] = []
        pos = 0
        for sentence in sentence_list:
            self.starts.append(pos)
            pos += len(sentence) + 1
        self.text = " ".join(sentence_list)

    def by_sentence(self, matches) -> dict[int, list]:
        """Group matches (anything with ``.start``) by the index of the sentence holding them."""
        out: dict[int, list] = {}
        for m in matches:
            out.setdefault(bisect_right(self.starts, m.start) - 1, []).append(m)
        return out
