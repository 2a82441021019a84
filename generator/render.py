"""Stage 4 — Articles to Markdown pages, through Jinja2 templates in ``generator/templates``.

Templates escape by default: ``finalize`` runs every ``{{ value }}`` through ``markdown.escape`` unless the
value is ``Md`` (Markdown the generator built itself). A template cannot forget to escape seed text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import frontmatter
import jinja2
import yaml
from jinja2.filters import do_truncate

from generator import collect, pieces
from generator.config import Topic
from generator.markdown import Md, attribute, escape, internal, link, prose
from generator.model import ENTITY_KINDS, Article, EntityKind, Section

SIGNAL_ADMONITION = {"escalation": "danger", "de-escalation": "success", "holding": "info"}
SIGNAL_WORDS = {"escalation": "escalating", "de-escalation": "de-escalating", "holding": "holding"}
KIND_LABELS = {"people": "People", "organizations": "Organizations", "places": "Places"}
LATEST = 10


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        finalize=pieces.shown,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters["longdate"] = pieces.longdate
    return env


ENV = _environment()


@dataclass(frozen=True)
class Site:
    """Everything a page may link to, computed once from the collection of articles."""

    articles: tuple[Article, ...]
    topics: tuple[Topic, ...]
    site_url: str
    today: dt.date  # the build date: splits the watch list into coming and past

    @cached_property
    def topic_by_slug(self) -> dict[str, Topic]:
        return {t.slug: t for t in self.topics}

    @cached_property
    def entities(self) -> dict[tuple[EntityKind, str], collect.EntityPage]:
        return collect.entity_pages(self.articles)

    @cached_property
    def entity_slugs(self) -> dict[tuple[EntityKind, str], str]:
        return {key: page.slug for key, page in self.entities.items()}

    @cached_property
    def newest(self) -> tuple[Article, ...]:
        return tuple(sorted(self.articles, key=collect.newest_first))

    @cached_property
    def entries(self) -> dict[str, list[collect.Entry]]:
        """Each topic's listing, newest first: read by its page, the topics index and the home page."""
        return {t.slug: collect.topic_entries(self.newest, t.slug) for t in self.topics}

    @cached_property
    def links(self) -> dict[tuple, Md]:
        """Links to entity pages by (the linking page's root, kind, name): each is on dozens of pages."""
        return {}

    @cached_property
    def truce_points(self) -> list[collect.SignalPoint]:
        return collect.truce_points(self.articles)


def with_articles(site: Site, articles: tuple[Article, ...]) -> Site:
    """The same site with some articles swapped for the same articles with their text: the indexes already
    computed (entity pages, newest…) read no text, so they are kept rather than computed again."""
    new = Site(articles, site.topics, site.site_url, site.today)
    for name in ("topic_by_slug", "entities", "entity_slugs", "newest", "truce_points"):
        if name in site.__dict__:
            new.__dict__[name] = site.__dict__[name]  # cached_property's own storage
    return new


def with_entity_slugs(site: Site, slugs: dict[tuple[EntityKind, str], str]) -> Site:
    """A site whose entity pages are known by their slugs only (a rerun rendering a few article pages: the
    slugs of every entity page come from the last run, not from all articles)."""
    site.__dict__["entities"] = {(kind, name): collect.EntityPage(name, kind, slug, ())
                                 for (kind, name), slug in slugs.items()}  # cached_property's own storage
    site.__dict__["entity_slugs"] = slugs
    return site


