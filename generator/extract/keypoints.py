"""Key points: three to five of a story's own sentences, chosen by a transparent score.

Sentence scoring by hand (position, topic words, named entities, figures) instead of TextRank: TextRank
cost most of the pipeline's time for no better choice on short pieces, and its tokenizer needs a download.
"""

from __future__ import annotations

import re

from generator.extract.structure import without_opening_mark
from generator.text import quotable

MIN_WORDS, MAX_WORDS = 8, 60
BRIEF_MIN_WORDS = 4
FIGURE = re.compile(r"\d")
FIGURE_ASCII = re.compile(r"[0-9]")  # the same on ASCII text, where the engine tests a character faster
# A capitalised word not opening the text: one after any other character than a letter, digit or "_"…
CAPITALISED = re.compile(r"[^\w][A-Z][a-z]")
CAPITALISED_ASCII = re.compile(r"[^\w][A-Z][a-z]", re.ASCII)
# …less those opening a new sentence inside it ("… said. Then")
OPENING = re.compile(r"[.!?]\s[A-Z][a-z]")
NOT_WORDS = re.compile(r"\W+")
CAPS_LIMIT = 5
NOTE_MARK = re.compile(r"(?<=\S)\[\d{1,3}\]")  # "this year[1]"


def capitalised_words(sentence: str, limit: int = 5) -> int:
    """Capitalised words (names, places) past the sentence's first word and not opening a new sentence,
    counted up to ``limit``. Two scans in the regex engine, each starting with a character class (a leading
    lookbehind would make it try every position); the matches of each cannot overlap (a capitalised word
    needs a letter after its capital)."""
    found = (CAPITALISED_ASCII if sentence.isascii() else CAPITALISED).findall(sentence)
    return min(limit, len(found) - len(OPENING.findall(sentence))) if found else 0


def key_points(story_sentences: list[str], weights: dict[str, float], brief: bool = True) -> tuple[str, ...]:
    """Pick the best sentences and return them in the story's order; ``weights`` gives each sentence's
    topic evidence weight from tagging. Longer stories get more points (three to five). With ``brief``, a
    story of short sentences only has its first as its point."""
    count = 3 if len(story_sentences) < 12 else (4 if len(story_sentences) < 24 else 5)
    plain = []  # (score without capitalised words, position, sentence, weight, figure?, quote?)
    for i, sentence in enumerate(story_sentences):
        # a story's sentences are trimmed and single-spaced (cleaning): its words are its spaces and one
        if not MIN_WORDS <= sentence.count(" ") + 1 <= MAX_WORDS or sentence.rstrip("”\"’')").endswith("?") \
                or not quotable(sentence):
            continue
        figure = (FIGURE_ASCII if sentence.isascii() else FIGURE).search(sentence) is not None
        weight, quoted = weights.get(sentence, 0), sentence.startswith(("“", "\""))
        plain.append((_score(i, weight, figure, quoted, 0), i, sentence, weight, figure, quoted))
    if not plain and brief:  # a brief of short sentences ("Taiwan's legislature debates the budget."): its first
        first = next((s for s in story_sentences if BRIEF_MIN_WORDS <= s.count(" ") + 1 <= MAX_WORDS
                      and not s.rstrip("”\"’')").endswith("?") and quotable(s)), None)
        return (without_opening_mark(first),) if first else ()
    # Capitalised words add at most CAPS_LIMIT * 0.1: a sentence that stays below the count-th best even
    # with all of them is out, and its words need no counting.
    floor = sorted((p[0] for p in plain), reverse=True)[count - 1] if len(plain) >= count else float("-inf")
    scored = [(_score(i, weight, figure, quoted, capitalised_words(sentence, CAPS_LIMIT)), i, sentence)
              for low, i, sentence, weight, figure, quoted in plain
              if low + CAPS_LIMIT * CAPITAL_WEIGHT + 1e-9 >= floor]
    best = sorted(scored, key=lambda t: (-t[0], t[1]))[:count]
    chosen, seen = [], set()
    for _, i, sentence in sorted(best, key=lambda t: t[1]):
        key = NOT_WORDS.sub("", sentence.lower())
        if key not in seen:
            seen.add(key)
            # the story's own words (less a footnote's "[1]" mark)
            chosen.append(without_opening_mark(NOTE_MARK.sub("", sentence) if "[" in sentence else sentence))
    return tuple(chosen)


CAPITAL_WEIGHT = 0.1


def _score(i: int, weight: float, figure: bool, quoted: bool, capitals: int) -> float:
    score = 1.0 / (1 + 0.15 * i)  # earlier sentences carry the news
    score += 0.4 * weight
    score += 0.3 * figure
    score += CAPITAL_WEIGHT * capitals
    score -= 0.3 * quoted  # quotes are colour, not the point
    return score
