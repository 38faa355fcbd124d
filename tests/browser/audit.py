"""One visit of every built page per colour scheme and width.

Each visit records what the accessibility, privacy and CSP gates check, so
that a page loads once per combination however many gates look at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page

from .conftest import SCHEMES, axe_violations, browsing

FOCUS_JS = (Path(__file__).parent / "focus.js").read_text(encoding="utf-8")

# Installed before any page script: the policy reports each violation as an event.
CSP_LISTENER = """
window.__cspViolations = []
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} : ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`
  )
})
"""


@dataclass
class Report:
    """What one page did and showed."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    axe: list[dict] | str = field(default_factory=list)
    keyboard: list[str] = field(default_factory=list)
    # How far the page scrolls sideways, in CSS pixels (0: it reflows).
    overflow: int = 0


def _active(page: Page, selector: str) -> bool:
    return page.evaluate("(selector) => !!document.activeElement?.closest(selector)", selector)


def skip_link_problems(page: Page) -> list[str]:
    """The first Tab reaches a visible « Aller au contenu » link; Enter on it
    moves the focus into the page's content, where the next Tab continues."""
    page.keyboard.press("Tab")
    if not _active(page, "a.md-skip"):
        return ["le premier arrêt de tabulation n'est pas le lien d'évitement"]
    problems = page.evaluate(FOCUS_JS, {"within": ".md-skip"})
    target = page.evaluate("document.activeElement.hash")
    if not page.evaluate(
        "(id) => !!document.querySelector('.md-content')?.contains(document.getElementById(id))", target[1:]
    ):
        problems.append(f"la cible {target} n'est pas dans le contenu de la page")
    page.keyboard.press("Enter")
    if not _active(page, ".md-content"):
        problems.append("Entrée sur le lien d'évitement ne place pas le focus dans le contenu")
    page.keyboard.press("Tab")
    if not _active(page, ".md-content"):
        problems.append("après le lien d'évitement, la tabulation ne reprend pas dans le contenu")
    return problems


def focus_problems(page: Page) -> list[str]:
    """Every focusable element shows a visible, contrasted focus. The header
    is walked with real Tab presses (Material opens and closes the search as
    focus comes and goes); the rest is focused element by element."""
    page.evaluate("document.querySelector('.md-skip').focus()")
    problems: list[str] = []
    for _ in range(10):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUS_JS, {"within": ".md-header"})
        if found is None:
            break
        problems += found
    return problems + page.evaluate(FOCUS_JS, {"skip": ".md-header, .md-skip"})


def audit(browser: Browser, base_url: str, urls: list[str], scheme: str, width: int) -> dict[str, Report]:
    """Load every URL in one context; on each page, in this order: axe on the
    untouched page, then the skip link, then the focus of every element."""
    reports: dict[str, Report] = {}
    with browsing(browser, scheme, width) as page:
        page.context.add_init_script(CSP_LISTENER)
        report = Report()
        page.on("request", lambda request: report.requests.append(request.url))
        page.on("pageerror", lambda error: report.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and report.errors.append(message.text))
        for url in urls:
            report = reports[url] = Report()
            page.goto(base_url + url)
            shown = page.evaluate("document.body.dataset.mdColorScheme")
            if shown != SCHEMES[scheme]:
                report.axe = f"thème « {shown} » affiché au lieu de « {SCHEMES[scheme]} »"
            else:
                report.axe = axe_violations(page)
            report.overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            report.keyboard = skip_link_problems(page) + focus_problems(page)
            report.csp = page.evaluate("window.__cspViolations")
    return reports


def interact(browser: Browser, base_url: str) -> Report:
    """A reader's session on the JavaScript side of the site: search, follow a
    result (instant navigation), switch the colour scheme, follow « Suivant »."""
    report = Report()
    with browsing(browser) as page:
        page.context.add_init_script(CSP_LISTENER)
        page.on("request", lambda request: report.requests.append(request.url))
        page.on("pageerror", lambda error: report.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and report.errors.append(message.text))
        page.goto(base_url, wait_until="networkidle")
        page.locator("input.md-search__input").click()
        page.keyboard.type("structure d'accueil", delay=20)
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state("networkidle")
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state("networkidle")
        report.csp = page.evaluate("window.__cspViolations")
    return report
