"""Small text tools every stage shares: phrase matching, sentence splitting, slugs."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cached_property
from typing import Any, NamedTuple

import ahocorasick_rs


class Match(NamedTuple):
    start: int
    end: int
    phrase: str
    value: Any


def _is_case_sensitive(phrase: str) -> bool:
    """All-capital acronyms (US, U.S., DPRK) must match exactly; other phrases ignore case."""
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def fold(text: str) -> str:
    """ASCII letters to lower case, every other character kept: the same length as ``text`` (so offsets
    stay valid) and far cheaper than ``str.lower`` on text holding curly quotes or dashes. The last two
    results are kept: several vocabularies scan the same story and its title in turn."""
    global _recent
    recent = _recent  # one read: safe if threads share it
    for seen, folded in recent:
        if seen is text:
            return folded
    try:
        folded = text.encode().lower().decode()
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 form
        folded = "".join(c.lower() if c.isascii() else c for c in text)
    _recent = ((text, folded), recent[0])
    return folded


_recent: tuple[tuple[str | None, str], ...] = ((None, ""), (None, ""))


_BY_SPELLING = object()  # the value of a form found folded depends on how the text spells it ("US" or "us")


class PhraseMatcher:
    """Whole-word phrase matching (Aho–Corasick), longest match first, no overlaps.

    ``phrases`` maps a phrase to a value; a value of ``None`` marks a phrase that blocks shorter matches inside
    it without being reported (``George Washington`` stops ``Washington``). With ``exact=True`` every phrase
    is case-sensitive; otherwise only all-capital acronyms are. ``suffixes`` lets a phrase's last word take a
    plural or verb ending.

    Every suffixed form is a phrase of its own, so the text is scanned once, in compiled code: as written when
    every phrase is case-sensitive, else folded, a case-sensitive form being then checked against the text as
    written where it is found ("US", not "us"). Python only checks word boundaries on the candidates. An
    exact phrase is preferred to a folded one on the same words; a phrase as written to another's suffixed
    form.
    """

    def __init__(self, phrases: dict[str, Any], exact: bool = False,
                 suffixes: tuple[str, ...] = ("s", "es")):
        # what is scanned for → the case-sensitive spellings it may stand for (first listed first), and the
        # value of its case-insensitive phrase, if one has it
        spellings: dict[str, dict[str, Any]] = {}
        any_case: dict[str, Any] = {}
        listed = [(p.strip(), v) for p, v in phrases.items() if p.strip()]
        for suffix in ("", *suffixes):
            for phrase, value in listed:
                form = phrase + suffix
                if exact:
                    any_case.setdefault(form, value)  # (the text is scanned as written: the form is its spelling)
                elif _is_case_sensitive(phrase):
                    spellings.setdefault(fold(form), {}).setdefault(form, value)
                else:
                    any_case.setdefault(fold(form), value)
        forms = list(dict.fromkeys([*spellings, *any_case]))
        self._folded = not exact
        self._word_start = [_is_word(form[0]) for form in forms]
        # per form: its value, or _BY_SPELLING for a form with case-sensitive spellings (its choices, in order)
        self._value = [any_case[f] if f not in spellings else _BY_SPELLING for f in forms]
        self._choices = [(*spellings[f].items(), *([(None, any_case[f])] if f in any_case else []))
                         if f in spellings else () for f in forms]
        self._scanner = ahocorasick_rs.AhoCorasick(forms, implementation=ahocorasick_rs.Implementation.DFA) \
            if forms else None

    def find(self, source: str | Prose) -> list[Match]:
        """Matches in a string, or in a story's Prose."""
        text, folded_text = (source.text, source.folded) if isinstance(source, Prose) else (source, None)
        if not text or self._scanner is None:
            return []
        size = len(text)
        word_start, values, choices = self._word_start, self._value, self._choices
        candidates: list[tuple[int, int, int]] = []  # (start, -end, form): plain ints sort fast
        scanned = (folded_text or fold(text)) if self._folded else text
        for index, start, end in self._scanner.find_matches_as_indexes(scanned, overlapping=True):
            if end < size:
                after = text[end]
                if after.isalnum() or after == "_":
                    continue  # inside a longer word
            if start and word_start[index]:
                before = text[start - 1]
                if before.isalnum() or before == "_":
                    continue
            if values[index] is _BY_SPELLING and not any(written is None or text[start:end] == written
                                                      for written, _ in choices[index]):
                continue  # "us", where only "US" is listed
            candidates.append((start, -end, index))
        if not candidates:
            return []
        # leftmost-longest: at each position the longest phrase wins and hides what it overlaps
        candidates.sort()
        taken: list[Match] = []
        reached = -1
        new = tuple.__new__  # a Match without NamedTuple's Python-level constructor
        for start, negative_end, index in candidates:
            if start >= reached:
                reached = -negative_end
                value = values[index]
                if value is _BY_SPELLING:  # the first spelling that is the text's (an exact phrase first)
                    found = text[start:reached]
                    value = next(v for written, v in choices[index] if written is None or written == found)
                if value is not None:
                    taken.append(new(Match, (start, reached, text[start:reached], value)))
        return taken


