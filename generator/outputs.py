"""Stage 5 — every generated file, in groups that each know what they are made of.

A group (one article page, one entity page, a topic page, the feeds, the calendars…) is rendered by one call
of render.py or publish/. Its *dependencies* are the content keys of the seeds it reads (a seed's key covers
everything extracted from it) plus the slugs and paths it links to. With a cache, a group whose
dependencies did not change is taken from the cache instead of being rendered again; so a one-seed edit
re-renders its page, the entity pages that list it, the topic pages, indexes and feeds — and the calendars
only when it has dates to watch. Groups left to render are spread over the CPU's cores.

Adding a generated file means adding a group here, with every input its renderer reads in ``deps``;
tests/test_cache.py checks that cached and uncached runs give the same bytes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from generator.cache import Cache, digest
from generator.progress import progress
from generator.publish.calendar import calendar_files
from generator.publish.feeds import FirstSeen, all_feeds
from generator.render import (Site, article_page, entities_index, entity_page, home_page, topic_page,
                              topics_index, watch_page)

PARALLEL_FROM = 200  # below this many articles a process pool costs more than it saves
BATCH = 64  # light groups (article and entity pages) travel to a worker this many at a time


@dataclass(frozen=True)
class Group:
    kind: str  # a key of RENDERERS
    arg: Any  # which one: article index, entity key, topic slug
    deps: tuple = ()  # what its files are made of (filled only when there is a cache)
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


def _feeds(site: Site, first_seen) -> dict[str, bytes]:
    return all_feeds(site.articles, site.topics, site.site_url, first_seen)


def _calendars(site: Site, _) -> dict[str, bytes]:
    return calendar_files(site.articles, site.topics, site.site_url)


RENDERERS: dict[str, Callable[[Site, Any], dict[str, str | bytes]]] = {
    "article": _articles, "entity": _entity, "topic": _topic, "indexes": _indexes, "watch": _watch,
    "feeds": _feeds, "calendars": _calendars,
}


def _dated(a) -> tuple:
    """What the watch list and the calendars read of an article: its metadata, stories and dates to watch —
    not its text, so fixing a typo re-renders neither (unless the typo is in a dated sentence)."""
    return (a.seed, a.slug, a.title, a.date and a.date.isoformat(), a.source, a.author, a.url, a.topics,
            a.mentions, a.multi, tuple((s.anchor, s.title, s.lead, s.topics) for s in a.sections),
            tuple((e.date.isoformat(), e.precision, e.sentence, e.anchor) for e in a.events))


def plan(site: Site, first_seen: dict[str, FirstSeen], keys: dict[str, str] | None) -> list[Group]:
    """Every group of generated files; ``keys`` (seed path → content key) fills in the dependencies."""
    n = len(site.articles)
    if keys is None:
        every = with_events = ""
        ref = lambda a: ()  # noqa: E731
    else:
        ref = lambda a: (keys[a.seed], a.slug)  # noqa: E731
        # hashed once here, not once per group that depends on them
        every = digest(tuple(ref(a) for a in site.articles))
        with_events = digest(tuple(_dated(a) for a in site.articles if a.events))
    entities = site.entities
    groups = [Group("calendars", None, with_events, weight=n * 2),
              *(Group("topic", t.slug, every, weight=n // 4) for t in site.topics),
              Group("indexes", None, every, weight=n // 4),
              Group("watch", None, with_events and (with_events, site.today.isoformat()), weight=n // 8),
              Group("feeds", first_seen,
                    every and (every, digest(tuple(sorted((p, s.when.isoformat(), s.origin)
                                                          for p, s in first_seen.items())))), weight=n // 8)]
    for i, a in enumerate(site.articles):
        links = tuple(entities[(e.kind, e.name)].path for e in a.entities if (e.kind, e.name) in entities)
        groups.append(Group("article", i, keys and (ref(a), links)))
    for key, page in entities.items():
        groups.append(Group("entity", key, keys and (page.path, tuple(ref(a) for a, _ in page.mentions)),
                            weight=max(1, len(page.mentions) // 8)))
    return groups


def site_files(site: Site, first_seen: dict[str, FirstSeen], keys: dict[str, str] | None = None,
               cache: Cache | None = None) -> dict[str, bytes]:
    """Every generated file in memory, keyed by its path below the docs folder."""
    use_cache = cache is not None and keys is not None
    groups = plan(site, first_seen, keys if use_cache else None)
    files: dict[str, bytes] = {}
    todo: list[tuple[Group, str | None]] = []
    for group in groups:
        key = None
        if use_cache:
            key = digest("outputs", cache.stamp, site.site_url, group.kind, _arg_key(group), group.deps)
            hit = cache.get("outputs", key)
            if hit is not None:
                files.update(hit)
                continue
        todo.append((group, key))
    for i, made in progress(_render(site, [g for g, _ in todo]), len(todo), "rendering"):
        group, key = todo[i]
        made = {path: data if isinstance(data, bytes) else data.encode("utf-8") for path, data in made.items()}
        files.update(made)
        if use_cache:
            cache.put("outputs", key, made)
    return files


def _arg_key(group: Group):
    if group.kind == "feeds":
        return None  # first_seen is in deps
    return group.arg if not isinstance(group.arg, tuple) else tuple(group.arg)


# ---------------------------------------------------------------------------------------------------------
# Rendering on every core: workers are forked once the Site exists, so it reaches them without pickling.

_SITE: Site | None = None


def _render(site: Site, groups: list[Group]) -> Iterator[tuple[int, dict[str, str | bytes]]]:
    """(index, files) of each group, in the order they are done."""
    workers = min(os.cpu_count() or 1, 8)
    if (len(site.articles) < PARALLEL_FROM or len(groups) < 2 or workers < 2
            or "fork" not in multiprocessing.get_all_start_methods()):
        return ((i, RENDERERS[g.kind](site, g.arg)) for i, g in enumerate(groups))
    return _render_parallel(site, groups, workers)


def _render_parallel(site: Site, groups: list[Group], workers: int) -> Iterator[tuple[int, dict]]:
    global _SITE
    order = sorted(range(len(groups)), key=lambda i: -groups[i].weight)  # heavy first: they finish last
    _SITE = site
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {pool.submit(_render_batch, [(groups[i].kind, groups[i].arg) for i in batch]): batch
                       for batch in _batches(order, groups)}
            for future in as_completed(futures):
                yield from zip(futures[future], future.result())
    finally:
        _SITE = None


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


def _render_batch(jobs: list[tuple[str, Any]]) -> list[dict[str, str | bytes]]:
    assert _SITE is not None, "workers are forked from a process that set _SITE"
    return [RENDERERS[kind](_SITE, arg) for kind, arg in jobs]
