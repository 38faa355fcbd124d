"""The comparison's short cells: what the data must hold, and the one-line
errors when it does not."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from guide_perennisation.loader import DataErrors, load_guide
from guide_perennisation.models.scenarios import MAX_WORDS

from .conftest import ROOT

LINE = re.compile(r"^data/[a-z_]+\.yml:\d+:\d+: ")


def copy_project(destination: Path) -> Path:
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, destination / folder)
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def errors_after(project: Path, file: str, old: str, new: str) -> list[str]:
    path = project / file
    content = path.read_text(encoding="utf-8")
    assert old in content, old
    path.write_text(content.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_guide(project)
    return [str(e) for e in caught.value.errors]


def test_a_long_cell_is_refused_in_one_line(project: Path) -> None:
    long = " ".join(["mot"] * (MAX_WORDS + 1))
    [error] = errors_after(
        project, "data/scenarios.yml", "    next_step: Étudier la faisabilité juridique.", f"    next_step: {long}"
    )
    assert LINE.match(error), error
    assert "scenarios[2].glance.next_step: 16 mots ; 15 au plus dans une case du tableau comparatif" in error
    assert "\n" not in error


def test_a_reading_mark_must_name_a_cell(project: Path) -> None:
    [error] = errors_after(project, "data/scenarios.yml", "      - funding\n", "      - financement\n")
    assert LINE.match(error) and "« financement » n'est pas un champ" in error, error


def test_every_cell_of_the_real_data_is_short_and_every_detailed_scenario_is_filled() -> None:
    guide = load_guide(ROOT)
    for s in guide.scenarios.values():
        cells = s.glance.model_dump(exclude={"reading"})
        assert all(len(v.split()) <= MAX_WORDS for v in cells.values() if v), s.id
        if s.status == "detaille":
            assert cells["carrier"] and cells["advantages"] and cells["risks"] and cells["next_step"], s.id
            # Short forms of the sources' lists are the guide's own reading.
            assert {"advantages", "risks"} <= set(s.glance.reading), s.id