def whole_matches(matcher: PhraseMatcher, texts: list[str]) -> list[Match | None]:
    """For each text, the one match that spans it whole, if any: one scan of all the texts, not one each."""
    joined = "\n".join(texts)
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    spans: dict[int, list[Match]] = {}
    for m in matcher.find(joined):
        spans.setdefault(bisect_right(starts, m.start) - 1, []).append(m)
    out: list[Match | None] = []
    for i, text in enumerate(texts):
        found = spans.get(i, [])
        whole = len(found) == 1 and found[0].start == starts[i] and found[0].end == starts[i] + len(text)
        out.append(found[0] if whole else None)
    return out


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# ---------------------------------------------------------------------------------------------------------

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "st", "jr", "sr", "vs", "etc",
    "no", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "e.g", "i.e", "approx", "est", "dept", "n", "hon", "rt", "amb", "adm", "capt",
    "cmdr", "sgt", "maj", "brig", "supt", "insp", "rev", "fr",
}
# The last stop of a run ("?!", "..."), closing quotes or brackets, space, then what opens a sentence. It
# starts with one character class, not a run of them: the regex engine then skips text fast (about 3x).
# Chinese and Japanese full stops end a sentence with no space after them.
STOPS, CLAUSE_END, CLOSERS = ".!?…。！？", ".!?…:;,。！？；：，", "\"”’')]」』）"
ENDING = STOPS + CLOSERS + " \n\t"  # what may follow a sentence's last word at the end of a text (its stops
# are spelt out again in ``sentences``, where testing each is cheaper than a loop over them)
SENTENCE_END = re.compile(r"[.!?…。！？]([\"”’')\]」』）]*)(\s+(?=[\"“‘'(\[「『（]?[A-Z0-9\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])|(?<=[。！？」』）])\s*(?=[\"“‘'(\[「『（]?[^\W_]))")


# A wire story's dateline: a city in capitals (or two: "TOKYO/BEIJING"), then an agency ("MANILA, April 8
# (Reuters) -", "BEIJING (AP) —"), a date ("TOKYO, Jan. 5 -", "TOKYO, Jan. 5, 2026 -") or a double hyphen
# ("SEOUL --"); or the agency alone ("(Bloomberg) -- "), or a city as written, a date and the agency
# ("Pyongyang, March 8 (KCNA) --") or a month's date alone ("Kuala Lumpur, Feb 2 —"); or a city of four
# capitals or more and a dash or hyphen before a sentence ("WASHINGTON — Senators …", "MANILA - The navy …",
# "TAIPEI: Taiwan's …"; not a heading's "ANALYSIS — Why Taipei bets on drones", nor "US - China talks
# resume."); or Yonhap's "(Seoul=Yonhap)"; a press release's "PERTH, Australia, March 4, 2026 /PRNewswire/ --".
# The agency or newswire, when named, is the source, and a date with its year the article's date.
DATELINE = re.compile(r"(?:[A-Z][A-Z.'’ /-]*[A-Z.](?:(?:,[^()\n]{1,40}?)?\s*\((?P<agency>[A-Z][^()\n]{0,30}?)\)\s*"
                      r"(?:--|[-–—])|,\s+(?:[A-Z][A-Za-z .]{1,30},\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?\s+"
                      r"(?:/(?P<newswire>[A-Z][\w .-]{1,30}?)/\s+)?(?:--|[-–—])"
                      r"|\s--)|\((?P<wire>[A-Z][^()\n]{0,30}?)\)\s*(?:--|[-–—])"
                      r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s*"
                      r"\((?P<filed>[A-Z][^()\n]{0,30}?)\)\s*(?:--|[-–—])"
                      r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
                      r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
                      r"\s+\d{1,2}(?:,\s+\d{4})?\s*(?:--|[-–—])"
                      r"|\([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?=(?P<kor>[A-Z][A-Za-z ]{1,20})\)(?:\s*(?:--|[-–—]))?"
                      r"|(?=[A-Z][A-Z.'’/ ]{3})[A-Z][A-Z.'’/-]*(?: [A-Z][A-Z.'’/-]+){0,2}(?: [—–-]|:)(?=\s\S[^\n]*[.!?…][\"”’')\]]*\s*$))\s")

