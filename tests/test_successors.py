"""The same docs/ must build under MkDocs' successors: ProperDocs (a drop-in fork) and Zensical (reads
mkdocs.yml, runs no third-party plugin). Nothing in the project may depend on a custom plugin or hook."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import PROJECT_ROOT
from generator.build import generate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project's site sources with the generated pages of the real seeds."""
    root = tmp_path_factory.mktemp("successor")
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT_ROOT / "overrides", root / "overrides")
    shutil.copytree(PROJECT_ROOT / "docs", root / "docs",
                    ignore=lambda d, names: [n for n in names if n in ("articles", "topics", "entities", "feeds",
                                                                      "calendars")])
    generate(str(PROJECT_ROOT / "seeds"), str(root / "docs"))
    return root


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    if not exe.exists():
        pytest.fail(f"{name} is not installed: `make test` installs it with the test extra")
    return str(exe)


def _check_site(site: Path) -> None:
    for page in ("index.html", "tags/index.html", "topics/trade-truce/index.html", "watch/index.html"):
        assert (site / page).is_file(), page
    articles = [p for p in (site / "articles").iterdir() if (p / "index.html").is_file()]
    assert len(articles) == len(list((PROJECT_ROOT / "seeds").glob("*.txt")))
    head = BeautifulSoup((site / "topics" / "taiwan" / "index.html").read_text(encoding="utf-8"), "html.parser").head
    feeds = {link["type"] for link in head.find_all("link", rel="alternate")}
    assert {"application/rss+xml", "application/atom+xml", "application/feed+json"} <= feeds
    assert (site / "feeds" / "taiwan.xml").is_file() and (site / "calendar.ics").is_file()


def test_properdocs_builds_the_same_docs_strictly(project):
    result = subprocess.run([_tool("properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", "site-proper"],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    _check_site(project / "site-proper")


def test_zensical_builds_the_same_docs(project):
    result = subprocess.run([_tool("zensical"), "build", "--clean"], cwd=project, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    _check_site(project / "site")