class Page:
    """Link helpers bound to one page's place in the tree, so every link is relative and checked by
    MkDocs' strict build."""

    def __init__(self, site: Site, path: str):
        self.site = site
        self.path = path
        self.root = "../" * path.count("/")  # paths are relative and normalised: "entities/people/x.md"

    def to(self, target: str) -> str:
        return f"{self.root}{target}"

    def topic_link(self, slug: str) -> Md:
        topic = self.site.topic_by_slug[slug]
        return internal(topic.title, self.to(f"topics/{slug}.md"))

    def entity_link(self, kind: EntityKind, name: str) -> Md:
        key = (self.root, kind, name)
        made = self.site.links.get(key)
        if made is None:
            page = self.site.entities.get((kind, name))
            made = self.site.links[key] = internal(name, self.to(page.path)) if page else escape(name)
        return made

    def entry_link(self, entry: collect.Entry) -> Md:
        if entry.section is None or entry.section.title == entry.article.title:
            return internal(entry.title, self.to(entry.path))
        return Md(f"{internal(entry.title, self.to(entry.path))} "
                  f"<small>in {internal(entry.article.title, self.to(f'articles/{entry.article.slug}.md'))}</small>")

    def section_link(self, article: Article, section: Section) -> Md:
        return internal(section.title, f"#{section.anchor}")

    def context(self, **extra: Any) -> dict[str, Any]:
        return dict(
            site=self.site, md=Md, prose=prose, external=link, topic_link=self.topic_link,
            entity_link=self.entity_link, entry_link=self.entry_link, to=self.to, internal=internal,
            signal_admonition=SIGNAL_ADMONITION, signal_words=SIGNAL_WORDS, kind_labels=KIND_LABELS,
            entity_kinds=list(KIND_LABELS.items()), **extra,
        )


def page_text(meta: dict[str, Any], body: str) -> str:
    """Front-matter plus body; keys keep their order and long strings stay on one line."""
    try:
        # stripped as python-frontmatter strips PyYAML's text (a last value ending in U+00A0 loses it)
        head = "\n".join(_yaml(meta, "")).strip() if meta else ""
    except _NotPlain:
        head = ""
    if not head:
        return yaml_page_text(meta, body)
    return f"---\n{head}\n---\n\n{body.strip()}".strip() + "\n"


def yaml_page_text(meta: dict[str, Any], body: str) -> str:
    """``page_text`` through python-frontmatter and PyYAML: the reference, and the way for any value that is
    not plain text."""
    post = frontmatter.Post(body.strip() + "\n", **meta)
    return frontmatter.dumps(post, Dumper=_DUMPER, sort_keys=False, width=100_000) + "\n"


# libyaml's emitter when PyYAML has it (several times faster; the tests pin the bytes either way)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Front-matter is written here for the values PyYAML writes as they are (block style, plain scalars): a page's
# dozens of names, points and topics went through PyYAML's Python representer, a third of an article page's
# cost. Text PyYAML would quote or escape (a leading digit or sign, ": ", " #", control or odd characters,
# "yes", "null"…) takes PyYAML's own path, so the bytes are PyYAML's either way (tests/test_front_matter.py).
_PLAIN = re.compile(r"[A-Za-z\u00a1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]"
                    r"[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]{0,500}")  # libyaml escapes beyond the BMP
_RESERVED = re.compile(r"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|"
                       r"null|Null|NULL|y|Y|n|N")


class _NotPlain(Exception):
    pass


def _scalar(value: Any) -> str:
    if type(value) is str:
        written = _string(value)
        if written is not None:
            return written
    elif type(value) is dt.date:
        return value.isoformat()
    raise _NotPlain


@lru_cache(maxsize=1 << 16)
def _string(value: str) -> str | None:
    """A string as PyYAML writes it, or None when it is not plain; cached: names, topics and tags recur on
    page after page."""
    if _PLAIN.fullmatch(value) and value[-1] != " " and not _RESERVED.fullmatch(value):
        if ": " in value or " #" in value or value[-1] == ":":  # read as a key or a comment: quoted
            return "'" + value.replace("'", "''") + "'"
        return value
    return None


def _yaml(meta: dict[str, Any], indent: str) -> list[str]:
    """A mapping as PyYAML writes it in block style: nested mappings indented by two, lists not indented."""
    lines = []
    for key, value in meta.items():
        key = _scalar(key)
        if isinstance(value, (list, dict)) and not value:
            lines.append(f"{indent}{key}: {'[]' if isinstance(value, list) else '{}'}")
        elif isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines += _yaml(value, indent + "  ")
        elif isinstance(value, list):
            lines.append(f"{indent}{key}:")
            for item in value:
                if isinstance(item, dict) and item:
                    inner = _yaml(item, indent + "  ")
                    lines.append(f"{indent}- {inner[0][len(indent) + 2:]}")
                    lines += inner[1:]
                else:
                    lines.append(f"{indent}- {_scalar(item)}")
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")
    return lines


