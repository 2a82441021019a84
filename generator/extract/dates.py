"""Dates written in prose: "31 Jan 2026", "June 11, 2025", "2026-01-31", "2026/1/31", "2026年1月31日",
"May 15", "in April".

A hand-written pattern normalised with python-dateutil: general date searchers read "we" as Wednesday.
Month names must be capitalised (or all in capitals), so the verb "may" is never May. Day-first or
month-first numbers ("03/04/2026") are left unread: which is the month cannot be known (unless a day past
12 shows it: "17/03/2026").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from generator.config import YEARS

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_NAMES = r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
# a month capitalised, or all in capitals as datelines write it ("SEPTEMBER 9, 2026"); never in lower case
_M = r"(?P<{n}>" + _NAMES + "|" + _NAMES.upper() + r")\.?"
DATE_RE = re.compile(
    # 2026年1月31日: Chinese and Japanese text puts no space around it
    r"(?<!\d)(?P<cjk>(?P<cy>\d{4})年(?P<cm>\d{1,2})月(?P<cd>\d{1,2})日)"
    r"|(?<![\w-])(?:"
    # year first: 2026-01-31, 2026/1/31, 2026.01.31 (one separator throughout)
    # (with a time, as a page's metadata writes it: 2026-03-05T08:00:00Z)
    r"(?P<iso>(?P<iy>\d{4})(?P<sep>[-/.])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})(?![\d.]\d))"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    # day first between full stops, as European and Asian pages write it: 5.3.2026 (never with slashes:
    # 03/05/2026 is March 5 or May 3, and stays unknown)
    r"|(?P<dmy>(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4}))(?![\d.]\d)"
    # with slashes only when the order shows: a day past 12 first (17/03/2026) or second (03/17/2026)
    r"|(?P<dms>(?P<sd>1[3-9]|2\d|3[01])/(?P<sm>0?[1-9]|1[0-2])/(?P<sy>\d{4}))(?![\d/]\d)"
    r"|(?P<mds>(?P<um>0?[1-9]|1[0-2])/(?P<ud>1[3-9]|2\d|3[01])/(?P<uy>\d{4}))(?![\d/]\d)"
    r"|(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _M.format(n="m1") + r"(?:,?\s+(?P<y1>\d{4}))?"
    r"|" + _M.format(n="m2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y2>\d{4}))?"
    r"|" + _M.format(n="m3") + r"(?:\s+(?P<y3>\d{4}))?"
    r")(?:(?![\w-])|(?<=\d{4})(?=\d{1,2}:\d{2}))"  # (a copied page may glue the time on: "March 7, 20262:14 AM")
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None

    def resolve(self, after: dt.date | None) -> dt.date | None:
        """The date meant, reading a missing year as the next such date after ``after``."""
        day = self.day or 1
        if self.year:
            return _safe(self.year, self.month, day)
        if after is None:
            return None
        candidate = _safe(after.year, self.month, day)
        if candidate is None:
            return None
        if self.day is None:
            # a month alone: the month must come after the article's month
            return candidate if (self.month > after.month) else candidate + relativedelta(years=1)
        return candidate if candidate > after else candidate + relativedelta(years=1)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    if year not in YEARS:  # "January 1, 0999" as a dateline crashed the build (see config.YEARS)
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Every date the pattern reads holds a month's first three letters or, year first, four digits and a
# separator (day first, full stops and four digits): looking for those first spares most sentences the pattern, whose leading lookbehind tries every
# position.
_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_STEMS: tuple[str, ...] = _STEMS + tuple(stem.upper() for stem in _STEMS)
YEAR_FIRST = re.compile(r"\d(?:\d{3}[-/.年]|[./]\d{1,2}[./]\d{4})")  # (or day first between full stops; one digit first:
# the engine then skips to digits fast)


def find_dates(text: str) -> list[DateMention]:
    if not any(stem in text for stem in MONTH_STEMS) and not YEAR_FIRST.search(text):
        return []
    return read_dates(text)


def read_dates(text: str) -> list[DateMention]:
    """``find_dates`` without its shortcut (kept apart so a test can compare the two)."""
    out = []
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        if g["iso"] or g["cjk"] or g["dmy"] or g["dms"] or g["mds"]:
            y, mo, d = (int(g["iy"]), int(g["im"]), int(g["id"])) if g["iso"] else \
                       (int(g["cy"]), int(g["cm"]), int(g["cd"])) if g["cjk"] else \
                       (int(g["dy"]), int(g["dm"]), int(g["dd"])) if g["dmy"] else \
                       (int(g["sy"]), int(g["sm"]), int(g["sd"])) if g["dms"] else \
                       (int(g["uy"]), int(g["um"]), int(g["ud"]))
            if _safe(y, mo, d):
                out.append(DateMention(m.start(), m.end(), y, mo, d))
            continue
        month_name = g["m1"] or g["m2"] or g["m3"]
        month = MONTHS[month_name.lower().rstrip(".")]
        month_name = month_name.title()
        day = g["d1"] or g["d2"]
        year = g["y1"] or g["y2"] or g["y3"]
        if day and not 1 <= int(day) <= 31:
            continue
        if not day and month_name == "May" and not year:
            # "May" alone is usually the verb; only a following year makes it the month
            continue
        out.append(DateMention(m.start(), m.end(), int(year) if year else None, month,
                               int(day) if day else None))
    return out


def full_date(text: str) -> dt.date | None:
    """The first complete (day, month and year) date in ``text``."""
    for mention in find_dates(text):
        if mention.year and mention.day:
            return mention.resolve(None)
    return None


URL_DATE = re.compile(r"/((?:19|20|21)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")


def url_date(url: str | None) -> dt.date | None:
    """The date a news site's address files its page under ("…/2026/03/18/asia/…"): its day of publication."""
    m = URL_DATE.search(url) if url else None
    return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
