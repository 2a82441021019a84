"""The calendar's own VEVENT writer gives the bytes icalendar gives, on any text (publish/calendar.py writes
events by hand for speed; icalendar stays the reference)."""

from __future__ import annotations

import datetime as dt

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Article, Event, Section, TopicTag
from generator.publish.calendar import Watch, _event

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400)
tricky = st.text(alphabet="ab \\^,;:\n\r\tNé€😀“”—", min_size=1, max_size=300)


def _reference(w: Watch, site_url: str) -> bytes:
    url = site_url.rstrip("/") + "/" + w.url_path
    event = icalendar.Event()
    event.add("uid", w.uid)
    stamp = w.article.date or w.event.date
    event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.timezone.utc))
    event.add("dtstart", w.event.date)
    event.add("dtend", w.event.date + dt.timedelta(days=1))
    event.add("summary", w.summary)
    event.add("description", f"“{w.event.sentence}” — {w.article.title}. {url}")
    event.add("url", url)
    if w.topics:
        event.add("categories", list(w.topics))
    return event.to_ical()


def _watch(title: str, sentence: str, dated: bool, month: bool, topics: bool) -> Watch:
    tags = (TopicTag("trade-truce", 5.0, True), TopicTag("taiwan", 3.0, True)) if topics else ()
    article = Article(seed="seeds/x.txt", title=title, slug="a-slug",
                      sections=(Section(title, "a-slug", (), tags=tags),),
                      date=dt.date(2026, 1, 31) if dated else None)
    return Watch(article, Event(dt.date(2026, 4, 1), "month" if month else "day", sentence, ""))


@settings(max_examples=400, deadline=None)
@given(title=st.one_of(text, tricky), sentence=st.one_of(text, tricky), dated=st.booleans(), month=st.booleans(),
       topics=st.booleans())
def test_event_bytes_are_icalendars(title, sentence, dated, month, topics):
    w = _watch(title, sentence, dated, month, topics)
    for site in ("https://digest.example.org/", "https://x.example/a,b;c/"):
        assert _event(w, w.topics, site) == _reference(w, site)
