"""What a pull request changes, as a reviewer wants to see it: a Markdown table row per added or changed seed.

    python -m generator.summary --base <ref> [--seeds seeds]

prints the title, date, source, topics, mentions and truce signal the generator finds in every seed that
``git diff <base>...HEAD`` adds, changes or renames below the seeds folder (the pull-request workflow appends
it to ``$GITHUB_STEP_SUMMARY``). Extraction is the generator's own (read → clean → extract); nothing is
written. Seeds come from the pull request and are untrusted: every value passes through
``generator.markdown.escape`` (no markup, no raw HTML, no line breaks, no table pipes) and is cut to a length.

Exit 0 with a summary (seeds with problems are listed with their problems; ``digest check`` fails the run),
1 when git cannot compare with the base, 2 on wrong usage.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.errors import DigestError, SeedError
from generator.extract import extract
from generator.markdown import escape
from generator.model import Article
from generator.read import read_seed, seed_paths

MAX_ROWS = 200  # a job summary holds at most 1 MiB: a pull request with more seeds is summarised in part
MAX_CHARS = 160  # per cell value
NOTE = ("Dates marked “first commit date” are not in the seed: the site uses the date the file was first "
        "committed. Set `date:` in the front-matter to choose it; set `truce_signal:` or `topics:` to "
        "override what was detected.")


@dataclass(frozen=True)
class Change:
    status: str  # "added", "changed", "renamed" or "removed"
    path: str  # as shown: the seeds folder as given joined with the file name
    file: Path | None  # None when removed
    before: str = ""  # a renamed seed's earlier path, relative to the repository


def changed_seeds(base: str, seeds_dir: str) -> list[Change]:
    """Seed files that ``git diff BASE...HEAD`` adds, changes, renames or removes below ``seeds_dir``."""
    folder = Path(seeds_dir).resolve()
    top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip()).resolve()
    # three dots: what HEAD changed since it left BASE (what the pull request itself did)
    out = _git(["diff", "--name-status", "-z", "--find-renames", "--no-ext-diff", "--no-relative",
                f"{base}...HEAD", "--", "."], folder)
    fields = out.split("\0")
    if fields and fields[-1] == "":
        fields.pop()
    names = {p.resolve(): display for display, p in seed_paths(seeds_dir)[0]}
    changes: list[Change] = []
    i = 0
    while i < len(fields):
        code = fields[i]
        paths = fields[i + 1:i + (3 if code[:1] in "RC" else 2)]
        i += 1 + len(paths)
        if not paths:
            break
        target = (top / paths[-1]).resolve()
        if target.parent != folder or target.suffix.lower() not in (".txt", ".md"):
            continue
        status = {"A": "added", "M": "changed", "R": "renamed", "C": "added", "D": "removed"}.get(code[:1],
                                                                                                "changed")
        display = names.get(target, os.path.join(seeds_dir, target.name))
        before = paths[0] if status == "renamed" else ""
        changes.append(Change(status, display, None if status == "removed" else target, before))
    return sorted(changes, key=lambda c: c.path)


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                              encoding="utf-8", errors="surrogateescape")
    except (OSError, subprocess.SubprocessError) as exc:
        raise DigestError(f"cannot run git: {exc}") from exc
    if done.returncode != 0:
        raise DigestError(f"git {args[0]} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


def cell(value: object, limit: int = MAX_CHARS) -> str:
    """Untrusted text as one table cell: literal, one line, no pipe, at most ``limit`` characters."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    # "@" too: no mention or team link in a summary built from someone else's text
    return escape(text).replace("@", "&#64;") if text else "—"


def _list(values) -> str:
    return ", ".join(cell(v, 60) for v in values) if values else "—"


def row(change: Change, article: Article | None, problem: str | None) -> str:
    seed = f"{cell(change.path)} ({change.status}{' from ' + cell(change.before) if change.before else ''})"
    if article is None:
        return f"| {seed} | ⚠️ {cell(problem or 'not a seed')} | | | | | |"
    truce = article.truce
    if truce is None:
        signal = "—"
    elif truce.override:
        signal = f"**{truce.value}** (set by the editor)"
    else:
        signal = f"**{truce.value}**" + (f": “{cell(truce.evidence, 200)}”" if truce.evidence else "")
    date = article.date.isoformat() if article.date else "— (first commit date)"
    stories = f" ({len(article.stories)} stories)" if article.multi else ""
    return " | ".join([
        f"| {seed}", cell(article.title) + stories, date, cell(article.source or "—"),
        _list(article.topics), _list(article.mentions), signal + " |",
    ])


def summary(base: str, seeds_dir: str = "seeds") -> str:
    """The Markdown job summary for the seeds a pull request adds or changes."""
    changes = changed_seeds(base, seeds_dir)
    lines = ["## Seeds in this pull request", ""]
    if not changes:
        return "\n".join(lines + ["No seed is added or changed.", ""])
    kept = [c for c in changes if c.file is not None]
    removed = [c for c in changes if c.file is None]
    if kept:
        lines += ["| seed | title | date | source | topics | mentions | truce signal |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for change in kept[:MAX_ROWS]:
            article, problem = _analyse(change)
            lines.append(row(change, article, problem))
        if len(kept) > MAX_ROWS:
            lines += ["", f"… and {len(kept) - MAX_ROWS} more seeds, not shown."]
        lines += ["", NOTE]
    if removed:
        lines += ["", "Removed: " + ", ".join(cell(c.path) for c in removed[:MAX_ROWS])]
    return "\n".join(lines + [""])


def _analyse(change: Change) -> tuple[Article | None, str | None]:
    assert change.file is not None
    try:
        article = extract(read_seed(change.file, change.path))
    except SeedError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        return None, f"line {first.line}: {first.message}{more}"
    if not any(sec.blocks for sec in article.sections):
        return None, "nothing is left of the text once boilerplate is removed"
    return article, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.summary",
        description="Markdown summary of the seeds a pull request adds or changes.")
    parser.add_argument("--base", required=True, help="git ref or commit the pull request is compared with")
    parser.add_argument("--seeds", default="seeds", metavar="DIR")
    args = parser.parse_args(argv)
    try:
        text = summary(args.base, args.seeds)
    except DigestError as exc:
        print(f"digest summary: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
