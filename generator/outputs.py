"""Stage 5 — every generated file, in groups that each know what they are made of.

A group (one article page, one entity page, a topic page, the feeds, the calendars…) is rendered by one call
of render.py or publish/. Its *dependencies* digest exactly what its renderer reads: an article page, its
seed's content key plus the slugs and paths it links to; a page listing many articles, the *view* it reads of
each (titles, dates, first key points… never the text). build.py keeps a group's files when its
dependencies equal last run's and its files are as that run left them, so a typo fixed in an article's body
re-renders that page only. Groups left to render are spread over the CPU's cores.

Adding a generated file means adding a group here, with every input its renderer reads in ``deps``;
tests/test_cache.py checks that cached and uncached runs give the same bytes.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from typing import Any

from generator.cache import digest, plain
from generator.model import FirstSeen
from generator.progress import progress
from generator.publish.calendar import calendar_files
from generator.publish.feeds import feed
from generator.render import (Site, article_page, entities_index, entity_page, home_page, topic_page,
                              topics_index, watch_page)

PARALLEL_FROM = 200  # below this many articles a process pool costs more than it saves
BATCH = 64  # light groups (article and entity pages) travel to a worker this many at a time


@dataclass(frozen=True)
class Group:
    kind: str  # a key of RENDERERS
    arg: Any  # which one: article index, entity key, topic slug
    gid: tuple = ()  # its identity from run to run (a seed path, not an index)
    deps: str = ""  # digest of everything its files are made of (only when there is a cache)
    weight: int = 1  # rough cost, to start the heavy groups first


def _articles(site: Site, index: int) -> dict[str, str]:
    a = site.articles[index]
    return {f"articles/{a.slug}.md": article_page(site, a)}


def _entity(site: Site, key) -> dict[str, str]:
    page = site.entities[key]
    return {page.path: entity_page(site, page)}


def _topic(site: Site, slug: str) -> dict[str, str]:
    return {f"topics/{slug}.md": topic_page(site, site.topic_by_slug[slug])}


def _indexes(site: Site, _) -> dict[str, str]:
    return {"topics/index.md": topics_index(site), "entities/index.md": entities_index(site),
            "index.md": home_page(site)}


def _watch(site: Site, _) -> dict[str, str]:
    return {"watch.md": watch_page(site)}


def _feed(site: Site, arg) -> dict[str, bytes]:
    slug, first_seen = arg  # the dates of the undated articles it may list, not every seed's
    return feed(site.articles, site.topics, site.site_url, first_seen, slug)


def _calendars(site: Site, _) -> dict[str, bytes]:
    return calendar_files(site.articles, site.topics, site.site_url)


RENDERERS: dict[str, Callable[[Site, Any], dict[str, str | bytes]]] = {
    "article": _articles, "entity": _entity, "topic": _topic, "indexes": _indexes, "watch": _watch,
    "feed": _feed, "calendars": _calendars,
}


def light(article):
    """The article without its text (blocks, dropped lines): all that pages other than its own read of it,
    kept for every seed in the index of a run."""
    return replace(article, sections=tuple(replace(s, blocks=()) for s in article.sections), dropped=())


# What each kind of page reads of an article other than its own: a group's dependencies are these views of
# the articles it lists, so an edit that changes none of them (a typo in the body) re-renders its page only.
# Each view is hashed once, where the article is extracted; its slug, settled later over all seeds, apart.

def _date(a) -> str | None:
    return a.date and a.date.isoformat()


def _listed(a) -> tuple:
    """Topic pages, the truce tracker, the indexes and the home page: titles, dates, stories, their topics,
    first key points and truce signals, and the entities named in each story."""
    return (a.seed, a.title, _date(a), a.source, a.multi, a.truce_override,
            tuple((s.title, s.anchor, s.topics, s.key_points[:1], s.truce and (s.truce.value, s.truce.evidence))
                  for s in a.stories),
            tuple((e.kind, e.name, e.anchors) for e in a.entities))


def _fed(a) -> tuple:
    """Feeds: the listing plus every key point, the author and the story topics."""
    return (a.seed, a.title, _date(a), a.source, a.author, a.multi,
            tuple((s.title, s.anchor, s.topics, s.key_points) for s in a.stories))


def _dated(a) -> tuple:
    """What the watch list and the calendars read of an article: its metadata, stories and dates to watch —
    not its text, so fixing a typo re-renders neither (unless the typo is in a dated sentence)."""
    return (a.seed, a.title, _date(a), a.source, a.author, a.url, a.topics,
            a.mentions, a.multi, tuple((s.anchor, s.title, s.lead, s.topics) for s in a.sections),
            tuple((e.date.isoformat(), e.precision, e.sentence, e.anchor) for e in a.events))


def views(a) -> dict[str, Any]:
    """Digests of what other pages read of an article; ``mentions``: for each of its entities, what that
    entity's page shows of the mention (short digests: thousands of them go into one page's dependencies)."""
    return {"listed": digest(_listed(a)), "fed": digest(_fed(a)), "dated": a.events and digest(_dated(a)),
            "mentions": _mentions(a)}


def _mentions(a) -> tuple[str, ...]:
    """What each entity's page shows of its mention here, hashed over the article's part once (fixed length:
    unambiguous) rather than once per entity: an article names about twenty."""
    head = digest(a.title, _date(a), a.multi).encode()
    return tuple(hashlib.blake2b(head + plain((e.anchor, e.first_mention)), digest_size=8).hexdigest()
                 for e in a.entities)


def plan(site: Site, first_seen: dict[str, FirstSeen], keys: dict[str, str] | None,
         seen: list[dict[str, Any]] | None = None) -> list[Group]:
    """Every group of generated files; ``keys`` (seed path → content key) and ``seen`` (the views of each
    article, in order) fill in the dependencies."""
    n = len(site.articles)
    entities = site.entities
    arts = site.articles
    # each feed lists its topic's articles (the site's, all of them); an undated one by its first-seen date
    feeds: dict[str | None, list[int]] = {t.slug: [] for t in site.topics}
    feeds[None] = list(range(n))
    for i, a in enumerate(arts):
        for slug in a.topics:  # its stories' topics, as collect.topic_entries lists them
            if slug in feeds:  # a topic of data/topics.yml (the only ones with a feed)
                feeds[slug].append(i)
    undated = {slug: {arts[i].seed: first_seen[arts[i].seed] for i in members
                      if not arts[i].date and arts[i].seed in first_seen} for slug, members in feeds.items()}
    if keys is None:
        listed = dated = ""
        fed: dict[str | None, str] = {slug: "" for slug in feeds}
        dep = lambda kind, *parts: ""  # noqa: E731
    else:
        dep = lambda kind, *parts: digest(kind, site.site_url, *parts)  # noqa: E731
        # hashed once here, not once per group that depends on them
        listed = digest(tuple((a.slug, v["listed"]) for a, v in zip(arts, seen)))
        fed = {slug: digest(tuple((arts[i].slug, seen[i]["fed"]) for i in members),
                            tuple(sorted((p, s.when.isoformat(), s.origin) for p, s in undated[slug].items())))
               for slug, members in feeds.items()}
        dated = digest(tuple((a.slug, v["dated"]) for a, v in zip(arts, seen) if v["dated"]))
        # an entity page's dependencies: each mention's article slug and digest (slugs hold no "/" nor newline),
        # in one pass over the articles: the page's own order (newest first) follows from the dates and slugs
        mentions: dict[tuple, list[str]] = defaultdict(list)
        for a, v in zip(arts, seen):
            slug = a.slug
            for e, m in zip(a.entities, v["mentions"]):
                mentions[(e.kind, e.name)].append(f"{slug}/{m}")
    groups = [Group("calendars", None, ("calendars",), dep("calendars", dated), weight=n * 2),
              *(Group("topic", t.slug, ("topic", t.slug), dep("topic", t.slug, listed), weight=n // 4)
                for t in site.topics),
              Group("indexes", None, ("indexes",), dep("indexes", listed), weight=n // 4),
              Group("watch", None, ("watch",), dep("watch", dated, site.today.isoformat()), weight=n // 8),
              *(Group("feed", (slug, undated[slug]), ("feed", slug or ""), dep("feed", slug or "", fed[slug]),
                      weight=n // 8 if slug is None else n // 32) for slug in feeds)]
    groups += (article_group(site, i, keys) for i in range(n))
    for key, page in entities.items():
        deps = dep("entity", page.path, "\n".join(mentions[key])) if keys is not None else ""
        groups.append(Group("entity", key, ("entity", *key), deps, weight=max(1, len(page.mentions) // 8)))
    return groups


def article_group(site: Site, i: int, keys: dict[str, str] | None) -> Group:
    """An article page: made of its seed's content, its slug and the entity pages it links to (their slugs:
    the kinds, hence the paths, are the seed's content)."""
    a = site.articles[i]
    if keys is None:
        return Group("article", i, ("article", a.seed))
    slugs = site.entity_slugs
    links = "/".join([slugs.get((e.kind, e.name), "") for e in a.entities])
    return Group("article", i, ("article", a.seed), digest("article", site.site_url, keys[a.seed], a.slug, links))