INITIALS = re.compile(r"[a-z]|(?:[a-z]\.)+[a-z]")  # "J", "U.S", "e.g" before the full stop


QUOTE_MAX_CHARS = 1000  # a longer "sentence" (markup pasted as text) is quoted nowhere: no page can show it in time


def quotable(sentence: str) -> bool:
    return len(sentence) <= QUOTE_MAX_CHARS


def sentences(text: str) -> list[str]:
    """Split prose into sentences without breaking after abbreviations (U.S., Mr., Jan.) or initials."""
    body = text.rstrip(ENDING)
    if not ("." in body or "?" in body or "!" in body or "…" in body or (
            not body.isascii() and ("。" in body or "！" in body or "？" in body))):  # stops at the very end only
        text = text.strip()
        return [text] if text else []
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        stop = m.start()
        if text[stop] == "." and (stop == 0 or text[stop - 1] not in STOPS):  # a lone full stop
            space = max(text.rfind(" ", start, stop), text.rfind("\n", start, stop), start - 1)
            last_word = text[space + 1:stop].lower().lstrip("(\"“‘'")
            if last_word in ABBREVIATIONS or INITIALS.fullmatch(last_word):
                continue
        piece = text[start:m.end(1)].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def ends_clause(text: str) -> bool:
    """Does ``text`` end in punctuation, maybe followed by closing quotes or brackets, or by emoji ("… in ten
    days. 🚀")? Read from the end: a regex anchored at ``$`` would try every position of a long paragraph
    first."""
    bare = text.rstrip(CLOSERS)
    if not bare:
        return False
    last = bare[-1]
    if last in CLAUSE_END or last < "\x80":  # (most lines end in ASCII: no emoji to look past)
        return last in CLAUSE_END
    bare = _without_trailing_symbols(bare).rstrip(CLOSERS)
    return bool(bare) and bare[-1] in CLAUSE_END


def _without_trailing_symbols(text: str) -> str:
    """``text`` without the emoji (and their joiners, variation selectors and spaces) it ends with."""
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) in SYMBOL_CATEGORIES):
        end -= 1
    return text[:end]


SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Mn", "Cf", "Cs"})  # emoji, modifiers, selectors, joiners


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


def unique(slug: str, taken: set[str] | frozenset[str], counters: dict[str, int] | None = None) -> str:
    """``slug``, or ``slug-2``, ``slug-3``… if taken (a set: called once per page, it must not copy).
    ``counters`` (kept by the caller across calls) remembers where each slug's numbering got to: thirty
    thousand stories titled alike took minutes when each counted up from 2 again."""
    if slug not in taken:
        return slug
    n = counters.get(slug, 2) if counters is not None else 2
    while f"{slug}-{n}" in taken:
        n += 1
    if counters is not None:
        counters[slug] = n + 1
    return f"{slug}-{n}"


def word_count(text: str) -> int:
    if text.isprintable() and "  " not in text:  # single-spaced (every block's text): count the gaps
        stripped = text.strip(" ")
        return stripped.count(" ") + 1 if stripped else 0
    return len(text.split())


def single_spaced(text: str) -> str:
    """Every run of white space (no-break, narrow, tab) to one plain space, ends trimmed; a line that is
    already so (most are) is returned without being split into words."""
    text = text.strip()
    return text if text.isprintable() and "  " not in text else " ".join(text.split())


class Prose:
    """Sentences joined into one text, so a matcher runs once per story instead of once per sentence."""

    def __init__(self, sentence_list: list[str], connected: bool = True):
        self.sentences = sentence_list
        self.connected = connected  # some paragraph holds two sentences or more: prose, not a list of lines
        self.starts: list[int] = []
        pos = 0
        for sentence in sentence_list:
            self.starts.append(pos)
            pos += len(sentence) + 1
        self.text = " ".join(sentence_list)

    @cached_property
    def folded(self) -> str:
        """``fold(text)``, kept: each vocabulary that ignores case reads it."""
        return fold(self.text)

    def by_sentence(self, matches) -> dict[int, list]:
        """Group matches (anything with ``.start``) by the index of the sentence holding them."""
        out: dict[int, list] = {}
        for m in matches:
            out.setdefault(bisect_right(self.starts, m.start) - 1, []).append(m)
        return out
