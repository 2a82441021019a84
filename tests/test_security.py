"""No injection: nothing a seed holds — text or front-matter — can put markup, an event handler, a script
or a dangerous link into the published site (issue 7).

Two real sites are built (``generate`` + the MkDocs strict build of the project's mkdocs.yml and docs/):

* a *baseline* from harmless seeds, which records what the theme and the generator produce themselves:
  the element/attribute shapes, the scripts and their sources;
* a *hostile* site whose seeds hold the 6,613 payloads of ``../shared/testdata/xss-payload-list.txt`` plus
  Markdown-specific vectors, in the seed text (alone, inside sentences that become key points, evidence,
  entity quotes and watch-list dates, as bullets and as headings) and packed into every free-text
  front-matter value (title, source, author).

Every ``.html`` page of the hostile site is parsed with BeautifulSoup: no element shape the baseline lacks,
no ``on*`` attribute, no URL attribute whose scheme is javascript:, data: or vbscript:, no script the
baseline lacks. The payloads must also show up *as text* (nothing silently dropped, nothing double-escaped).
Then headless Chromium loads a sample of pages — and runs a search over the payloads — with a dialog
listener: no alert, confirm or prompt may fire.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator import PROJECT_ROOT
from generator.build import build_site, generate
from tests.conftest import SEEDS

TESTDATA = PROJECT_ROOT.parent / "shared" / "testdata"
PAYLOAD_FILE = TESTDATA / "xss-payload-list.txt"
BUILT_ON = 1_767_225_600  # 2026-01-01: build date and seed file time, so the watch list is stable
TEXT_SEEDS = 40
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Attributes a browser follows or evaluates as a URL (or, for srcdoc, as a whole document).
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster",
                  "background", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "ping", "manifest",
                  "icon", "usemap", "srcset", "imagesrcset", "archive", "classid", "profile"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]+")

# Markdown- and extension-specific vectors (the site enables admonition, attr_list, md_in_html, tables,
# pymdownx.details, pymdownx.superfences and toc). Multi-line ones are kept together in the seed text.
MARKDOWN_VECTORS = [
    "<script>alert(1)</script>",
    "<div onclick=\"alert(1)\">raw html block</div>",
    "<div markdown=\"1\" onmouseover=\"alert(1)\">*md_in_html*</div>",
    "<div markdown>\n**bold** <img src=x onerror=alert(1)>\n</div>",
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "A paragraph {: onclick=\"alert(1)\" }",
    "{: onclick=alert(1) }",
    "# Heading {#evil .md-button onclick=alert(1)}",
    "Heading with attributes {#id .class onclick=alert(1) style=\"background:url(javascript:alert(1))\"}",
    "Setext heading {: onmouseover=alert(1) }\n===",
    "[link](https://example.com){: onclick=alert(1) target=_blank }",
    "![img](https://example.com/a.png){: onerror=alert(1) }",
    "[x]: javascript:alert(1)\n\nClick [x] or [this][x].",
    "[y]: <javascript:alert(1)> \"title\"\n\n[y][]",
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a]( javascript:alert(1) )",
    "[a](<javascript:alert(1)>)",
    "[a](java\tscript:alert(1))",
    "[a](&#106;avascript:alert(1))",
    "[a](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
    "[a](javascript&colon;alert(1))",
    "[a](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))",
    "&#106;avascript:alert(1) and &lt;script&gt;alert(1)&lt;/script&gt;",
    "[a](vbscript:msgbox(1))",
    "[a](data:text/html,<script>alert(1)</script>)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](javascript:alert(1))",
    "[a](https://example.com \"title\" onclick=alert(1))",
    "[a](https://example.com/\"onmouseover=\"alert(1))",
    "https://example.com/\"onmouseover=\"alert(1)",
    "https://example.com/a)(javascript:alert(1))",
    "http://javascript:alert(1)",
    "[![img](x)](javascript:alert(1))",
    "!!! danger \"<img src=x onerror=alert(1)>\"\n    body <svg onload=alert(1)>",
    "!!! note onclick=alert(1)\n    x",
    "??? info \"Details <script>alert(1)</script>\"\n    hidden",
    "???+ note \"x\" {: onclick=alert(1) }",
    "<!-- comment --><script>alert(1)</script>",
    "<!-- never closed <script>alert(1)</script>",
    "--><img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    "a | <script>alert(1)</script>\n--|--\nb | c",
    "```html\n<script>alert(1)</script>\n```",
    "~~~ {.html onclick=alert(1)}\n<img src=x onerror=alert(1)>\n~~~",
    "    <script>alert(1)</script>",
    "`<script>alert(1)</script>`",
    "*[HTML]: <script>alert(1)</script>",
    "- [x](javascript:alert(1))\n- item {: onclick=alert(1) }",
    "1. <img src=x onerror=alert(1)>",
    "> <iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"  &#x09;javascript:alert(1)\">x</a>",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text y=\"20\">x</text></a></svg>",
    "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<input autofocus onfocus=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "\\<script>alert(1)\\</script>",
    "{{ config }} {% raw %}{{ 7*7 }}{% endraw %} ${alert(1)}",
    ":material-alert: :smile: &copy; &#x3C;b&#x3E;",
    "＜script＞alert(1)＜/script＞",
    "java\u200bscript:alert(1) <scr\u200bipt>alert(1)</script>",
    "---\ntitle: <script>alert(1)</script>\n---",
]


def payloads() -> list[str]:
    if not PAYLOAD_FILE.is_file():
        pytest.skip(f"{PAYLOAD_FILE} is absent: the XSS payload list lives in ../shared/testdata next to the "
                    "project; injection tests need it")
    lines = PAYLOAD_FILE.read_text(encoding="utf-8").split("\n")
    found = [line for line in lines if line.strip()]
    assert len(found) == 6613, f"expected the 6,613 payloads of {PAYLOAD_FILE.name}, found {len(found)}"
    return found


# ---------------------------------------------------------------------------------------------------------
# Seeds


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML strings


def _chunks(items: list[str], n: int) -> list[list[str]]:
    size = -(-len(items) // n)
    return [items[i:i + size] for i in range(0, len(items), size)]


def text_seed(items: list[str], k: int) -> str:
    """Payloads as paragraphs of their own, and again inside the shapes the extractor turns into titles,
    headings, key points, truce evidence, entity quotes, watch-list dates and list items."""
    out = [f"Taiwan and rare earths briefing {k} {items[0]}", ""]  # heading-shaped first line: the title
    if k % 2:
        out = ["---", f"topics: [{TOPICS[k % 5]}, trade-truce]", "---"] + out
    for i, p in enumerate(items):
        out += [p, ""]
        if i % 2:  # every other payload also goes into a shape (keeps the pages, and the build, smaller)
            continue
        shape = i // 2 % 4
        if shape == 0:
            out += [f"Negotiators said the US-China trade truce is holding after Xi Jinping met Donald Trump "
                    f"in Beijing, {p} and talks resume on 15 March 2031.", ""]
        elif shape == 1:
            out += [f"- Rare earth export controls {p}", f"- Taiwan {p}", ""]
        elif shape == 2 and len(p) < 100 and "\n" not in p:
            out += [f"Taiwan Strait {p.rstrip('.,;:!?…')}", "",
                    f"Tariffs on rare earths rose in Washington and Beijing, {p} officials said.", ""]
        else:
            out += [f"China tightened export controls on gallium, {p} Kim Jong Un said in Pyongyang.", ""]
    return "\n".join(out) + "\n"


def pack(queue: list[str], limit: int) -> str:
    """As many payloads as fit a front-matter value of ``limit`` characters (one per value if too long)."""
    out = ""
    while queue and len(out) + 1 + len(queue[0]) <= limit:
        out = f"{out} {queue.pop(0)}" if out else queue.pop(0)
    if not out and queue:
        out = queue.pop(0)[:limit]
    return out


TOPICS = ["trade-truce", "taiwan", "rare-earths", "export-controls", "north-korea"]

# front-matter `url` values the schema accepts (plain http(s)) but that try to break out of a link
TRICKY_URLS = [
    "https://example.com/)[x](javascript:alert(1))",
    "https://example.com/?q={:onclick=alert(1)}",
    "https://example.com/&#x22;onmouseover=alert(1)",
    "https://example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    "http://example.com/a|b^c[d]{e}",
]


def front_matter_seeds(items: list[str]) -> dict[str, str]:
    """Every payload packed into title (300), source and author (200 each), one seed per pack."""
    queue = [" ".join(p.split()) for p in items if p.strip()]
    seeds = {}
    k = 0
    while queue:
        title, source, author = pack(queue, 300), pack(queue, 200), pack(queue, 200)
        if not title.strip():
            continue
        lines = ["---", f"title: {_yaml(title)}", f"date: 2026-{1 + k % 12:02d}-{1 + k % 28:02d}"]
        lines += [f"source: {_yaml(source)}"] if source.strip() else []
        lines += [f"author: {_yaml(author)}"] if author.strip() else []
        lines += [f"url: {_yaml(TRICKY_URLS[k % len(TRICKY_URLS)])}", f"topics: [{TOPICS[k % len(TOPICS)]}]",
                  "---"]
        # names no person or place: 800 titles on each entity page would add time, not coverage; the titles
        # and sources are listed on the topic pages (one topic each, in turn) and the home page
        body = "The ministry published its statement on Monday, a spokesman said.\n"
        if k % 10 == 0:  # some carry a truce signal: the tracker quotes and charts them by title
            body = ("Negotiators said the US-China trade truce is holding, Xi Jinping told reporters in Beijing "
                    "after trade talks with Scott Bessent.\n")
        seeds[f"fm_{k:04d}.md"] = "\n".join(lines) + "\n" + body
        k += 1
    return seeds


HARMLESS = {
    "harmless.md": "---\ntitle: Rare earths and Taiwan, a plain briefing\ndate: 2026-01-20\nsource: Example News\n"
                   "author: Jane Doe\nurl: https://example.com/story\ntopics: [taiwan, trade-truce]\n"
                   "truce_signal: holding\n---\n"
                   "Negotiators said the US-China trade truce is holding after Xi Jinping met Donald Trump in "
                   "Beijing, and talks resume on 15 March 2031. More at https://example.com/more.\n\n"
                   "- Rare earth export controls eased\n- Taiwan held drills\n\n"
                   "Taiwan Strait tensions\n\n"
                   "Tariffs on rare earths rose in Washington and Beijing, officials said.\n\n"
                   "China tightened export controls on gallium, Kim Jong Un said in Pyongyang.\n",
}


# ---------------------------------------------------------------------------------------------------------
# Building, and reading what was built


@dataclass
class Shapes:
    """What a built site's pages hold, as far as an attack would show."""

    tags: set[str] = field(default_factory=set)
    shapes: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)  # (tag, sorted attribute names)
    script_srcs: set[str] = field(default_factory=set)
    inline_scripts: set[str] = field(default_factory=set)
    pages: int = 0


