"""RGAA 4.1 theme 13 (consultation) on the audit's sample pages: no page
opens a window by itself, nothing moves for more than five seconds, and the
content is the same held upright or on its side."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from ..rgaa_sample import SAMPLE

# Every animation or transition running now, with when it ends (ms after the
# page's start; null when it never does).
MOTION = """() => document.getAnimations()
  .filter(a => a.playState === "running")
  .map(a => ({
    what: `${a.animationName || a.transitionProperty || "script"} : ${a.effect?.target?.className || "?"}`,
    end: Number.isFinite(a.effect.getComputedTiming().endTime) ? a.effect.getComputedTiming().endTime : null,
  }))"""


@pytest.mark.rgaa("13.2", "13.8")
def test_no_page_opens_a_window_or_moves_for_more_than_five_seconds(browser: Browser, base_url: str) -> None:
    # Motion as it is for a reader who has not asked for less. Each page in
    # its own tab, so that they all move during the same second.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    popups: list[str] = []
    context.on("page", lambda opened: opened.opener() and popups.append(opened.url))
    seen = {}
    for key, path in SAMPLE.items():
        page = context.new_page()
        page.goto(base_url + path, wait_until="load")
        seen[key] = (page, page.evaluate(MOTION))
    page.wait_for_timeout(1000)  # the last page loaded has moved for a second, the others longer
    moving = {}
    for key, (page, found) in seen.items():
        found += page.evaluate(MOTION)
        if long := [m["what"] for m in found if m["end"] is None or m["end"] > 5000]:
            moving[key] = long
    context.close()
    assert popups == []
    assert not moving, moving


@pytest.mark.rgaa("13.9")
def test_the_content_is_the_same_in_portrait_and_in_landscape(browser: Browser, base_url: str) -> None:
    """A phone held both ways: the page's content reads the same, nothing is
    hidden or refused in one orientation. The pages are read as the server
    sends them, so that what differs can only be the styles' doing."""
    texts = []
    for width, height in ((320, 568), (568, 320)):
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=False)
        page = context.new_page()
        shown = {}
        for key, path in SAMPLE.items():
            page.goto(base_url + path, wait_until="load")
            shown[key] = " ".join(page.locator("article").first.inner_text().split())
        texts.append(shown)
        context.close()
    portrait, landscape = texts
    assert [key for key in SAMPLE if portrait[key] != landscape[key]] == []
