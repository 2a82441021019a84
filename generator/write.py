"""Stage 6 — the generated tree onto disk: each file atomically, only when its bytes change.

The generator owns a fixed set of paths below the docs folder; anything else there (home-made pages,
stylesheets) is never touched. A file it owns that this run did not produce belonged to a seed that is gone,
and is removed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

OWNED_DIRS = ("articles", "topics", "entities", "feeds", "calendars")
OWNED_FILES = ("index.md", "watch.md", "calendar.ics")


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def owned(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and (parts[0] in OWNED_DIRS or (len(parts) == 1 and parts[0] in OWNED_FILES))


def check_paths(files: dict[str, bytes]) -> None:
    for path in files:
        pure = PurePosixPath(path)
        if pure.is_absolute() or ".." in pure.parts or not owned(path):
            raise ValueError(f"refusing to write outside the generated tree: {path!r}")


def write_files(docs: Path, files: dict[str, bytes], keep: set[str] = frozenset()) -> WriteReport:
    """Write ``files`` where their bytes differ; remove every generated file neither written nor in ``keep``
    (files a rerun knows to be as the last run left them)."""
    check_paths(files)
    report = WriteReport(unchanged=len(keep))
    docs.mkdir(parents=True, exist_ok=True)
    paths = sorted(files)
    for folder in {os.path.dirname(os.path.join(docs, path)) for path in paths}:
        os.makedirs(folder, exist_ok=True)
    # one file after another: threads (tried, 4) spent twice the kernel time handing the GIL back and forth,
    # for a slower write of 2,000 pages on 2 cores
    changed = [_write(os.path.join(docs, path), files[path]) for path in paths]
    report.written = [path for path, wrote in zip(paths, changed) if wrote]
    report.unchanged += len(paths) - len(report.written)
    for stale in sorted(existing_generated(docs) - set(files) - keep):
        (docs / stale).unlink()
        report.removed.append(stale)
    if report.removed:
        for name in OWNED_DIRS:
            _remove_empty_dirs(docs / name)
    return report


def _write(target: str, data: bytes) -> bool:
    if _same_bytes(target, data):
        return False
    atomic_write(target, data)
    return True


def _same_bytes(target: str, data: bytes) -> bool:
    try:
        if os.stat(target).st_size != len(data):
            return False
        with open(target, "rb") as fh:
            return fh.read() == data
    except OSError:  # missing, or a folder in the way
        return False


def existing_generated(docs: Path) -> set[str]:
    found = {name for name in OWNED_FILES if (docs / name).is_file()}
    for name in OWNED_DIRS:
        _files_below(os.path.join(docs, name), name, found)
    return found


def _files_below(folder: str, rel: str, found: set[str]) -> None:
    """Files (or links to files) below a folder, not following linked folders; os.scandir rather than
    Path.rglob: a rerun lists ten thousand pages before deciding anything."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _files_below(entry.path, f"{rel}/{entry.name}", found)
        elif entry.is_file():
            found.add(f"{rel}/{entry.name}")


def atomic_write(target: str, data: bytes) -> None:
    """A temporary file beside the target (whose folder exists), renamed over it: a reader never sees half
    a page."""
    folder, name = os.path.split(target)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_empty_dirs(root: Path) -> None:
    if not root.is_dir():
        return
    for directory in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(directory.iterdir()):
            directory.rmdir()
    if not any(root.iterdir()):
        root.rmdir()
