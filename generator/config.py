"""Declared schemas: the keys an editor may set in a seed, and the project's vocabulary files.

Every check returns problems instead of raising, so one run reports everything wrong at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache, cache
from pathlib import Path
from typing import Any, Callable

import yaml

from generator import PROJECT_ROOT
from generator.errors import ConfigError
from generator.model import SIGNALS
from generator.text import PhraseMatcher

DATA_DIR = PROJECT_ROOT / "data"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = frozenset({"all", "index", "sitemap"})
URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s<>\"'`\\]*)?$")


# ---------------------------------------------------------------------------------------------------------
# Seed front-matter


@dataclass(frozen=True)
class Field:
    """One front-matter key: its meaning (shown by ``digest new``) and a check returning an error or None."""

    name: str
    doc: str
    check: Callable[[Any], str | None]
    example: str


_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")


def _text(limit: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"must be text, got {_kind(value)}"
        if not _INVISIBLE.sub("", value).strip():  # a zero-width space alone is an invisible title and link
            return "must not be empty"
        if "\n" in value.strip():
            return "must be a single line"
        if len(value) > limit:
            return f"is {len(value)} characters long; the limit is {limit}"
        return None

    return check


def _check_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)):
        return f"must be a date written YYYY-MM-DD, got {_kind(value)}"
    if isinstance(value, str):
        text = value
        try:
            value = dt.date.fromisoformat(text.strip()) if _ISO.fullmatch(text.strip()) else None
        except ValueError:
            value = None
        if value is None:
            from generator.extract.dates import full_date  # (it imports this module)

            meant = full_date(text)
            hint = f": write {meant.isoformat()}" if meant else ""
            return f"must be a real date written YYYY-MM-DD, got {text!r}{hint}"
    if value.year not in YEARS:
        return f"must be a date between {YEARS[0]} and {YEARS[-1]}, got {value.isoformat()!r}"
    return None


def _check_url(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be an http(s) URL, got {_kind(value)}"
    if not URL_RE.match(value.strip()):
        return f"must be a plain http:// or https:// URL, got {value[:80]!r}"
    return None


def _check_topics(value: Any) -> str | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return f"must be a list of topic slugs, got {_kind(value)}"
    odd = next((v for v in value if not isinstance(v, str)), value)
    if odd is not value:  # "got a list" would not say what is wrong with it
        return f"must be a list of topic slugs, got a list holding {_kind(odd)}"
    known = topic_slugs()
    for slug in value:
        if slug not in known:
            return f"unknown topic {slug!r}{_did_you_mean(slug, known)}; topics are defined in data/topics.yml"
    return None


def _check_signal(value: Any) -> str | None:
    if value not in SIGNALS:
        return f"must be one of {', '.join(SIGNALS)}, got {value!r}{_did_you_mean(str(value), SIGNALS)}"
    return None


SEED_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("title", "headline shown on the page; detected from the text when absent", _text(300),
              "China widens rare-earth export controls"),
        Field("date", "publication date, YYYY-MM-DD; detected from a dateline when absent", _check_date,
              "2026-01-31"),
        Field("source", "publisher or newsletter name", _text(200), "Trivium China"),
        Field("author", "writer's name", _text(200), "Jane Doe"),
        Field("url", "address of the original article (http or https)", _check_url,
              "https://example.com/story"),
        Field("topics", "topic slugs to add to the detected ones", _check_topics, "[taiwan]"),
        Field("truce_signal", "escalation, de-escalation or holding: overrides the detected US-China truce "
              "signal", _check_signal, "holding"),
    )
}


def validate_front_matter(meta: dict[str, Any], key_lines: dict[str, int]) -> list[tuple[int, str]]:
    """Check a parsed front-matter mapping; returns (line, message) for every problem."""
    problems = []
    for key, value in meta.items():
        line = key_lines.get(str(key), 1)
        field = SEED_FIELDS.get(key) if isinstance(key, str) else None
        if field is None:
            problems.append((line, f"unknown key `{key}`{_did_you_mean(str(key), SEED_FIELDS, '`')}; "
                                   f"valid keys: {', '.join(SEED_FIELDS)}"))
            continue
        error = field.check(value)
        if error:
            problems.append((line, f"`{key}` {error}"))
    return problems


#: Years a date may have, in front-matter or read from the text (extract/dates.py). Far outside them a date
#: is a typo ("0202-01-31"), and it crashed the build: month headings need four-digit years, the truce
#: chart's axis and "the next such date" step past year 1 or 9999.
YEARS = range(1900, 2200)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(text: str) -> dt.date:
    if not _ISO.fullmatch(text.strip()):
        raise ValueError(text)
    day = dt.date.fromisoformat(text.strip())
    if day.year not in YEARS:
        raise ValueError(text)
    return day


def _did_you_mean(word: str, choices, quote: str = "'") -> str:
    match = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f"; did you mean {quote}{match[0]}{quote}?" if match else ""


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "nothing"}.get(type(value), type(value).__name__)


# ---------------------------------------------------------------------------------------------------------
# Vocabularies editors own: data/topics.yml, data/entities.yml, data/cues.yml


@dataclass(frozen=True)
class Topic:
    """A topic page and the rules that decide whether a story is about it.

    ``terms`` and ``strong`` (worth 3) are matched case-insensitively, except all-capital acronyms (US, DPRK);
    ``context``: groups of words of which each must occur in the story for it to be *about* the topic;
    ``exclude``: phrases holding a term that do not count ("People's Republic of China" is not Taiwan's).
    """

    slug: str
    title: str
    description: str
    terms: tuple[str, ...]
    strong: tuple[str, ...]
    context: tuple[tuple[str, ...], ...]
    min_score: float
    icon: str
    exclude: tuple[str, ...] = ()


# libyaml when PyYAML has it (every wheel does): the data files are read on every run, a no-op one too
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LOADER)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}:1: missing project data file") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ConfigError(f"{path}:{line}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


REQUIRED_TOPICS = ("rare-earths", "taiwan", "trade-truce", "export-controls", "north-korea")


@lru_cache(maxsize=4)
def load_topics(path: Path = DATA_DIR / "topics.yml") -> tuple[Topic, ...]:
    raw = _load_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("topics"), list):
        raise ConfigError(f"{path}:1: expected a mapping with a `topics:` list")
    topics = []
    allowed = {"slug", "title", "description", "terms", "strong", "context", "min_score", "icon", "exclude"}
    for i, item in enumerate(raw["topics"]):
        where = f"{path}:1: topic #{i + 1}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: expected a mapping")
        unknown = set(item) - allowed
        if unknown:
            raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
        slug = item.get("slug")
        if not isinstance(slug, str) or not SLUG_RE.match(slug):
            raise ConfigError(f"{where}: `slug` must be lowercase words joined by hyphens, got {slug!r}")
        if slug in RESERVED_SLUGS:  # topics/index.md, feeds/all.xml and feeds/sitemap.xml are the site's own
            raise ConfigError(f"{where}: the slug {slug!r} names a page of the site's own; choose another")
        context = item.get("context") or []
        if not isinstance(context, list):
            raise ConfigError(f"{where} ({slug}): `context` must be a list of lists")
        topics.append(Topic(
            slug=slug,
            title=str(item.get("title") or slug),
            description=str(item.get("description") or "").strip(),
            terms=_strs(item.get("terms"), f"{where} ({slug}) terms"),
            strong=_strs(item.get("strong"), f"{where} ({slug}) strong"),
            context=tuple(_strs(group, f"{where} ({slug}) context") for group in context),
            min_score=float(item.get("min_score", 3)),
            icon=str(item.get("icon") or "material/tag"),
            exclude=_strs(item.get("exclude"), f"{where} ({slug}) exclude"),
        ))
    slugs = [t.slug for t in topics]
    missing = [s for s in REQUIRED_TOPICS if s not in slugs]
    if missing:
        raise ConfigError(f"{path}:1: the topics {missing} must exist (the site's contract relies on them)")
    dupes = {s for s in slugs if slugs.count(s) > 1}
    if dupes:
        raise ConfigError(f"{path}:1: topic slugs defined twice: {sorted(dupes)}")
    return tuple(topics)


def topic_slugs() -> tuple[str, ...]:
    return tuple(t.slug for t in load_topics())


def topics_by_slug() -> dict[str, Topic]:
    return {t.slug: t for t in load_topics()}


@lru_cache(maxsize=4)
def load_entities(path: Path = DATA_DIR / "entities.yml") -> dict[str, Any]:
    """``{kind: {canonical: (aliases...)}, "exclude": (...)}``: a canonical name always matches itself."""
    raw = _load_yaml(path)
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}:1: expected a mapping of people, organizations, places, exclude")
    out: dict[str, Any] = {"exclude": _strs(raw.get("exclude"), f"{path}:1: exclude")}
    for kind in ("people", "organizations", "places"):
        group = raw.get(kind) or {}
        if not isinstance(group, dict):
            raise ConfigError(f"{path}:1: `{kind}` must map canonical names to lists of aliases")
        out[kind] = {str(name): _strs(aliases, f"{path}:1: {kind}.{name}") for name, aliases in group.items()}
    return out


def cue_matcher(key: str, suffixes: tuple[str, ...] = ("s", "es")) -> PhraseMatcher:
    """A matcher over one list of phrases of data/cues.yml, built once per process."""
    return _cue_matcher(key, suffixes)


@cache
def _cue_matcher(key: str, suffixes: tuple[str, ...]) -> PhraseMatcher:
    return PhraseMatcher({p: p for p in load_cues().get(key, [])}, suffixes=suffixes)


@lru_cache(maxsize=4)
def load_cues(path: Path = DATA_DIR / "cues.yml") -> dict[str, Any]:
    raw = _load_yaml(path)
    required = ("boilerplate", "series_labels", "signals", "truce_terms", "china_terms", "us_terms",
                "negations", "future", "name_titles", "not_names", "report_verbs")
    if not isinstance(raw, dict) or any(k not in raw for k in required):
        raise ConfigError(f"{path}:1: expected the keys {', '.join(required)}")
    for key, value in raw.items():
        odd = [v for v in value if not isinstance(v, str) or not v.strip()] if isinstance(value, list) else []
        if odd:  # YAML reads an unquoted On, No or Yes as true/false
            raise ConfigError(f"{path}:1: `{key}` holds {odd[0]!r}, not a phrase: quote it (\"On\", \"No\")")
    signals = raw["signals"]
    if not isinstance(signals, dict) or set(signals) != set(SIGNALS):
        raise ConfigError(f"{path}:1: `signals` must map each of {SIGNALS} to cue phrases")
    for value, cues in signals.items():
        if not isinstance(cues, dict) or not all(isinstance(w, (int, float)) for w in cues.values()):
            raise ConfigError(f"{path}:1: signals.{value} must map cue phrases to weights")
    return raw
