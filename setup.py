"""Compiles the extraction's hot modules to C with mypyc, when it can: the same Python source, about 1.35
times faster (bench/extraction.py). Everything else about the package is in pyproject.toml.

The compiled modules are an option, never a requirement: with ``DIGEST_PURE=1`` set, or when the compiler
fails, the package installs as plain Python and runs the same (the tests compare both). An edited module
is newer than its compiled form: ``generator/__init__.py`` then runs the Python source of them all until
the next ``make`` compiles them again. (A compiled module imported by another may give a ``__file__`` under
``generator/generator/``: mypyc derives it from where its shared library lies. Nothing in the package reads
these modules' ``__file__``.)
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

#: Where extraction spends its time: cleaning, structure, tagging, entities, and what they call.
COMPILED = [
    "generator/text.py",
    "generator/clean.py",
    "generator/markup.py",
    "generator/pieces.py",
    "generator/extract/__init__.py",
    "generator/extract/structure.py",
    "generator/extract/topics.py",
    "generator/extract/entities.py",
    "generator/extract/signals.py",
    "generator/extract/keypoints.py",
    "generator/extract/dates.py",
    "generator/extract/events.py",
]


def compiled_modules() -> list:
    if os.environ.get("DIGEST_PURE"):
        return []
    try:
        from mypyc.build import mypycify

        # the package's own types are checked; its libraries' are not (the build has none of them installed)
        extensions = mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
                              group_name="generator._native", opt_level="3")
    except (Exception, SystemExit) as exc:  # mypyc reports a type error by exiting
        print(f"digest: not compiling ({exc}); the package runs as plain Python", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # a compiler error leaves the Python source in use
    return extensions


setup(ext_modules=compiled_modules(), options={"build_ext": {"parallel": os.cpu_count() or 1}})
