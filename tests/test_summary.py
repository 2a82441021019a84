"""The pull-request summary: a PR-like change of two seeds in a throw-away git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import PROJECT_ROOT
from generator.summary import cell, changed_seeds, main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
           "GIT_CONFIG_NOSYSTEM": "1"}

TRUCE = ("WASHINGTON — The United States and China agreed on Friday to extend their trade truce for another "
         "90 days, keeping tariffs on hold while negotiators in Geneva work on rare earth export licences.\n\n"
         "Officials said the pause would hold until November, and that talks on chip export controls would "
         "continue.\n")
TAIWAN = ("Taiwan's president said on Friday that the island would build a new air defence system, as "
          "Chinese warships sailed near the Taiwan Strait.\n")
OTHER = "North Korea fired two short-range ballistic missiles into the sea on Tuesday, Seoul's military said.\n"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def pr_repo(tmp_path) -> Path:
    """main: three seeds; branch `pr`: one seed added, one changed, one untouched, a file outside seeds/."""
    repo = tmp_path / "repo"
    seeds = repo / "seeds"
    seeds.mkdir(parents=True)
    git(repo, "init", "-q")
    (seeds / "010-taiwan.txt").write_text(TAIWAN, encoding="utf-8")
    (seeds / "020-korea.txt").write_text(OTHER, encoding="utf-8")
    (seeds / "030-old.txt").write_text(OTHER.replace("Tuesday", "Monday"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pr")
    (seeds / "040-truce.md").write_text(
        "---\ntitle: \"Truce | <b>extended</b> `again` @team\"\nsource: Reuters\ndate: 2026-02-06\n---\n"
        + TRUCE, encoding="utf-8")
    (seeds / "010-taiwan.txt").write_text(
        "---\nsource: Focus Taiwan\ntruce_signal: holding\n---\n" + TAIWAN, encoding="utf-8")
    (repo / "notes.md").write_text("not a seed\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "PR: add a truce story, set the Taiwan seed's source")
    # main moves on after the branch: its new seed is not part of the pull request
    git(repo, "checkout", "-q", "main")
    (seeds / "050-main-only.txt").write_text(OTHER.replace("two", "three"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "main moves on")
    git(repo, "checkout", "-q", "pr")
    return repo


def run_summary(repo: Path, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(repo)
    code = main(["--base", "main", *args])
    out, err = capsys.readouterr()
    return code, out, err


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| seeds/")]


def test_lists_exactly_the_two_seeds_the_pull_request_adds_or_changes(pr_repo, monkeypatch, capsys):
    code, out, err = run_summary(pr_repo, monkeypatch, capsys)
    assert code == 0, err
    assert out.startswith("## Seeds in this pull request\n")
    assert "| seed | title | date | source | topics | mentions | truce signal |" in out
    rows = table_rows(out)
    assert [r.split(" | ")[0] for r in rows] == ["| seeds/010-taiwan.txt (changed)", "| seeds/040-truce.md (added)"]
    assert "020-korea" not in out and "030-old" not in out and "050-main-only" not in out
    assert "notes.md" not in out


def test_each_row_shows_what_the_generator_found(pr_repo, monkeypatch, capsys):
    _, out, _ = run_summary(pr_repo, monkeypatch, capsys)
    taiwan, truce = (r.split(" | ") for r in table_rows(out))
    # seed | title | date | source | topics | mentions | truce signal
    assert len(taiwan) == len(truce) == 7
    assert taiwan[2] == "— (first commit date)"
    assert taiwan[3] == "Focus Taiwan"
    assert "taiwan" in taiwan[4].split(", ")
    assert taiwan[6] == "**holding** (set by the editor) |"
    assert truce[2] == "2026-02-06"
    assert truce[3] == "Reuters"
    assert "trade-truce" in (truce[4] + ", " + truce[5]).split(", ")
    assert truce[6].startswith("**")


def test_untrusted_values_are_escaped(pr_repo, monkeypatch, capsys):
    _, out, _ = run_summary(pr_repo, monkeypatch, capsys)
    row = table_rows(out)[1]
    assert row.count("|") == 8  # the seven cells' borders: the title's pipe is not one of them
    assert "<" not in row and "`" not in row and "@" not in row
    assert "Truce &#124; &#60;b&#62;extended&#60;/b&#62; &#96;again&#96; &#64;team" in row


def test_runs_as_a_module_with_a_commit_as_base(pr_repo):
    base = git(pr_repo, "rev-parse", "main").strip()
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run([sys.executable, "-m", "generator.summary", "--base", base, "--seeds", "seeds"],
                          cwd=pr_repo, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(table_rows(done.stdout)) == 2


def test_invalid_and_removed_seeds_are_listed_not_fatal(pr_repo, monkeypatch, capsys):
    seeds = pr_repo / "seeds"
    (seeds / "060-bad.md").write_text("---\ntitel: Oops\n---\nA different story.\n", encoding="utf-8")
    (seeds / "020-korea.txt").unlink()
    git(pr_repo, "mv", "seeds/030-old.txt", "seeds/031-renamed.txt")
    git(pr_repo, "add", "-A")
    git(pr_repo, "commit", "-q", "-m", "more")
    code, out, _ = run_summary(pr_repo, monkeypatch, capsys)
    assert code == 0
    bad = next(r for r in table_rows(out) if "060-bad.md" in r)
    assert "line 2: unknown key &#96;titel&#96;; did you mean &#96;title&#96;?" in bad
    assert "Removed: seeds/020-korea.txt" in out
    assert "| seeds/031-renamed.txt (renamed from seeds/030-old.txt) |" in out


def test_no_seed_changed(pr_repo, monkeypatch, capsys):
    monkeypatch.chdir(pr_repo)
    assert main(["--base", "HEAD"]) == 0
    assert "No seed is added or changed." in capsys.readouterr().out


def test_a_base_git_does_not_know_is_exit_1(pr_repo, monkeypatch, capsys):
    code, out, err = run_summary(pr_repo, monkeypatch, capsys, "--base", "no-such-branch")
    assert code == 1 and out == ""
    assert err.startswith("digest summary: git diff failed")


def test_usage_error_is_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


def test_changed_seeds_ignores_subfolders_and_other_files(pr_repo):
    (pr_repo / "seeds" / "drafts").mkdir()
    (pr_repo / "seeds" / "drafts" / "x.txt").write_text(OTHER, encoding="utf-8")
    (pr_repo / "seeds" / "image.png").write_bytes(b"\x89PNG")
    git(pr_repo, "add", "-A")
    git(pr_repo, "commit", "-q", "-m", "noise")
    changes = changed_seeds("main", str(pr_repo / "seeds"))
    assert [(c.status, Path(c.path).name) for c in changes] == [("changed", "010-taiwan.txt"),
                                                                ("added", "040-truce.md")]


def test_cell_is_one_line_literal_and_bounded():
    assert cell("a\nb\r\nc|d") == "a b c&#124;d"
    assert cell("<script>") == "&#60;script&#62;"
    assert cell("") == "—"
    long = cell("x" * 500)
    assert len(long) == 160 and long.endswith("…")