def summary(seen: dict[str, Any]) -> str:
    """One digest of an article's views: equal, and no page but its own can change."""
    return digest(seen["listed"], seen["fed"], seen["dated"], seen["mentions"])


def render(site: Site, groups: list[Group],
           stage: Callable[[dict], dict] | None = None) -> Iterator[tuple[Group, dict]]:
    """Each group with its files, in the order they are done (on every core when there are many): as bytes,
    or as ``stage`` returns them (it runs where the group was rendered, so the bytes need not travel)."""
    for i, made in progress(_render(site, groups, stage or _encoded), len(groups), "rendering"):
        yield groups[i], made


def _encoded(made: dict[str, str | bytes]) -> dict[str, bytes]:
    return {path: data if isinstance(data, bytes) else data.encode("utf-8") for path, data in made.items()}


def site_files(site: Site, first_seen: dict[str, FirstSeen]) -> dict[str, bytes]:
    """Every generated file in memory, keyed by its path below the docs folder."""
    files: dict[str, bytes] = {}
    for _, made in render(site, plan(site, first_seen, None)):
        files.update(made)
    return files


# ---------------------------------------------------------------------------------------------------------
# Rendering on every core: workers are forked once the Site exists, so it reaches them without pickling.

_JOB: tuple[Site, Callable[[dict], dict]] | None = None