@dataclass
class Built:
    root: Path
    seeds: dict[str, str]
    slugs: dict[str, str]  # seed file name -> article slug

    @property
    def site(self) -> Path:
        return self.root / "site"

    def article_html(self, seed_name: str) -> Path:
        return self.site / "articles" / self.slugs[seed_name] / "index.html"


def build(root: Path, seeds: dict[str, str], *, with_project_seeds: bool = False) -> Built:
    folder = root / "seeds"
    folder.mkdir(parents=True)
    if with_project_seeds:
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / seed.name)
    for name, text in seeds.items():
        (folder / name).write_text(text, encoding="utf-8")
    for seed in folder.iterdir():
        os.utime(seed, (BUILT_ON, BUILT_ON))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", str(BUILT_ON))
        mp.setenv("DIGEST_CACHE", "0")  # a one-off tree: keep it out of the project's build cache
        mp.delenv("DIGEST_SITE_URL", raising=False)
        result = generate(str(folder), str(root / "docs"))
        build_site(str(root / "docs"), str(root / "site"))
    return Built(root, seeds, {Path(a.seed).name: a.slug for a in result.articles})


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def site_path(site: Path, page: Path, url: str) -> str:
    """A script src as a path from the site root, so the same script compares equal at any depth."""
    base = "http://site.invalid/" + page.relative_to(site).as_posix()
    return urlsplit(urljoin(base, url))._replace(query="").geturl()


