"""What colour says is said otherwise too, and controls stand out from their
background (RGAA theme 3)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from .conftest import SCHEMES, browsing, open_page

# A control's border and fill, and the backgrounds of its ancestors, nearest first.
COLOURS_JS = """(element) => {
  const style = getComputedStyle(element)
  const backs = []
  for (let node = element.parentElement; node; node = node.parentElement) {
    backs.push(getComputedStyle(node).backgroundColor)
  }
  const border = parseFloat(style.borderTopWidth) > 0 ? style.borderTopColor : null
  return { border, fill: style.backgroundColor, backs }
}"""


def channels(colour: str) -> tuple[float, ...]:
    values = [float(v) for v in re.findall(r"[\d.]+", colour)]
    return (*values[:3], values[3] if len(values) > 3 else 1.0)


def opaque(colour: str) -> bool:
    return channels(colour)[3] > 0.5


def luminance(colour: str) -> float:
    def linear(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b, _ = channels(colour)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# Pages with the guide's form controls: text fields, lists, text areas, buttons.
CONTROLS = ["preparer/structure-accueil/", "outils/note-dinum/", "exemples/", "preparer/calendrier-gouvernance/"]


@pytest.mark.rgaa("3.1")
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_current_page_in_the_menu_is_not_told_by_colour_alone(browser: Browser, base_url: str, scheme: str) -> None:
    with browsing(browser, scheme) as page:
        open_page(page, base_url + "comprendre/quand-perenniser/")
        nav = page.locator(".md-sidebar--primary")
        weight = "(element) => Number(getComputedStyle(element).fontWeight)"
        current = nav.locator("a.md-nav__link--active").first.evaluate(weight)
        other = nav.locator("a.md-nav__link:not(.md-nav__link--active)").first.evaluate(weight)
        assert current >= 600 > other


@pytest.mark.rgaa("3.3")
@pytest.mark.parametrize("scheme", SCHEMES)
def test_form_controls_stand_out_from_their_background(browser: Browser, base_url: str, scheme: str) -> None:
    """RGAA 3.3.1: the border (or the fill) of each text field, list, text area
    and bordered button is contrasted 3:1 with the background around it.
    Checkboxes and radio buttons are drawn by Chromium (accent-color sets
    only their ticked fill), the criterion's particular case."""
    problems = []
    with browsing(browser, scheme) as page:
        for path in CONTROLS:
            open_page(page, base_url + path)
            fields = "input[type=text], input[type=date], select, textarea, .md-button"
            for control in page.locator(".md-content").locator(fields).all():
                if not control.is_visible():
                    continue
                colours = control.evaluate(COLOURS_JS)
                back = next((c for c in colours["backs"] if opaque(c)), "rgb(255, 255, 255)")
                ratio = max(
                    contrast(colours["border"], back) if colours["border"] else 0,
                    contrast(colours["fill"], back) if opaque(colours["fill"]) else 0,
                )
                if ratio < 3:
                    problems.append(f"{path} {control.evaluate('(e) => e.outerHTML.slice(0, 80)')}: {ratio:.2f}:1")
    assert problems == []
