"""Every source is reachable: a confirmed address, whom to ask for it, or a
placeholder the page shows as « adresse à confirmer »; every example card
links to its sources' entries on the Sources page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from lxml import html
from pydantic import ValidationError

from guide_perennisation.examples import examples
from guide_perennisation.guide import Guide
from guide_perennisation.links import Links
from guide_perennisation.loader import load_guide
from guide_perennisation.models.examples import Example
from guide_perennisation.models.sources import CitedDocument, Source
from guide_perennisation.render import Context
from guide_perennisation.sources import sources

from .conftest import ROOT, interface_records

GUIDE = load_guide(ROOT)

# The placeholder list: addresses nobody could confirm yet. Confirming one
# means setting `url_status: confirmee` and saying where, then removing it here.
UNCONFIRMED = {
    ("guide-eig", "Signaux Faibles, récit d’un passage à l’échelle réussi (billet du blog d’Etalab)"),
}


def _reachables() -> list[tuple[str, str, Source | CitedDocument]]:
    found: list[tuple[str, str, Source | CitedDocument]] = []
    for source in GUIDE.sources.values():
        found.append((source.id, source.title, source))
        found.extend((source.id, doc.title, doc) for doc in source.cited)
    return found


def test_every_source_and_cited_document_states_how_to_reach_it() -> None:
    """The status is written in the data, never left to the default: a new
    source without one fails here rather than showing up as a placeholder."""
    raw = yaml.safe_load((ROOT / "data/sources.yml").read_text(encoding="utf-8"))
    missing = [s["id"] for s in raw if "url_status" not in s]
    missing += [f"{s['id']}: {d['title']}" for s in raw for d in s.get("cited", []) if "url_status" not in d]
    assert missing == []


def test_every_address_is_confirmed_internal_or_a_known_placeholder() -> None:
    unconfirmed = set()
    for source_id, title, item in _reachables():
        if item.url_status == "confirmee":
            assert item.url is not None and item.confirmed_from, (source_id, title)
        elif item.url_status == "interne":
            assert item.access, (source_id, title)
        else:
            unconfirmed.add((source_id, title))
    assert unconfirmed == UNCONFIRMED


def test_only_the_internal_note_has_no_public_address() -> None:
    internal = [s.id for s in GUIDE.sources.values() if s.url_status == "interne"]
    assert internal == ["note-dinum"]
    assert "dinum@beta.gouv.fr" in GUIDE.get("sources", "note-dinum").access


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"url": "https://beta.gouv.fr/", "url_status": "confirmee"}, "`confirmed_from`"),
        ({"url_status": "confirmee", "confirmed_from": "ici"}, "`confirmed_from`"),
        ({"url_status": "interne"}, "`access`"),
        ({"url": "https://beta.gouv.fr/", "url_status": "interne", "access": "DINUM"}, "`access`"),
    ],
)
def test_an_address_without_its_proof_is_refused(fields: dict[str, str], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        CitedDocument(title="Un document", **fields)


def _guide() -> Guide:
    records = {
        "sources": [
            Source(
                id="phase-transfert",
                title="Phase de transfert",
                publisher="beta.gouv.fr",
                summary="Une page.",
                url="https://beta.gouv.fr/approche/transfert",
                url_status="confirmee",
                confirmed_from="dépôt betagouv/beta.gouv.fr",
                cited=[CitedDocument(title="Un billet", url="https://blog.example/billet", url_status="a-confirmer")],
            ),
            Source(
                id="note-dinum",
                title="Note",
                publisher="DINUM",
                summary="Une note.",
                url_status="interne",
                access="La demander à la DINUM.",
            ),
        ],
        "examples": [
            Example(
                id="pix",
                name="Pix",
                programme="beta.gouv.fr",
                status="continued",
                situation="2019",
                outcome="GIP créé en 2019.",
                sources=["note-dinum", "phase-transfert"],
                consulted=dt.date(2026, 1, 1),
            ),
        ],
        "scenarios": [],
        "trajectories": [],
        "interface": interface_records(),
    }
    return Guide(**{collection: {r.id: r for r in items} for collection, items in records.items()})


def test_sources_show_their_address_placeholder_or_whom_to_ask() -> None:
    tree = html.fromstring(sources(Context(_guide(), Links("a-propos/sources/"), None)))
    [confirmed] = tree.xpath('//li[@id="source-phase-transfert"]')
    assert confirmed.xpath(".//a/@href")[0] == "https://beta.gouv.fr/approche/transfert"
    [cited] = confirmed.xpath(".//ul/li")
    assert "adresse à confirmer" in cited.text_content()
    assert cited.xpath(".//a/@href") == ["https://blog.example/billet"]
    [internal] = tree.xpath('//li[@id="source-note-dinum"]')
    assert "La demander à la DINUM." in internal.text_content()
    assert internal.xpath(".//a") == []


def test_example_card_links_each_source_to_its_entry() -> None:
    tree = html.fromstring(examples(Context(_guide(), Links("exemples/"), None)))
    hrefs = tree.xpath('//p[@class="app-example__source"]/a/@href')
    assert hrefs == ["../a-propos/sources/#source-note-dinum", "../a-propos/sources/#source-phase-transfert"]


def test_built_example_cards_link_to_their_sources(site_dir: Path) -> None:
    sources_page = html.parse(str(site_dir / "a-propos/sources/index.html"))
    anchors = set(sources_page.xpath("//@id"))
    cards = html.parse(str(site_dir / "exemples/index.html")).xpath('//article[contains(@class, "app-example")]')
    assert len(cards) == len(GUIDE.examples.values())
    for card in cards:
        example = GUIDE.get("examples", card.get("id").removeprefix("exemple-"))
        hrefs = card.xpath('.//p[@class="app-example__source"]/a/@href')
        expected = [f"../a-propos/sources/#source-{s}" for s in example.sources]
        assert [h for h in hrefs if "#source-" in h] == expected, example.id
        assert {f"source-{s}" for s in example.sources} <= anchors


def test_built_sources_page_shows_every_address(site_dir: Path) -> None:
    page = html.parse(str(site_dir / "a-propos/sources/index.html"))
    hrefs = set(page.xpath('//ul[@class="app-sources"]//a/@href'))
    text = " ".join(page.xpath('//ul[@class="app-sources"]')[0].text_content().split())
    for source_id, title, item in _reachables():
        if item.url is not None:
            assert str(item.url) in hrefs, (source_id, title)
        if item.url_status == "interne":
            assert "dinum@beta.gouv.fr" in text
    assert text.count("adresse à confirmer") == len(UNCONFIRMED)


@pytest.mark.parametrize(
    ("page", "block", "collection"),
    [
        ("preparer/scenarios/index.html", '//section[contains(@class, "app-scenarios__scenario")]', "scenarios"),
        ("outils/checklists/index.html", '//form[contains(@class, "app-checklist")]', "checklists"),
    ],
)
def test_built_sourced_blocks_link_to_their_sources(site_dir: Path, page: str, block: str, collection: str) -> None:
    blocks = html.parse(str(site_dir / page)).xpath(block)
    assert blocks, page
    for element in blocks:
        record = element.get("id").split("-", 1)[1]
        hrefs = element.xpath('.//p[contains(@class, "__source")]/a/@href')
        assert [h.rsplit("#", 1)[1] for h in hrefs] == [f"source-{s}" for s in GUIDE.get(collection, record).sources]