def compact(value: str) -> str:
    """An attribute value as a URL parser sees its scheme: no white space or control characters, folded."""
    return INVISIBLE.sub("", value).casefold()


def shapes(site: Path) -> Shapes:
    found = Shapes()
    for page in html_pages(site):
        found.pages += 1
        for el in soup_of(page).find_all(True):
            found.tags.add(el.name)
            found.shapes.add((el.name, tuple(sorted(el.attrs))))
            if el.name == "script":
                if el.get("src"):
                    found.script_srcs.add(site_path(site, page, el["src"]))
                else:
                    found.inline_scripts.add(el.get_text())
    return found


def violations(page: Path, soup: BeautifulSoup, baseline: Shapes, site: Path) -> list[str]:
    """Everything on one page that the theme and generator do not produce themselves."""
    where = page.relative_to(site).as_posix()
    out = []
    for el in soup.find_all(True):
        attrs = tuple(sorted(el.attrs))
        if el.name not in baseline.tags:
            out.append(f"{where}: element <{el.name}> the theme never produces: {str(el)[:120]}")
        elif (el.name, attrs) not in baseline.shapes:
            out.append(f"{where}: <{el.name}> with attributes {attrs} the theme never produces: {str(el)[:120]}")
        for name, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                out.append(f"{where}: event handler {name}= on <{el.name}>: {value[:80]}")
            if name.lower() in URL_ATTRIBUTES and compact(value).startswith(DANGEROUS_SCHEMES):
                out.append(f"{where}: dangerous URL in <{el.name} {name}>: {value[:80]}")
            if name.lower() == "style" and re.search(r"expression|javascript:|url\(", compact(value)):
                out.append(f"{where}: script in a style attribute of <{el.name}>: {value[:80]}")
            if (el.name == "meta" and name.lower() == "content"
                    and re.search(r"url=(javascript|data|vbscript):", compact(value))):
                out.append(f"{where}: meta refresh to a dangerous URL: {value[:80]}")
        if el.name == "script":
            if el.get("src"):
                if site_path(site, page, el["src"]) not in baseline.script_srcs:
                    out.append(f"{where}: script src {el['src']!r} the theme never loads")
            elif el.get_text() not in baseline.inline_scripts:
                out.append(f"{where}: inline script the theme never writes: {el.get_text()[:80]!r}")
    return out


