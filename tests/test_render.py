"""Components rendered from small fixtures, checked with an HTML parser (tests/dom.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from guide_perennisation.checklist import checklist
from guide_perennisation.examples import examples
from guide_perennisation.guide import Guide, UnknownRecord
from guide_perennisation.links import Links, page_url
from guide_perennisation.models.checklist import Checklist
from guide_perennisation.models.examples import Example
from guide_perennisation.models.scenarios import Scenario
from guide_perennisation.models.sources import Source
from guide_perennisation.models.trajectories import Trajectory
from guide_perennisation.render import Context, md_inline
from guide_perennisation.scenario_table import ROWS, scenario_table
from guide_perennisation.scenarios import scenarios

from .conftest import interface_records
from .dom import Tree

EDIT = "https://forge.example/edit/main/"


def make_guide() -> Guide:
    today = dt.date(2026, 1, 1)
    records = {
        "sources": [Source(id="note-dinum", title="Note DINUM", publisher="DINUM", summary="Une note.")],
        "trajectories": [Trajectory(id="structure-dediee", title="Structure dédiée", summary="Une structure.")],
        "scenarios": [
            Scenario(
                id="creer-gip",
                title="Créer un GIP",
                status="detaille",
                summary="Un **groupement** <script>alert(1)</script>",
                advantages=["Souplesse de recrutement"],
                risks=["Portage politique"],
                similar_cases=["pix"],
                trajectory="structure-dediee",
                changes_legal_entity=True,
                sources=["note-dinum"],
                glance={"advantages": "Souplesse de recrutement.", "reading": ["advantages"]},
            ),
            Scenario(
                id="creer-scic", title="Créer une SCIC", status="esquisse", summary="Cité.", sources=["note-dinum"]
            ),
        ],
        "examples": [
            Example(
                id="pix",
                name="Pix",
                programme="beta.gouv.fr",
                status="continued",
                situation="2019",
                year=2019,
                scenario="creer-gip",
                trajectory="structure-dediee",
                reading=["trajectory"],
                outcome="GIP créé en 2019.",
                sources=["note-dinum"],
                consulted=today,
                checked=dt.date(2026, 2, 1),
            ),
            Example(
                id="cartobio",
                name="CartoBio",
                programme="EIG",
                status="not-continued",
                situation="vers 2020",
                outcome="Devenu Startup d'État.",
                sources=["note-dinum"],
                consulted=today,
            ),
        ],
        "checklists": [
            Checklist.model_validate(
                {
                    "id": "sortie",
                    "title": "Sortie",
                    "sources": ["note-dinum"],
                    "groups": [
                        {"id": "produit", "title": "Produit", "items": [{"id": "hebergement", "label": "Hébergement"}]},
                        {"id": "ressources", "title": "Ressources", "items": [{"id": "budget", "label": "Budget"}]},
                    ],
                }
            )
        ],
        "interface": interface_records(),
    }
    return Guide(**{collection: {r.id: r for r in items} for collection, items in records.items()})


@pytest.fixture
def ctx() -> Context:
    return Context(make_guide(), Links("preparer/scenarios/"), EDIT)


def test_data_strings_are_escaped_and_inline_markdown_is_kept(ctx: Context) -> None:
    markup = scenarios(ctx)
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "<strong>groupement</strong>" in markup


def test_md_inline_allows_only_inline_markdown() -> None:
    assert str(md_inline("[site](https://pix.fr) et *vite* et `code`")) == (
        '<a href="https://pix.fr">site</a> et <em>vite</em> et <code>code</code>'
    )
    assert str(md_inline("[x](javascript:alert(1))")) == "[x](javascript:alert(1))"
    assert str(md_inline('<img src=x onerror="alert(1)">')).startswith("&lt;img")


def test_every_block_names_its_data_file_and_edit_link(ctx: Context) -> None:
    tree = Tree(checklist(ctx, "sortie"))
    [block] = tree.find("div", class_="app-block")
    assert block["data-app-source"] == "data/checklists.yml"
    assert block["data-app-record"] == "sortie"
    assert {"href": EDIT + "data/checklists.yml"} in tree.find("a")


def test_checklist_is_a_real_form(ctx: Context) -> None:
    tree = Tree(checklist(ctx, "sortie"))
    assert len(tree.find("form")) == 1
    assert len(tree.find("fieldset")) == 2
    assert len(tree.find("legend")) == 2
    boxes = tree.find("input", type="checkbox")
    labels = tree.find("label")
    # Each item: its box with its own label, and the summary that opens its
    # note. The note field is one template for the form, which checklist.js
    # fills in for an item (id, label) when its note is opened or restored.
    assert len(boxes) == 2
    assert [box["id"] for box in boxes] == [lab["for"] for lab in labels if "for" in lab]
    assert len(tree.find("summary")) == len(boxes)
    assert [list(t) for t in tree.find("template")] == [["data-checklist-note-template"]]
    assert len(tree.find("textarea")) == 1 and len(labels) == len(boxes) + 1


def test_unknown_checklist_is_an_error(ctx: Context) -> None:
    with pytest.raises(UnknownRecord, match="« nulle » n'est pas une checklist connue"):
        checklist(ctx, "nulle")


def test_example_cards_filter_and_leave_unknown_fields_out(ctx: Context) -> None:
    tree = Tree(examples(ctx, programme="EIG"))
    cards = tree.find("article")
    assert [c["id"] for c in cards] == ["exemple-cartobio"]
    assert "1 exemple" in tree.text
    # The source gives no year, host, team or budget: the card says nothing of them.
    assert "non précisé" not in tree.text
    for label in ("Année", "Structure d’accueil", "Trajectoire", "Scénario", "Équipe", "Budget"):
        assert label not in tree.text


def test_example_cards_are_grouped_by_status_and_dated_by_what_the_date_means(ctx: Context) -> None:
    tree = Tree(examples(ctx))
    headings = [a["id"] for a in tree.find("h2")]
    assert headings == ["exemples-continued", "exemples-not-continued"]
    assert "Services et défis pérennisés" in tree.text
    assert "Défis non pérennisés" in tree.text
    assert [c["data-status"] for c in tree.find("article")] == ["continued", "not-continued"]
    assert "Non pérennisé · situation décrite : vers 2020" in tree.text
    # Checked against reality: « vérifié le »; only read in its source: « source consultée le ».
    assert "Vérifié le 1er février 2026" in tree.text
    assert "Source consultée le 1er janvier 2026" in tree.text
    assert tree.text.count("Vérifié le") == 1
    # The trajectory no source gives carries the mark, linked to its explanation.
    assert tree.find("a", class_="app-reading") == [
        {"class": "app-reading", "href": "../../a-propos/sources/#lecture-du-guide"}
    ]
    # The explorer can filter on the status.
    assert "Toutes les situations" in tree.text


def test_scenario_table_has_scenarios_as_columns_and_attributes_as_rows(ctx: Context) -> None:
    tree = Tree(scenario_table(ctx))
    assert len(tree.find("caption")) == 1
    assert len(tree.find("th", scope="row")) == len(ROWS) == 9
    assert [th["data-scenario"] for th in tree.find("th", scope="col")] == ["creer-gip", "creer-scic"]
    # Without JavaScript the detailed scenarios show; the outlined ones wait for the reader's choice.
    cells = tree.find("td", **{"data-scenario": "creer-scic"}) + tree.find("div", **{"data-scenario": "creer-scic"})
    assert cells and all("hidden" in c for c in cells)
    assert not any("hidden" in c for c in tree.find("td", **{"data-scenario": "creer-gip"}))
    # The choice is made by the script: no dead control without it.
    [form] = tree.find("form")
    assert "hidden" in form
    # Every section stays one link away, whatever the table shows.
    hrefs = [a["href"] for a in tree.find("a")]
    assert "./#scenario-creer-scic" in hrefs
    # « — » is explained once, in the caption; the short cells are those of the glance fields.
    assert tree.text.count("les sources ne disent rien sur ce point") == 1
    assert "Souplesse" in tree.text


@pytest.mark.parametrize(
    ("current", "target", "expected"),
    [
        ("", "exemples/index.md", "exemples/"),
        ("preparer/scenarios/", "exemples/index.md", "../../exemples/"),
        ("preparer/scenarios/", "preparer/scenarios.md", "./"),
        ("exemples/", "index.md", "../"),
    ],
)
def test_links_are_relative_to_the_current_page(current: str, target: str, expected: str) -> None:
    assert Links(current).page(target) == expected


def test_page_url() -> None:
    assert page_url("index.md") == ""
    assert page_url("a/index.md") == "a/"
    assert page_url("a/b.md") == "a/b/"


def test_page_url_without_directory_urls() -> None:
    """The engine's `use_directory_urls: false`: one .html file per page."""
    assert page_url("index.md", directory_urls=False) == "index.html"
    assert page_url("a/index.md", directory_urls=False) == "a/index.html"
    assert page_url("a/b.md", directory_urls=False) == "a/b.html"


@pytest.mark.parametrize(
    ("current", "target", "expected"),
    [
        ("index.html", "exemples/index.md", "exemples/index.html"),
        ("preparer/scenarios.html", "exemples/index.md", "../exemples/index.html"),
        ("preparer/scenarios.html", "preparer/scenarios.md", "scenarios.html"),
        ("exemples/index.html", "index.md", "../index.html"),
    ],
)
def test_links_without_directory_urls(current: str, target: str, expected: str) -> None:
    assert Links(current, directory_urls=False).page(target) == expected
