"""People, organisations and places, by canonical name, with the sentence of first mention.

Listed names come from ``data/entities.yml`` (aliases, case-sensitive, longest match wins). Unlisted people
are found by how text introduces them: a capitalised two- or three-word name after a title ("CEO Jane
Doe"), before or after a reporting verb ("said Jane Doe", "Jane Doe said") or before an affiliation
("Jane Doe of Acme", "Jane Doe, the nominee"). A lone capitalised word never counts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.config import load_cues, load_entities
from generator.model import ENTITY_KINDS, Entity
from generator.text import PhraseMatcher

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
def _cue_patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    cues = load_cues()
    verbs = "|".join(re.escape(v) for v in sorted(cues["report_verbs"], key=len, reverse=True))
    titles = "|".join(re.escape(t) for t in sorted(cues["name_titles"], key=len, reverse=True))
    before = re.compile(rf"(?:\b(?:{titles})|\b(?:{verbs}))\s+$")
    after = re.compile(rf"^(?:,?\s+(?:{verbs})\b|\s+of\s+(?:the\s+)?[A-Z]|,\s+(?:the|a|an)\s+[a-z]|,\s+[A-Z][a-z]+\s+of\s)")
    return before, after, frozenset(cues["not_names"])


def find_entities(sentences: list[tuple[str, str]]) -> tuple[Entity, ...]:
    """Entities of a list of ``(anchor, sentence)`` in order of first mention."""
    gazetteer = _gazetteer()
    seen: dict[str, Entity] = {}
    for anchor, sentence in sentences:
        matches = gazetteer.find(sentence)
        for m in matches:
            kind, canonical = m.value
            if canonical not in seen:
                seen[canonical] = Entity(canonical, kind, sentence, anchor)
        for name in _introduced_people(sentence, [(m.start, m.end) for m in matches]):
            if name not in seen:
                seen[name] = Entity(name, "people", sentence, anchor)
    return tuple(seen.values())


def _introduced_people(sentence: str, taken: list[tuple[int, int]]) -> list[str]:
    before, after, not_names = _cue_patterns()
    names = []
    for m in NAME.finditer(sentence):
        words = m.group(1).split()
        if words[0] in not_names or words[-1] in not_names:
            continue
        if any(m.start() < e and m.end() > s for s, e in taken):
            continue
        if before.search(sentence[: m.start()]) or after.match(sentence[m.end():]):
            names.append(m.group(1))
    return names