def visible(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------------------
# Fixtures: a baseline and a hostile site, each built once; the hostile pages parsed once


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Shapes:
    built = build(tmp_path_factory.mktemp("baseline"), HARMLESS, with_project_seeds=True)
    found = shapes(built.site)
    assert found.pages > 20 and "script" in found.tags
    return found


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Built:
    items = payloads() + MARKDOWN_VECTORS
    seeds = {f"text_{k:02d}.txt": text_seed(chunk, k) for k, chunk in enumerate(_chunks(items, TEXT_SEEDS))}
    seeds.update(front_matter_seeds(items))
    return build(tmp_path_factory.mktemp("hostile"), seeds)


@dataclass
class Shown:
    """The text a reader sees on an article page: the heading, the window title and the article."""

    h1: str
    title: str
    article: str


@dataclass
class Scan:
    pages: int
    problems: list[str]
    external_links: int
    shown: dict[Path, Shown]


def scan_pages(job: tuple[list[Path], Shapes, Path]) -> Scan:
    pages, baseline, site = job
    result = Scan(0, [], 0, {})
    for page in pages:
        soup = soup_of(page)
        result.pages += 1
        result.problems += violations(page, soup, baseline, site)
        for a in soup.find_all("a", href=True):
            scheme = urlsplit(compact(a["href"])).scheme
            if scheme not in ("", "http", "https"):
                result.problems.append(f"{page}: link with scheme {scheme!r}: {str(a)[:120]}")
            elif scheme:
                result.external_links += 1
                if re.search(r"[\s\"'<>`]", a["href"]):
                    result.problems.append(f"{page}: external link not percent-encoded: {str(a)[:120]}")
        if page.parent.parent.name == "articles":
            for permalink in soup.select("a.headerlink"):
                permalink.decompose()
            result.shown[page] = Shown(visible(soup.find("h1").get_text()), visible(soup.title.get_text()),
                                       visible(soup.find("article").get_text()))
    return result


@pytest.fixture(scope="module")
def scan(hostile, baseline) -> Scan:
    """Every page of the hostile site parsed once, on every core (parsing is much of this module's time)."""
    from concurrent.futures import ProcessPoolExecutor

    pages = html_pages(hostile.site)
    workers = max(1, min(os.cpu_count() or 1, 4))
    jobs = [(pages[i::workers], baseline, hostile.site) for i in range(workers)]
    result = Scan(0, [], 0, {})
    with ProcessPoolExecutor(workers) as pool:
        for part in pool.map(scan_pages, jobs):
            result.pages += part.pages
            result.problems += part.problems
            result.external_links += part.external_links
            result.shown.update(part.shown)
    return result


# ---------------------------------------------------------------------------------------------------------
# The checker itself must be able to fail


ATTACKS = [
    '<p><img src="x" onerror="alert(1)"></p>',
    '<p><a href=" JaVa&#x09;ScRiPt:alert(1)">x</a></p>',
    '<p><a href="data:text/html,x">x</a></p>',
    '<p><a href="vbscript:msgbox(1)">x</a></p>',
    '<p><svg><a xlink:href="javascript:alert(1)">x</a></svg></p>',
    '<p><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe></p>',
    '<p><form action="javascript:alert(1)"></form></p>',
    '<p><script>alert(1)</script></p>',
    '<p><script src="https://evil.example/x.js"></script></p>',
    '<p class="x" style="background:url(javascript:alert(1))">x</p>',
    '<p><span onmouseover="alert(1)">x</span></p>',
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_checker_flags_each_kind_of_injection(tmp_path, attack):
    baseline = Shapes(tags={"html", "body", "p", "a", "span", "svg", "form", "script"},
                      shapes={("html", ()), ("body", ()), ("p", ()), ("a", ("href",)), ("span", ()),
                              ("svg", ()), ("form", ("action",)), ("script", ("src",))},
                      script_srcs={"http://site.invalid/assets/theme.js"}, inline_scripts=set())
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{attack}</body></html>", encoding="utf-8")
    assert violations(page, soup_of(page), baseline, tmp_path), attack


def test_the_checker_passes_theme_markup(tmp_path):
    baseline = Shapes(tags={"html", "body", "p", "a", "script"},
                      shapes={("html", ()), ("body", ()), ("p", ()), ("a", ("href",)), ("script", ("src",))},
                      script_srcs={"http://site.invalid/assets/theme.js"})
    page = tmp_path / "page.html"
    page.write_text('<html><body><p><a href="https://example.com/javascript:x">x</a></p>'
                    '<script src="assets/theme.js"></script></body></html>', encoding="utf-8")
    assert violations(page, soup_of(page), baseline, tmp_path) == []


# ---------------------------------------------------------------------------------------------------------
# The escaping functions alone, through Python-Markdown with the site's extensions (fast, every payload)


def site_markdown():
    import markdown
    import yaml

    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    names, configs = [], {}
    for entry in config.get("markdown_extensions", []):
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _ignore(loader, suffix, node):
    return None


try:
    import yaml as _yaml_module

    class _IgnoreTags(_yaml_module.SafeLoader):
        """mkdocs.yml as plain data: !ENV and !!python/name tags read as nothing."""

    _IgnoreTags.add_multi_constructor("!", _ignore)
    _IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)
except ImportError:  # pragma: no cover - PyYAML is a dependency of the project
    pass


def test_escaped_payloads_render_as_their_own_text():
    """Every payload and vector through ``escape`` (headings, titles) and ``prose`` (paragraphs and list
    items): Markdown makes no element but the block itself and <a href="http(s)…"> for web addresses,
    and the text a reader sees is the text written."""
    from generator.markdown import escape, prose

    md = site_markdown()
    texts = [" ".join(t.split()) for t in payloads() + MARKDOWN_VECTORS]
    blocks = {"h2": "## {e}", "p": "{p}"}
    allowed = {"h2", "p", "a"}
    problems = []
    for start in range(0, len(texts), 200):
        batch = texts[start:start + 200]
        source = "\n\n".join(form.format(e=escape(t), p=prose(t)) for t in batch for form in blocks.values())
        soup = BeautifulSoup(md.reset().convert(source), "html.parser")
        for permalink in soup.select("a.headerlink"):
            permalink.decompose()
        for el in soup.find_all(True):
            if el.name not in allowed or set(el.attrs) - {"href", "id"} or (
                    el.name == "a" and not re.match(r"https?://[^\s\"'<>`]+$", el.get("href", ""))):
                problems.append(f"made {str(el)[:120]}")
        for tag in blocks:
            shown = [" ".join(el.get_text().split()) for el in soup.find_all(tag)]
            if shown != batch:
                wrong = next((f"{tag}: {t[:80]!r} shows as {v[:80]!r}" for t, v in zip(batch, shown) if t != v),
                             f"{tag}: {len(batch)} texts gave {len(shown)} elements")
                problems.append(wrong)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:20])