def render(template: str, page: Page, **extra: Any) -> str:
    return ENV.get_template(template).render(page.context(**extra))


# ---------------------------------------------------------------------------------------------------------


def article_page(site: Site, a: Article) -> str:
    """Built in Python rather than by a template: ten thousand pages, each a dozen conditional parts and loops
    (the bytes are those of the template it replaced: tests/test_golden.py)."""
    page = Page(site, f"articles/{a.slug}.md")
    shown = pieces.shown
    topics = lambda slugs: " · ".join([page.topic_link(t) for t in slugs])  # noqa: E731
    out = [f"# {shown(a.title)}\n\n<!-- generated by digest: edit the seed, not this page -->\n\n",
           f"**{shown(pieces.longdate(a.date))}**" if a.date else "**Date unknown**"]
    if a.source:
        out.append(f" · {shown(a.source)}")
    if a.author:
        out.append(f" · by {shown(a.author)}")
    if a.url:
        out.append(f" · {link('Original article', a.url)}")
    out.append("\n\n")
    if a.topics:
        out.append(f"**Topics:** {topics(a.topics)}\n")
    if a.mentions:
        out.append(f"\n**Also mentions:** {topics(a.mentions)}\n")
    out.append("\n\n")
    if a.entities:
        out.append('??? info "People, organizations and places"\n\n')
        out += [f"    - **{label}:** {', '.join([page.entity_link(kind, n) for n in found])}\n"
                for kind, label in KIND_LABELS.items() if (found := a.entities_of(kind))]
        out.append("\n")
    if a.key_points:
        out.append('!!! abstract "Key points"\n\n')
        out += [f"    - {shown(point)}\n" for point in a.key_points]
        out.append("\n")
    if a.truce:
        value = a.truce.value
        out.append(f'!!! {SIGNAL_ADMONITION[value]} "US–China truce signal: {value}"\n\n')
        if a.truce.override:
            out.append("    Set by the editor in the seed's front-matter.\n")
        for s in a.stories:
            if s.truce:
                where = f"{page.section_link(a, s)}: " if a.multi else ""
                out.append(f"\n    {where}*{s.truce.value}* — “{shown(s.truce.evidence)}”\n")
        out.append("\n")
    out.append("\n")
    for s in a.sections:
        out.append("\n")
        if a.multi or s.lead or s.title != a.title:
            out.append(f"\n## {shown(s.title)} {{#{s.anchor}}}\n\n")
            if s.topics and a.multi and not s.lead:
                out.append(f"*Topics:* {topics(s.topics)}\n\n")
        out += ["\n", pieces.blocks(s.blocks)]
    out.append("\n")
    tagged = [(s, t) for s in a.sections if not s.lead for t in s.tags]
    if tagged:
        out += ['??? info "Why these topics"\n\n', pieces.why_topics(page, a.multi, tagged), "\n"]
    if a.dropped:
        out.append('??? note "Left out while cleaning"\n\n')
        out += [f"    - line {d.line}, {d.reason}: “{shown(do_truncate(ENV, d.text, 120))}”\n" for d in a.dropped]
        out.append("\n")
    out.append(f"\n<small>Seed: {shown(a.seed)}</small>\n")
    return page_text(article_front_matter(site, a), "".join(out))


def article_front_matter(site: Site, a: Article) -> dict[str, Any]:
    """The contract's keys. Strings from seeds are HTML-escaped: MkDocs prints front-matter unescaped."""
    meta: dict[str, Any] = {"title": attribute(a.title)}
    if a.date:
        meta["date"] = a.date
    if a.source:
        meta["source"] = attribute(a.source)
    if a.author:
        meta["author"] = attribute(a.author)
    if a.url:
        meta["url"] = a.url
    meta["seed"] = a.seed
    meta["topics"] = list(a.topics)
    if a.mentions:
        meta["mentions"] = list(a.mentions)
    meta["tags"] = [site.topic_by_slug[t].title for t in a.topics]
    meta["entities"] = {kind: list(a.entities_of(kind)) for kind in ENTITY_KINDS}
    meta["key_points"] = [attribute(p) for p in a.key_points]
    if a.truce:
        meta["truce_signal"] = a.truce.value
    if a.multi:
        meta["sections"] = [{"title": attribute(s.title), "anchor": s.anchor, "topics": list(s.topics)}
                            for s in a.sections if not s.lead]
    return meta


