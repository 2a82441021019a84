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
    scored = []
    for i, sentence in enumerate(story_sentences):
        words = word_count(sentence)
        if not MIN_WORDS <= words <= MAX_WORDS or sentence.rstrip("”\"’')").endswith("?"):
            continue
        score = 1.0 / (1 + 0.15 * i)  # earlier sentences carry the news
        score += 0.4 * weights.get(sentence, 0)
        score += 0.3 * bool(FIGURE.search(sentence))
        score += 0.1 * capitalised_words(sentence)
        score -= 0.3 * sentence.lstrip().startswith(("“", "\""))  # quotes are colour, not the point
        scored.append((score, i, sentence))
    count = 3 if len(story_sentences) < 12 else (4 if len(story_sentences) < 24 else 5)
    best = sorted(scored, key=lambda t: (-t[0], t[1]))[:count]
    chosen, seen = [], set()
    for _, i, sentence in sorted(best, key=lambda t: t[1]):
        key = re.sub(r"\W+", "", sentence.lower())
        if key not in seen:
            seen.add(key)
            chosen.append(sentence)
    return tuple(chosen)
