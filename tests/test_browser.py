"""The built site in a real browser: Debian's Chromium, driven by Playwright, against site/ served on 127.0.0.1.

The site is built from the project's seeds exactly as ``digest build`` does (MkDocs, then Pagefind's index).
Every page a reader starts from loads without a console error; search answers from Pagefind's index; links go
from a topic to an article to an entity; axe-core finds no serious or critical accessibility violation. The
home page's screenshot is kept in docs/assets/screenshot.png for the README (written when missing, or again
with DIGEST_UPDATE_SCREENSHOT=1).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections import Counter
from pathlib import Path

import pytest

from generator import PROJECT_ROOT
from generator.build import build_site, generate
from generator.sitecfg import site_url
from tests.conftest import SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# Debian's chromium here and in CI; GitHub's Ubuntu runners ship google-chrome instead (DIGEST_CHROMIUM wins)
CHROMIUM = (os.environ.get("DIGEST_CHROMIUM") or shutil.which("chromium") or shutil.which("google-chrome")
            or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOT = PROJECT_ROOT / "docs" / "assets" / "screenshot.png"
# The pages link their feeds by the site's public address (mkdocs.yml's site_url): the browser is served
# those requests from the built site too, so one to a file the site lacks fails here as it would for a
# reader (Material's script asks for "sitemap.xml" beside every feed link: the site must hold it).
SITE_URL = site_url().rstrip("/") + "/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """docs and site built from a copy of the project's seeds; returns the folder holding both."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(SEEDS, root / "seeds")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        generate("seeds", "docs")
        build_site("docs", "site")
    finally:
        os.chdir(cwd)
    assert (root / "site" / "pagefind" / "pagefind.js").is_file(), "Pagefind's index was not built"
    return root


@pytest.fixture(scope="module")
def server(built):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(Quiet, directory=str(built / "site")))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.fail("Debian's chromium is missing: `make test` installs it (make browser-deps)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Tab:
    """A page that records console errors, failed requests and uncaught exceptions."""

    def __init__(self, browser, base: str, site: Path):
        self.base = base
        self.site = site
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        self.page.on("requestfailed", self._failed)
        self.page.route(f"{SITE_URL}**", self._public_address)

    def _public_address(self, route) -> None:
        rel = route.request.url[len(SITE_URL):].split("#")[0].split("?")[0]
        path = self.site / rel
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404, body="not found")

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def _failed(self, request) -> None:
        self.errors.append(f"request failed: {request.url} {request.failure}")

    def open(self, path: str):
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"
        return self.page

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def tab(browser, server, built):
    t = Tab(browser, server, built / "site")
    yield t
    t.close()


def _article_paths(built: Path) -> list[str]:
    return sorted(f"articles/{p.stem}/" for p in (built / "docs" / "articles").glob("*.md"))


def _reader_pages(built: Path) -> dict[str, str]:
    return {"home": "", "topic": "topics/trade-truce/", "article": _article_paths(built)[0], "tags": "tags/",
            "watch list": "watch/"}


def test_reader_pages_load_without_console_errors(built, tab):
    for name, path in _reader_pages(built).items():
        page = tab.open(path)
        assert page.locator("article h1").first.inner_text().strip(), f"{name}: no heading"
    assert tab.errors == []


def test_home_page_screenshot(tab, tmp_path):
    page = tab.open("")
    shot = tmp_path / "home.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if not SCREENSHOT.exists() or os.environ.get("DIGEST_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, SCREENSHOT)


def _word_only_one_article_holds(built: Path) -> tuple[str, str]:
    """A long word that occurs in the text of exactly one article page, and that article's address."""
    holders: dict[str, set[str]] = {}
    for page in sorted((built / "docs" / "articles").glob("*.md")):
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for word in set(re.findall(r"\b[a-z]{9,}\b", body)):
            holders.setdefault(word, set()).add(f"articles/{page.stem}/")
    counts = Counter({w: len(h) for w, h in holders.items()})
    word = min(w for w, n in counts.items() if n == 1)
    return word, next(iter(holders[word]))


def test_search_finds_an_article_by_a_word_only_it_holds(built, tab):
    word, article = _word_only_one_article_holds(built)
    page = tab.open("topics/")  # any page: search lives in the header
    page.click("#__search_query")
    page.fill("#__search_query", word)
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert any(h.split("#")[0].endswith("/" + article) for h in hrefs), (word, article, hrefs)
    assert "matching document" in page.inner_text("[data-digest-search-meta]")
    # the first result is a link that works
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.url.split("#")[0] == hrefs[0].split("#")[0]
    assert tab.errors == []


def test_topic_to_article_to_entity(built, tab):
    page = tab.open("topics/rare-earths/")
    link = page.locator("article a[href*='articles/']").first
    title = link.inner_text().strip()
    link.click()
    page.wait_for_load_state("networkidle")
    assert "/articles/" in page.url
    assert page.locator("article h1").first.inner_text().strip().startswith(title.split("…")[0][:20])
    # the article's entities sit in a collapsed "People, organizations and places" box
    page.locator("summary", has_text="People, organizations and places").click()
    entity = page.locator("details a[href*='entities/']").first
    name = entity.inner_text().strip()
    entity.click()
    page.wait_for_load_state("networkidle")
    assert "/entities/" in page.url
    assert page.locator("article h1").first.inner_text().strip().rstrip("¶").strip() == name
    assert page.locator("article a[href*='articles/']").count() >= 1  # and back to the articles naming it
    assert tab.errors == []


def _axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def _serious(page) -> list[str]:
    page.add_script_tag(content=_axe_script())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_axe_finds_no_serious_violation(built, tab):
    found = {}
    for name, path in _reader_pages(built).items():
        page = tab.open(path)
        found[name] = _serious(page)
    page = tab.open("")
    page.click("#__search_query")
    page.fill("#__search_query", "china")
    page.wait_for_selector(".md-search-result__item")
    found["search results"] = _serious(page)
    assert {k: v for k, v in found.items() if v} == {}, "\n".join(f"{k}: {v}" for k, v in found.items() if v)