def topic_page(site: Site, topic: Topic) -> str:
    page = Page(site, f"topics/{topic.slug}.md")
    entries = site.entries[topic.slug]
    extra: dict[str, Any] = {}
    template = "topic.md.j2"
    if topic.slug == "trade-truce":
        from generator.publish.chart import truce_chart
        points = site.truce_points
        extra = dict(points=points, status=collect.current_status(points), chart=Md(truce_chart(points)))
        template = "truce.md.j2"
    line = lambda entry: pieces.entry_line(page, entry)  # noqa: E731
    latest = [(line(e), e.key_points[0] if e.key_points else None) for e in entries[:LATEST]]
    months = [(label, Md("".join(f"- {line(e)}\n" for e in group))) for label, group in collect.by_month(entries)]
    body = render(template, page, topic=topic, entries=entries, latest=latest, months=months,
                  related=collect.related_topics(site.articles, topic.slug, entries),
                  top_entities=collect.top_entities(site.articles, topic.slug, entries=entries), **extra)
    meta = {"title": attribute(topic.title), "description": attribute(topic.description),
            "feeds": {"rss": f"feeds/{topic.slug}.xml", "atom": f"feeds/{topic.slug}.atom",
                      "json": f"feeds/{topic.slug}.json"}}
    return page_text(meta, body)


def topics_index(site: Site) -> str:
    page = Page(site, "topics/index.md")
    counts = {t.slug: site.entries[t.slug] for t in site.topics}
    return page_text({"title": "Topics"}, render("topics.md.j2", page, counts=counts))


def entity_page(site: Site, entity: collect.EntityPage) -> str:
    page = Page(site, entity.path)
    body = render("entity.md.j2", page, entity=entity, label=KIND_LABELS[entity.kind],
                  mentions=pieces.mentions(page, ENV, entity))
    return page_text({"title": attribute(entity.name)}, body)


def entities_index(site: Site) -> str:
    page = Page(site, "entities/index.md")
    groups = [(label, sorted((p for (k, _), p in site.entities.items() if k == kind), key=lambda p: p.name))
              for kind, label in KIND_LABELS.items()]
    return page_text({"title": "People, organizations and places"},
                     render("entities.md.j2", page, groups=groups))


def home_page(site: Site) -> str:
    page = Page(site, "index.md")
    cards = []
    for topic in site.topics:
        entries = site.entries[topic.slug]
        cards.append((topic, len(entries), entries[0] if entries else None))
    status = collect.current_status(site.truce_points)
    body = render("home.md.j2", page, latest=site.newest[:LATEST], cards=cards, status=status)
    return page_text({"title": "Digest", "feeds": {"rss": "feeds/all.xml"}}, body)


def render_pages(site: Site) -> dict[str, str]:
    """Every generated Markdown page, keyed by its path below the docs folder."""
    pages = {f"articles/{a.slug}.md": article_page(site, a) for a in site.articles}
    pages.update({f"topics/{t.slug}.md": topic_page(site, t) for t in site.topics})
    pages["topics/index.md"] = topics_index(site)
    pages.update({p.path: entity_page(site, p) for p in site.entities.values()})
    pages["entities/index.md"] = entities_index(site)
    pages["index.md"] = home_page(site)
    return pages


def watch_page(site: Site) -> str:
    from generator.publish.calendar import watches

    page = Page(site, "watch.md")
    every = watches(site.articles)
    upcoming = [w for w in every if w.event.date >= site.today]
    past = [w for w in every if w.event.date < site.today][::-1]
    body = render("watch.md.j2", page, upcoming=pieces.watch_list(upcoming, "*Nothing coming up.*"),
                  past=pieces.watch_list(past, "*Nothing yet.*"), today=site.today)
    return page_text({"title": "Watch list"}, body)
