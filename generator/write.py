"""Stage 6 — the generated tree onto disk: each file atomically, only when its bytes change.

The generator owns a fixed set of paths below the docs folder; anything else there (home-made pages,
stylesheets) is never touched. A file it owns that this run did not produce belonged to a seed that is gone,
and is removed.

Files are written where they are rendered (on every core) into a staging folder inside the docs folder, and
renamed into place only once every page rendered: a failed run leaves the docs folder as it was.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

OWNED_DIRS = ("articles", "topics", "entities", "feeds", "calendars")
OWNED_FILES = ("index.md", "watch.md", "calendar.ics")
STAGING = ".digest-staging-"  # + the main process's id; a dot folder: MkDocs skips it

Stat = tuple[int, int]  # size and modification time (ns): how a rerun knows a file is as it left it
Staged = tuple[str | None, Stat]  # the temporary file to rename into place (None: unchanged), and its stat

_names = itertools.count()


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def owned(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and (parts[0] in OWNED_DIRS or (len(parts) == 1 and parts[0] in OWNED_FILES))


def check_paths(files) -> None:
    for path in files:
        pure = PurePosixPath(path)
        if pure.is_absolute() or ".." in pure.parts or not owned(path):
            raise ValueError(f"refusing to write outside the generated tree: {path!r}")


class Staging:
    """A run's staging folder: ``stage`` (in any process) writes the files whose bytes changed there,
    ``commit`` renames them into place and removes stale files; leaving the ``with`` block on an error
    removes the folder, and the docs folder is as it was."""

    def __init__(self, docs: Path | str):
        self.docs = os.fspath(docs)
        self.folder = os.path.join(self.docs, f"{STAGING}{os.getpid()}")
        self._made_docs = False

    def __enter__(self) -> Staging:
        self._made_docs = not os.path.isdir(self.docs)
        os.makedirs(self.docs, exist_ok=True)
        for leftover in Path(self.docs).glob(f"{STAGING}*"):  # of a run that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        os.mkdir(self.folder)
        return self

    def __exit__(self, kind, *_) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        if kind is not None and self._made_docs:
            with contextlib.suppress(OSError):
                os.rmdir(self.docs)

    def stage(self, made: dict[str, str | bytes]) -> dict[str, Staged]:
        """Each file of one group, written to the staging folder unless the docs folder has its bytes."""
        check_paths(made)
        return {path: self._stage(path, data if isinstance(data, bytes) else data.encode("utf-8"))
                for path, data in made.items()}

    def _stage(self, path: str, data: bytes) -> Staged:
        seen = _same_bytes(os.path.join(self.docs, path), data)
        if seen:
            return None, seen
        tmp = os.path.join(self.folder, f"{os.getpid()}-{next(_names)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        try:
            os.fchmod(fd, 0o644)  # whatever the umask
            write_all(fd, data)
            st = os.fstat(fd)  # the time stays with the file when it is renamed
        finally:
            os.close(fd)
        return tmp, (st.st_size, st.st_mtime_ns)

    def commit(self, staged: dict[str, Staged], keep: set[str] = frozenset()) -> WriteReport:
        """Move the staged files into place; remove every generated file neither staged nor in ``keep``
        (files a rerun knows to be as the last run left them)."""
        report = WriteReport(unchanged=len(keep))
        moves = sorted((path, tmp) for path, (tmp, _) in staged.items() if tmp)
        for folder in {os.path.dirname(os.path.join(self.docs, path)) for path, _ in moves}:
            os.makedirs(folder, exist_ok=True)
        for path, tmp in moves:
            os.replace(tmp, os.path.join(self.docs, path))
        report.written = [path for path, _ in moves]
        report.unchanged += len(staged) - len(moves)
        _remove_stale(Path(self.docs), staged.keys() | keep, report)
        return report


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _same_bytes(target: str, data: bytes) -> Stat | None:
    """The target's stat when it holds ``data`` already."""
    try:
        st = os.stat(target)
        if st.st_size != len(data):
            return None
        with open(target, "rb") as fh:
            return (st.st_size, st.st_mtime_ns) if fh.read() == data else None
    except OSError:  # missing, or a folder in the way
        return None


def _remove_stale(docs: Path, produced: set[str], report: WriteReport) -> None:
    for stale in sorted(existing_generated(docs) - produced):
        (docs / stale).unlink()
        report.removed.append(stale)
    if report.removed:
        for name in OWNED_DIRS:
            _remove_empty_dirs(docs / name)


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


def _remove_empty_dirs(root: Path) -> None:
    if not root.is_dir():
        return
    for directory in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(directory.iterdir()):
            directory.rmdir()
    if not any(root.iterdir()):
        root.rmdir()
