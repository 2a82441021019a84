"""The whole pipeline, top to bottom: read → clean/extract → render → publish → write (→ MkDocs)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator import PROJECT_ROOT
from generator.collect import assign_slugs
from generator.config import load_topics
from generator.errors import DigestError, Problem, SeedError
from generator.extract import extract
from generator.model import Article
from generator.publish.calendar import calendar_files
from generator.publish.feeds import FirstSeen, all_feeds
from generator.read import Seed, read_seeds
from generator.render import Site, render_pages, watch_page
from generator.sitecfg import build_date, site_url
from generator.write import WriteReport, write_tree

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


def analyse(seeds_dir: str) -> tuple[list[Seed], tuple[Article, ...]]:
    """Read, validate and extract every seed; raise SeedError with every problem of the run."""
    seeds, problems = read_seeds(seeds_dir)
    if problems:
        raise SeedError(problems)
    articles = _extract_all(seeds)
    problems = [Problem(s.path, s.body_line, "nothing is left of the text once boilerplate is removed; "
                                             "paste the article itself")
                for s, a in zip(seeds, articles) if not any(sec.blocks for sec in a.sections)]
    if problems:
        raise SeedError(problems)
    return seeds, tuple(assign_slugs(articles))


def generate(seeds_dir: str = "seeds", docs_dir: str = "docs") -> Result:
    seeds, articles = analyse(seeds_dir)
    files = site_files(articles, _first_seen(seeds))
    missing = [a.seed for a in articles if f"articles/{a.slug}.md" not in files]
    if missing:
        raise DigestError(f"internal error: no page for {', '.join(missing)}")
    report = write_tree(Path(docs_dir), files)
    return Result(len(seeds), articles, report)


def site_files(articles: tuple[Article, ...], first_seen: dict[str, FirstSeen]) -> dict[str, bytes]:
    """Every generated file (pages, feeds, calendars) in memory: nothing is written until all succeed."""
    topics = load_topics()
    url = site_url()
    site = Site(articles, topics, url, build_date())
    files = {path: text.encode("utf-8") for path, text in render_pages(site).items()}
    files["watch.md"] = watch_page(site).encode("utf-8")
    files.update(all_feeds(articles, topics, url, first_seen))
    files.update(calendar_files(articles, topics, url))
    return files


def _extract_all(seeds: list[Seed]) -> list[Article]:
    workers = min(os.cpu_count() or 1, 8)
    if len(seeds) < PARALLEL_FROM or workers < 2:
        return [extract(s) for s in seeds]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(extract, seeds, chunksize=max(1, len(seeds) // (workers * 8))))


def _first_seen(seeds: list[Seed]) -> dict[str, FirstSeen]:
    """For seeds without a date: when each file was first committed (one git call), else its mtime."""
    git_dates = _git_first_commits([s.file for s in seeds])
    out = {}
    for seed in seeds:
        key = str(seed.file.resolve())
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
