"""The US–China trade truce signal of a story: escalation, de-escalation or holding.

A sentence counts only when it concerns the truce — it names the truce or trade talks, or names both China
and the US — so tariffs on others or a Taiwan speech never move the tracker (a tracker's "Verdict: holding"
under a heading on the truce concerns it too). Cue phrases and weights live in
``data/cues.yml``; a cue shortly after a negation ("chose not to impose tariffs") is ignored, and so is one
in a question or after "whether": asked about, not reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from generator.clean import opens_with
from generator.config import load_cues
from generator.extract.structure import without_opening_mark
from generator.model import SIGNALS, TruceSignal
from generator.text import CLOSERS, PhraseMatcher, Prose, quotable

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
            tuple(n.lower() for n in cues["negations"]),
            PhraseMatcher({p: p for p in cues.get("hypotheticals", [])}))


def truce_signal(story: Prose | list[str], heading: str = "", year: int | None = None) -> TruceSignal | None:
    """The signal of a story; ``year``, the article's, dates the clauses of earlier years as background."""
    prose = story if isinstance(story, Prose) else Prose(list(story))
    cues, truce, china, us, negations, hypotheticals = _matchers()
    totals: dict[str, float] = defaultdict(float)
    best: dict[str, tuple[float, str]] = {}
    cue_hits = prose.by_sentence(cues.find(prose))
    if not cue_hits:
        return None
    truce_hits = prose.by_sentence(truce.find(prose))
    china_hits = prose.by_sentence(china.find(prose))
    us_hits = prose.by_sentence(us.find(prose))
    truce_heading = bool(heading) and bool(truce.find(heading) or (china.find(heading) and us.find(heading)))
    for index, matches in sorted(cue_hits.items()):
        sentence, offset = prose.sentences[index], prose.starts[index]
        names_truce = index in truce_hits
        if not (names_truce or (index in china_hits and index in us_hits)
                or (truce_heading and opens_with(sentence, "verdict_labels", then=":"))):
            continue
        if sentence.rstrip(CLOSERS).endswith("?"):
            continue  # a question asks whether the truce holds: it is no evidence either way
        named = [(t.start, t.end) for t in truce_hits.get(index, ())]
        for m in matches:
            value, weight = m.value
            if any(start <= m.start and m.end <= end for start, end in named):
                continue  # "the tariff pause" names the truce: no new pause
            before = sentence[: m.start - offset]
            if _negated(before, negations) or _hypothetical(before, hypotheticals) \
                    or _in_the_past(sentence, m.start - offset, year):
                continue
            totals[value] += weight
            strength = weight + (TRUCE_TERM_BONUS if names_truce else 0)
            if strength > best.get(value, (0, ""))[0] and quotable(sentence):
                best[value] = (strength, sentence)
    if not totals:
        return None
    winner = max(SIGNALS, key=lambda v: (totals.get(v, 0), v == "holding"))
    return TruceSignal(winner, without_opening_mark(best[winner][1]))  # (quoted without "5/" or a dateline)


# Background, not news: a clause opening "When …", "After …" dated in the past ("When Beijing tightened
# licensing last spring, …"), or a timeline's entry dated in a year before the article's ("Oct 10, 2025 —
# Trump threatens …"). (A date inside a main clause dates a noun as often as the news: "the truce agreed in
# November 2025 is holding".)
PAST = re.compile(r"\b(?:last (?:spring|summer|autumn|fall|winter|year)|(?:a|two|three|several) years? ago"
                  r"|(?:in|of) (?P<year>(?:19|20)\d\d))\b")
TEMPORAL_CLAUSE = re.compile(r"(?:^|[;:—–]\s*|,\s*)(?:[Ww]hen|[Aa]fter|[Bb]efore|[Oo]nce|[Ww]hile)\b[^,;:—–]*")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DATED_ENTRY = re.compile(r"[^—–:;]{0,30}?\b(?P<year>(?:19|20)\d\d)\s*[—–:-]\s")
DATE_HEAD_WORDS = 4


def _in_the_past(sentence: str, at: int, year: int | None = None) -> bool:
    """Is the cue at ``at`` background: in a "When … last spring," clause, or in a timeline's entry of an
    earlier year than the article's?"""
    entry = DATED_ENTRY.match(sentence) if year is not None and sentence[:1].isalnum() else None
    if entry and year is not None and int(entry.group("year")) < year and sentence[:entry.end()].count(" ") <= DATE_HEAD_WORDS + 1:
        return True  # "Oct 10, 2025 — Trump responds by threatening …"
    if not PAST.search(sentence):  # (most sentences hold no such date: one test)
        return False
    for clause in TEMPORAL_CLAUSE.finditer(sentence):
        if clause.start() <= at < clause.end():
            dated = PAST.search(sentence, clause.start(), clause.end())
            return dated is not None and (not dated.group("year") or (year is not None and int(dated.group("year")) < year))
    return False


def _hypothetical(before: str, hypotheticals: PhraseMatcher) -> bool:
    """A cue asked about rather than reported ("traders ask whether the truce will break down")."""
    return bool(hypotheticals.find(before))


def _negated(before: str, negations: tuple[str, ...]) -> bool:
    words = re.findall(r"[\w']+", before.lower().replace("’", "'"))[-NEGATION_WINDOW:]
    window = f" {' '.join(words)} "
    return any(f" {n} " in window or (n.startswith("n'") and f"{n} " in window) for n in negations)
