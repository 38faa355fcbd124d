"""Every abbreviation the built site shows is explained in data/glossary.yml."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from guide_perennisation.loader import load_guide

from .conftest import ROOT, site_pages
from .test_site import page_text

# Tokens of capitals that are not abbreviations to explain, each with why.
ALLOWED = {
    "AA": "niveau de conformité des WCAG et du RGAA, expliqué là où il est cité (page Accessibilité)",
    # The audit's own words (« Audit RGAA », Accessibilité): the RGAA's technical
    # vocabulary, read by those who check an audit, not by the guide's readers.
    "ARIA": "vocabulaire technique de l’audit RGAA (attributs WAI-ARIA)",
    "ASCII": "vocabulaire technique de l’audit RGAA (caractères)",
    "CAPTCHA": "vocabulaire technique de l’audit RGAA (critère 1.4)",
    "DOM": "vocabulaire technique de l’audit RGAA (page après ses scripts)",
    "FB1D": "point de code Unicode cité par l’audit RGAA (critère 8.10)",
    "FEFF": "point de code Unicode cité par l’audit RGAA (critère 8.10)",
    "FR": "code de langue « fr-FR » cité par l’audit RGAA (critère 13.3)",
    "HTML5": "vocabulaire technique de l’audit RGAA (type de document)",
    "ISO": "norme des codes de langue citée par l’audit RGAA (critère 8.4)",
    "NA": "code de statut de la grille d’audit, suivi de « non applicable »",
    "NC": "code de statut de la grille d’audit, suivi de « non conforme »",
    "NE": "code de statut de la grille d’audit, suivi de « non évalué »",
    "SVG": "vocabulaire technique de l’audit RGAA (images vectorielles)",
    "CEDEX": "mention de l'adresse postale du Défenseur des droits, recopiée telle quelle",
    "EVA": "nom propre d'un service (eva.beta.gouv.fr), pas un sigle à développer",
    "II": "chiffre romain numérotant une partie de la note stratégique",
    "III": "chiffre romain numérotant une partie de la note stratégique",
    "IV": "chiffre romain numérotant une partie de la note stratégique",
    "MIT": "nom de la licence du code, présentée sur la page Licence",
    "MN": "partie du nom propre de la plateforme « MN/Lab » du défi Gobelins",
}

# Two or more capitals (digits allowed after the first letter): GIP, SCIC, EIG…
TOKEN = re.compile(r"\b[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý0-9]+\b")


def test_every_capital_token_is_in_the_glossary_or_allowed(site_dir: Path) -> None:
    terms = {term.term for term in load_guide(ROOT).glossary.values()}
    found: dict[str, str] = {}
    for page in site_pages(site_dir):
        for token in TOKEN.findall(page_text(page)):
            found.setdefault(token, page.relative_to(site_dir).parent.as_posix())
    missing = {token: where for token, where in found.items() if token not in terms and token not in ALLOWED}
    assert missing == {}, "à définir dans data/glossary.yml (ou à justifier dans ALLOWED) : " + repr(missing)


def test_the_allowlist_holds_no_glossary_term_and_nothing_stale(site_dir: Path) -> None:
    terms = {term.term for term in load_guide(ROOT).glossary.values()}
    text = " ".join(page_text(page) for page in site_pages(site_dir))
    assert set(ALLOWED) & terms == set()
    assert [token for token in ALLOWED if not re.search(rf"\b{token}\b", text)] == []
    assert all(reason.strip() for reason in ALLOWED.values())


def test_the_glossary_page_defines_every_term_with_an_anchor(site_dir: Path) -> None:
    page = (site_dir / "outils" / "glossaire" / "index.html").read_text(encoding="utf-8")
    for term in load_guide(ROOT).glossary.values():
        assert f'id="terme-{term.id}"' in page, term.id
        if term.expansion:
            assert f'<abbr title="{escape(term.expansion)}">' in page, term.id


def test_abbreviations_in_page_text_get_a_tooltip(site_dir: Path) -> None:
    page = (site_dir / "preparer" / "scenarios" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Direction interministérielle du numérique">DINUM</abbr>' in page
