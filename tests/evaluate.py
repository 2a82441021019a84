"""``make eval``: how well extraction does on the labelled set (the real seeds and the trap texts).

Prints precision and recall per topic (story level), truce-signal accuracy, date accuracy and the metadata
and entity checks. ``tests/test_extract_eval.py`` holds the same numbers to a floor.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.config import topic_slugs
from generator.extract import extract
from generator.model import Article, Section
from generator.read import read_seed

HERE = Path(__file__).parent
LABELLED = HERE / "labelled"
SEEDS = HERE.parent / "seeds"


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    signals: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    checks: list[bool] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        self.checks.append(ok)
        if not ok:
            self.failures.append(what)

    def precision(self, slug: str) -> float:
        return self.tp[slug] / max(1, self.tp[slug] + self.fp[slug])

    def recall(self, slug: str) -> float:
        return self.tp[slug] / max(1, self.tp[slug] + self.fn[slug])


def cases() -> list[tuple[str, dict, Article]]:
    out = []
    for case in yaml.safe_load((LABELLED / "seeds.yml").read_text(encoding="utf-8")):
        path = SEEDS / case["seed"]
        out.append((case["seed"], case, extract(read_seed(path, f"seeds/{case['seed']}"))))
    with tempfile.TemporaryDirectory() as tmp:
        for case in yaml.safe_load((LABELLED / "traps.yml").read_text(encoding="utf-8")):
            path = Path(tmp) / f"{case['name']}.md"
            path.write_text(case["text"], encoding="utf-8")
            out.append((case["name"], case, extract(read_seed(path, f"seeds/{path.name}"))))
    return out


def _match_sections(case: dict, article: Article) -> list[tuple[dict, Section | None]]:
    stories = list(article.stories)
    pairs = []
    for i, want in enumerate(case.get("sections", [])):
        needle = want.get("title_contains")
        found = next((s for s in stories if needle and needle.lower() in s.title.lower()), None)
        if found is None and not needle and i < len(stories):
            found = stories[i]
        pairs.append((want, found))
    return pairs


def evaluate() -> Score:
    score = Score()
    slugs = topic_slugs()
    for name, case, article in cases():
        wanted_sections = case.get("sections", [])
        score.check(len(article.stories) == len(wanted_sections) or not wanted_sections,
                    f"{name}: {len(article.stories)} stories, expected {len(wanted_sections)}")
        for want, section in _match_sections(case, article):
            if section is None:
                score.failures.append(f"{name}: no story titled like {want.get('title_contains')!r}")
                for slug in want.get("topics", []):
                    score.fn[slug] += 1
                continue
            got, expected = set(section.topics), set(want.get("topics", []))
            for slug in slugs:
                if slug in got and slug in expected:
                    score.tp[slug] += 1
                elif slug in got:
                    score.fp[slug] += 1
                    score.failures.append(f"{name} / {section.title}: tagged {slug} wrongly")
                elif slug in expected:
                    score.fn[slug] += 1
                    score.failures.append(f"{name} / {section.title}: missed {slug}")
            if "signal" in want:
                acceptable = want["signal"] if isinstance(want["signal"], list) else [want["signal"]]
                value = section.truce.value if section.truce else None
                score.signals.append(value in acceptable)
                if value not in acceptable:
                    score.failures.append(f"{name} / {section.title}: signal {value}, expected {acceptable}")
        for slug in case.get("not_topics", []):
            score.check(slug not in article.topics, f"{name}: must not be about {slug}")
        if "date" in case:
            want_date = case["date"]
            want_date = want_date if isinstance(want_date, (dt.date, type(None))) else dt.date.fromisoformat(want_date)
            score.dates.append(article.date == want_date)
            if article.date != want_date:
                score.failures.append(f"{name}: date {article.date}, expected {want_date}")
        for key in ("source", "author"):
            if key in case:
                score.check(getattr(article, key) == case[key], f"{name}: {key} {getattr(article, key)!r}")
        if "title_contains" in case:
            score.check(case["title_contains"] in article.title, f"{name}: title {article.title!r}")
        for bad in case.get("title_not", []):
            score.check(bad not in article.title, f"{name}: title {article.title!r} holds {bad!r}")
        people = set(article.entities_of("people"))
        for person in case.get("people", []):
            score.check(person in people, f"{name}: person {person} not found")
        for person in case.get("not_people", []):
            score.check(person not in people, f"{name}: {person} wrongly taken for a person")
        for org in case.get("organizations", []):
            score.check(org in article.entities_of("organizations"), f"{name}: organization {org} not found")
        names = {e.name for e in article.entities}
        for name_ in case.get("not_entities", []):
            score.check(name_ not in names, f"{name}: {name_} wrongly taken for an entity")
        for place in case.get("places_not", []):
            score.check(place not in article.entities_of("places"), f"{name}: {place} wrongly found")
        text = " ".join(line for s in article.sections for b in s.blocks for line in b.lines)
        for bad in case.get("absent_text", []):
            score.check(bad not in text, f"{name}: {bad!r} should have been cleaned away")
        for good in case.get("present_text", []):
            score.check(good in text, f"{name}: {good!r} missing from the cleaned text")
    return score


def report(score: Score) -> str:
    lines = ["topic                 precision  recall   tp  fp  fn", "-" * 52]
    for slug in topic_slugs():
        lines.append(f"{slug:<20} {score.precision(slug):>10.2f} {score.recall(slug):>7.2f} "
                     f"{score.tp[slug]:>4} {score.fp[slug]:>3} {score.fn[slug]:>3}")
    tp, fp, fn = (sum(d.values()) for d in (score.tp, score.fp, score.fn))
    lines.append(f"{'all (micro)':<20} {tp / max(1, tp + fp):>10.2f} {tp / max(1, tp + fn):>7.2f} "
                 f"{tp:>4} {fp:>3} {fn:>3}")
    lines.append("")
    lines.append(f"truce signal accuracy: {sum(score.signals)}/{len(score.signals)}")
    lines.append(f"date accuracy:         {sum(score.dates)}/{len(score.dates)}")
    lines.append(f"other checks passed:   {sum(score.checks)}/{len(score.checks)}")
    if score.failures:
        lines += ["", "failures:"] + [f"  - {f}" for f in score.failures]
    return "\n".join(lines)


def main() -> int:
    print(report(evaluate()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
