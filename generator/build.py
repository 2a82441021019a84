"""The whole pipeline, top to bottom: read → clean/extract → render → publish → write (→ MkDocs)."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import pickle
import shutil
import stat
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import TYPE_CHECKING

from generator import PROJECT_ROOT
from generator.cache import Cache, digest, dumps
from generator.collect import assign_slugs
from generator.config import load_topics
from generator.errors import DigestError, Problem, SeedError
from generator.model import Article, FirstSeen
from generator.progress import progress
from generator.read import Seed, read_seed, seed_paths
from generator.sitecfg import build_date, site_url
from generator.write import Staged, Staging, WriteReport, existing_generated

# outputs, render and extract (Jinja, feedgen, the vocabularies: a third of a no-op rerun's time) are
# imported where they are used: a rerun that finds nothing changed never needs them.
if TYPE_CHECKING:
    from generator import outputs
    from generator.render import Site

PARALLEL_FROM = 200  # below this many seeds a process pool costs more than it saves


class Result:
    """What a run did. ``articles`` (with their text) are loaded only when asked for: a rerun decides what to
    write without them."""

    def __init__(self, seeds: int, articles: tuple[Article, ...] | Callable[[], tuple[Article, ...]],
                 report: WriteReport | None):
        self.seeds = seeds
        self._articles = articles
        self.report = report

    @property
    def articles(self) -> tuple[Article, ...]:
        if callable(self._articles):
            self._articles = self._articles()
        return self._articles

    def summary(self) -> str:
        if self.report is None:
            return f"digest: {self.seeds} seeds read, all valid, nothing written"
        r = self.report
        return (f"digest: {self.seeds} seeds read, {self.seeds} article pages, "
                f"{len(r.written)} files written, {r.unchanged} unchanged, {len(r.removed)} removed, 0 problems")


def analyse(seeds_dir: str, cache: Cache | None = None) -> tuple[list[Seed], tuple[Article, ...]]:
    """Read, validate and extract every seed; raise SeedError with every problem of the run."""
    paths, problems = seed_paths(seeds_dir)
    keys = _keys(paths, cache)
    found = _extract_all(paths, keys, cache, problems=problems)
    seeds = [f.seed for f in found]
    return seeds, tuple(assign_slugs([f.article for f in found], _arrival(paths, _first_seen(paths))))


def generate(seeds_dir: str = "seeds", docs_dir: str = "docs") -> Result:
    with _fewer_collections():
        return _generate(seeds_dir, docs_dir)


@contextlib.contextmanager
def _fewer_collections():
    """A run builds and drops millions of small objects and keeps most of them to the end: the collector's
    default pace would traverse the growing heap again and again (a third of a cold run's time)."""
    old = gc.get_threshold()
    gc.set_threshold(200_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _generate(seeds_dir: str, docs_dir: str) -> Result:
    cache = Cache.default()
    docs = Path(docs_dir)
    paths, problems = seed_paths(seeds_dir)
    keys = _keys(paths, cache)
    first_seen = _first_seen(paths)
    arrival = _arrival(paths, first_seen)
    run = last = None
    if cache and not problems:
        # everything the tree is made of but the seeds' contents: code and data (the stamp), the site's
        # address, the build date, where the tree is, when each seed arrived
        frame = digest("frame", cache.stamp, site_url(), build_date().isoformat(), str(docs.resolve()),
                       tuple((d, arrival[d][0].isoformat(), arrival[d][1]) for d, _ in paths),
                       tuple(sorted((p, f.when.isoformat(), f.origin) for p, f in first_seen.items())))
        run = digest("run", frame, tuple(keys[d] for d, _ in paths))
        last = cache.get("runs", digest("manifest", str(docs.resolve())))
        if last and last["run"] == run and _as_left(docs, last["files"]):  # same inputs, pages untouched
            return Result(len(paths), lambda: analyse(seeds_dir, cache)[1],
                          WriteReport(unchanged=len(last["files"])))
        if last and last["frame"] == frame:
            done = _own_pages_only(seeds_dir, docs, paths, keys, last, cache)
            if done:
                return done
    from generator import outputs
    from generator.render import Site

    index = cache.get("runs", digest("index", str(docs.resolve()))) if last else None
    found = _extract_all(paths, keys, cache, index or {}, problems)
    articles = tuple(assign_slugs([f.article for f in found], arrival))
    site = Site(articles, load_topics(), site_url(), build_date())
    groups = outputs.plan(site, first_seen, keys if cache else None, [f.views for f in found])
    kept, todo = _kept(docs, groups, last)
    site = _with_text(site, todo, found, cache)
    made_by: dict[tuple, tuple[str, ...]] = {}
    with Staging(docs) as staging:
        files = site_files(site.articles, site, todo, made_by, staging)
        made_by.update((g.gid, last["groups"][g.gid][1]) for g in kept)
        keep = {p for g in kept for p in made_by[g.gid]}
        pages = files.keys() | keep
        missing = [a.seed for a in articles if f"articles/{a.slug}.md" not in pages]
        if missing:
            raise DigestError(f"internal error: no page for {', '.join(missing)}")
        report = staging.commit(files, keep)
    if cache:
        stats = {p: last["files"][p] for p in keep}
        stats.update((path, seen) for path, (_, seen) in files.items())
        cache.put("runs", digest("manifest", str(docs.resolve())), {
            "run": run, "frame": frame, "files": stats,
            "groups": {g.gid: (g.deps, made_by[g.gid]) for g in groups},
            "seeds": {f.display: (f.key, a.slug, outputs.summary(f.views)) for f, a in zip(found, articles)},
            "entities": site.entity_slugs})
        if not index or index.keys() != {f.key for f in found}:
            cache.put("runs", digest("index", str(docs.resolve())), {f.key: (f.light, f.views) for f in found})
    return Result(len(paths), lambda: _full(found, articles, cache), report)


def _own_pages_only(seeds_dir: str, docs: Path, paths: list[tuple[str, Path]], keys: dict[str, str], last: dict,
                    cache: Cache) -> Result | None:
    """A rerun in which the edited seeds changed nothing another page reads of them (their views: titles,
    key points, entities, dates…), the same seeds otherwise: their own pages are rendered, nothing else is
    loaded. None when that does not hold: the full rerun decides."""
    from generator import outputs
    from generator.render import Site, with_entity_slugs

    before = last["seeds"]
    if before.keys() != {d for d, _ in paths} or not all(_unchanged(docs, p, s) for p, s in last["files"].items()):
        return None
    edited = [(d, p) for d, p in paths if before[d][0] != keys[d]]
    if len(edited) > PARALLEL_FROM:
        return None
    found = _extract_all(edited, keys, cache)
    if any(outputs.summary(f.views) != before[f.display][2] for f in found):
        return None
    articles = tuple(replace(f.article, slug=before[f.display][1]) for f in found)
    site = with_entity_slugs(Site(articles, load_topics(), site_url(), build_date()), last["entities"])
    groups = [outputs.article_group(site, i, keys) for i in range(len(articles))]
    made_by: dict[tuple, tuple[str, ...]] = {}
    mine = {p for g in groups for p in last["groups"][g.gid][1]}
    with Staging(docs) as staging:
        files = site_files(articles, site, groups, made_by, staging)
        report = staging.commit(files, last["files"].keys() - mine)
    last["files"].update((path, seen) for path, (_, seen) in files.items())
    last["groups"].update((g.gid, (g.deps, made_by[g.gid])) for g in groups)
    last["seeds"].update((f.display, (f.key, *before[f.display][1:])) for f in found)
    last["run"] = digest("run", last["frame"], tuple(keys[d] for d, _ in paths))
    cache.put("runs", digest("manifest", str(docs.resolve())), last)
    return Result(len(paths), lambda: analyse(seeds_dir, cache)[1], report)


def site_files(articles: tuple[Article, ...], site: Site, groups: list[outputs.Group],
               made_by: dict[tuple, tuple[str, ...]], staging: Staging) -> dict[str, Staged]:
    """The files of the groups left to render (``site`` holds ``articles``), staged: none is in place until
    all succeed. ``made_by`` receives the paths each group made."""
    from generator import outputs

    files: dict[str, Staged] = {}
    for group, made in outputs.render(site, groups, staging.stage):
        files.update(made)
        made_by[group.gid] = tuple(made)
    return files


def _keys(paths: list[tuple[str, Path]], cache: Cache | None) -> dict[str, str]:
    """Each seed's content key (empty without a cache)."""
    return {display: cache.seed_key(display, path.read_bytes()) for display, path in paths} if cache else {}


def _arrival(paths: list[tuple[str, Path]], first_seen: dict[str, FirstSeen]) -> dict[str, tuple]:
    """When each seed entered the archive: a title clash goes to the first, so a seed added later never moves
    a published page."""
    return {display: (first_seen[display].when, path.stat().st_mtime_ns if first_seen[display].origin == "file"
                      else 0) for display, path in paths}


def _as_left(docs: Path, last: dict[str, tuple[int, int]] | None) -> bool:
    """The generated files are exactly those of the last run, none changed since (size and time)."""
    if not last or not all(_unchanged(docs, path, seen) for path, seen in last.items()):
        return False
    return existing_generated(docs) == last.keys()


def _unchanged(docs: Path, path: str, seen: tuple[int, int] | None) -> bool:
    try:
        return _stat(os.path.join(docs, path)) == seen
    except OSError:
        return False


def _stat(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def _kept(docs: Path, groups: list[outputs.Group], last: dict | None) -> tuple[list, list]:
    """Groups whose files stay as they are (same dependencies as last run, files untouched), and the rest."""
    if not last:
        return [], groups
    before, stats = last["groups"], last["files"]
    kept, todo = [], []
    for g in groups:
        prev = before.get(g.gid)
        same = prev is not None and prev[0] == g.deps and all(_unchanged(docs, p, stats.get(p)) for p in prev[1])
        (kept if same else todo).append(g)
    return kept, todo


def _with_text(site: Site, todo: list[outputs.Group], found: list[Found], cache: Cache | None) -> Site:
    """The site whose article pages left to render have their text (the rest may be views without it)."""
    from generator.render import with_articles

    needed = [g.arg for g in todo if g.kind == "article" and not found[g.arg].full]
    if not needed:
        return site
    articles = list(site.articles)
    for i in needed:
        articles[i] = replace(_text_of(found[i], cache), slug=articles[i].slug)
    return with_articles(site, tuple(articles))


def _text_of(f: Found, cache: Cache | None) -> Article:
    """The whole article of a seed known from the index: from the cache, else extracted again."""
    hit = cache.get("seeds", f.key) if cache else None
    if hit is not None:
        return _whole(*hit, f.path)[1]
    result = _read_and_extract((f.display, f.path, f.key, None))
    if isinstance(result, list):
        raise SeedError(result)
    return _whole(*result[:2], f.path)[1]


def _full(found: list[Found], articles: tuple[Article, ...], cache: Cache | None) -> tuple[Article, ...]:
    return tuple(a if f.full else replace(_text_of(f, cache), slug=a.slug) for f, a in zip(found, articles))


# ---------------------------------------------------------------------------------------------------------
# Extraction: each seed read and extracted once per content — from the index or the cache when its bytes are
# unchanged, else on every core.


@dataclass
class Found:
    display: str
    path: Path
    key: str | None
    seed: Seed | None  # None when known from the index
    article: Article  # without its text when known from the index
    full: bool
    light: bytes | None = None  # the pickled article without its text, for the index
    views: dict | None = None  # what other pages read of it (outputs.views)


def _extract_all(paths: list[tuple[str, Path]], keys: dict[str, str], cache: Cache | None,
                 index: dict[str, bytes] | None = None, problems: list[Problem] | None = None) -> list[Found]:
    """Every seed, in order: from the index (an unchanged seed of the last run), the cache, or extracted on
    every core. Raises SeedError with every problem of the run."""
    from generator import outputs

    problems = list(problems or [])
    results: list = [None] * len(paths)
    todo = []
    for i, (display, path) in enumerate(paths):
        key = keys.get(display)
        if index and key in index:
            light, views = index[key]
            results[i] = Found(display, path, key, None, pickle.loads(light), False, light, views)
            continue
        hit = cache.get("seeds", key) if cache else None
        if hit is not None:
            seed, article = _whole(*hit, path)
            results[i] = Found(display, path, key, seed, article, True, hit[0])
        else:
            todo.append((i, display, path, key))
    if cache and todo:
        cache.prune()  # here, not in each worker
    jobs = [(display, path, key, cache) for _, display, path, key in todo]
    for (i, display, path, key), result in progress(zip(todo, _map(_read_and_extract, jobs)), len(todo),
                                                    "extracting"):
        if isinstance(result, list):
            problems.extend(result)
            continue
        light, text, views = result
        seed, article = _whole(light, text, path)
        results[i] = Found(display, path, key, seed, article, True, light, views)
    if not problems:
        problems = [Problem(f.seed.path, f.seed.body_line, "nothing is left of the text once boilerplate is "
                                                           "removed; paste the article itself")
                    for f in results if f.full and not any(sec.blocks for sec in f.article.sections)]
    if problems:
        raise SeedError(problems)
    if cache:
        for f in results:
            if f.views is None:
                f.views = outputs.views(f.article)
    return results


def _map(fn, jobs: list) -> Iterator:
    """``map(fn, jobs)``, on every core when there are many jobs."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        yield from map(fn, jobs)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(fn, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 8))))


def _read_and_extract(job: tuple[str, Path, str | None, Cache | None]) -> tuple | list[Problem]:
    """The article pickled once, in two parts: without its text (what the index keeps) and the seed with the
    text; both go to the cache (written here: on every core) and to the main process, with the views the
    index keeps. Or the seed's problems."""
    from generator import outputs
    from generator.extract import extract

    display, path, key, cache = job
    try:
        seed = read_seed(path, display)
    except SeedError as exc:
        return exc.problems  # plain data: it crosses from a worker process
    article = extract(seed)
    light = dumps(outputs.light(article))
    # the seed without its file's Path (slow to unpickle: the main process has it)
    fields = {f.name: getattr(seed, f.name) for f in dataclass_fields(seed) if f.name != "file"}
    text = dumps((fields, tuple(s.blocks for s in article.sections), article.dropped))
    if not cache:
        return light, text, None
    if cache.seed_key(display, path.read_bytes()) == key:  # not edited while we read it
        cache.put_bytes("seeds", key, dumps((light, text)))
    return light, text, outputs.views(article)


def _whole(light: bytes, text: bytes, file: Path) -> tuple[Seed, Article]:
    """The seed and its whole article, from the two parts ``_read_and_extract`` pickled."""
    article = pickle.loads(light)
    fields, blocks, dropped = pickle.loads(text)
    # the text put back into objects just unpickled, which nothing else holds yet: as their constructor
    # does (frozen dataclasses), at a tenth of the cost of dataclasses.replace over ten thousand articles
    for section, section_blocks in zip(article.sections, blocks):
        object.__setattr__(section, "blocks", section_blocks)
    object.__setattr__(article, "dropped", dropped)
    return Seed(file=file, **fields), article


def _first_seen(paths: list[tuple[str, Path]]) -> dict[str, FirstSeen]:
    """For seeds without a date: when each file was first committed (one git call), else its mtime. Plain
    os.path and one lstat per file rather than pathlib: it runs for every seed before anything else."""
    git_dates = _git_first_commits([file for _, file in paths])
    folders: dict[str, str] = {}  # every seed of a run sits in one folder: resolve it once
    out = {}
    for display, file in paths:
        name = os.fspath(file)
        parent, base = os.path.split(name)
        st = os.lstat(name)
        if stat.S_ISLNK(st.st_mode):
            key, st = os.path.realpath(name), os.stat(name)
        else:
            key = os.path.join(folders.get(parent) or folders.setdefault(parent, os.path.realpath(parent)), base)
        if key in git_dates:
            out[display] = FirstSeen(git_dates[key], "git")
        else:
            out[display] = FirstSeen(dt.datetime.fromtimestamp(int(st.st_mtime), dt.timezone.utc), "file")
    return out


def _git_first_commits(files: list[Path]) -> dict[str, dt.datetime]:
    if not files:
        return {}
    folder = files[0].resolve().parent
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True,
                             text=True, check=True, timeout=30).stdout.strip()
        log = subprocess.run(["git", "log", "--diff-filter=A", "--format=@%ct", "--name-only", "--", "."],
                             cwd=folder, capture_output=True, text=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.datetime] = {}
    when = None
    for line in log.splitlines():
        if line.startswith("@"):
            when = dt.datetime.fromtimestamp(int(line[1:]), dt.timezone.utc)
        elif line.strip() and when is not None:
            # log runs newest first: the last assignment is the first commit
            dates[str((Path(top) / line.strip()).resolve())] = when
    return dates


# ---------------------------------------------------------------------------------------------------------
# The site engine: MkDocs over the project's mkdocs.yml, into a temporary folder swapped in on success.


def build_site(docs_dir: str = "docs", site_dir: str = "site") -> None:
    project_docs = PROJECT_ROOT / "docs"
    with tempfile.TemporaryDirectory(prefix="digest-build-") as tmp:
        staging = Path(tmp) / "docs"
        if Path(docs_dir).resolve() == project_docs.resolve():
            staging = project_docs
        else:
            _merge(project_docs, Path(docs_dir), staging)
        out = Path(tmp) / "site"
        _mkdocs(staging, out)
        search_index(out)
        _swap(out, Path(site_dir))


def _merge(project_docs: Path, generated: Path, staging: Path) -> None:
    """The project's own pages (home-made, stylesheets) with the generated tree laid over them."""
    from generator.write import owned
    shutil.copytree(project_docs, staging,
                    ignore=lambda d, names: [n for n in names
                                             if Path(d) == project_docs and owned(n)])
    shutil.copytree(generated, staging, dirs_exist_ok=True)


def _mkdocs(docs: Path, out: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        config = load_config(str(PROJECT_ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(out),
                             strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as exc:
        raise DigestError(f"mkdocs build --strict failed: {exc}") from exc


def search_index(site: Path) -> None:
    """Pagefind's static search index into SITE/pagefind/, read by the header's search box (overrides/)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(Path(site).resolve()), "--quiet"]
    try:
        # from the project root, where pagefind.yml holds the options `make site` uses too
        subprocess.run(command, cwd=PROJECT_ROOT, check=True, capture_output=True, text=True, timeout=1800)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or exc.stdout or "").strip()
        if "No module named pagefind" in detail:
            detail = "Pagefind is not installed: pip install -e . (it is a dependency of the project)"
        raise DigestError(f"the search index failed: {detail}") from exc
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DigestError(f"the search index failed: {exc}") from exc


def _swap(new: Path, target: Path) -> None:
    """Replace the site folder in two renames, so a reader never sees half a site."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.new")
    old = target.with_name(f".{target.name}.old")
    for leftover in (staged, old):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(new, staged)
    if target.exists():
        target.rename(old)
    staged.rename(target)
    shutil.rmtree(old, ignore_errors=True)
