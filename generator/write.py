"""Stage 6 — the generated tree onto disk: each file atomically, only when its bytes change.

The generator owns a fixed set of paths below the docs folder; anything else there (home-made pages,
stylesheets) is never touched. A file it owns that this run did not produce belonged to a seed that is gone,
and is removed.
"""

from __future__ import annotations

import os
import tempfile
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


def write_tree(docs: Path, files: dict[str, bytes]) -> WriteReport:
    check_paths(files)
    report = WriteReport()
    docs.mkdir(parents=True, exist_ok=True)
    for path in sorted(files):
        target = docs / path
        data = files[path]
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            report.unchanged += 1
            continue
        atomic_write(target, data)
        report.written.append(path)
    for stale in sorted(existing_generated(docs) - set(files)):
        (docs / stale).unlink()
        report.removed.append(stale)
    for name in OWNED_DIRS:
        _remove_empty_dirs(docs / name)
    return report


def existing_generated(docs: Path) -> set[str]:
    found = {name for name in OWNED_FILES if (docs / name).is_file()}
    for name in OWNED_DIRS:
        root = docs / name
        if root.is_dir():
            found.update(p.relative_to(docs).as_posix() for p in root.rglob("*") if p.is_file())
    return found


def atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
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
