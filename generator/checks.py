"""Editor checks beyond one seed's validity: a seed that repeats another one."""

from __future__ import annotations

import re
from itertools import combinations

from generator.clean import clean
from generator.errors import Problem
from generator.read import Seed

SHARED_PARAGRAPHS = 0.85
MIN_PARAGRAPH_CHARS = 40
COMMON_PARAGRAPH = 50  # a paragraph in this many seeds is boilerplate, not evidence of a copy


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _paragraphs(seed: Seed) -> set[str]:
    blocks = clean(seed.body, seed.body_line).blocks
    return {_normal(line) for b in blocks for line in b.lines if len(line) >= MIN_PARAGRAPH_CHARS}


def duplicates(seeds: list[Seed]) -> list[Problem]:
    """Seeds whose text is the same as another's, or shares more than 85 % of its paragraphs.

    The later seed (by file name) is reported, on its first line of text, naming the earlier one.
    """
    problems: list[Problem] = []
    reported: set[tuple[int, int]] = set()

    first_with_text: dict[str, int] = {}
    for j, seed in enumerate(seeds):
        text = _normal(seed.body)
        i = first_with_text.setdefault(text, j) if text else j
        if i != j:
            reported.add((i, j))
            problems.append(_problem(seed, seeds[i], "has the same text as"))

    paras = [_paragraphs(s) for s in seeds]
    index: dict[str, set[int]] = {}
    for i, ps in enumerate(paras):
        for p in ps:
            index.setdefault(p, set()).add(i)
    candidates = {pair for ids in index.values() if 1 < len(ids) < COMMON_PARAGRAPH
                  for pair in combinations(sorted(ids), 2)}
    for i, j in sorted(candidates - reported):
        pa, pb = paras[i], paras[j]
        shared = len(pa & pb) / max(1, min(len(pa), len(pb)))
        if shared > SHARED_PARAGRAPHS:
            what = "has the same paragraphs as" if pa == pb else f"shares {shared:.0%} of its paragraphs with"
            problems.append(_problem(seeds[j], seeds[i], what))
    return problems


def _problem(later: Seed, earlier: Seed, what: str) -> Problem:
    message = f"duplicate: this seed {what} {earlier.path}; remove one of them"
    return Problem(later.path, later.body_line, message)
