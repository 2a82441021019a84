"""The whole pipeline, top to bottom: read → clean/extract → render → publish → write (→ MkDocs)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from generator import PROJECT_ROOT, outputs
from generator.cache import Cache, digest
from generator.collect import assign_slugs
from generator.config import load_topics
from generator.errors import DigestError, Problem, SeedError
from generator.extract import extract
from generator.model import Article
from generator.progress import progress
from generator.publish.feeds import FirstSeen
from generator.read import Seed, read_seed, seed_paths
from generator.render import Site
from generator.sitecfg import build_date, site_url
from generator.write import WriteReport, existing_generated, write_tree

PARALLEL_FROM = 200  # below this many seeds a process pool costs more than it saves


@dataclass(frozen=True)
class Result:
    seeds: int
    articles: tuple[Article, ...]
    report: WriteReport | None

    def summary(self) -> str:
        if self.report is None:
            return f"digest: {self.seeds} seeds read, all valid, nothing written"
        r = self.report
        return (f"digest: {self.seeds} seeds read, {len(self.articles)} article pages, "
                f"{len(r.written)} files written, {r.unchanged} unchanged, {len(r.removed)} removed, 0 problems")


def analyse(seeds_dir: str, cache: Cache | None = None) -> tuple[list[Seed], tuple[Article, ...]]:
    """Read, validate and extract every seed; raise SeedError with every problem of the run."""
    seeds, articles, _, _ = _analyse(seeds_dir, cache)
    return seeds, articles


def _analyse(seeds_dir: str, cache: Cache | None):
    paths, problems = seed_paths(seeds_dir)
    seeds, articles, keys = [], [], {}
    for result in _extract_all(paths, cache):
        if isinstance(result, list):
            problems.extend(result)
        else:
            seed, article, keys[seed.path] = result
            seeds.append(seed)
            articles.append(article)
    if problems:
        raise SeedError(problems)
    problems = [Problem(s.path, s.body_line, "nothing is left of the text once boilerplate is removed; "
                                             "paste the article itself")
                for s, a in zip(seeds, articles) if not any(sec.blocks for sec in a.sections)]
    if problems:
        raise SeedError(problems)
    first_seen = _first_seen(seeds)
    # a title clash is settled by arrival in the archive, so a seed added later never moves a published page
    arrival = {s.path: (first_seen[s.path].when, s.file.stat().st_mtime_ns if first_seen[s.path].origin == "file"
                        else 0) for s in seeds}
    return seeds, tuple(assign_slugs(articles, arrival)), keys, first_seen


def generate(seeds_dir: str = "seeds", docs_dir: str = "docs") -> Result:
    cache = Cache.default()
    seeds, articles, keys, first_seen = _analyse(seeds_dir, cache)
    docs = Path(docs_dir)
    run = _run_key(cache, articles, keys, first_seen, docs) if cache else None
    last = cache.get("runs", run) if run else None
    if _as_left(docs, last):  # the same inputs as last time, and the pages untouched since
        return Result(len(seeds), articles, WriteReport(unchanged=len(last)))
    files = site_files(articles, first_seen, keys, cache)
    missing = [a.seed for a in articles if f"articles/{a.slug}.md" not in files]
    if missing:
        raise DigestError(f"internal error: no page for {', '.join(missing)}")
    report = write_tree(docs, files)
    if run:
        cache.put("runs", run, _stat_all(docs, files))
    return Result(len(seeds), articles, report)


def site_files(articles: tuple[Article, ...], first_seen: dict[str, FirstSeen],
               keys: dict[str, str] | None = None, cache: Cache | None = None) -> dict[str, bytes]:
    """Every generated file (pages, feeds, calendars) in memory: nothing is written until all succeed.
    With a cache and the seeds' keys, files whose inputs did not change come from the cache."""
    site = Site(articles, load_topics(), site_url(), build_date())
    return outputs.site_files(site, first_seen, keys, cache)


def _run_key(cache: Cache, articles, keys: dict[str, str], first_seen: dict[str, FirstSeen], docs: Path) -> str:
    """Everything the generated tree is made of: the seeds' contents, the code and data (the cache's stamp),
    the site's address, the build date, the fallback dates, and where the tree is."""
    return digest("run", cache.stamp, site_url(), build_date().isoformat(), str(docs.resolve()),
                  tuple((a.seed, keys[a.seed], a.slug) for a in articles),
                  tuple(sorted((p, f.when.isoformat(), f.origin) for p, f in first_seen.items())))


def _stat_all(docs: Path, files) -> dict[str, tuple[int, int]]:
    return {path: _stat(docs / path) for path in files}


def _as_left(docs: Path, last: dict[str, tuple[int, int]] | None) -> bool:
    """The generated files are exactly those of the last run, none changed since (size and time)."""
    if not last:
        return False
    try:
        if any(_stat(docs / path) != seen for path, seen in last.items()):
            return False
    except OSError:
        return False
    return existing_generated(docs) == last.keys()


def _stat(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


# ---------------------------------------------------------------------------------------------------------
# Extraction: each seed read and extracted once per content — from the cache when its bytes are unchanged,
# else on every core.


def _extract_all(paths: list[tuple[str, Path]], cache: Cache | None) -> list:
    """For each seed file, (Seed, Article, key) or the list of its problems, in order."""
    results: list = [None] * len(paths)
    todo = []
    for i, (display, path) in enumerate(paths):
        key = cache.seed_key(display, path.read_bytes()) if cache else None
        hit = cache.get("seeds", key) if cache else None
        if hit is not None:
            seed, article = hit
            results[i] = (replace(seed, file=path), article, key)
        else:
            todo.append((i, display, path, key))
    jobs = [(display, path) for _, display, path, _ in todo]
    for (i, display, path, key), result in progress(zip(todo, _map(_read_and_extract, jobs)), len(todo),
                                                    "extracting"):
        if isinstance(result, list):
            results[i] = result
            continue
        results[i] = (*result, key)
        if cache and cache.seed_key(display, path.read_bytes()) == key:  # not edited while we read it
            cache.put("seeds", key, result)
    return results


def _map(fn, jobs: list) -> Iterator:
    """``map(fn, jobs)``, on every core when there are many jobs."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        yield from map(fn, jobs)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(fn, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


def _read_and_extract(job: tuple[str, Path]) -> tuple[Seed, Article] | list[Problem]:
    display, path = job
    try:
        seed = read_seed(path, display)
    except SeedError as exc:
        return exc.problems  # plain data: it crosses from a worker process
    return seed, extract(seed)


def _first_seen(seeds: list[Seed]) -> dict[str, FirstSeen]:
    """For seeds without a date: when each file was first committed (one git call), else its mtime."""
    git_dates = _git_first_commits([s.file for s in seeds])
    folders: dict[Path, Path] = {}  # every seed of a run sits in one folder: resolve it once
    out = {}
    for seed in seeds:
        parent = seed.file.parent
        folder = folders.get(parent) or folders.setdefault(parent, parent.resolve())
        key = str(seed.file.resolve() if seed.file.is_symlink() else folder / seed.file.name)
        if key in git_dates:
            out[seed.path] = FirstSeen(git_dates[key], "git")
        else:
            mtime = dt.datetime.fromtimestamp(int(seed.file.stat().st_mtime), dt.timezone.utc)
            out[seed.path] = FirstSeen(mtime, "file")
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
