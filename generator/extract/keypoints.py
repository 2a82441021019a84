"""Key points: three to five of a story's own sentences, chosen by a transparent score.

Sentence scoring by hand (position, topic words, named entities, figures) instead of TextRank: TextRank
cost most of the pipeline's time for no better choice on short pieces, and its tokenizer needs a download.
"""

from __future__ import annotations

import re

from generator.text import word_count

MIN_WORDS, MAX_WORDS = 8, 60
FIGURE = re.compile(r"\d")
CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


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
        score += 0.1 * min(len(CAPITALISED.findall(sentence)), 5)
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
