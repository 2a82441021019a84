"""People, organisations and places, by canonical name, with the sentence of first mention.

Listed names come from ``data/entities.yml`` (aliases, case-sensitive, longest match wins). Unlisted people
are found by how text introduces them: a capitalised two- or three-word name after a title ("CEO Jane
Doe"), before or after a reporting verb ("said Jane Doe", "Jane Doe said") or before an affiliation
("Jane Doe of Acme", "Jane Doe, the nominee"). A lone capitalised word never counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from generator.config import cue_matcher, load_cues, load_entities
from generator.model import ENTITY_KINDS, Entity, EntityKind
from generator.text import CLOSERS, Match, PhraseMatcher, Prose, sentences, whole_matches

# Latin letters with their accents ("Eduardo Año", "Đỗ Hùng Việt"); the extended blocks mix both cases
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f\u1ea0-\u1ef9"
_LOW = "a-zß-öø-ÿ\u0100-\u017f\u01a0-\u01b0\u1ea0-\u1ef9"
_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"  # ("Ainsley-Chu", "Ching-te")
_EDGE = r"(?![\w-])(?!['’](?!s\b))"  # a name is not part of a longer word; it may be possessive (Lai's)
NAME_AFTER = re.compile(rf"\s+({_WORD}(?:\s+{_WORD}){{1,2}}){_EDGE}")
NAME_AND = re.compile(rf"(?:,|,?\s+and)\s+({_WORD}(?:\s+{_WORD}){{1,2}}){_EDGE}")  # the next of several
# A name *ending* at a cue is read backwards, on the reversed text: a match there, not a search.
_DROW = rf"(?:[{_LOW}]+[{_UP}]?-)?[{_LOW}]+[{_UP}]"
_EMAN = rf"({_DROW}(?:\s+{_DROW}){{1,2}}){_EDGE}"
NAME_BEFORE_VERB = re.compile(rf"\s+,?{_EMAN}")  # "Jane Doe said", "Jane Doe, said"
NAME_BEFORE = re.compile(_EMAN)
# After a name: "Jane Doe of Acme", "of the Bank"; "Jane Doe, the nominee"; "Jane Doe, Director of Acme".
# Each starts with a literal (" of", ","), which the regex engine finds as fast as a substring.
# (Two patterns, not one alternation, which would lose that.)
AFFILIATIONS = (re.compile(r" of\s+(?:the\s+)?[A-Z]"),
                re.compile(r",\s+(?:(?:the|an?)\s+[a-z]|[A-Z][a-z]+\s+of\s)"))
WORDS = re.compile(r"\S+")
ARTICLES = frozenset({"A", "An"})


@lru_cache(maxsize=1)
def _gazetteer() -> PhraseMatcher:
    data = load_entities()
    phrases: dict[str, tuple[str, str] | None] = {}
    for kind in ENTITY_KINDS:
        for canonical, aliases in data[kind].items():
            for alias in (canonical, *aliases):
                phrases.setdefault(alias, (kind, canonical))
    for phrase in data["exclude"]:
        phrases.setdefault(phrase, None)
    return PhraseMatcher(phrases, exact=True, suffixes=())


def title_words() -> frozenset[str]:
    """The words of data/cues.yml's titles, in lower case ("managing", "director")."""
    return _cues()[1]


def not_names() -> frozenset[str]:
    """The capitalised words of data/cues.yml that never start or end a person's name."""
    return _cues()[2]


def listed_spans(text: str) -> list[tuple[int, int]]:
    """Where names of data/entities.yml are in ``text``."""
    return [(m.start, m.end) for m in _gazetteer().find(text)]


def listed(text: str) -> bool:
    """Does ``text`` name a place, organisation or person of data/entities.yml?"""
    return bool(_gazetteer().find(text))


def whole_names(texts: list[str]) -> list[str | None]:
    """``whole_name`` of each text (without a closing full stop), in one scan."""
    return [m.value[0] if m else None for m in whole_matches(_gazetteer(), [t.rstrip(" .") for t in texts])]


def whole_name(text: str) -> str | None:
    """The kind of the one entity of data/entities.yml that ``text`` (but for a full stop) is a name of, if
    it is one ("Ministry of Industry and Information Technology", "South Korea")."""
    return whole_names([text])[0]