def _render(site: Site, groups: list[Group], stage: Callable[[dict], dict]) -> Iterator[tuple[int, dict]]:
    """(index, staged files) of each group, in the order they are done."""
    workers = min(os.cpu_count() or 1, 8)
    if (len(site.articles) < PARALLEL_FROM or len(groups) < 2 or workers < 2
            or "fork" not in multiprocessing.get_all_start_methods()):
        return ((i, stage(RENDERERS[g.kind](site, g.arg))) for i, g in enumerate(groups))
    return _render_parallel(site, groups, stage, workers)


def _render_parallel(site: Site, groups: list[Group], stage: Callable[[dict], dict],
                     workers: int) -> Iterator[tuple[int, dict]]:
    global _JOB
    order = sorted(range(len(groups)), key=lambda i: -groups[i].weight)  # heavy first: they finish last
    _JOB = site, stage
    # the site's millions of objects out of the collector's reach while the workers run: a collection in a
    # worker would otherwise walk them, writing to each page it visits, and so copy the pages the fork shares
    # (a fifth of the rendering's time at 10,000 articles)
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {pool.submit(_render_batch, [(groups[i].kind, groups[i].arg) for i in batch]): batch
                       for batch in _batches(order, groups)}
            for future in as_completed(futures):
                yield from zip(futures[future], future.result())
    finally:
        gc.unfreeze()
        _JOB = None


def _batches(order: list[int], groups: list[Group]) -> Iterable[list[int]]:
    batch: list[int] = []
    for i in order:
        if groups[i].weight > BATCH:
            yield [i]
            continue
        batch.append(i)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _render_batch(jobs: list[tuple[str, Any]]) -> list[dict]:
    """Staged here, on every core, rather than in the main process as the files arrive."""
    assert _JOB is not None, "workers are forked from a process that set _JOB"
    site, stage = _JOB
    return [stage(RENDERERS[kind](site, arg)) for kind, arg in jobs]
