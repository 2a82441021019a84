"""The GitHub workflows: GitHub's schema, the zizmor auditor (offline), and the promises the issue makes.

The auditors come with the test extra (pyproject.toml), so `make test` runs them; a test is skipped, saying
why, only when the tool is missing from the environment.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import PROJECT_ROOT

WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"
PR = WORKFLOWS / "pr.yml"
PUBLISH = WORKFLOWS / "publish.yml"
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def tool(name: str) -> str:
    """The tool next to this Python (the project's .venv), else on PATH; skip the test if neither."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed: `pip install -e '.[lint]'` (make lint) installs it")
    return found


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


# --- external auditors -----------------------------------------------------------------------------------


def test_workflows_pass_githubs_workflow_schema():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert files == [str(PR), str(PUBLISH)]
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        done = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, *files],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_offline_finds_nothing_of_any_severity():
    done = subprocess.run([tool("zizmor"), "--offline", "--no-config", "--persona", "auditor", "--format", "json",
                           str(WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []


def test_make_lint_runs_ruff_schema_and_zizmor_offline():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert target, "Makefile has no lint target"
    recipe = target.group(1)
    assert "ruff check generator tests bench" in recipe
    assert "check-jsonschema --builtin-schema vendor.github-workflows" in recipe
    assert "zizmor --offline --min-severity medium .github/workflows" in recipe
    assert "pip install --quiet -e '.[lint]'" in makefile


# --- both workflows -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [PR, PUBLISH], ids=["pr", "publish"])
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:- )?uses: (\S+)(.*)$", text, re.MULTILINE)
    assert uses
    for ref, comment in uses:
        assert SHA_PIN.match(ref), f"{ref} is not pinned to a full commit SHA"
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), f"{ref} has no `# vX.Y.Z` comment"


@pytest.mark.parametrize("path", [PR, PUBLISH], ids=["pr", "publish"])
def test_checkout_keeps_no_credentials_and_fetches_full_history(path):
    for step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
            assert step["with"]["fetch-depth"] == 0


@pytest.mark.parametrize("path", [PR, PUBLISH], ids=["pr", "publish"])
def test_no_pull_request_target_and_no_expression_inside_a_script(path):
    workflow = load(path)
    assert not {"pull_request_target", "workflow_run"} & set(workflow["on"])
    for step in steps(workflow):
        assert "${{" not in step.get("run", ""), f"expression in a script: {step.get('name')}"
    assert "concurrency" in workflow
    for job in workflow["jobs"].values():
        assert job["timeout-minutes"] <= 60
        assert job["runs-on"] == "ubuntu-latest"


@pytest.mark.parametrize("path", [PR, PUBLISH], ids=["pr", "publish"])
def test_python_is_311_and_the_readme_commands_set_up(path):
    workflow = load(path)
    setup = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@")]
    assert [s["with"]["python-version"] for s in setup] == ["3.11"]
    assert "make site" in runs(workflow)


# --- pull requests --------------------------------------------------------------------------------------


def test_pull_request_workflow_checks_annotates_tests_builds_and_uploads_a_preview():
    workflow = load(PR)
    assert workflow["on"] == {"pull_request": None}
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job  # the read-only default above
    script = runs(workflow)
    for command in (".venv/bin/digest check --format github", "make test", "make site", "make lint"):
        assert command in script
    summary = next(s for s in steps(workflow) if "generator.summary" in s.get("run", ""))
    assert summary["run"].endswith('>> "$GITHUB_STEP_SUMMARY"')
    assert '--base "$BASE_SHA"' in summary["run"]
    assert summary["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert "steps.site.outcome == 'success'" in upload["if"]
    # one push shows every problem: later steps run after an earlier one failed
    names = [s.get("name", s.get("uses")) for s in steps(workflow)]
    later = steps(workflow)[names.index("Build the site (make site)") + 1:]
    assert all("!cancelled()" in s.get("if", "") for s in later)


# --- publishing -----------------------------------------------------------------------------------------


def test_publish_runs_on_main_and_by_hand_only():
    workflow = load(PUBLISH)
    assert workflow["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_publish_permissions_are_least_privilege_per_job():
    workflow = load(PUBLISH)
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert "refs/heads/main" in deploy["if"]
    # the job holding the write token runs no project code: only the deploy action
    assert [s.get("uses", "").split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert not any("run" in s for s in deploy["steps"])


def test_publish_builds_with_the_pages_address_and_uploads_the_site():
    build = load(PUBLISH)["jobs"]["build"]
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert uses.index("actions/configure-pages") < uses.index("") < uses.index("actions/upload-pages-artifact")
    make = next(s for s in build["steps"] if s.get("run") == "make site")
    assert make["env"] == {"DIGEST_SITE_URL": "${{ steps.pages.outputs.base_url }}/"}
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    assert configure["id"] == "pages"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_mkdocs_reads_the_site_address_from_the_environment():
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[DIGEST_SITE_URL, ", text, re.MULTILINE)


# --- pre-commit -----------------------------------------------------------------------------------------


def test_pre_commit_checks_changed_seeds_and_runs_ruff():
    config = yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    check = hooks["digest-check"]
    assert check["entry"].startswith(".venv/bin/digest check")
    assert check["files"] == "^seeds/"
    assert check["pass_filenames"] is False  # the whole folder: duplicates need every seed
    assert re.search(r"generator", hooks["ruff"]["files"])
    assert hooks["ruff"]["entry"].startswith(".venv/bin/ruff check")
    for hook in hooks.values():
        entry = hook["entry"].split()[0]
        assert entry.startswith(".venv/bin/"), entry
