"""Benchmark: synthetic archives of N articles through the whole build, as `make site` runs it.

    .venv/bin/python bench/run.py                 # N = 100, 1,000 and 10,000
    .venv/bin/python bench/run.py --sizes 100,1000 --out bench/out

For each N (corpus from bench/corpus.py, in bench/out/N/, with its own cache folder) it measures, each step
a separate process as a user runs it:

- generate, cold (empty cache): time, articles/s, peak memory of the process and its workers;
- generate again, nothing changed: time and files rewritten (must be 0, and no file's mtime may move);
- generate after one seed is edited: time and the files rewritten;
- `mkdocs build --strict`, then Pagefind's index (`python -m pagefind --site ...`): times;
- the site's size and the size of an article page (the same 100 articles at every N, so growth shows);
- the bytes a browser downloads to answer one search (Chromium via Playwright, from opening the search
  box to the results shown), for a word only one article holds and for a common phrase.

The code measured is a copy taken at the start (bench/out/code), so editing the project during a run
changes nothing. Timings on a shared machine are noisy: compare the ratios within one run. Never part of
`make test`.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus import article, write_corpus  # noqa: E402

from generator.write import OWNED_DIRS, OWNED_FILES, owned  # noqa: E402

PY = sys.executable
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SAMPLE = 100  # article pages compared across sizes: the corpus's first 100 are the same at every N


# --- measuring ---------------------------------------------------------------------------------------------

def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc (0 where /proc is missing)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        ppid = int(re.search(r"^PPid:\s+(\d+)", status, re.M).group(1))
        m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        rss[int(entry.name)] = int(m.group(1)) * 1024 if m else 0
        children.setdefault(ppid, []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, str]:
    """Run a command; returns wall seconds, peak resident bytes of its process tree, and its output."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            with contextlib.suppress(Exception):  # a process ending mid-scan
                peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{out[-4000:]}")
    return elapsed, peak, out


