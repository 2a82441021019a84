"""Forward-looking dates ("take effect on December 1", "the planned April visit") for the watch calendar.

A date counts when a future cue comes before it in its sentence (within a dozen words) or directly names
it ("planned April"), or heads a story of a week-ahead calendar ("Tue 10 March" over its item). Dates without a year are read as the next such date after the article's own date;
an undated article contributes only dates whose year is written out. Only dates after the article's date.
"""

from __future__ import annotations

import datetime as dt

from generator.config import cue_matcher
from generator.extract.dates import find_dates
from generator.model import Event
from generator.text import PhraseMatcher, Prose, quotable

CUE_REACH_WORDS = 12


def _future() -> PhraseMatcher:
    return cue_matcher("future", suffixes=())


def find_events(anchor: str, story: Prose | list[str], article_date: dt.date | None) -> list[Event]:
    prose = story if isinstance(story, Prose) else Prose(list(story))
    events = []
    for index, matches in sorted(prose.by_sentence(_future().find(prose)).items()):
        sentence, offset = prose.sentences[index], prose.starts[index]
        if not quotable(sentence):
            continue
        cue_ends = [m.end - offset for m in matches]
        for mention in find_dates(sentence):
            if mention.year is None and article_date is None:
                continue
            if not any(end <= mention.start and len(sentence[end:mention.start].split()) <= CUE_REACH_WORDS
                       for end in cue_ends):
                continue
            when = mention.resolve(article_date)
            if when is None or (article_date and when <= article_date):
                continue
            events.append(Event(when, "day" if mention.day else "month", sentence, anchor))
    return events


def day_ahead(anchor: str, heading: str, story: Prose, article_date: dt.date | None) -> Event | None:
    """The event of a calendar's day: its heading's date ("Tue 10 March"), told by the story's first sentence."""
    dates = find_dates(heading)
    if len(dates) != 1 or not dates[0].day or not story.sentences or not quotable(story.sentences[0]) \
            or (dates[0].year is None and article_date is None):
        return None
    when = dates[0].resolve(article_date)
    if when is None or (article_date and when <= article_date):
        return None
    return Event(when, "day", story.sentences[0], anchor)
