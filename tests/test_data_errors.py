"""Every way of breaking a data file gives one clean `file:line:col:` line each."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide_perennisation.loader import DataErrors, load_guide

from .conftest import ROOT, build_site, copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the data and pages, safe to break."""
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def errors_after(project: Path, file: str, old: str | bytes, new: str | bytes) -> list[str]:
    path = project / file
    if isinstance(old, bytes):
        content = path.read_bytes()
        assert old in content
        path.write_bytes(content.replace(old, new, 1))
    else:
        content = path.read_text(encoding="utf-8")
        assert old in content, f"fixture text not found in {file}: {old!r}"
        path.write_text(content.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_guide(project)
    return [str(e) for e in caught.value.errors]


def line_of(text: str, file: str = "data/examples.yml") -> int:
    """The first line of `file` that starts with `text`, so that the expected
    positions follow the file as records and fields are added."""
    lines = (ROOT / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


# transport-data-gouv, the second example, and its year: where most breakages below are made.
RECORD = line_of("- id: transport-data-gouv")
YEAR = line_of("  year: 2021")


def test_the_real_data_is_valid() -> None:
    guide = load_guide(ROOT)
    assert len(guide.examples) >= 20


def test_unknown_scenario_names_the_known_ones(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  scenario: internaliser\n", "  scenario: gip2\n")
    assert len(errors) == 1
    line = line_of("  scenario: internaliser")
    assert errors[0].startswith(
        f"data/examples.yml:{line}:13: examples[1].scenario: « gip2 » n'est pas un scénario connu"
    )
    assert "(connus : internaliser, transferer-structure-existante, creer-gip," in errors[0]


def test_unknown_key_points_at_the_key(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  year: 2021\n", "  yaer: 2021\n")
    assert errors == [f"data/examples.yml:{YEAR}:3: examples[1].yaer: champ inconnu (faute de frappe ?)"]


def test_missing_field_points_at_its_record(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  name: transport.data.gouv.fr\n", "")
    assert errors == [f"data/examples.yml:{RECORD}:3: examples[1].name: champ obligatoire manquant"]


def test_wrong_type(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  year: 2021\n", "  year: bientôt\n")
    assert errors == [f"data/examples.yml:{YEAR}:9: examples[1].year: nombre entier attendu"]


def test_bad_date(project: Path) -> None:
    old = "  consulted: 2026-11-23\n"
    errors = errors_after(project, "data/examples.yml", old, "  consulted: hier\n")
    assert errors == [
        f"data/examples.yml:{line_of('  consulted:')}:14: examples[0].consulted: date AAAA-MM-JJ attendue"
    ]


def test_bad_id(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "- id: transport-data-gouv\n", "- id: Transport_Data\n")
    assert errors == [
        f"data/examples.yml:{RECORD}:7: examples[1].id: « Transport_Data » n'est pas un identifiant valide "
        "(minuscules, chiffres et tirets, par exemple « mon-exemple »)"
    ]


def test_duplicate_id(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "- id: transport-data-gouv\n", "- id: demarches-simplifiees\n")
    assert errors == [f"data/examples.yml:{RECORD}:7: examples[1].id: identifiant « demarches-simplifiees » en double"]


def test_value_outside_the_allowed_list(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  programme: beta.gouv.fr\n", "  programme: betagouv\n")
    assert errors == [
        "data/examples.yml:5:14: examples[0].programme: « betagouv » n'est pas une valeur permise "
        "(permises : 'beta.gouv.fr', 'EIG', 'autre')"
    ]


def test_malformed_yaml(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  year: 2021\n", "  year: [2021\n")
    assert len(errors) == 1
    assert errors[0].startswith(f"data/examples.yml:{YEAR + 1}:")
    assert "YAML invalide" in errors[0]


def test_tab(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  year: 2021\n", "\tyear: 2021\n")
    assert errors == [f"data/examples.yml:{YEAR}:1: tabulation interdite ; indentez avec des espaces"]


def test_empty_file(project: Path) -> None:
    (project / "data/glossary.yml").write_text("# rien\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_guide(project)
    assert [str(e) for e in caught.value.errors] == [
        "data/glossary.yml:1:1: fichier vide ; une liste d'enregistrements est attendue"
    ]


def test_not_utf8(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "Pôle".encode(), "Pôle".encode("latin-1"))
    assert errors == ["data/examples.yml:11:20: le fichier n'est pas en UTF-8 ; enregistrez-le en UTF-8"]


def test_aliases_are_refused(project: Path) -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n'
    (project / "data/glossary.yml").write_text(bomb, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_guide(project)
    [error] = [str(e) for e in caught.value.errors]
    assert error.startswith("data/glossary.yml:1:4: YAML invalide : les ancres et alias YAML")


def test_unknown_similar_case_and_trajectory(project: Path) -> None:
    text = (project / "data/scenarios.yml").read_text(encoding="utf-8")
    line = next(i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "trajectory: equipe-integree")
    errors = errors_after(project, "data/scenarios.yml", "trajectory: equipe-integree\n", "trajectory: equipe\n")
    assert errors == [
        f"data/scenarios.yml:{line}:15: scenarios[0].trajectory: « equipe » n'est pas une trajectoire connue "
        "(connus : equipe-integree, passage-en-maintenance, structure-dediee)"
    ]


def test_checklist_link_must_exist(project: Path) -> None:
    errors = errors_after(
        project, "data/checklists.yml", "link: comprendre/facteurs-de-succes.md\n", "link: comprendre/nulle-part.md\n"
    )
    assert len(errors) == 1
    assert "la page « comprendre/nulle-part.md » n'existe pas dans docs/" in errors[0]
    assert errors[0].startswith("data/checklists.yml:")


def test_duplicate_checklist_item(project: Path) -> None:
    guide = load_guide(ROOT)
    first = next(iter(guide.checklists.values())).groups[0].items
    errors = errors_after(project, "data/checklists.yml", f"id: {first[1].id}\n", f"id: {first[0].id}\n")
    assert len(errors) == 1
    assert f"identifiant d'élément « {first[0].id} » en double dans la checklist" in errors[0]


def test_page_with_unknown_checklist(project: Path) -> None:
    errors = errors_after(
        project, "docs/outils/checklists.md", "{{ all_checklists() }}", '{{ checklist("nulle-part") }}'
    )
    assert len(errors) == 1
    assert errors[0].startswith("docs/outils/checklists.md:")
    assert "checklist(): « nulle-part » n'est pas une checklist connue" in errors[0]


def test_macro_calls_are_found_where_jinja_finds_them(project: Path) -> None:
    # Inside an expression, over two lines, in single quotes: Jinja's parser reads it as the engine will.
    line = line_of("{{ all_checklists() }}", "docs/outils/checklists.md")
    errors = errors_after(
        project, "docs/outils/checklists.md", "{{ all_checklists() }}", "{{ '' ~ checklist(\n    'nulle-part') }}"
    )
    assert len(errors) == 1
    assert errors[0].startswith(
        f"docs/outils/checklists.md:{line + 1}:6: checklist(): « nulle-part » n'est pas une checklist connue"
    )


def test_a_page_jinja_cannot_read_is_one_line(project: Path) -> None:
    line = line_of("{{ all_checklists() }}", "docs/outils/checklists.md")
    errors = errors_after(project, "docs/outils/checklists.md", "{{ all_checklists() }}", '{{ checklist("x" }}')
    assert len(errors) == 1
    assert errors[0].startswith(f"docs/outils/checklists.md:{line}:1: macro illisible : ")
    assert errors[0].endswith(" ; corrigez la syntaxe Jinja") and "\n" not in errors[0]


def test_several_problems_are_all_reported(project: Path) -> None:
    path = project / "data/examples.yml"
    text = path.read_text(encoding="utf-8").replace("  year: 2021\n", "  yaer: 2021\n", 1)
    path.write_text(text.replace("  programme: beta.gouv.fr\n", "  programme: x\n", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_guide(project)
    assert len(caught.value.errors) == 2


def test_check_data_command_prints_one_line_per_problem(project: Path) -> None:
    shutil.copytree(ROOT / "guide_perennisation", project / "guide_perennisation")
    path = project / "data/examples.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  year: 2021\n", "  yaer: 2021\n", 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "guide_perennisation.check"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert (
        result.stderr.splitlines()[0]
        == f"data/examples.yml:{YEAR}:3: examples[1].yaer: champ inconnu (faute de frappe ?)"
    )
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_build_stops_cleanly_on_bad_data(tmp_path: Path) -> None:
    # What a build reads, and no more: a copy of the whole folder would take
    # the engines' virtualenvs (.venv-properdocs, .venv-zensical) with it.
    project = copy_project(tmp_path / "project")
    path = project / "data/examples.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  year: 2021\n", "  yaer: 2021\n", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    assert (
        f"data/examples.yml:{YEAR}:3: examples[1].yaer: champ inconnu (faute de frappe ?)" in result.stderr.splitlines()
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_similar_case_must_name_its_scenario(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  scenario: creer-scn\n", "")
    assert errors == [
        f"data/scenarios.yml:{line_of('    - parcoursup', 'data/scenarios.yml')}:7: scenarios[7].similar_cases[0]: "
        "l'exemple « parcoursup » doit aussi nommer "
        "ce scénario : ajoutez « scenario: creer-scn » à sa fiche dans data/examples.yml"
    ]


def test_unknown_status_lists_the_allowed_ones(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  status: continued\n", "  status: pérennisé\n")
    assert errors == [
        "data/examples.yml:6:11: examples[0].status: « pérennisé » n'est pas une valeur permise "
        "(permises : 'continued', 'transfer-in-preparation', 'not-continued', 'illustration')"
    ]


def test_reading_must_name_a_field_of_the_record(project: Path) -> None:
    errors = errors_after(project, "data/examples.yml", "  reading:\n    - trajectory\n", "  reading:\n    - trajet\n")
    assert len(errors) == 1
    assert errors[0].startswith(
        "data/examples.yml:2:3: examples[0]: reading : « trajet » n'est pas un champ de la fiche"
    )


def test_confirmed_address_says_where_it_was_confirmed(project: Path) -> None:
    old = "  url_status: confirmee\n  confirmed_from: >-\n    Dépôt GitHub betagouv/beta.gouv.fr"
    errors = errors_after(project, "data/sources.yml", old, "  url_status: confirmee\n  note: >-\n    Dépôt")
    assert len(errors) == 1
    assert errors[0].endswith("une adresse « confirmee » a besoin de `url` et de `confirmed_from`")
    assert errors[0].startswith("data/sources.yml:")
