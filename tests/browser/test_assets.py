"""Component files load with the pages that need them, including after an
instant navigation from a page that has none."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser

from .checklists import enable_instant_navigation
from .checklists import wait_ready as checklist_ready
from .conftest import Watch
from .notes import builder, download
from .notes import wait_ready as note_ready


def component_requests(requests: list[str], folder: str = "components") -> list[str]:
    return sorted({re.sub(rf".*/assets/{folder}/", "", url) for url in requests if f"/assets/{folder}/" in url})


def test_a_content_page_loads_no_component_script(watched_page, base_url: str) -> None:
    page, watch = watched_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "a-propos/licence/", wait_until="networkidle")
    assert component_requests(requests) == ["page-info.css"]
    assert component_requests(requests, "lib") == ["header-keys.css", "header-keys.js", "search.js", "store.js"]
    assert watch.errors == []


def test_instant_navigation_loads_the_components_of_the_new_page(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    parts = urlsplit(base_url)
    watch = Watch(origin=f"{parts.scheme}://{parts.netloc}")
    page.on("request", watch.on_request)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    enable_instant_navigation(page, base_url)
    page.goto(base_url, wait_until="networkidle")
    page.evaluate("window.sameDocument = true")  # lost on a full page load

    page.locator(".md-nav__link", has_text="Toutes les checklists").first.click()
    page.wait_for_url(re.compile("outils/checklists/$"))
    checklist_ready(page)
    # checklist.css arrived with the page: the boxes take their grid column.
    box = page.locator(".app-checklist__items > .app-checklist__item > .app-checklist__box").first
    assert box.evaluate("e => getComputedStyle(e).gridColumnStart") == "1"

    page.locator(".md-nav__link", has_text="Modèle de note DINUM").first.click()
    page.wait_for_url(re.compile("outils/note-dinum/$"))
    note_ready(page, "note-dinum")
    builder(page, "note-dinum").locator("[data-section-text]").first.fill(
        "Texte saisi après une navigation instantanée."
    )
    # The export script is fetched on demand, and works.
    assert "Texte saisi après une navigation instantanée." in download(page, "markdown", tmp_path).read_text("utf-8")
    assert page.evaluate("window.sameDocument") is True, "instant navigation was not used"
    # Styles of a page left behind do not stay.
    assert page.locator('link[href$="components/checklist.css"]').count() == 0
    assert watch.errors == [] and watch.foreign == []
    context.close()