# ---------------------------------------------------------------------------------------------------------
# The hostile site


@pytest.mark.slow
def test_no_page_holds_injected_markup(hostile, scan):
    assert scan.pages >= len(hostile.seeds)  # one article page per seed, at least
    assert not scan.problems, f"{len(scan.problems)} injections, first ones:\n" + "\n".join(scan.problems[:30])


@pytest.mark.slow
def test_only_plain_http_links_leave_the_site(scan):
    """Links to other sites come only from http(s) addresses (checked in ``scan``), and they exist: the
    payloads' http(s) addresses did become links."""
    assert scan.external_links > 100


@pytest.mark.slow
def test_payloads_in_the_text_are_shown_as_text(hostile, scan):
    """The payloads are not dropped or mangled to make the site safe: each is visible, as typed."""
    shown, missing = 0, []
    for name in sorted(n for n in hostile.seeds if n.startswith("text_")):
        page = scan.shown[hostile.article_html(name)].article
        for line in hostile.seeds[name].split("\n"):
            line = visible(line)
            if not line or line == "---" or line.startswith("topics:"):
                continue
            if line.startswith("- "):
                line = line[2:]
            if line in page:
                shown += 1
            else:
                missing.append(f"{name}: {line[:100]}")
    # a handful of lines are rewritten on purpose (invisible characters removed, a bullet or a number at
    # the start of a line read as a list, boilerplate set aside and quoted shortened)
    assert len(missing) <= shown // 200, f"{len(missing)} lines not shown as typed:\n" + "\n".join(missing[:20])


