"""Which topics a story is *about* and which it only *mentions*, with the sentences behind each tag.

Score = strong phrases x3 + terms x1 (a heading's matches count double). A story is about a topic when the
score reaches the topic's ``min_score`` (or its heading is nothing but one of the topic's phrases: a digest's
"**Taiwan:** …"), every ``context`` group is present, and the topic is not dwarfed by
the story's main subject (at least a fifth of the top score): one stray word never outweighs a subject.
Nor does one aside: in a story of five sentences or more, a topic named in a single sentence, neither in
the heading nor in the opening two sentences (where a story says what it is about), is only mentioned; in a
shorter story told in prose, so is a topic named once, in its last sentence only ("…, though one analyst
warned of export controls"). A brief of one or two sentences has no room for more: one strong phrase names
a subject of it (when no topic reaches its score, or when it is not named as history: "…, a move likely to
test the trade truce" is one, "echoing the 2019 trade war" is not) — and in a story of three or four, when
no topic reaches its score, one strong phrase in its opening two sentences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from generator.config import Topic, load_topics
from generator.model import TopicTag
from generator.text import PhraseMatcher, Prose, quotable, sentences, whole_matches

STRONG, TERM, HEADING_BONUS = 3.0, 1.0, 2.0
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DOMINANCE = 0.2
LEAD_SENTENCES = 2
ASIDE_MIN_SENTENCES = 5  # shorter stories have no room for an aside: each sentence is the story…
CLOSING_MIN_SENTENCES = 3  # …but for one strong phrase in the last of three or four
BRIEF_SENTENCES = 2
EVIDENCE_PER_TOPIC = 2


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher, tuple[Topic, ...]]:
    topics = load_topics()
    weights: dict[str, list[tuple[str, float]]] = defaultdict(list)
    context: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for topic in topics:
        for term in topic.terms:
            weights[term].append((topic.slug, TERM))
        for term in topic.strong:
            weights[term].append((topic.slug, STRONG))
        for g, group in enumerate(topic.context):
            for word in group:
                context[word].append((topic.slug, g))
    blockers = {phrase: None for topic in topics for phrase in topic.exclude if phrase not in weights}
    return PhraseMatcher({**weights, **blockers}), PhraseMatcher(dict(context)), topics


def name_topics(headings: list[str]) -> list[bool]:
    """Is each heading nothing but one of a topic's phrases ("RARE EARTHS", "Export controls")? One scan."""
    return [m is not None and m.value is not None
            for m in whole_matches(_matchers()[0], [h.rstrip(" :.") for h in headings])]


def tag_story(title: str, prose: Prose | str) -> tuple[TopicTag, ...]:
    """Topic tags of one story (title and body), most salient first."""
    if isinstance(prose, str):
        prose = Prose(sentences(prose))
    terms, context, topics = _matchers()
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, dict[str, float]] = defaultdict(dict)
    headed: set[str] = set()  # the topics the heading names
    labelled: set[str] = set()  # the topics a heading is nothing but the name of ("Taiwan", "Rare earths")
    for m in terms.find(title):
        for slug, weight in m.value:
            scores[slug] += weight * HEADING_BONUS
            headed.add(slug)
            if m.start == 0 and m.end == len(title.rstrip(" :.")):
                labelled.add(slug)
    opening: set[str] = set()  # the topics with a strong phrase in the story's first two sentences
    current: set[str] = set()  # …and with one no year comes before in its sentence ("the 2019 trade war" is history)
    for index, matches in prose.by_sentence(terms.find(prose)).items():
        sentence, offset = prose.sentences[index], prose.starts[index]
        for m in matches:
            for slug, weight in m.value:
                scores[slug] += weight
                evidence[slug][sentence] = evidence[slug].get(sentence, 0) + weight
                if index < LEAD_SENTENCES and weight == STRONG:
                    opening.add(slug)
                    if not YEAR.search(sentence, 0, m.start - offset):
                        current.add(slug)
    if not scores:
        return ()  # (no topic named: nothing to weigh)
    short = len(prose.sentences) < ASIDE_MIN_SENTENCES
    # a short story's closing remark: one strong phrase (or less) in its last sentence only, the two or more
    # before it telling something else (in prose: a list of one-line facts has no remarks)
    closing = prose.sentences[-1] if short and prose.connected and len(prose.sentences) >= CLOSING_MIN_SENTENCES \
        else None
    remarks = frozenset(slug for slug, score in scores.items() if slug not in headed and score <= STRONG
                        and list(evidence[slug]) == [closing]) if closing is not None else frozenset()
    # the score a topic needs: its own; where none reaches it (remarks aside), one strong phrase's in a brief,
    # and in a short story for a topic its opening names strongly (where a story says what it is about)
    if short and not any(scores.get(t.slug, 0) >= t.min_score and t.slug not in remarks for t in topics):
        capped = opening if len(prose.sentences) > BRIEF_SENTENCES else set(scores)
    elif len(prose.sentences) <= BRIEF_SENTENCES:  # a brief's other subject, named strongly and not as history
        capped = current  # ("…, in a move likely to test the trade truce")
    else:
        capped = set()
    needed = {t.slug: min(t.min_score, STRONG) if t.slug in capped else t.min_score for t in topics}
    present: dict[str, set[int]] = defaultdict(set)
    if any(t.context and (scores.get(t.slug, 0) >= needed[t.slug] or t.slug in labelled)
           for t in topics):  # else no need to look
        for source in (title, prose):
            for m in context.find(source):
                for slug, group in m.value:
                    present[slug].add(group)
    top = max(scores.values(), default=0)
    lead = frozenset(prose.sentences[:LEAD_SENTENCES]) if len(prose.sentences) >= ASIDE_MIN_SENTENCES else None
    tags = []
    for topic in topics:
        score = scores.get(topic.slug, 0)
        if not score:
            continue
        about = ((score >= needed[topic.slug] or topic.slug in labelled)
                 and len(present[topic.slug]) == len(topic.context)
                 and score >= DOMINANCE * top
                 and not (lead is not None and topic.slug not in headed and _aside(evidence[topic.slug], lead))
                 and topic.slug not in remarks)
        best = sorted(((s, w) for s, w in evidence[topic.slug].items() if quotable(s)),
                      key=lambda kv: -kv[1])[:EVIDENCE_PER_TOPIC]
        tags.append(TopicTag(topic.slug, score, about, tuple(s for s, _ in best)))
    return tuple(sorted(tags, key=lambda t: (not t.about, -t.score, t.slug)))


def _aside(named_in: dict[str, float], lead: frozenset[str]) -> bool:
    """Named in one sentence only, past the story's opening (and not in its heading): a passing remark."""
    return len(named_in) == 1 and next(iter(named_in)) not in lead


def with_editor_topics(tags: tuple[TopicTag, ...], slugs: tuple[str, ...]) -> tuple[TopicTag, ...]:
    """Front-matter ``topics`` add to the detected ones; they never remove one."""
    out = [t for t in tags if t.slug not in slugs]
    for slug in slugs:
        detected = next((t for t in tags if t.slug == slug), None)
        out.insert(0, TopicTag(slug, detected.score if detected else 0, True,
                               detected.evidence if detected else (), editor=True))
    return tuple(out)
