"""Data tables on every built page (RGAA theme 5): headers are th, scoped to
their row or column, and the guide's own tables carry a title."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from .conftest import site_pages


def tables(site_dir: Path) -> list[tuple[str, lxml.html.HtmlElement]]:
    found = []
    for page in [*site_pages(site_dir), site_dir / "404.html"]:
        root = lxml.html.parse(str(page)).getroot()
        found += [(page.relative_to(site_dir).as_posix(), table) for table in root.iter("table")]
    return found


@pytest.mark.rgaa("5.4", "5.6", "5.7")
def test_every_table_declares_and_scopes_its_headers(site_dir: Path) -> None:
    """No layout table: every table has th headers. A header row of a table
    with row headers too is scoped to its columns, each row header to its row
    (RGAA 5.7.1, 5.7.2); a table with one header row only needs no scope (the
    criterion's particular case). The guide's tables (class app-…) have a
    caption for a title (RGAA 5.4)."""
    problems = []
    for page, table in tables(site_dir):
        where = f"{page}: table {table.get('class') or '(Markdown)'}"
        column_headers = table.xpath("./thead/tr/th")
        row_headers = table.xpath("./tbody/tr/th | ./tfoot/tr/th")
        if not column_headers and not row_headers:
            problems.append(f"{where} has no th: a layout table?")
        if table.get("role") in ("presentation", "none"):
            problems.append(f"{where} is a layout table")
        if row_headers or len(table.xpath("./thead/tr")) > 1:
            problems += [f"{where}: column header without scope" for th in column_headers if th.get("scope") != "col"]
            problems += [f"{where}: row header without scope" for th in row_headers if th.get("scope") != "row"]
        if (table.get("class") or "").startswith("app-"):
            captions = table.xpath("./caption")
            if not captions or not captions[0].text_content().strip():
                problems.append(f"{where} has no caption")
    assert problems == []
