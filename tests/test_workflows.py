"""Forge files: CI and Pages workflows, issue forms, and the lint hooks.

The workflows must run what a contributor runs (make targets), never a
private copy of the commands, so that a green CI means a green `make test`.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from guide_perennisation.page_info import REPORT_FORM, REPORT_PAGE_FIELD

from .conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
# A full version tag: v4.2.2, not v4 nor a branch.
_PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+\.\d+\.\d+$")


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: YAML attendu sous forme de dictionnaire"
    return data


def _make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _make_calls(workflow: dict) -> list[str]:
    calls = []
    for step in _steps(workflow):
        for line in step.get("run", "").splitlines():
            words = shlex.split(line)
            calls += [words[i + 1] for i, word in enumerate(words[:-1]) if word == "make"]
    return calls


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_workflow_is_valid_and_pins_actions_to_full_version_tags(name: str) -> None:
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    workflow = _load(WORKFLOWS / name)
    # PyYAML reads the bare key `on` as True (YAML 1.1).
    assert workflow.get("on", workflow.get(True)), f"{name}: pas de déclencheur"
    for job in workflow["jobs"].values():
        assert job.get("steps"), f"{name}: job sans étape"
    uses = [step["uses"] for step in _steps(workflow) if "uses" in step]
    assert uses
    for action in uses:
        assert _PINNED.match(action), f"{name}: {action} doit être épinglée sur une version complète (vX.Y.Z)"
    assert "SHA" in text, f"{name}: le commentaire qui demande de remplacer les tags par des SHA a disparu"


def test_workflows_call_existing_make_targets_only() -> None:
    targets = _make_targets()
    for path in WORKFLOWS.glob("*.yml"):
        calls = _make_calls(_load(path))
        assert calls, f"{path.name}: aucun appel à make"
        assert set(calls) <= targets, f"{path.name}: cibles inconnues {set(calls) - targets}"


def test_ci_runs_make_test_like_ci_run_in_a_debian_container() -> None:
    ci = _load(WORKFLOWS / "ci.yml")
    triggers = ci.get("on", ci.get(True))
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert _make_calls(ci) == ["test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    (job,) = ci["jobs"].values()
    assert re.search(r"(bookworm|trixie|debian)", job["container"] if isinstance(job["container"], str) else "")


def test_pages_builds_with_make_and_deploys_site_from_main() -> None:
    pages = _load(WORKFLOWS / "pages.yml")
    triggers = pages.get("on", pages.get(True))
    assert triggers["push"]["branches"] == ["main"]
    # Nothing is built, so nothing deployed, while a value is a placeholder.
    assert _make_calls(pages) == ["check-publication", "build"]
    upload = next(s for s in _steps(pages) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in _steps(pages))
    checkout = next(s for s in _steps(pages) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "sans tout l'historique, « Dernière mise à jour » serait faux"


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
    assert re.search(r"^test:.*\blint\b", makefile, re.MULTILINE), "make test doit lancer make lint"


def test_editorconfig_agrees_with_the_whitespace_hooks() -> None:
    text = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in text
    assert "insert_final_newline = true" in text
    assert "trim_trailing_whitespace = true" in text
