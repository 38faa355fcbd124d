"""The RGAA audit: its reference, its validation, its figures, its evidence and
what the statement, the footer and the grid page publish from it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import html

from guide_perennisation.audit import audit_failures, audit_grid, audit_status, footer_mention, rate_text
from guide_perennisation.links import Links
from guide_perennisation.loader import DataErrors, load_guide
from guide_perennisation.models.audit import REFERENCE, Audit, overall
from guide_perennisation.models.rgaa import THEMES
from guide_perennisation.render import Context

from .conftest import ROOT, site_pages
from .rgaa_evidence import axe_contradictions, criteria_of, evidence_problems, marks_of

AUDIT = ROOT / "data" / "audit.yml"
# The audit's interface words, which the footer's mention is written in.
TEXTS = load_guide(ROOT).interface["audit"].texts


def raw() -> dict:
    return yaml.safe_load(AUDIT.read_text(encoding="utf-8"))


def judged(status: str = "conforme", **changes: dict) -> Audit:
    """The real audit's sample, every criterion judged `status`, then `changes` by criterion."""
    data = raw()
    for entry in data["criteria"]:
        entry.update(
            {"status": status, "manual": "Vérifié à la main.", "pages": {}, "defects": []},
            **changes.get(entry["id"], {}),
        )
    return Audit.model_validate(data)


# The reference.


def test_the_reference_has_the_13_themes_and_106_criteria_of_rgaa_4_1_2() -> None:
    assert [theme for theme, _, _ in THEMES] == list(range(1, 14))
    assert len(REFERENCE) == 106
    for theme, _, criteria in THEMES:
        assert [number for number, _ in criteria] == [f"{theme}.{i}" for i in range(1, len(criteria) + 1)]
    assert THEMES[0][2][0] == ("1.1", "Chaque image porteuse d’information a-t-elle une alternative textuelle ?")


def test_the_titles_keep_no_markdown_link() -> None:
    assert [n for n, title in REFERENCE.items() if re.search(r"\]\(|\[|#", title)] == []


# The data.


