"""Progress bars for long runs: shown on a terminal, never in CI or when stderr is a file or a pipe."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
FROM = 200  # shorter runs end before a bar is worth drawing


def progress(items: Iterable[T], total: int, what: str) -> Iterable[T] | Iterator[T]:
    if total < FROM or os.environ.get("CI") or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=what, unit="", leave=False, file=sys.stderr, mininterval=0.5,
                dynamic_ncols=True)