@pytest.mark.slow
def test_front_matter_values_are_shown_literally(hostile, scan):
    """Title, source and author appear exactly as written — in the heading, the window title and the byline
    — neither interpreted nor escaped twice."""
    checked, wrong = 0, []
    for name, text in sorted(hostile.seeds.items()):
        if not name.startswith("fm_"):
            continue
        meta = {}
        for line in text.split("\n")[1:]:
            if line == "---":
                break
            key, _, value = line.partition(": ")
            meta[key] = json.loads(value) if value.startswith('"') else value
        shown = scan.shown[hostile.article_html(name)]
        title = visible(meta["title"])
        if shown.h1 != title:
            wrong.append(f"{name}: heading {shown.h1!r} for the title {title!r}")
        if shown.title != f"{title} - Digest":
            wrong.append(f"{name}: window title {shown.title!r} for the title {title!r}")
        for key in ("source", "author"):
            if key in meta and visible(meta[key]) not in shown.article:
                wrong.append(f"{name}: {key} {meta[key]!r} not shown as written")
        checked += 1
    assert checked > 100
    assert not wrong, f"{len(wrong)} values not shown as written:\n" + "\n".join(wrong[:20])


# ---------------------------------------------------------------------------------------------------------
# In a browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def served(hostile):
    handler = functools.partial(_QuietHandler, directory=str(hostile.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.mark.slow
@pytest.mark.browser
def test_no_dialog_fires_in_chromium(hostile, served):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (browser-deps)")
    from playwright.sync_api import sync_playwright

    urls = [""] + [f"topics/{t}/" for t in ("trade-truce", "taiwan", "rare-earths", "export-controls",
                                             "north-korea")]
    urls += ["topics/", "watch/", "tags/", "entities/"]
    urls += [f"articles/{hostile.slugs[n]}/" for n in sorted(hostile.seeds) if n.startswith("text_")]
    front = sorted(n for n in hostile.seeds if n.startswith("fm_"))
    urls += [f"articles/{hostile.slugs[n]}/" for n in front[:: max(1, len(front) // 8)]]
    fired: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            # alert/confirm/prompt raise a dialog; print() and a navigation away are recorded too
            page.add_init_script("window.print = () => { window.__printed = true; };")

            def on_dialog(dialog):
                fired.append(f"{page.url}: {dialog.type} {dialog.message!r}")
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
            page.route(re.compile(r"^(?!http://127\.0\.0\.1:).*"), lambda route: route.abort())
            for url in urls:
                page.goto(served + url, wait_until="load")
                # hover and focus what is there, as a reader's mouse would
                page.mouse.move(300, 400)
                page.keyboard.press("Tab")
                assert not page.evaluate("window.__printed === true"), f"print() ran on {url}"
                assert page.url.startswith(served + url.split("#")[0]), f"{url} navigated to {page.url}"
            # the search results render text from the index: search for the payloads
            page.goto(served, wait_until="load")
            for query in ("onerror", "script", "javascript", "svg onload", "prompt"):
                box = page.locator("input.md-search__input")
                box.click()
                box.fill(query)
                page.wait_for_selector(".md-search-result__item", timeout=10_000)
                page.wait_for_timeout(200)
                page.keyboard.press("Escape")
        finally:
            browser.close()
    assert not fired, "dialogs fired:\n" + "\n".join(fired[:20])
    assert not errors, "script errors:\n" + "\n".join(errors[:20])
