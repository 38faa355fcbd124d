"""Privacy: every page, in both schemes and at both widths, requests nothing
from any host but the site's own, and raises no JavaScript error."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .audit import interact
from .conftest import SCHEMES, WIDTHS, format_violations


def _foreign(requests: list[str], base_url: str) -> list[str]:
    origin = urlsplit(base_url)[:2]
    return [url for url in requests if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url)[:2] != origin]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_requests_another_host(site_audit, base_url: str, scheme: str, width: int) -> None:
    reports = site_audit(scheme, width)
    # The recording sees what the page's workers fetch too (the search index).
    assert any(url.endswith("search/search_index.json") for url in reports[""].requests)
    failures = {url: found for url, report in reports.items() if (found := _foreign(report.requests, base_url))}
    assert not failures, format_violations(failures)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_raises_a_javascript_error(site_audit, scheme: str, width: int) -> None:
    failures = {url: report.errors for url, report in site_audit(scheme, width).items() if report.errors}
    assert not failures, format_violations(failures)


def test_searching_and_navigating_stay_on_the_site(browser, base_url: str) -> None:
    report = interact(browser, base_url)
    assert _foreign(report.requests, base_url) == []
    assert report.errors == []