def snapshot(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def written(out: str) -> int:
    m = re.search(r"(\d+) files written", out)
    return int(m.group(1)) if m else -1


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# --- one archive ------------------------------------------------------------------------------------------

def snapshot_code(out: Path) -> Path:
    """A copy of the project's code, data, theme overrides and own pages, taken once: every step runs it
    (PYTHONPATH), so edits made to the working tree during a long run do not mix into the figures."""
    code = out / "code"
    shutil.rmtree(code, ignore_errors=True)
    code.mkdir(parents=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("generator", "data", "overrides"):
        shutil.copytree(ROOT / folder, code / folder, ignore=skip)
    for name in ("mkdocs.yml", "pagefind.yml"):
        shutil.copy2(ROOT / name, code / name)
    (code / "docs").mkdir()
    for entry in (ROOT / "docs").iterdir():  # the project's own pages, stylesheets, images
        if entry.name in OWNED_DIRS or entry.name in OWNED_FILES or entry.name.startswith("."):
            continue
        (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, code / "docs" / entry.name)
    return code


def prepare(work: Path, n: int, code: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    write_corpus(work / "seeds", n)
    shutil.copytree(code / "docs", work / "docs")
    config = (code / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {code / 'overrides'}")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")


def edit_one_seed(seeds: Path, n: int) -> str:
    """An editor's typo fix in the middle of one seed (its dates, and so the calendars, stay as they were)."""
    name, text, _ = article(2026, n // 2)
    path = seeds / name
    words = text.split(" ")
    middle = len(words) // 2
    word = words[middle]
    words[middle] = word[:-1] if word.endswith((",", ".")) else word + ","
    path.write_text(" ".join(words), encoding="utf-8")
    return name


def search_cost(site: Path, queries: list[str]) -> dict[str, dict]:
    """Bytes downloaded from opening the search box to the results of each query (a fresh browser each)."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}/"
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            for query in queries:
                page = browser.new_page()
                page.goto(base, wait_until="networkidle")
                fetched: list[tuple[str, int]] = []
                page.on("requestfinished", lambda r, fetched=fetched: fetched.append(
                    (r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])))
                page.click("#__search_query")
                page.fill("#__search_query", query)
                page.wait_for_selector(".md-search-result__item", timeout=60_000)
                page.wait_for_load_state("networkidle")
                hits = page.inner_text("[data-digest-search-meta]").strip()
                results[query] = {"bytes": sum(size for _, size in fetched), "requests": len(fetched),
                                  "answer": hits}
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
    return results


def measure(n: int, out: Path, code: Path, generate_only: bool = False) -> dict:
    work = out / str(n)
    print(f"\n== N = {n:,}: corpus in {work}", file=sys.stderr, flush=True)
    prepare(work, n, code)
    env = dict(os.environ, DIGEST_CACHE_DIR=str(work / "cache"), NO_MKDOCS_2_WARNING="1", CI="1",
               PYTHONPATH=str(code))
    env.pop("DIGEST_CACHE", None)
    # as a default Python does, keep the compiled modules: a shell that sets PYTHONDONTWRITEBYTECODE (this
    # machine's does) would otherwise add the compiling of every module to every run's start-up
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    generate = [PY, "-m", "generator", "generate", "--seeds", "seeds", "--docs", "docs"]
    r: dict = {"n": n}

    r["generate_s"], r["generate_peak"], _ = run(generate, work, env)
    r["articles_per_s"] = n / r["generate_s"]
    print(f"   generate {r['generate_s']:.1f} s", file=sys.stderr, flush=True)

    before = snapshot(work / "docs")
    r["noop_s"], _, text = run(generate, work, env)
    r["noop_written"] = written(text)
    r["noop_touched"] = sum(1 for k, v in snapshot(work / "docs").items() if before.get(k) != v)

    edit_one_seed(work / "seeds", n)
    r["one_s"], _, text = run(generate, work, env)
    r["one_written"] = written(text)
    r["uncached_check"] = None
    if n <= 1000:  # the incremental result must equal a cold one
        cold = dict(env, DIGEST_CACHE="0")
        run([PY, "-m", "generator", "generate", "--seeds", "seeds", "--docs", "docs-cold"], work, cold)
        a, b = work / "docs", work / "docs-cold"
        cold = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
        ours = {f for f in (p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()) if owned(f)}
        r["uncached_check"] = cold == ours and all((a / f).read_bytes() == (b / f).read_bytes() for f in cold)
        shutil.rmtree(b)
    print(f"   no-op {r['noop_s']:.1f} s, one seed {r['one_s']:.1f} s", file=sys.stderr, flush=True)
    if generate_only:
        return r

    r["mkdocs_s"], r["mkdocs_peak"], _ = run([PY, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                                              str(work / "mkdocs.yml"), "-d", str(work / "site")], work, env)
    print(f"   mkdocs {r['mkdocs_s']:.1f} s", file=sys.stderr, flush=True)
    r["pagefind_s"], r["pagefind_peak"], _ = run([PY, "-m", "pagefind", "--site", str(work / "site"), "--quiet"],
                                                 code, env)
    site = work / "site"
    r["site_bytes"] = du(site)
    r["pagefind_bytes"] = du(site / "pagefind")
    pages = sorted((site / "articles").glob("*/index.html"))
    r["article_page_mean"] = statistics.mean(p.stat().st_size for p in pages)
    sample = [f"{i:05d}_" for i in range(min(SAMPLE, n))]
    seed_of = {}
    for md in (work / "docs" / "articles").glob("*.md"):
        m = re.search(r"^seed: seeds/(\d{5}_)", md.read_text(encoding="utf-8"), re.M)
        if m:
            seed_of[m.group(1)] = md.stem
    r["sample_page_mean"] = statistics.mean((site / "articles" / seed_of[s] / "index.html").stat().st_size
                                            for s in sample if s in seed_of)
    codeword = article(2026, 0)[2]
    r["search"] = search_cost(site, [codeword.lower(), "rare earth magnets"])
    make_site = r["generate_s"] + r["mkdocs_s"] + r["pagefind_s"]
    r["generator_share"] = r["generate_s"] / make_site
    print(f"   site {r['site_bytes'] / 1e6:.0f} MB, search {r['search']}", file=sys.stderr, flush=True)
    return r


# --- report -----------------------------------------------------------------------------------------------

def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()}, Python {platform.python_version()}"


def _cell(fn, r: dict) -> str:
    try:
        return fn(r)
    except KeyError:
        return "–"  # a --generate-only run


def table(results: list[dict]) -> str:
    mb = lambda b: f"{b / 1e6:,.1f} MB"  # noqa: E731
    kb = lambda b: f"{b / 1e3:,.0f} KB"  # noqa: E731
    rows = [
        ("generate, cold (s)", lambda r: f"{r['generate_s']:.1f}"),
        ("articles/s", lambda r: f"{r['articles_per_s']:,.0f}"),
        ("peak memory, generate (process + workers)", lambda r: mb(r["generate_peak"])),
        ("no-op regenerate (s)", lambda r: f"{r['noop_s']:.2f}"),
        ("  ratio to cold", lambda r: f"{r['noop_s'] / r['generate_s']:.0%}"),
        ("  files rewritten / mtimes moved", lambda r: f"{r['noop_written']} / {r['noop_touched']}"),
        ("one seed edited (s)", lambda r: f"{r['one_s']:.2f}"),
        ("  ratio to cold", lambda r: f"{r['one_s'] / r['generate_s']:.0%}"),
        ("  files rewritten", lambda r: str(r["one_written"])),
        ("  same bytes as an uncached run", lambda r: {None: "not checked", True: "yes", False: "NO"}[
            r["uncached_check"]]),
        ("mkdocs build --strict (s)", lambda r: f"{r['mkdocs_s']:.1f}"),
        ("peak memory, mkdocs", lambda r: mb(r["mkdocs_peak"])),
        ("pagefind index (s)", lambda r: f"{r['pagefind_s']:.1f}"),
        ("generator share of make site", lambda r: f"{r['generator_share']:.0%}"),
        ("site size", lambda r: mb(r["site_bytes"])),
        ("  of which search index", lambda r: mb(r["pagefind_bytes"])),
        ("article page, mean of all", lambda r: kb(r["article_page_mean"])),
        ("article page, mean of the same 100", lambda r: kb(r["sample_page_mean"])),
    ]
    queries = list(results[0].get("search", {})) if results else []
    for q in queries:
        label = "unique word" if q != "rare earth magnets" else f"“{q}”"
        rows.append((f"search transfer, {label}",
                     lambda r, q=q: f"{kb(r['search'][q]['bytes'])} ({r['search'][q]['requests']} requests)"))
    head = "| | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |"
    lines = [head, "| --- |" + " ---: |" * len(results)]
    lines += [f"| {label} | " + " | ".join(_cell(fn, r) for r in results) + " |" for label, fn in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated N (default 100,1000,10000)")
    parser.add_argument("--out", default=str(HERE / "out"), help="work folder (default bench/out, git-ignored)")
    parser.add_argument("--generate-only", action="store_true", help="only the generate steps (no MkDocs, no search)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    code = snapshot_code(out)
    results = [measure(n, out, code, args.generate_only) for n in sizes]
    name = "results-generate.json" if args.generate_only else "results.json"
    (out / name).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"Machine: {machine()}\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
