"""The build cache: what a seed gave last time, and what the last run wrote, so a rerun redoes only what changed.

Below one folder (``.digest-cache/`` at the project root; ``DIGEST_CACHE_DIR`` moves it, ``DIGEST_CACHE=0``
turns it off):

- ``seeds``: each seed's article, keyed by sha256 of its bytes and path, as two pickles (the article without
  its text, as the index keeps it; the seed and the text: build.py pickles each article once) — a file per
  seed, so a rerun loads only the seeds it needs in full;
- ``runs``: per docs folder, the last run's *manifest* (small: what each generated file was made of, and its
  size and time on disk) and *index* (large: every article without its text, for the pages that list many).
  One file each, so a rerun reads two files instead of one per article.

Every key also holds the *fingerprint*: the generator's own code and templates, ``data/*.yml``, the Python
version. Editing any of them starts a new namespace (the old one is deleted), so a cached value is only ever
reused by the same code over the same data, and the output is byte-identical to an uncached run.

Entries are written atomically (temporary file, then rename); a missing, truncated or unreadable entry is
a miss, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import pickle
import shutil
import sys
from pathlib import Path
from typing import Any

from generator import PROJECT_ROOT
from generator.write import write_all

DEFAULT_DIR = PROJECT_ROOT / ".digest-cache"
PACKAGE = Path(__file__).resolve().parent
DATA = PROJECT_ROOT / "data"


def fingerprint() -> str:
    """Hash of what turns seeds into files: the package's code and templates, the data files, Python."""
    h = hashlib.sha256(f"python {sys.version_info[:2]} pickle {pickle.HIGHEST_PROTOCOL}".encode())
    sources = sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".j2") and "__pycache__" not in p.parts)
    sources += sorted(DATA.glob("*.yml"))
    for path in sources:
        h.update(path.relative_to(PROJECT_ROOT).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def digest(*parts: Any) -> str:
    """A stable key for plain values: strings, bytes, numbers, None and (nested) tuples of them (no objects,
    sets or dicts). Written by marshal's version 2, which writes a value's type and contents only (never
    whether a string is shared or interned): the same in every run, and a few times faster than their repr."""
    return hashlib.sha256(plain(parts)).hexdigest()


def plain(value: Any) -> bytes:
    """``value`` as unambiguous bytes; a value marshal refuses (a str subclass) by its repr, set apart."""
    try:
        return marshal.dumps(value, 2)
    except ValueError:
        return b"r" + repr(value).encode("utf-8", "surrogatepass")  # marshal's output never starts with "r"


def dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


class Cache:
    """One namespace of the cache folder: entries made by this code over this data."""

    def __init__(self, root: Path, stamp: str | None = None):
        self.stamp = stamp or fingerprint()
        self.root = Path(root)
        self.folder = self.root / self.stamp[:20]
        self._base = os.fspath(self.folder)
        self._pruned = False

    @classmethod
    def default(cls) -> Cache | None:
        """The project's cache, or None when ``DIGEST_CACHE=0``."""
        if os.environ.get("DIGEST_CACHE", "1").strip().lower() in ("0", "no", "off", "false"):
            return None
        return cls(Path(os.environ.get("DIGEST_CACHE_DIR") or DEFAULT_DIR))

    def seed_key(self, display: str, data: bytes) -> str:
        h = hashlib.sha256(f"seed\0{self.stamp}\0".encode())
        h.update(display.encode("utf-8", "surrogatepass") + b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, store: str, key: str) -> Any | None:
        try:
            with open(self._path(store, key), "rb") as fh:
                return pickle.load(fh)
        except Exception:  # missing, or a damaged entry: a miss
            return None

    def put(self, store: str, key: str, value: Any) -> None:
        self.put_bytes(store, key, dumps(value))

    def put_bytes(self, store: str, key: str, data: bytes) -> None:
        """Store an already pickled value (pickled once, in the worker that made it)."""
        self.prune()
        target = self._path(store, key)
        tmp = f"{target}.{os.getpid()}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        try:
            try:  # plain file descriptors, the folder made when missing: ten thousand entries in a cold run
                fd = os.open(tmp, flags, 0o666)
            except FileNotFoundError:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                fd = os.open(tmp, flags, 0o666)
            try:
                write_all(fd, data)
            finally:
                os.close(fd)
            os.replace(tmp, target)
        except OSError:  # a read-only or full disk costs speed, never the build
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _path(self, store: str, key: str) -> str:
        return f"{self._base}/{store}/{key[:2]}/{key[2:]}.pickle"  # plain strings: called once per file

    def prune(self) -> None:
        """Entries of other code or data are never read again: remove them once per run."""
        if self._pruned:
            return
        self._pruned = True
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / ".gitignore").write_text("*\n", encoding="utf-8")
            return
        for entry in self.root.iterdir():
            if entry.is_dir() and entry.name != self.folder.name:
                shutil.rmtree(entry, ignore_errors=True)
