"""Errors users see: every problem names a file and a line, and the CLI turns them into exit 1."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, printed as ``PATH:LINE: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DigestError(Exception):
    """Base of every error the CLI reports without a traceback."""


class SeedError(DigestError):
    """Bad input: carries every problem found in the run, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(DigestError):
    """A project data file (topics, entities, cues) or mkdocs.yml is wrong."""
