"""Small text tools every stage shares: phrase matching, sentence splitting, slugs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

import ahocorasick

WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Match:
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
        for automaton, haystack in ((self._exact, text), (self._folded, None)):
            if not len(automaton):
                continue
            if haystack is None:
                haystack = _lower_same_length(text)
            for end_index, (phrase, value) in automaton.iter(haystack):
                start = end_index - len(phrase) + 1
                end = self._word_end(haystack, end_index + 1)
                if end is not None and (start == 0 or not _word_char(text[start - 1], phrase[0])):
                    candidates.append(Match(start, end, text[start:end], value))
        return _longest_first(candidates)

    def _word_end(self, text: str, end: int) -> int | None:
        """End of the whole word, allowing a suffix; None when the match is inside a longer word."""
        if end >= len(text) or not WORD_CHAR.match(text[end]):
            return end
        for suffix in self.suffixes:
            stop = end + len(suffix)
            if text[end:stop].lower() == suffix and (stop >= len(text) or not WORD_CHAR.match(text[stop])):
                return stop
        return None


def _word_char(ch: str, first: str) -> bool:
    # A phrase that itself starts with punctuation ("U.S.") may follow a letter-less boundary only.
    return bool(WORD_CHAR.match(ch)) and bool(WORD_CHAR.match(first))


def _longest_first(candidates: list[Match]) -> list[Match]:
    taken: list[Match] = []
    occupied: list[tuple[int, int]] = []
    for m in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= s or m.start >= e for s, e in occupied):
            occupied.append((m.start, m.end))
            if m.value is not None:
                taken.append(m)
    return sorted(taken, key=lambda m: m.start)


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
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", folded)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


def unique(slug: str, taken: Iterable[str]) -> str:
    taken = set(taken)
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"


def word_count(text: str) -> int:
    return len(text.split())
