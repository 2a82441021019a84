"""Per-topic and site-wide feeds: RSS 2.0 and Atom through feedgen, JSON Feed 1.1 by hand (no library).

Every entry is dated: the publication date, else the date the seed was first committed to git, else the
seed file's time — and an undated entry says which one it carries. GUIDs come from the seed's file name and
the story's anchor, so they survive title changes and rebuilds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import PurePosixPath

from feedgen.feed import FeedGenerator

from generator import collect
from generator.config import Topic
from generator.model import Article, FirstSeen

MAX_ENTRIES = 50
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Item:
    entry: collect.Entry
    when: dt.datetime
    note: str | None  # why the date is not the publication date

    @property
    def guid(self) -> str:
        seed = PurePosixPath(self.entry.article.seed).name
        anchor = self.entry.section.anchor if self.entry.section else ""
        return "urn:digest:" + hashlib.sha1(f"{seed}#{anchor}".encode()).hexdigest()


def items(entries: list[collect.Entry], first_seen: dict[str, FirstSeen]) -> list[Item]:
    """Dated items, newest first, at most MAX_ENTRIES."""
    out = []
    for entry in entries:
        article = entry.article
        if article.date:
            when = dt.datetime.combine(article.date, dt.time(), dt.timezone.utc)
            out.append(Item(entry, when, None))
            continue
        seen = first_seen.get(article.seed)
        when = seen.when if seen else EPOCH
        how = {"git": "the date its seed was first committed",
               "file": "its seed file's modification time"}.get(seen.origin if seen else "", "no known date")
        out.append(Item(entry, when, f"Publication date unknown; dated by {how}."))
    out.sort(key=lambda i: (-i.when.timestamp(), i.entry.url_path))
    return out[:MAX_ENTRIES]


def _summary(item: Item) -> str:
    points = " ".join(item.entry.key_points)
    return f"{item.note} {points}".strip() if item.note else points


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def feed_files(name: str, title: str, description: str, page_path: str, entries: list[collect.Entry],
               site_url: str, first_seen: dict[str, FirstSeen], topics: dict[str, Topic]) -> dict[str, bytes]:
    """``feeds/<name>.xml`` (RSS), ``.atom`` and ``.json`` for one list of entries."""
    listed = items(entries, first_seen)
    updated = listed[0].when if listed else EPOCH
    page_url = _absolute(site_url, page_path)
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.id(page_url)
    fg.title(title)
    fg.author(name="Digest")  # RFC 4287: an Atom feed names an author unless every entry does (RSS ignores it)
    fg.subtitle(description or title)
    fg.language("en")
    fg.generator("digest")
    fg.updated(updated)
    fg.lastBuildDate(updated)
    for item in listed:
        article = item.entry.article
        url = _absolute(site_url, item.entry.url_path)
        fe = fg.add_entry(order="append")
        fe.id(item.guid)
        fe.guid(item.guid, permalink=False)
        fe.title(item.entry.title)
        fe.link(href=url)
        fe.description(_summary(item) or item.entry.title)
        fe.published(item.when)
        fe.updated(item.when)
        for slug in (item.entry.section.topics if item.entry.section else article.topics):
            fe.category(term=slug, label=topics[slug].title if slug in topics else slug)
        if article.author:
            fe.author(name=article.author)
            fe.dc.dc_creator(article.author)
        if article.source:
            fe.source(url=page_url, title=article.source)
            fe.dc.dc_publisher(article.source)
    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": page_url,
        "feed_url": _absolute(site_url, f"feeds/{name}.json"),
        "description": description or title,
        "language": "en",
        "items": [_json_item(i, site_url, topics) for i in listed],
    }
    out = {}
    for suffix, serialise in (("xml", fg.rss_str), ("atom", fg.atom_str)):
        # each format names itself as rel="self"; the topic page is the alternate (feedgen gives RSS's
        # <link> the last one listed)
        fg.link([{"href": _absolute(site_url, f"feeds/{name}.{suffix}"), "rel": "self"},
                 {"href": page_url, "rel": "alternate"}], replace=True)
        out[f"feeds/{name}.{suffix}"] = serialise(pretty=True)
    return {
        **out,
        f"feeds/{name}.json": (json.dumps(json_feed, ensure_ascii=False, indent=2) + "\n").encode(),
    }


def _json_item(item: Item, site_url: str, topics: dict[str, Topic]) -> dict:
    article = item.entry.article
    out = {
        "id": item.guid,
        "url": _absolute(site_url, item.entry.url_path),
        "title": item.entry.title,
        "content_text": _summary(item) or item.entry.title,
        "date_published": item.when.isoformat(),
        "tags": list(item.entry.section.topics if item.entry.section else article.topics),
    }
    if article.author:
        out["authors"] = [{"name": article.author}]
    if article.source:
        out["_digest"] = {"source": article.source}
    return out


def feed(articles: tuple[Article, ...], topics: tuple[Topic, ...], site_url: str,
         first_seen: dict[str, FirstSeen], slug: str | None) -> dict[str, bytes]:
    """One topic's feed files, or (``slug`` None) the site's: each is rendered only when what it lists
    changed."""
    by_slug = {t.slug: t for t in topics}
    if slug is not None:
        topic = by_slug[slug]
        return feed_files(topic.slug, f"Digest — {topic.title}", topic.description, f"topics/{topic.slug}/",
                          collect.topic_entries(articles, topic.slug), site_url, first_seen, by_slug)
    everything = [collect.Entry(a) for a in sorted(articles, key=collect.newest_first)]
    return {**feed_files("all", "Digest — all articles", "Every article in the digest", "", everything, site_url,
                         first_seen, by_slug),
            "feeds/sitemap.xml": EMPTY_SITEMAP}


# Material's script fetches "sitemap.xml" beside every <link rel="alternate"> of a page (meant for a site's
# language versions): beside the feeds, an empty one answers it instead of a 404 in every reader's console.
EMPTY_SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                 b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
