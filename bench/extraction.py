"""Extraction speed: articles per CPU-second for cleaning, tagging and entities, on seed-sized texts.

    .venv/bin/python bench/extraction.py            # the project's seeds and 300 synthetic articles
    .venv/bin/python bench/extraction.py --rounds 300

Target (issue "Extraction"): >= 1,000 articles per CPU-second for clean + tag + entities together. The
"core" figure counts what those three need: cleaning, sentence splitting, tagging every story and finding
entities; masthead and story splitting are shown apart, and the whole ``extract`` (key points, signals,
events too) is printed for reference. CPU time of this one process (``time.process_time``), so other load on
the machine matters less than for wall time; still, compare figures within one run. Never part of
`make test`.

Every round reads the same texts, so a cache keyed by text would carry over from one round to the next and
flatter the figures: extraction keeps nothing between articles (a matcher that kept the last 64 texts'
matches once looked 37 % faster here and was not). To compare two versions on a shared machine, run both
at the same time (``git worktree add /tmp/base <commit>``; the same command in each, in parallel) so they
share the load, and compare the two outputs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus import article  # noqa: E402

from generator.clean import clean  # noqa: E402
from generator.extract import extract, story_proses  # noqa: E402
from generator.extract.entities import find_entities  # noqa: E402
from generator.extract.structure import masthead, split_sections  # noqa: E402
from generator.extract.topics import tag_story  # noqa: E402
from generator.read import Seed, read_seed  # noqa: E402

STAGES = ("clean", "masthead+split", "sentences", "tag", "entities")
CORE = ("clean", "sentences", "tag", "entities")


def corpus_seeds(count: int, folder: Path) -> list[Seed]:
    folder.mkdir(parents=True, exist_ok=True)
    seeds = []
    for i in range(count):
        name, text, _ = article(2026, i)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        seeds.append(read_seed(path, name))
    return seeds


def one_round(seeds: list[Seed], totals: dict[str, float]) -> None:
    clock = time.process_time
    for seed in seeds:
        t0 = clock()
        cleaned = clean(seed.body, seed.body_line)
        t1 = clock()
        head = masthead(cleaned.blocks, cleaned.dropped)
        sections, _ = split_sections(cleaned.blocks[head.consumed:], head.title or "",
                                     len(head.story_titles) > 1)
        t2 = clock()
        proses = story_proses(sections)
        t3 = clock()
        for section, prose in zip(sections, proses):
            tag_story(section.title, prose)
        t4 = clock()
        find_entities([(s.anchor, p) for s, p in zip(sections, proses)])
        t5 = clock()
        for stage, spent in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            totals[stage] += spent


def measure(label: str, seeds: list[Seed], rounds: int) -> None:
    """Each stage's time is the best of ``rounds`` passes over all texts (as ``timeit`` does): the other
    passes measured the machine's other load, not the code."""
    size = statistics.mean(len(s.body) for s in seeds)
    one_round(seeds, {s: 0.0 for s in STAGES})  # warm: vocabularies loaded, automata built
    best = {s: float("inf") for s in STAGES}
    wholes = []
    for _ in range(rounds):
        totals = {s: 0.0 for s in STAGES}
        one_round(seeds, totals)
        best = {s: min(best[s], totals[s]) for s in STAGES}
        start = time.process_time()
        for seed in seeds:
            extract(seed)
        wholes.append(time.process_time() - start)
    n = len(seeds)
    print(f"\n{label}: {n} texts, mean {size:,.0f} characters, best of {rounds} rounds")
    for stage in STAGES:
        print(f"  {stage:15} {best[stage] / n * 1000:6.3f} ms/article")
    core = sum(best[s] for s in CORE)
    print(f"  core (clean + sentences + tag + entities): {n / core:,.0f} articles/CPU-s "
          f"({core / n * 1000:.3f} ms/article)")
    print(f"  with masthead+split:                       {n / sum(best.values()):,.0f} articles/CPU-s")
    print(f"  whole extract():                           {n / min(wholes):,.0f} articles/CPU-s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--synthetic", type=int, default=300)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args(argv)
    real = [read_seed(p, p.name) for p in sorted(args.seeds.glob("*.txt"))]
    measure("project seeds", real, args.rounds)
    if args.synthetic:
        synthetic = corpus_seeds(args.synthetic, HERE / "out" / "extraction")
        measure("synthetic articles (bench/corpus.py)", synthetic, max(3, args.rounds // 10))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
