"""The US–China trade truce signal of a story: escalation, de-escalation or holding.

A sentence counts only when it concerns the truce — it names the truce or trade talks, or names both China
and the US — so tariffs on others or a Taiwan speech never move the tracker. Cue phrases and weights live in
``data/cues.yml``; a cue shortly after a negation ("chose not to impose tariffs") is ignored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from generator.config import load_cues
from generator.model import SIGNALS, TruceSignal
from generator.text import PhraseMatcher

NEGATION_WINDOW = 3
TRUCE_TERM_BONUS = 1.0


@lru_cache(maxsize=1)
def _matchers():
    cues = load_cues()
    cue_phrases = {phrase: (value, float(weight))
                   for value in SIGNALS for phrase, weight in cues["signals"][value].items()}
    return (PhraseMatcher(cue_phrases, suffixes=("s", "es", "ed", "d", "ing")),
            PhraseMatcher({p: p for p in cues["truce_terms"]}),
            PhraseMatcher({p: p for p in cues["china_terms"]}),
            PhraseMatcher({p: p for p in cues["us_terms"]}),
            tuple(n.lower() for n in cues["negations"]))


def concerns_truce(sentence: str) -> tuple[bool, bool]:
    """(counts, names_truce): whether a sentence is about US–China trade relations, and names the truce."""
    _, truce, china, us, _ = _matchers()
    names_truce = bool(truce.find(sentence))
    return names_truce or (bool(china.find(sentence)) and bool(us.find(sentence))), names_truce


def truce_signal(story_sentences: list[str]) -> TruceSignal | None:
    cues, *_, negations = _matchers()
    totals: dict[str, float] = defaultdict(float)
    best: dict[str, tuple[float, str]] = {}
    for sentence in story_sentences:
        counts, names_truce = concerns_truce(sentence)
        if not counts:
            continue
        for m in cues.find(sentence):
            value, weight = m.value
            if _negated(sentence[: m.start], negations):
                continue
            totals[value] += weight
            strength = weight + (TRUCE_TERM_BONUS if names_truce else 0)
            if strength > best.get(value, (0, ""))[0]:
                best[value] = (strength, sentence)
    if not totals:
        return None
    winner = max(SIGNALS, key=lambda v: (totals.get(v, 0), v == "holding"))
    return TruceSignal(winner, best[winner][1])


def _negated(before: str, negations: tuple[str, ...]) -> bool:
    words = re.findall(r"[\w']+", before.lower().replace("’", "'"))[-NEGATION_WINDOW:]
    window = f" {' '.join(words)} "
    return any(f" {n} " in window or (n.startswith("n'") and f"{n} " in window) for n in negations)
