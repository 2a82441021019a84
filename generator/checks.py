"""Editor checks beyond one seed's validity: a seed that repeats another one."""

from __future__ import annotations

import re
from itertools import combinations

from generator.clean import clean
from generator.errors import Problem
from generator.read import read_seeds

SHARED_PARAGRAPHS = 0.85
MIN_PARAGRAPH_CHARS = 40


def _paragraphs(seed) -> set[str]:
    blocks = clean(seed.body, seed.body_line).blocks
    return {re.sub(r"\W+", " ", line.lower()).strip() for b in blocks for line in b.lines
            if len(line) >= MIN_PARAGRAPH_CHARS}


def duplicates(seeds_dir: str) -> list[Problem]:
    """Seeds whose text is the same as another's, or shares more than 85 % of its paragraphs."""
    seeds, _ = read_seeds(seeds_dir)
    paras = [(s, _paragraphs(s)) for s in seeds]
    index: dict[str, set[int]] = {}
    for i, (_, ps) in enumerate(paras):
        for p in ps:
            index.setdefault(p, set()).add(i)
    candidates = {pair for ids in index.values() if 1 < len(ids) < 50 for pair in combinations(sorted(ids), 2)}
    problems = []
    for i, j in sorted(candidates):
        (a, pa), (b, pb) = paras[i], paras[j]
        shared = len(pa & pb) / max(1, min(len(pa), len(pb)))
        if shared > SHARED_PARAGRAPHS:
            what = "the same text as" if pa == pb else f"{shared:.0%} of its paragraphs with"
            problems.append(Problem(b.path, b.body_line, f"this seed shares {what} {a.path}; "
                                                         "remove one of them"))
    return problems
