"""Data tables keep their headers for a screen reader at every width (RGAA 5.6, 5.7)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .conftest import WIDTHS, browsing, open_page

PAGES = ["preparer/structure-accueil/", "preparer/scenarios/", "preparer/calendrier-gouvernance/"]


@pytest.mark.rgaa("5.6", "5.7")
@pytest.mark.parametrize("width", WIDTHS)
def test_tables_expose_their_column_headers_at_every_width(browser: Browser, base_url: str, width: int) -> None:
    """On a narrow screen, a wide table (.app-reflow) reads as cards whose
    labels are hidden from assistive technologies: its column headers must
    stay in the accessibility tree, or its cells would have none. A table
    whose body is hidden there (the comparison: cards of its own) is left
    out, and so are the columns a reader has hidden (the comparison's
    unticked scenarios)."""
    problems = []
    with browsing(browser, width=width) as page:
        for path in PAGES:
            open_page(page, base_url + path)
            for table in page.locator("table").all():
                if not table.locator("tbody").first.is_visible():
                    continue
                declared = table.locator("thead th:not([hidden])").count()
                exposed = table.get_by_role("columnheader").count()
                if exposed != declared:
                    where = f"{path} {table.get_attribute('class')}"
                    problems.append(f"{where}: {exposed} of {declared} column headers exposed")
    assert problems == []
