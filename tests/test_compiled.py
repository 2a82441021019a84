"""The modules setup.py compiles with mypyc: they are the ones running after `make`, they make the same site as
their Python source, and an edited one gives way to its source until it is compiled again."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import PROJECT_ROOT, compiled_sources, stale

LISTED = re.findall(r'"(generator/[^"]+\.py)"', (PROJECT_ROOT / "setup.py").read_text(encoding="utf-8"))
NAMES = [".".join(Path(p).with_suffix("").parts).removesuffix(".__init__") for p in LISTED]
PURE = bool(os.environ.get("DIGEST_PURE"))


def test_setup_lists_modules_that_exist():
    assert NAMES and all((PROJECT_ROOT / p).is_file() for p in LISTED)


@pytest.mark.skipif(PURE, reason="DIGEST_PURE is set: the Python source runs by request")
@pytest.mark.parametrize("name", NAMES)
def test_after_make_the_compiled_module_runs(name):
    """`make test` compiles them: a compiled file missing here means the compiler failed during
    `pip install -e .` (its output says why), or an edit was not compiled again (`make`)."""
    module = importlib.import_module(name)
    assert module.__file__.endswith(tuple(EXTENSION_SUFFIXES)), f"{name} runs from {module.__file__}"
    assert not stale(compiled_sources())


def _copy_package(to: Path) -> Path:
    """The package with its compiled files, every source older than them (as `make` leaves it)."""
    shutil.copytree(PROJECT_ROOT / "generator", to / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    package = to / "generator"
    built = min(p.stat().st_mtime_ns for p in package.rglob("*") if p.name.endswith(tuple(EXTENSION_SUFFIXES)))
    for source in package.rglob("*.py"):
        os.utime(source, ns=(built - 1_000_000_000, built - 1_000_000_000))
    return package


def _python(args: list[str], cwd: Path, pure: str = "", **env: str) -> subprocess.CompletedProcess:
    """``python ARGS`` in a subprocess of this environment, the Python source forced when ``pure``; it must
    succeed."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DIGEST_PURE", "DIGEST_CACHE_DIR")}
    environment |= {"DIGEST_PURE": pure, "PYTHONHASHSEED": "0", **env}
    run = subprocess.run([sys.executable, *args], cwd=cwd, env=environment, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    return run


def _imported_from(root: Path, name: str, pure: str = "") -> subprocess.CompletedProcess:
    return _python(["-c", f"import {name}; print({name}.__file__)"], root, pure, PYTHONPATH=str(root))


@pytest.mark.skipif(not compiled_sources(), reason="nothing is compiled here (DIGEST_PURE at install, or no C "
                                                   "compiler)")
def test_an_edited_module_and_every_other_compiled_one_run_from_source(tmp_path):
    package = _copy_package(tmp_path)
    assert _imported_from(tmp_path, "generator.extract.topics").stdout.strip().endswith(tuple(EXTENSION_SUFFIXES))
    edited = package / "text.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    later = max(p.stat().st_mtime_ns for p in package.rglob("*.so")) + 1_000_000_000
    os.utime(edited, ns=(later, later))
    run = _imported_from(tmp_path, "generator.extract.topics")  # not the edited module: one that calls it
    assert run.stdout.strip() == str(package / "extract" / "topics.py")
    assert "generator/text.py changed since compiled" in run.stderr
    forced = _imported_from(tmp_path, "generator.extract", pure="1")
    assert forced.stdout.strip() == str(package / "extract" / "__init__.py") and not forced.stderr


def _corpus(folder: Path, synthetic: int) -> int:
    """The project's seeds, every trap text and some synthetic archive pages, as seeds."""
    folder.mkdir()
    for seed in (PROJECT_ROOT / "seeds").iterdir():
        shutil.copy2(seed, folder / seed.name)
    traps = yaml.safe_load((PROJECT_ROOT / "tests" / "labelled" / "traps.yml").read_text(encoding="utf-8"))
    for trap in traps:
        (folder / f"{trap['name']}.md").write_text(trap["text"], encoding="utf-8")
    spec = importlib.util.spec_from_file_location("bench_corpus", PROJECT_ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    for i in range(synthetic):
        name, text, _ = corpus.article(7, i)
        (folder / name).write_text(text, encoding="utf-8")
    return len(list(folder.iterdir()))


def _generated_seeds() -> list[str]:
    """Seeds in the shapes the property tests write, valid or not (the same ones every run)."""
    from tests.test_properties import any_seed, shaped, structured, valid_seed

    drawn: list[str] = []

    @settings(max_examples=300, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(valid_seed, any_seed, st.builds(lambda fm, text: fm + text, st.just("---\ntitle: T\n---\n"),
                                           st.one_of(structured, shaped))))
    def draw(text):
        drawn.append(text)

    draw()
    return drawn


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
@pytest.mark.skipif(not compiled_sources(), reason="nothing is compiled here: there is one build to run")
def test_compiled_and_python_source_make_the_same_pages(tmp_path):
    assert not stale(compiled_sources()), "an edited module runs from source in both runs: `make` first"
    seeds = tmp_path / "seeds"
    count = _corpus(seeds, synthetic=60)
    trees = []
    for pure in ("", "1"):
        docs = tmp_path / f"docs{pure}"
        _python(["-m", "generator", "generate", "--seeds", str(seeds), "--docs", str(docs)], tmp_path, pure,
                DIGEST_CACHE="0", CI="1")
        trees.append(_tree(docs))
    compiled, source = trees
    assert len([p for p in compiled if p.startswith("articles/")]) >= count
    assert compiled.keys() == source.keys()
    assert [p for p in compiled if compiled[p] != source[p]] == []


EXTRACT_EACH = """
import sys
from pathlib import Path
from generator.errors import SeedError
from generator.extract import extract
from generator.read import read_seed
for path in sorted(Path(sys.argv[1]).iterdir()):
    try:
        print(repr(extract(read_seed(path, path.name))))
    except SeedError as error:
        print(path.name, [str(p) for p in error.problems])
"""


@pytest.mark.slow
@pytest.mark.skipif(not compiled_sources(), reason="nothing is compiled here: there is one build to run")
def test_compiled_and_python_source_read_generated_seeds_alike(tmp_path):
    """Whatever a seed holds, valid or not, both builds read it to the same article or the same problems:
    a compiled module checks its annotations when it runs, and one wrong for some input would fail here
    rather than on a stranger's seed."""
    assert not stale(compiled_sources()), "an edited module runs from source in both runs: `make` first"
    for i, text in enumerate(_generated_seeds()):
        (tmp_path / f"{i:03d}.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    outputs = []
    for pure in ("", "1"):
        run = _python(["-c", EXTRACT_EACH, str(tmp_path)], tmp_path, pure, PYTHONPATH=str(PROJECT_ROOT))
        outputs.append(run.stdout.splitlines())
    compiled, source = outputs
    assert len(compiled) == len(list(tmp_path.iterdir())) and "Article(" in "".join(compiled)
    assert [i for i, (a, b) in enumerate(zip(compiled, source)) if a != b] == []
