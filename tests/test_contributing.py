"""CONTRIBUTING.md's recipes, applied literally to a copy of the project.

Each YAML snippet of a recipe follows a marker `<!-- recette:NAME FILE -->`
(FILE#checklist/group for a checklist item, pasted under that group's
`items:` line, as the recipe says; otherwise appended at the end of FILE).
A marker `<!-- erreur:NAME -->` before a `text` block holds the error that
the snippet NAME produces. When the data format changes, these tests fail
until CONTRIBUTING.md is updated.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from guide_perennisation.loader import DataErrors, load_guide

from .conftest import ROOT, build_site, copy_project

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
_BLOCK = re.compile(r"<!-- (recette|erreur):(\S+)(?: (\S+))? -->\n```(\w+)\n(.*?)^```", re.DOTALL | re.MULTILINE)
# What changes as the data grows: line, column and the record's index.
_LOCATION = re.compile(r"^(\S+?):\d+:\d+: (\w+)\[\d+\]")


@dataclass(frozen=True)
class Snippet:
    file: str
    group: str | None  # "checklist/group" for a checklist item
    text: str

    @property
    def record(self) -> dict:
        return yaml.safe_load(textwrap.dedent(self.text))[0]


def _blocks(kind: str) -> dict[str, tuple[str | None, str]]:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    return {name: (target, body) for k, name, target, _, body in _BLOCK.findall(text) if k == kind}


def recipes() -> dict[str, Snippet]:
    out = {}
    for name, (target, body) in _blocks("recette").items():
        file, _, group = target.partition("#")
        out[name] = Snippet(file, group or None, body)
    return out


def documented_errors() -> dict[str, str]:
    return {name: body for name, (_, body) in _blocks("erreur").items()}


def apply(project: Path, snippet: Snippet) -> None:
    path = project / snippet.file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if snippet.group is None:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(snippet.text)
    else:
        checklist, group = snippet.group.split("/")
        start = lines.index(f"- id: {checklist}\n")
        in_group = next(i for i in range(start, len(lines)) if lines[i].strip() == f"- id: {group}")
        items = next(i for i in range(in_group, len(lines)) if lines[i].strip() == "items:")
        lines.insert(items + 1, snippet.text)
    path.write_text("".join(lines), encoding="utf-8")


def test_contributing_marks_every_recipe_the_tests_need() -> None:
    found = recipes()
    for name in ("exemple", "element-de-checklist", "scenario", "terme"):
        assert name in found, f"CONTRIBUTING.md : recette « {name} » introuvable (marqueur <!-- recette:{name} … -->)"
    assert set(documented_errors()) <= set(found), "chaque bloc <!-- erreur:X --> suit une recette X"
    assert documented_errors(), "CONTRIBUTING.md montre au moins un message d'erreur réel"


@pytest.fixture(scope="module")
def recipe_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("recettes"))
    for name in ("exemple", "element-de-checklist", "scenario", "terme"):
        apply(project, recipes()[name])
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_new_example_appears_on_the_examples_page(recipe_site: Path) -> None:
    example = recipes()["exemple"].record
    html = _page(recipe_site, "exemples")
    assert f'id="exemple-{example["id"]}"' in html
    assert example["name"] in html
    assert example["outcome"] in html


@pytest.mark.build
def test_new_checklist_item_appears_in_its_checklist(recipe_site: Path) -> None:
    snippet = recipes()["element-de-checklist"]
    item = snippet.record
    checklist_id = snippet.group.split("/")[0]
    html = _page(recipe_site, "defis-eig/checklist-fin-de-defi")
    # The shared data-block wrapper names the record it shows; the next
    # data block (or the page's end) closes it.
    start = html.index(f'data-app-source="{snippet.file}" data-app-record="{checklist_id}"')
    end = html.find('class="app-block"', start)
    block = html[start : end if end > 0 else len(html)]
    assert item["id"] in block
    assert item["label"] in block


@pytest.mark.build
def test_new_scenario_appears_on_the_scenarios_page(recipe_site: Path) -> None:
    scenario = recipes()["scenario"].record
    html = _page(recipe_site, "preparer/scenarios")
    assert f'id="scenario-{scenario["id"]}"' in html
    assert scenario["title"] in html


@pytest.mark.build
def test_new_term_appears_in_the_glossary(recipe_site: Path) -> None:
    term = recipes()["terme"].record
    html = _page(recipe_site, "outils/glossaire")
    assert f'id="terme-{term["id"]}"' in html
    assert term["definition"] in html


def _normalised(lines: str) -> list[str]:
    return [_LOCATION.sub(r"\1:L:C: \2[N]", line) for line in lines.strip().splitlines()]


@pytest.mark.parametrize("name", sorted(documented_errors()))
def test_documented_error_is_what_the_validation_prints(tmp_path: Path, name: str) -> None:
    project = copy_project(tmp_path)
    apply(project, recipes()[name])
    with pytest.raises(DataErrors) as caught:
        load_guide(project)
    actual = "\n".join(map(str, caught.value.errors))
    assert _normalised(actual) == _normalised(documented_errors()[name]), (
        f"CONTRIBUTING.md, erreur « {name} » : mettez à jour le bloc avec la sortie réelle :\n{actual}"
    )
