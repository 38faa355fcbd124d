"""RGAA 4.1 theme 11 (forms) on the audit's sample pages, as the browser
builds them, with JavaScript and without: every field a reader meets has a
label of a kind the RGAA counts, tied to it by its own id; a field whose label
is not shown says what it is for in a title; a visible label is part of the
accessible name; and so is a button's visible text."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from ..rgaa_sample import SAMPLE
from .conftest import open_page

PROBLEMS = (Path(__file__).parent / "labels.js").read_text(encoding="utf-8")


@pytest.mark.rgaa("11.1", "11.2", "11.9")
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "sans-js"])
def test_every_field_and_button_of_the_sample_is_labelled(browser: Browser, base_url: str, javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    found = {}
    for key, path in SAMPLE.items():
        # Without JavaScript nothing comes after the load, and nothing mounts.
        if javascript:
            open_page(page, base_url + path)
        else:
            page.goto(base_url + path)
        if problems := page.evaluate(PROBLEMS):
            found[key] = problems
    context.close()
    assert not found, found
