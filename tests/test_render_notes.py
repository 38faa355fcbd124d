"""The note builder's markup, rendered from the real data: one described field
per section, scenarios and their prompts taken from the scenario data, rows,
links to the blank files, and a form that waits for its script."""

from __future__ import annotations

import json

import pytest

from guide_perennisation.guide import UnknownRecord
from guide_perennisation.links import Links
from guide_perennisation.loader import load_guide
from guide_perennisation.note import plain, row_kinds, scenario_parts
from guide_perennisation.note_builder import note_builder
from guide_perennisation.note_outline import outline
from guide_perennisation.render import Context
from tests.conftest import ROOT
from tests.dom import Tree, fragment

GUIDE = load_guide(ROOT)
# The parts of a scenario and the kinds of rows, in the note builder's words.
SCENARIO_PARTS = scenario_parts(GUIDE.interface["note-builder"].texts)
ROW_KINDS = row_kinds(GUIDE.interface["note-builder"].texts)


def render(template_id: str) -> str:
    return note_builder(Context(GUIDE, Links("outils/note-dinum/"), None), template_id, level=3)


def textareas(markup: str) -> dict[str, str]:
    return {field.get("id"): field.text or "" for field in fragment(markup).iter("textarea") if field.get("id")}


@pytest.mark.parametrize("template", GUIDE.notes.values(), ids=lambda t: t.id)
def test_one_described_field_per_section(template) -> None:
    markup = render(template.id)
    tree = Tree(markup)
    ids = [a["id"] for _, a in tree.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    known = set(ids)
    for _, attributes in tree.tags:
        for name in ("for", "aria-describedby", "aria-controls"):
            if attributes.get(name):
                assert set(attributes[name].split()) <= known, (name, attributes[name])
    fields = [a for a in tree.find("textarea") if "data-section-text" in a]
    assert [f["name"] for f in fields] == [s.id for s in template.sections]
    for section, field in zip(template.sections, fields, strict=True):
        assert field["aria-describedby"] == f"note-{template.id}-{section.id}-consigne"
        assert {"class": "app-note-builder__label", "for": field["id"]} in tree.find("label")
    described = tree.root.get_element_by_id(f"note-{template.id}-{template.sections[0].id}-consigne")
    assert plain(template.sections[0].guidance) in described.text_content()


def test_scenarios_come_from_the_scenario_data_with_their_prompts() -> None:
    markup = render("note-dinum")
    tree = Tree(markup)
    picks = tree.find("input", type="checkbox")
    assert [p["value"] for p in picks] == [s.id for s in GUIDE.scenarios.values()]
    fields = textareas(markup)
    gip = GUIDE.get("scenarios", "creer-gip")
    prefix = "note-note-dinum-scenarios-creer-gip"
    assert fields[f"{prefix}-advantages"] == "\n".join(f"- {plain(a)}" for a in gip.advantages)
    assert fields[f"{prefix}-risks"] == "\n".join(f"- {plain(r)}" for r in gip.risks)
    examples = GUIDE.examples
    assert fields[f"{prefix}-cases"] == "\n".join(f"- {examples[c].name}" for c in gip.similar_cases)
    assert fields[f"{prefix}-description"] == ""
    assert [label for _, a in tree.tags if (label := a.get("data-label")) and a.get("data-part")][:5] == list(
        SCENARIO_PARTS.values()
    )


def test_text_sections_start_with_the_items_they_draw_on() -> None:
    fields = textareas(render("note-dinum"))
    criteria = fields["note-note-dinum-structure-accueil-texte"].split("\n")
    assert criteria == [f"- {c.title} :" for c in GUIDE.criteria.values()]
    assert fields["note-note-dinum-ambition-texte"] == ""


def test_rows_blank_files_and_a_form_that_waits_for_its_script() -> None:
    markup = render("note-dinum")
    tree = Tree(markup)
    for kind, rows in ROW_KINDS.items():
        columns = list(rows.columns)
        [section, *_] = tree.root.xpath(".//*[@data-kind=$kind]", kind=kind)
        assert section.xpath(".//template//@data-column") == columns
    [form] = tree.find("form")
    assert "hidden" in form
    assert {"href": "../../modeles/note-dinum-vierge.odt", "download": ""} in tree.find("a")
    assert {"href": "../../modeles/note-dinum-vierge.md", "download": ""} in tree.find("a")
    # Without JavaScript, the readable template is there.
    assert "app-note" in markup and plain(GUIDE.get("notes", "note-dinum").sections[0].guidance) in Tree(markup).text


def test_unknown_note_is_an_error() -> None:
    with pytest.raises(UnknownRecord, match="« nulle » n'est pas un modèle de note connu"):
        render("nulle")


@pytest.mark.parametrize("template", list(GUIDE.notes.values()), ids=lambda t: t.id)
def test_the_builder_carries_the_outline_the_blank_files_are_written_from(template) -> None:
    context = Context(GUIDE, Links("outils/note-dinum/"), None)
    tree = fragment(note_builder(context, template.id))
    [data] = tree.xpath("//*[@data-note-outline]")
    # Data for the exports in an attribute: no script for the browser to run
    # (nor for the CSP to allow), no text for the search index.
    assert data.tag != "script" and not data.text
    carried = json.loads(data.get("data-note-outline"))
    assert carried == outline(GUIDE, context.links, template)
    assert [(s["level"], s["title"]) for s in carried["sections"]] == [(s.level, s.title) for s in template.sections]
    assert "Consigne" in carried["odf"]["styles"]
