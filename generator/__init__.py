"""Digest: turns editors' seed files into a MkDocs Material site of structured article pages."""

from __future__ import annotations

import os
import sys
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path

#: The project root: mkdocs.yml, data/ and docs/ live here (the package is installed editable).
PROJECT_ROOT = Path(__file__).resolve().parent.parent

HERE = Path(__file__).resolve().parent


def compiled_sources() -> dict[str, tuple[Path, Path]]:
    """Each module compiled beside its source (setup.py): its name, its ``.py`` and its compiled file."""
    found = {}
    for folder, _, names in os.walk(HERE):
        for name in names:
            suffix = next((s for s in EXTENSION_SUFFIXES if name.endswith(s)), None)
            source = Path(folder, name[: -len(suffix)] + ".py") if suffix else None
            if source is not None and source.is_file():
                parts = source.relative_to(HERE.parent).with_suffix("").parts
                found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = (source, Path(folder, name))
    return found


def stale(compiled: dict[str, tuple[Path, Path]]) -> list[Path]:
    """The sources edited since they were compiled."""
    return [source for source, built in compiled.values() if source.stat().st_mtime_ns > built.stat().st_mtime_ns]


class _Source(MetaPathFinder):
    """Imports these modules from their Python source, past the compiled files beside them."""

    def __init__(self, compiled: dict[str, tuple[Path, Path]]):
        self.sources = {name: source for name, (source, _) in compiled.items()}

    def find_spec(self, fullname: str, path=None, target=None) -> ModuleSpec | None:
        source = self.sources.get(fullname)
        if source is None:
            return None
        package = [str(source.parent)] if source.name == "__init__.py" else None
        return spec_from_file_location(fullname, source, submodule_search_locations=package)


def _choose_build() -> None:
    """Run the compiled modules when they are all current; else, or with DIGEST_PURE set, the Python source
    of them all: compiled modules call each other directly, not through Python, so one out of date among
    them would still run its old code."""
    compiled = compiled_sources()
    if not compiled:
        return
    edited = stale(compiled)
    if edited and not os.environ.get("DIGEST_PURE"):
        names = ", ".join(str(p.relative_to(HERE.parent)) for p in edited[:3])
        print(f"digest: {names} changed since compiled; running the Python source (`make` compiles again)",
              file=sys.stderr)
    if edited or os.environ.get("DIGEST_PURE"):
        sys.meta_path.insert(0, _Source(compiled))


_choose_build()