@lru_cache(maxsize=1)
def _cues() -> tuple[PhraseMatcher, frozenset[str], frozenset[str]]:
    """(the cues around a name, the words of titles, words never in a name)."""
    cues = load_cues()
    # lower case: "CEO" or "ceo" alike, and one scan of the folded text
    anchors = {w.lower(): "title" for w in cues["name_titles"]}
    # a plural title introduces two names or more: "Senators Maria Delgado and Tom Hughes"
    anchors.update({_plural(w.lower()): "titles" for w in cues["name_titles"] if w[-1:].isalpha()})
    anchors.update({w.lower(): "verb" for w in cues["report_verbs"]})
    titles = frozenset(w.lower() for t in cues["name_titles"] for w in t.split())
    return PhraseMatcher(anchors, suffixes=()), titles, frozenset(cues["not_names"])


def _plural(title: str) -> str:
    return title[:-1] + "ies" if title.endswith("y") and title[-2:-1] not in "aeiou" else (
        title + "es" if title.endswith(("s", "sh", "ch")) else title + "s")


@lru_cache(maxsize=1)
def _possessive_role() -> re.Pattern:
    """After a name: ", Japan's trade minister" — a possessive, then a title of data/cues.yml within three
    words ("New Delhi, India's capital" has none)."""
    roles = "|".join(sorted((re.escape(t.lower()) for t in load_cues()["name_titles"]), key=len, reverse=True))
    return re.compile(rf",\s+[A-Z][\w.-]*['’]s\s+(?:[a-z-]+\s+){{0,3}}(?:{roles})\b")


@lru_cache(maxsize=1)
def _as_role() -> re.Pattern:
    """After a name: " as its chair", " as the new foreign minister" — "as", then a title of data/cues.yml
    within three words ("Tokyo Electron as a supplier" names no one)."""
    roles = "|".join(sorted((re.escape(t.lower()) for t in load_cues()["name_titles"]), key=len, reverse=True))
    return re.compile(rf" as\s+(?:(?:its|the|their|his|her|a|an)\s+)?(?:[a-z-]+\s+){{0,2}}(?:{roles})\b")


# After a name: " -- Chief Financial Officer", " — Halvorsen Securities — Analyst" (a transcript's speaker): a
# dash after a word, then up to six words, the first capitalised, among them a title of data/cues.yml
# ("Supply Chains — Beijing's move" names no one). Dashes are found by str.find (a regex opening with an
# alternation of them reads each character in Python's engine, several times slower).
AFTER_DASH = re.compile(r" (?=[A-Z])((?:[\w&.'’-]+,? (?:(?:--|—|–) )?){0,5}[\w&.'’-]+)")
DASHES = ("—", "–", "--")


def _dash_roles(text: str) -> list[int]:
    """Where each name ends that a dash and a title follow."""
    words = _cues()[1]  # (a title's words, looked up before the title is: most dashes have none after them)
    ends = []
    for dash in DASHES:
        at = text.find(dash, 2)
        while at >= 0:
            if text[at - 1] == " " and text[at - 2].isalpha() and (m := AFTER_DASH.match(text, at + len(dash))) \
                    and not words.isdisjoint(WORDS_OF.findall(m.group(1).lower())) \
                    and cue_matcher("name_titles", suffixes=()).find(m.group(1)):
                ends.append(at - 1)
            at = text.find(dash, at + len(dash))
    return sorted(ends)


WORDS_OF = re.compile(r"[\w.-]+")


def find_entities(stories: list[tuple[str, Prose | str]]) -> tuple[Entity, ...]:
    """Entities of ``(anchor, story text)`` pairs, in order of first mention, each with every section
    that mentions it."""
    gazetteer = _gazetteer()
    first: dict[str, tuple[EntityKind, str, str]] = {}  # name -> (kind, sentence, anchor)
    anchors: dict[str, dict[str, None]] = {}
    unlisted = 0  # names found by pattern so far: each gets a page of its own
    for anchor, story in stories:
        prose = story if isinstance(story, Prose) else Prose(sentences(story))
        matches = gazetteer.find(prose)
        if "$" in prose.text:  # ("US$3" is a price)
            matches = [m for m in matches if prose.text[m.end:m.end + 1] != "$"]
        found = [(m.start, m.value, False) for m in matches]
        if not (len(prose.sentences) == 1 and _title_case(prose.text)):  # a headline's capitals name nobody
            found += [(start, ("people", name), True) for start, name in _introduced_people(prose, matches)]
        found.sort()
        for start, (kind, name), by_pattern in found:
            if name not in first:
                if by_pattern and unlisted == MAX_UNLISTED_NAMES:
                    continue  # (a seed listing ten thousand names would add ten thousand pages to the site)
                unlisted += by_pattern
                first[name] = (kind, prose.sentences[bisect_right(prose.starts, start) - 1], anchor)
            anchors.setdefault(name, {})[anchor] = None
    return tuple(Entity(name, kind, sentence, anchor, tuple(anchors[name]))
                 for name, (kind, sentence, anchor) in first.items())


