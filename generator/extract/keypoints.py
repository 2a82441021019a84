"""Key points: three to five of a story's own sentences, chosen by a transparent score.

Sentence scoring by hand (position, topic words, named entities, figures) instead of TextRank: TextRank
cost most of the pipeline's time for no better choice on short pieces, and its tokenizer needs a download.
"""

from __future__ import annotations

import re

from generator.text import word_count

MIN_WORDS, MAX_WORDS = 8, 60
FIGURE = re.compile(r"\d")
CAPITAL = re.compile(r"[A-Z][a-z]")  # found fast; whether it starts a word is checked by hand
NOT_ALONE = re.compile(r"[.!?]\s")
NOT_WORDS = re.compile(r"\W+")
CAPS_LIMIT = 5


def capitalised_words(sentence: str, limit: int = 5) -> int:
    """Capitalised words (names, places) past the sentence's first word and not opening a new sentence,
    counted up to ``limit``. Same count as ``(?<!^)(?<![.!?]\\s)\\b[A-Z][a-z]+``, whose leading lookbehinds
    made the regex engine try every position."""
    count = 0
    for m in CAPITAL.finditer(sentence):
        at = m.start()
        if not at:
            continue
        before = sentence[at - 1]
        if before.isalnum() or before == "_" or (at > 1 and NOT_ALONE.match(sentence, at - 2)):
            continue
        count += 1
        if count == limit:
            break
    return count


def key_points(story_sentences: list[str], weights: dict[str, float]) -> tuple[str, ...]:
    """Pick the best sentences and return them in the story's order; ``weights`` gives each sentence's
    topic evidence weight from tagging. Longer stories get more points (three to five)."""
    count = 3 if len(story_sentences) < 12 else (4 if len(story_sentences) < 24 else 5)
    plain = []  # (score without capitalised words, position, sentence, (figure?, quote?))
    for i, sentence in enumerate(story_sentences):
        words = word_count(sentence)
        if not MIN_WORDS <= words <= MAX_WORDS or sentence.rstrip("”\"’')").endswith("?"):
            continue
        marks = (bool(FIGURE.search(sentence)), sentence.lstrip().startswith(("“", "\"")))  # a figure, a quote
        plain.append((_score(i, weights.get(sentence, 0), marks, 0), i, sentence, marks))
    # Capitalised words add at most CAPS_LIMIT * 0.1: a sentence that stays below the count-th best even
    # with all of them is out, and its words need no counting.
    floor = sorted((p[0] for p in plain), reverse=True)[count - 1] if len(plain) >= count else float("-inf")
    scored = [(_score(i, weights.get(sentence, 0), marks, capitalised_words(sentence, CAPS_LIMIT)), i, sentence)
              for low, i, sentence, marks in plain if low + CAPS_LIMIT * 0.1 + 1e-9 >= floor]
    best = sorted(scored, key=lambda t: (-t[0], t[1]))[:count]
    chosen, seen = [], set()
    for _, i, sentence in sorted(best, key=lambda t: t[1]):
        key = NOT_WORDS.sub("", sentence.lower())
        if key not in seen:
            seen.add(key)
            chosen.append(sentence)
    return tuple(chosen)


def _score(i: int, weight: float, marks: tuple[bool, bool], capitals: int) -> float:
    figure, quoted = marks
    score = 1.0 / (1 + 0.15 * i)  # earlier sentences carry the news
    score += 0.4 * weight
    score += 0.3 * figure
    score += 0.1 * capitals
    score -= 0.3 * quoted  # quotes are colour, not the point
    return score
