"""``make serve``: MkDocs' live preview, plus regeneration whenever a seed changes.

MkDocs already reloads the browser when docs/ changes; this only turns seed edits into docs/ edits. A bad
seed prints its problems and leaves the last good pages in place.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from generator.build import generate
from generator.errors import DigestError, SeedError


def _state(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*") if p.is_file()))


def main(seeds: str = "seeds", docs: str = "docs", address: str = "127.0.0.1:8000") -> int:
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address])
    last = _state(Path(seeds))
    try:
        while server.poll() is None:
            time.sleep(1)
            now = _state(Path(seeds))
            if now != last:
                last = now
                try:
                    print(generate(seeds, docs).summary(), flush=True)
                except SeedError as exc:
                    print("\n".join(map(str, exc.problems)), file=sys.stderr, flush=True)
                except DigestError as exc:
                    print(f"digest: {exc}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
