"""The audit in the browser: axe-core contradicts no criterion the audit
records « conforme », and the grid page's table scrolls in its own region."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from guide_perennisation.links import page_url
from guide_perennisation.loader import load_guide

from ..conftest import ROOT
from ..rgaa_evidence import axe_contradictions
from .conftest import AXE, SCHEMES, WIDTHS, browsing


@pytest.fixture(scope="module")
def rule_tags(browser: Browser, base_url: str) -> dict[str, list[str]]:
    """Every axe rule's tags, as the axe-core the gates run declares them."""
    with browsing(browser) as page:
        page.goto(base_url)
        page.evaluate(AXE.read_text(encoding="utf-8"))
        return page.evaluate("Object.fromEntries(axe.getRules().map((rule) => [rule.ruleId, rule.tags]))")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_conforming_criterion_is_contradicted_by_axe(site_audit, rule_tags, scheme: str, width: int) -> None:
    """The accessibility gates' own axe runs (every page, this scheme and width),
    read for the sample's pages: a violated rule tagged RGAA-x.y.z fails x.y."""
    audit = load_guide(ROOT).audit
    assert audit is not None
    assert sum(any(t.startswith("RGAA-") for t in tags) for tags in rule_tags.values()) > 20
    reports = site_audit(scheme, width)
    violations = {}
    for page in audit.sample:
        report = reports[page_url(page.page) if page.in_docs else page.page]
        # A string is the gate's own failure (the wrong scheme shown), reported there.
        violations[page.id] = [v["id"] for v in report.axe] if isinstance(report.axe, list) else []
    assert axe_contradictions(audit, violations, rule_tags) == []


# Its axe run and its reflow, in both schemes, are test_accessibility.py's,
# with every page's: here, what the grid's table does.
@pytest.mark.parametrize("width", WIDTHS)
def test_the_grid_page_scrolls_only_its_table(browser: Browser, base_url: str, width: int) -> None:
    with browsing(browser, width=width) as page:
        page.goto(base_url + "a-propos/audit-rgaa/")
        region = page.get_by_role("region", name="Statut de chaque critère sur chaque page de l’échantillon")
        region.focus()
        assert page.evaluate("document.activeElement.classList.contains('app-audit__scroll')")
        if width == 320:
            # The table is wider than the screen: its own region scrolls.
            assert region.evaluate("r => r.scrollWidth > r.clientWidth")
        assert page.locator(".app-audit__table tbody tr").count() == 106
