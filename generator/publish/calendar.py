"""Watch calendars (RFC 5545, through icalendar): forward-looking dates found in articles.

Events stay once their date has passed. UIDs hash the seed's file name, the date and the sentence, so they
are stable across rebuilds; DTSTAMP is the article's date, so the same seeds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from generator.config import Topic
from generator.extract.dates import find_dates
from generator.model import Article, Event

SUMMARY_CHARS = 140


@dataclass(frozen=True)
class Watch:
    article: Article
    event: Event

    @property
    def uid(self) -> str:
        seed = self.article.seed.rpartition("/")[2]  # the file's name (PurePosixPath's cost, per event)
        key = f"{seed}|{self.event.date.isoformat()}|{self.event.sentence}"
        return hashlib.sha1(key.encode()).hexdigest()[:24] + "@digest"

    @property
    def summary(self) -> str:
        text = _around_date(self.event.sentence, self.event.date)
        if self.event.precision == "month":
            return f"During {self.event.date:%B %Y}: {text}"
        return text

    @property
    def url_path(self) -> str:
        anchor = f"#{self.event.anchor}" if self.event.anchor and self.article.multi else ""
        return f"articles/{self.article.slug}/{anchor}"

    @property
    def topics(self) -> tuple[str, ...]:
        section = next((s for s in self.article.sections if s.anchor == self.event.anchor), None)
        return section.topics if section and self.article.multi else self.article.topics


def _around_date(sentence: str, day: dt.date) -> str:
    """The sentence, or for a long one the stretch of about SUMMARY_CHARS around its date, so the summary
    always says what happens then."""
    if len(sentence) <= SUMMARY_CHARS:
        return sentence
    at = next((m.start for m in find_dates(sentence) if m.month == day.month), 0)
    start = max(0, min(at - SUMMARY_CHARS // 2, len(sentence) - SUMMARY_CHARS))
    piece = sentence[start:start + SUMMARY_CHARS]
    if start:
        piece = "…" + piece.split(" ", 1)[-1]
    if start + SUMMARY_CHARS < len(sentence):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return piece


def watches(articles: tuple[Article, ...]) -> list[Watch]:
    found = [Watch(a, e) for a in articles for e in a.events]
    return sorted(found, key=lambda w: (w.event.date, w.article.slug, w.event.sentence))


def _event(w: Watch, topics: tuple[str, ...], site_url: str) -> bytes:
    """One VEVENT, byte for byte as icalendar writes it (its property order: SUMMARY, DTSTART, DTEND, DTSTAMP,
    UID, then the rest by name), without building its objects: thousands of events are written per run, and
    icalendar's per-character line folding was most of a cold run's calendar time. tests/test_calendar_bytes.py
    compares the two on hostile text."""
    url = site_url.rstrip("/") + "/" + w.url_path
    stamp = w.article.date or w.event.date
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(w.summary)}",
        f"DTSTART;VALUE=DATE:{w.event.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{w.event.date + dt.timedelta(days=1):%Y%m%d}",
        f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
        f"UID:{_text(w.uid)}",
    ]
    if topics:
        lines.append("CATEGORIES:" + ",".join(_text(t) for t in topics))
    lines += [f"DESCRIPTION:{_text(f'“{w.event.sentence}” — {w.article.title}. {url}')}", f"URL:{url}",
              "END:VEVENT"]
    return b"".join(_fold(line) + b"\r\n" for line in lines)


def _text(value: str) -> str:
    """RFC 5545 TEXT escaping, in icalendar's order."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> bytes:
    """Lines of at most 74 octets joined by CRLF and a space, never splitting a character, and moving a
    trailing backslash or caret to the next line (icalendar's rule, for clients that misread a split escape)."""
    data = line.encode("utf-8")
    if len(data) < 75:
        return data
    chunks, start, end = [], 0, len(data)
    while end - start > 74:
        cut = start + 74
        while data[cut] & 0xC0 == 0x80:  # inside a character
            cut -= 1
        if data[cut - 1] in b"\\^" and cut - 1 > start:
            cut -= 1
        chunks.append(data[start:cut])
        start = cut
    chunks.append(data[start:])
    return b"\r\n ".join(chunks)


END = b"END:VCALENDAR\r\n"


def calendar_bytes(name: str, events: list[bytes]) -> bytes:
    """A VCALENDAR around already serialised VEVENTs (each event is serialised once, whatever the number
    of calendars it appears in: properties come first, then components, as icalendar itself writes them)."""
    import icalendar  # only here: a rerun that writes no calendar does not pay for importing it

    cal = icalendar.Calendar()
    cal.add("prodid", "-//Digest//watch calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    head = cal.to_ical()
    return head[: -len(END)] + b"".join(events) + END


def calendar_files(articles: tuple[Article, ...], topics: tuple[Topic, ...], site_url: str) -> dict[str, bytes]:
    every = [(w, w.topics) for w in watches(articles)]  # each event's topics looked up once, not per calendar
    serialised = [(slugs, _event(w, slugs, site_url)) for w, slugs in every]
    files = {"calendar.ics": calendar_bytes("Digest — watch list", [e for _, e in serialised])}
    for topic in topics:
        mine = [e for slugs, e in serialised if topic.slug in slugs]
        files[f"calendars/{topic.slug}.ics"] = calendar_bytes(f"Digest — {topic.title}", mine)
    return files
