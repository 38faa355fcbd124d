"""Browser harness: Debian Chromium through Playwright, with axe-core.

`make test` installs Chromium first; if it is missing here, the tests fail
loudly rather than skip.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The reader's preference (prefers-color-scheme) and the Material scheme it selects.
SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = (1280, 320)


class AppErrors:
    """The errors app.js logs (prefix « app: »: a component that throws at
    init, a script that does not load), on every page of every context the
    session's browser opens. A browser test fails when one was logged during
    it (see pytest_runtest_call); other console messages are not its business."""

    PREFIX = "app:"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def watch(self, context: BrowserContext) -> None:
        context.on("console", self.on_console)
        context.on("weberror", lambda error: self.note(error.error.message))

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.note(message.text)

    def note(self, text: str) -> None:
        if text.startswith(self.PREFIX):
            self.seen.append(text)

    def check(self) -> None:
        """Raise if app.js logged an error since the last check; forget it."""
        seen, self.seen = self.seen, []
        assert not seen, "app.js a signalé des erreurs :\n" + "\n".join(seen)


APP_ERRORS = AppErrors()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    APP_ERRORS.seen.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    result = yield
    APP_ERRORS.check()
    return result


@pytest.fixture
def app_errors() -> AppErrors:
    return APP_ERRORS


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} est introuvable : lancez `make test`, qui l'installe (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        browser.on("context", APP_ERRORS.watch)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a page did: requests to other hosts, uncaught errors, CSP reports."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def on_request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign.append(request.url)


@pytest.fixture
def watched_page(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:
    """A fresh page in a fresh context, with every request and error recorded."""
    parts = urlsplit(base_url)
    watch = Watch(origin=f"{parts.scheme}://{parts.netloc}")
    context = browser.new_context()
    page = context.new_page()
    page.on("request", watch.on_request)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and watch.console_errors.append(msg.text))
    yield page, watch
    context.close()


# Every component is mounted by the `load` event: the page's component
# scripts are deferred, and a script app.js adds before the load delays it.
# Tests wait for the load and check that, rather than wait for the network to
# rest for half a second ("networkidle"), which only the instant navigation
# needs (Material fetches the sitemap after the load).
MOUNTED = "() => [...document.querySelectorAll('[data-app-module]')].every((element) => element.dataset.appMounted)"


def open_page(page: Page, url: str) -> None:
    """Load `url` and wait until every component on it is mounted."""
    page.goto(url)
    page.wait_for_function(MOUNTED)


# Resolves once `selector` has gone `quiet` ms without a change: the search
# redraws its results for each letter typed, and a result focused before the
# last redraw is gone.
SETTLED = """([selector, quiet]) => new Promise((resolve) => {
  const observer = new MutationObserver(() => {
    clearTimeout(timer)
    timer = setTimeout(done, quiet)
  })
  const done = () => {
    observer.disconnect()
    resolve()
  }
  let timer = setTimeout(done, quiet)
  observer.observe(document.querySelector(selector), { childList: true, subtree: true, characterData: true })
})"""


def settled(page: Page, selector: str, quiet: int = 250) -> None:
    page.evaluate(SETTLED, [selector, quiet])


@contextlib.contextmanager
def browsing(browser: Browser, scheme: str = "light", width: int = 1280) -> Iterator[Page]:
    """One page in a fresh context, for a loop over many URLs. Motion is
    reduced, so that what the tests measure is where it ends up."""
    context = browser.new_context(
        color_scheme=scheme, reduced_motion="reduce", viewport={"width": width, "height": 800}
    )
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def site_audit(browser: Browser, base_url: str, site_dir: Path) -> Callable[[str, int], dict]:
    """`site_audit(scheme, width)`: every page visited once in that scheme and
    width (see audit.py), shared by the accessibility, privacy and CSP gates."""
    from ..conftest import site_urls
    from .audit import audit  # audit.py builds on the helpers of this file

    done: dict[tuple[str, int], dict] = {}

    def run(scheme: str, width: int) -> dict:
        if (scheme, width) not in done:
            done[scheme, width] = audit(browser, base_url, site_urls(site_dir), scheme, width)
        return done[scheme, width]

    return run


@pytest.fixture(scope="session")
def next_version(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project as its next version: the EIG checklist and the
    note-dinum template changed (checklists.py, notes.py), built once into
    its `site/` for the tests of what readers saved across a rebuild. The
    two changes touch different pages, so that each test sees only its own."""
    from ..conftest import build_site, copy_project
    from .checklists import edit_eig_checklist
    from .notes import edit_note_template

    project = copy_project(tmp_path_factory.mktemp("next-version"))
    edit_eig_checklist(project / "data" / "checklists.yml")
    edit_note_template(project)
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def page(watched_page: tuple[Page, Watch]) -> Page:
    return watched_page[0]


def axe_violations(page: Page, exclude: list[str] | None = None) -> list[dict]:
    """Run axe-core on the current page; return its violations, summarised."""
    # Evaluated through the DevTools protocol: a <script> tag would be blocked
    # by the site's Content-Security-Policy.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    context = {"exclude": [[s] for s in exclude or []]} if exclude else None
    result = page.evaluate(
        "([context, options]) => axe.run(context || document, options)",
        [context, options],
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
            "summary": v["nodes"][0].get("failureSummary", "")[:300],
        }
        for v in result["violations"]
    ]


def format_violations(violations: object) -> str:
    return json.dumps(violations, indent=1, ensure_ascii=False)