MAX_UNLISTED_NAMES = 100  # people found by pattern in one article, in the order it names them


def _title_case(text: str) -> bool:
    """A headline in title case ("Exports Jump as Shippers Race Ahead of Deadline"), not a sentence: its
    capitals say nothing of names."""
    return text.rstrip(CLOSERS)[-1:] not in ".;,:" and title_cased(text)  # (a sentence, however many names)


def title_cased(text: str) -> bool:
    """Most of its longer words capitalised, as a headline's are ("China Retaliates Against New US Chip
    Curbs"), unlike a sentence's ("China retaliated against the new curbs")."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= TITLE_CASE_SHARE * len(words)


TITLE_CASE_SHARE = 0.8


def _introduced_people(prose: Prose, taken: list[Match]) -> list[tuple[int, str]]:
    """Names introduced by a title or reporting verb before them, or a verb or affiliation after them.
    Title words at the front are trimmed ("Minister Jane Doe" is Jane Doe); a ``not_names`` word at either
    end rules the name out ("The Hague Court"); a name that overlaps a listed one is that entity."""
    matcher, titles, not_names = _cues()
    text = prose.text
    size = len(text)
    spans: list[tuple[int, str]] = []
    before = [(NAME_BEFORE, m.start()) for pattern in (*AFFILIATIONS, _possessive_role(), _as_role())
              for m in pattern.finditer(text)]
    before += [(NAME_BEFORE, end) for end in _dash_roles(text)]
    for cue in matcher.find(prose):
        m = NAME_AFTER.match(text, cue.end)
        if m:
            spans.append((m.start(1), m.group(1)))
            while cue.value == "titles" and (m := NAME_AND.match(text, m.end())):  # "…, Bo Park and Jane Roe"
                spans.append((m.start(1), m.group(1)))
        if cue.value == "verb":
            before.append((NAME_BEFORE_VERB, cue.start))
    backwards = text[::-1] if before else ""
    for pattern, end in before:
        m = pattern.match(backwards, size - end)
        if m:
            spans.append((size - m.end(1), m.group(1)[::-1]))
    starts = [m.start for m in taken]  # listed names: sorted, never overlapping one another
    names: dict[int, str] = {}
    sentence_starts = prose.starts
    for start, name in spans:
        words = _words(start, name)
        if len(sentence_starts) > 1:  # (a name never runs on from the sentence, or line, before it)
            cut = sentence_starts[bisect_right(sentence_starts, start + len(name) - 1) - 1]
            words = [w for w in words if w[0] >= cut] if cut > start else words
        titled = [i for i, (_, w) in enumerate(words) if w.lower() in titles or (
            "-" in w and all(part in titles for part in w.lower().split("-")))]  # ("Director-General")
        if titled:  # ("Spokesman Jay Tarriela said": Jay Tarriela; "said Managing Director Craig Doherty": the
            del words[:titled[-1] + 1]  # title's words before "Director" too)
        # (an article never ends a name: "Nguyen Van An" is one)
        if len(words) < 2 or words[0][1] in not_names or (words[-1][1] in not_names and words[-1][1] not in ARTICLES):
            continue
        begin, end = words[0][0], words[-1][0] + len(words[-1][1])
        if text[max(0, begin - 4):begin] == " at ":
            continue  # "analysts at Wexford Macro said": where people work, not who
        i = bisect_left(starts, end) - 1
        if i >= 0 and taken[i].end > begin:
            continue
        names.setdefault(begin, " ".join(w for _, w in words))
    return sorted(names.items())



def _words(start: int, name: str) -> list[tuple[int, str]]:
    """The words of a name found at ``start``, each with its offset in the text."""
    parts = name.split(" ")
    if parts != name.split():  # other white space than single spaces between the words
        return [(start + w.start(), w.group()) for w in WORDS.finditer(name)]
    words, at = [], start
    for part in parts:
        words.append((at, part))
        at += len(part) + 1
    return words
