"""Accessibility gates on every built page, in both colour schemes and at two
widths: zero axe-core violations, a working skip link, a visible focus on
every focusable element, no scrolling sideways.

Nothing is excluded from axe. An exclusion would name one element, with the
reason beside it, never a rule or a whole page."""

from __future__ import annotations

import pytest

from .conftest import SCHEMES, WIDTHS, format_violations


@pytest.mark.rgaa("1.1", "1.2", "3.2", "6.2", "8.3", "8.4", "8.5", "9.2", "9.3", "10.4", "10.6", "10.8")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_axe_violation(site_audit, scheme: str, width: int) -> None:
    failures = {url: report.axe for url, report in site_audit(scheme, width).items() if report.axe}
    assert not failures, format_violations(failures)


@pytest.mark.rgaa("3.3", "10.7", "12.7")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_a_skip_link_and_a_visible_focus(site_audit, scheme: str, width: int) -> None:
    failures = {url: report.keyboard for url, report in site_audit(scheme, width).items() if report.keyboard}
    assert not failures, format_violations(failures)


@pytest.mark.rgaa("10.11")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_reflows_without_scrolling_sideways(site_audit, scheme: str, width: int) -> None:
    reports = site_audit(scheme, width)
    failures = {url: f"{report.overflow} px" for url, report in reports.items() if report.overflow > 0}
    assert failures == {}
