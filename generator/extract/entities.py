"""People, organisations and places, by canonical name, with the sentence of first mention.

Listed names come from ``data/entities.yml`` (aliases, case-sensitive, longest match wins). Unlisted people
are found by how text introduces them: a capitalised two- or three-word name after a title ("CEO Jane
Doe"), before or after a reporting verb ("said Jane Doe", "Jane Doe said") or before an affiliation
("Jane Doe of Acme", "Jane Doe, the nominee"). A lone capitalised word never counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from generator.config import load_cues, load_entities
from generator.model import ENTITY_KINDS, Entity
from generator.text import PhraseMatcher, Prose, sentences

NAME = re.compile(r"(?<![\w’'-])([A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,2})(?![\w’'-])")


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


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[frozenset[str], re.Pattern, frozenset[str]]:
    """(words that may precede a name, the pattern of what may follow one, words never in a name)."""
    cues = load_cues()
    verbs = "|".join(re.escape(v) for v in sorted(cues["report_verbs"], key=len, reverse=True))
    before = frozenset(w.lower() for w in cues["name_titles"] + cues["report_verbs"])
    after = re.compile(rf"(?:,?\s+(?:{verbs})\b|\s+of\s+(?:the\s+)?[A-Z]|,\s+(?:the|a|an)\s+[a-z]|,\s+[A-Z][a-z]+\s+of\s)")
    return before, after, frozenset(cues["not_names"])


def find_entities(stories: list[tuple[str, Prose | str]]) -> tuple[Entity, ...]:
    """Entities of ``(anchor, story text)`` pairs, in order of first mention, each with every section
    that mentions it."""
    gazetteer = _gazetteer()
    first: dict[str, tuple[str, str, str]] = {}  # name -> (kind, sentence, anchor)
    anchors: dict[str, dict[str, None]] = {}
    for anchor, story in stories:
        prose = story if isinstance(story, Prose) else Prose(sentences(story))
        matches = gazetteer.find(prose.text)
        found = [(m.start, m.value) for m in matches]
        found += [(p.start, ("people", p.name))
                  for p in _introduced_people(prose.text, [(m.start, m.end) for m in matches])]
        for index, hits in sorted(prose.by_sentence(_At(start, v) for start, v in sorted(found)).items()):
            for hit in hits:
                kind, name = hit.value
                first.setdefault(name, (kind, prose.sentences[index], anchor))
                anchors.setdefault(name, {})[anchor] = None
    return tuple(Entity(name, kind, sentence, anchor, tuple(anchors[name]))
                 for name, (kind, sentence, anchor) in first.items())


@dataclass(frozen=True)
class _At:
    start: int
    value: tuple[str, str]


@dataclass(frozen=True)
class _Found:
    start: int
    name: str


def _introduced_people(sentence: str, taken: list[tuple[int, int]]) -> list[_Found]:
    before, after, not_names = _cue_patterns()
    names = []
    taken = sorted(taken)
    for m in NAME.finditer(sentence):
        words = m.group(1).split()
        if words[0] in not_names or words[-1] in not_names:
            continue
        i = bisect_left(taken, (m.end(), -1))
        if any(m.start() < e and m.end() > s for s, e in taken[max(0, i - 3):i]):
            continue
        preceding = sentence[max(0, m.start() - 30): m.start()].lower().split()
        if (preceding and (preceding[-1] in before or " ".join(preceding[-2:]) in before)) \
                or after.match(sentence, m.end()):
            names.append(_Found(m.start(), m.group(1)))
    return names