def test_the_real_audit_covers_the_reference_in_its_order() -> None:
    audit = load_guide(ROOT).audit
    assert audit is not None
    assert [entry.id for entry in audit.criteria] == list(REFERENCE)
    assert audit.by == "interne"
    assert len(audit.sample) >= 18


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project whose audit starts with criterion 1.1 as FIRST
    (not judged), whatever the real audit says of it."""
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    path = tmp_path / "data" / "audit.yml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index('  - id: "1.1"\n'), text.index('  - id: "1.2"\n')
    path.write_text(text[:start] + FIRST + text[end:], encoding="utf-8")
    return tmp_path


def errors_after(project: Path, old: str, new: str) -> list[str]:
    path = project / "data" / "audit.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_guide(project)
    return [str(e) for e in caught.value.errors]


def line(text: str, path: Path = AUDIT) -> int:
    return next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if row == text)


FIRST = '  - id: "1.1"\n    status: non-evalue\n'
L11 = line('  - id: "1.1"')


def test_a_status_outside_the_list_is_refused(project: Path) -> None:
    errors = errors_after(project, FIRST, '  - id: "1.1"\n    status: conformé\n')
    assert errors == [
        f"data/audit.yml:{L11 + 1}:13: audit.criteria[0].status: « conformé » n'est pas une "
        "valeur permise (permises : 'conforme', 'non-conforme', 'non-applicable', 'non-evalue')"
    ]


def test_a_judged_criterion_needs_its_manual_procedure(project: Path) -> None:
    errors = errors_after(project, FIRST, '  - id: "1.1"\n    status: non-applicable\n')
    assert errors == [
        f"data/audit.yml:{L11}:5: audit.criteria[0]: `manual` manque : "
        "dites la procédure suivie et ce qui a été constaté"
    ]


def test_a_failing_page_needs_its_defect(project: Path) -> None:
    errors = errors_after(
        project,
        FIRST,
        '  - id: "1.1"\n    status: conforme\n    manual: Vu.\n    pages:\n      glossaire: non-conforme\n',
    )
    assert errors == [
        f"data/audit.yml:{L11}:5: audit.criteria[0]: `defects` manque : "
        "dites, pour chaque page non conforme, ce qui ne va pas"
    ]


def test_pages_and_defects_name_sample_pages_only(project: Path) -> None:
    first = L11
    errors = errors_after(
        project,
        FIRST,
        '  - id: "1.1"\n    status: conforme\n    manual: Vu.\n    pages:\n      glossaire: non-conforme\n'
        "      lexique: conforme\n    defects:\n      - page: glossaire\n        what: Un défaut.\n"
        "      - page: accueil\n        what: Un autre.\n      - page: ailleurs\n        what: Hors échantillon.\n",
    )
    assert len(errors) == 3, errors
    assert errors[0].startswith(f"data/audit.yml:{first + 5}:7: audit.criteria[0].pages.lexique: « lexique » n'est pas")
    assert errors[1] == (
        f"data/audit.yml:{first + 9}:15: audit.criteria[0].defects[1].page: la page « accueil » n'est pas non conforme "
        "à ce critère ; un défaut ne se décrit que sur une page non conforme"
    )
    assert errors[2].startswith(f"data/audit.yml:{first + 11}:15: audit.criteria[0].defects[2].page: « ailleurs »")


def test_every_criterion_once_and_no_other(project: Path) -> None:
    errors = errors_after(project, FIRST, '  - id: "1.2"\n    status: non-evalue\n')
    assert errors == [
        f"data/audit.yml:{line('criteria:') + 1}:3: audit.criteria: critère(s) absent(s) : 1.1 ; "
        "chacun des 106 critères est attendu",
        f"data/audit.yml:{L11 + 2}:9: audit.criteria[1].id: critère « 1.2 » en double",
    ]


def test_an_unknown_criterion_is_named(project: Path) -> None:
    errors = errors_after(project, FIRST, '  - id: "1.10"\n    status: non-evalue\n')
    assert f"data/audit.yml:{L11}:9: audit.criteria[0].id: « 1.10 » n'est pas un critère du RGAA 4.1.2" in errors


# The figures.


def test_a_criterion_fails_if_it_fails_on_one_page_and_holds_if_it_holds_somewhere() -> None:
    assert overall(["conforme", "non-conforme", "non-evalue"]) == "non-conforme"
    assert overall(["conforme", "non-evalue"]) == "non-evalue"
    assert overall(["conforme", "non-applicable"]) == "conforme"
    assert overall(["non-applicable", "non-applicable"]) == "non-applicable"


def test_no_rate_while_a_criterion_is_not_judged() -> None:
    audit = judged(**{"13.12": {"status": "non-evalue"}})
    assert not audit.complete
    assert audit.rate is None and audit.level is None
    assert footer_mention(audit, TEXTS) == "Accessibilité : non conforme (audit en cours)"
    assert footer_mention(judged(), TEXTS) == "Accessibilité : totalement conforme"


def test_the_rate_and_the_rgaa_thresholds() -> None:
    defect = {"status": "non-conforme", "defects": [{"page": "glossaire", "what": "Un défaut."}]}
    one_fails = judged(**{"1.1": defect, "1.2": {"status": "non-applicable"}})
    assert one_fails.count("conforme") == 104
    assert one_fails.rate == pytest.approx(100 * 104 / 105)
    assert rate_text(one_fails) == "99 %"
    assert one_fails.level == "partiellement conforme"
    assert judged().level == "totalement conforme"
    assert rate_text(judged()) == "100 %"
    half = judged(**{n: defect for n in list(REFERENCE)[:53]})
    assert half.rate == 50 and half.level == "partiellement conforme"
    below = judged(**{n: defect for n in list(REFERENCE)[:54]})
    assert below.level == "non conforme"


# The evidence.


def test_every_cited_test_exists_and_carries_its_criterion() -> None:
    audit = load_guide(ROOT).audit
    assert evidence_problems(audit, ROOT) == []


@pytest.mark.rgaa("8.3")
def test_the_evidence_check_fails_on_a_broken_copy() -> None:
    here = "tests/test_audit.py::test_the_evidence_check_fails_on_a_broken_copy"
    assert marks_of(ROOT, here) == {"8.3"}
    audit = judged(
        **{
            "8.3": {"tests": [here]},
            "8.4": {"tests": [here, "tests/test_audit.py::no_such_test", "tests/nowhere.py::test_x"]},
        }
    )
    assert evidence_problems(audit, ROOT) == [
        f'8.4 : « {here} » ne porte pas @pytest.mark.rgaa("8.4")',
        "8.4 : le test cité « tests/test_audit.py::no_such_test » n'existe pas",
        "8.4 : le test cité « tests/nowhere.py::test_x » n'existe pas",
    ]


def test_axe_contradicts_a_conforming_criterion() -> None:
    assert criteria_of(["wcag2a", "RGAA-1.1.1", "RGAA-10.4.2", "RGAAv4"]) == {"1.1", "10.4"}
    tags = {"image-alt": ["wcag2a", "RGAA-1.1.1"], "region": ["best-practice"]}
    violations = {"glossaire": ["image-alt", "region"]}
    assert axe_contradictions(judged(), violations, tags) == [
        "1.1 est « conforme » mais axe signale « image-alt » sur outils/glossaire.md (glossaire)"
    ]
    failing = judged(**{"1.1": {"status": "non-conforme", "defects": [{"page": "glossaire", "what": "x"}]}})
    assert axe_contradictions(failing, violations, tags) == []


# What the pages publish, rendered from an audit of our own.


def rendered(audit: Audit, part) -> html.HtmlElement:
    guide = load_guide(ROOT).model_copy(update={"audit": audit})
    return html.fromstring(part(Context(guide, Links("a-propos/accessibilite/"), None)))


def test_a_complete_audit_publishes_its_rate_level_and_failures() -> None:
    defect = {"status": "non-conforme", "defects": [{"page": "glossaire", "what": "Le *tableau* déborde."}]}
    audit = judged(**{"10.11": defect})
    status = rendered(audit, audit_status).text_content()
    assert "partiellement conforme" in status and "99,1 %" in status and "Audit en cours" not in status
    assert "en interne" in status and "arbre d’accessibilité de Chromium" in status
    failures = rendered(audit, audit_failures)
    assert [li.text_content().strip() for li in failures.xpath("//ul/li/ul/li")] == ["Glossaire : Le tableau déborde."]
    assert "Critère 10.11" in failures.text_content()


def test_an_audit_in_progress_publishes_no_rate() -> None:
    audit = judged(**{"3.2": {"status": "non-evalue"}})
    status = rendered(audit, audit_status).text_content()
    assert "Audit en cours" in status and "non conforme" in status
    assert "%" not in status


def test_the_grid_gives_every_criterion_on_every_page() -> None:
    audit = judged(**{"1.1": {"pages": {"glossaire": "non-conforme"}, "defects": [{"page": "glossaire", "what": "x"}]}})
    grid = rendered(audit, audit_grid)
    rows = grid.xpath("//table/tbody/tr")
    assert len(rows) == 106
    assert {len(row.xpath("td")) for row in rows} == {len(audit.sample) + 1}
    first = [td.text_content() for td in rows[0].xpath("td")]
    assert first[audit.page_ids().index("glossaire")] == "NCnon conforme"
    assert first[-1] == "NCnon conforme"
    assert len(grid.xpath("//h3")) == 106


# The built site.


def test_the_statement_footer_grid_and_site_map_come_from_the_data(site_dir: Path) -> None:
    audit = load_guide(ROOT).audit
    mention = footer_mention(audit, TEXTS)
    for page in site_pages(site_dir):
        tree = html.parse(str(page))
        footer = tree.xpath("//nav[contains(@class, 'app-footer')]//a[starts-with(normalize-space(.), 'Accessib')]")
        # The post-build step puts a no-break space before the colon.
        assert [a.text_content().replace("\xa0", " ") for a in footer] == [mention], page
    statement = html.parse(str(site_dir / "a-propos/accessibilite/index.html")).getroot()
    assert statement.xpath("//div[contains(@class, 'app-audit--status')]")
    assert statement.xpath("//div[contains(@class, 'app-audit--failures')]")
    # The post-build step's French spaces, made plain for the comparison.
    status = statement.xpath("//div[contains(@class, 'app-audit--status')]")[0].text_content()
    status = status.replace("\xa0", " ").replace("\u202f", " ")
    if audit.complete:
        assert f"{audit.level} avec le RGAA 4.1.2 : {rate_text(audit)}" in status
    else:
        assert "Audit en cours" in status
        assert "%" not in status
    grid = html.parse(str(site_dir / "a-propos/audit-rgaa/index.html")).getroot()
    [region] = grid.xpath("//div[@role='region']")
    assert region.get("tabindex") == "0"
    assert grid.xpath(f"//caption[@id='{region.get('aria-labelledby')}']")
    assert len(grid.xpath("//table/tbody/tr")) == 106
    site_map = html.parse(str(site_dir / "a-propos/plan-du-site/index.html")).getroot()
    assert site_map.xpath("//main//a[contains(@href, 'audit-rgaa')]")


def test_the_sample_names_pages_of_docs(project: Path) -> None:
    errors = errors_after(project, "    page: outils/glossaire.md\n", "    page: outils/lexique.md\n")
    assert errors == [
        f"data/audit.yml:{line('    page: outils/glossaire.md')}:11: audit.sample[14].page: "
        "la page « outils/lexique.md » n'existe pas dans docs/"
    ]
