"""The reader's route: the home page's choice of situation in the first
screen, the keyboard path to the EIG tools, the « Étape N sur M » box of each
step page, the page without JavaScript, and axe on the chosen states."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from guide_perennisation.links import page_url
from guide_perennisation.loader import load_guide

from .conftest import ROOT, SCHEMES, WIDTHS, axe_violations, browsing, format_violations, open_page

GUIDE = load_guide(ROOT)


def steps_of(route_id: str) -> list:
    return [GUIDE.get("steps", entry.step) for entry in GUIDE.get("routes", route_id).steps]


def own_page(step) -> str | None:
    """The page a step's box stands on: its first link that belongs to it."""
    return next((link.target.split("#")[0] for link in step.links if link.belongs), None)


def step_target(step) -> str:
    """Where a link to a step leads: its own page, or else its first link."""
    return own_page(step) or step.links[0].target.split("#")[0]


def choose(page: Page, base_url: str, route: str, distance: str | None = None) -> None:
    page.goto(base_url, wait_until="load")
    page.locator(f".app-step-by-step__situation[data-route='{route}']").click()
    if distance:
        page.locator(f"#parcours-distance-{distance}").check()


@pytest.mark.parametrize(("width", "height"), [(320, 568), (1280, 720)])
def test_the_situation_choice_is_in_the_first_screen(browser: Browser, base_url: str, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    for link in page.locator(".app-step-by-step__situation").all():
        box = link.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (link.text_content(), box)
    context.close()


def tab_to(page: Page, condition: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({condition}) }})()"):
            return
    raise AssertionError(f"la tabulation n'atteint pas : {condition}")


@pytest.mark.parametrize(
    ("target", "check"),
    [
        ("defis-eig/checklist-fin-de-defi.md", "form.app-checklist[data-checklist-id='fin-de-defi-eig']"),
        ("defis-eig/note-strategique.md", ".app-note-builder[data-note-id='note-strategique-eig']"),
    ],
)
@pytest.mark.rgaa("7.3", "12.11")
def test_eig_less_than_six_months_reaches_its_tools_in_two_clicks_by_keyboard(
    page: Page, base_url: str, target: str, check: str
) -> None:
    open_page(page, base_url)
    tab_to(page, "el.matches(\".app-step-by-step__situation[data-route='defi-eig']\")")
    page.keyboard.press("Enter")  # first click
    expect(page.locator("#parcours-defi-eig")).to_be_visible()
    expect(page.locator("#parcours-startup-d-etat")).to_be_hidden()
    tab_to(page, "el.name === 'parcours-distance'")
    for _ in range(4):  # arrow keys move within the radio group: no click
        if page.locator("#parcours-distance-moins-de-6-mois").is_checked():
            break
        page.keyboard.press("ArrowRight")
    expect(page.locator("#parcours-distance-moins-de-6-mois")).to_be_checked()
    href = page_url(target)
    tab_to(page, f"el.tagName === 'A' && el.getAttribute('href').endsWith('{href}')")
    page.keyboard.press("Enter")  # second click
    page.wait_for_url(f"**/{href}")
    expect(page.locator(check)).to_have_count(1)


def test_the_distance_marks_earlier_steps_to_catch_up_and_opens_those_due(page: Page, base_url: str) -> None:
    choose(page, base_url, "startup-d-etat", "moins-de-6-mois")
    route = page.locator("#parcours-startup-d-etat")
    for step in steps_of("startup-d-etat"):
        item = route.locator(f"[data-step='{step.id}']")
        mark = item.locator("[data-step-mark]")
        toggle = item.locator(".app-step-by-step__toggle")
        if step.end < -6:
            expect(mark).to_have_text("à rattraper")
            expect(toggle).to_have_attribute("aria-expanded", "false")
        elif step.start < 0:
            expect(mark).to_have_text("à faire maintenant")
            expect(toggle).to_have_attribute("aria-expanded", "true")
        else:
            expect(mark).to_be_hidden()
    # The number is in each step's accessible name.
    first = route.locator(".app-step-by-step__toggle").first
    assert first.evaluate("el => el.textContent.replace(/\\s+/g, ' ')").strip().startswith("Étape 1 sur 10 :")


def test_the_choice_is_remembered(page: Page, base_url: str) -> None:
    choose(page, base_url, "administration", "passee")
    page.goto(base_url, wait_until="load")
    expect(page.locator("#parcours-administration")).to_be_visible()
    expect(page.locator("#parcours-defi-eig")).to_be_hidden()
    expect(page.locator("#parcours-distance-passee")).to_be_checked()
    expect(page.locator(".app-step-by-step__situation[data-route='administration']")).to_have_attribute(
        "aria-current", "true"
    )


@pytest.mark.parametrize("route", [r.id for r in GUIDE.routes.values()])
def test_the_step_box_shows_the_step_and_its_neighbours_on_the_route(page: Page, base_url: str, route: str) -> None:
    choose(page, base_url, route)
    steps = steps_of(route)
    for number, step in enumerate(steps, 1):
        if own_page(step) is None:
            continue
        page.goto(base_url + page_url(own_page(step)), wait_until="load")
        box = page.locator(f".app-step-by-step__box[data-route='{route}']")
        expect(box).to_be_visible()
        expect(box.locator(".app-step-by-step__where strong")).to_have_text(
            f"Étape {number} sur {len(steps)} : {step.title}"
        )
        expect(page.locator(".app-step-by-step__box:visible")).to_have_count(1)
        previous, following = box.locator(".app-step-by-step__previous a"), box.locator(".app-step-by-step__next a")
        if number > 1:
            expect(previous).to_have_text(steps[number - 2].title)
        else:
            expect(previous).to_have_count(0)
        if number < len(steps):
            expect(following).to_have_text(steps[number].title)
            href = following.evaluate("a => a.href")
            assert href.startswith(base_url + page_url(step_target(steps[number]))), href
        else:
            expect(following).to_have_count(0)


def shared_page() -> tuple[str, list[str]]:
    """The page that the most routes share, and those routes, in the box's order."""
    pages = sorted({own_page(step) for step in GUIDE.steps.values()} - {None})
    page = max(pages, key=lambda page: len(GUIDE.positions(page)))
    routes = [p.route.id for p in GUIDE.positions(page)]
    assert len(routes) > 1, "no page is on two routes"
    return page, routes


SHARED, SHARED_ROUTES = shared_page()


def test_a_shared_page_offers_each_route_then_shows_the_one_followed(browser: Browser, base_url: str) -> None:
    """Before a route is chosen, a page on several routes says where it
    stands in each, with a button to follow it, and keeps the neighbours of
    each for later: a phone opens on the page's text, not on every route's
    neighbours. Following one shows its box alone, neighbours included,
    with the focus on it, and the choice holds on the next page."""
    with browsing(browser, width=320) as page:
        open_page(page, base_url + page_url(SHARED))
        boxes = page.locator(".app-step-by-step__box")
        expect(boxes).to_have_count(len(SHARED_ROUTES))
        expect(page.locator(".app-step-by-step__around:visible")).to_have_count(0)
        expect(page.locator("[data-step-follow]:visible")).to_have_count(len(SHARED_ROUTES))
        # The page's own text starts in the first screen.
        text = page.locator(".app-step-by-step--box ~ p").first.bounding_box()
        assert text and text["y"] < page.viewport_size["height"], text
        route = SHARED_ROUTES[-1]
        box = page.locator(f".app-step-by-step__box[data-route='{route}']")
        box.locator("[data-step-follow]").click()
        expect(page.locator(".app-step-by-step__box:visible")).to_have_count(1)
        expect(box.locator(".app-step-by-step__around")).to_be_visible()
        expect(page.locator("[data-step-follow]:visible")).to_have_count(0)
        expect(box).to_be_focused()
        expect(box).to_have_accessible_name(re.compile(re.escape(GUIDE.get("routes", route).title)))
        page.reload()
        page.locator(".app-step-by-step--box[data-app-mounted]").wait_for()
        expect(page.locator(".app-step-by-step__box:visible")).to_have_count(1)
        expect(box).to_be_visible()
        page.goto(base_url)
        expect(page.locator(f".app-step-by-step__situation[data-route='{route}']")).to_have_attribute(
            "aria-current", "true"
        )


def test_the_followed_route_s_box_shows_the_page_s_other_routes_again(browser: Browser, base_url: str) -> None:
    """Once a route is followed, its box says how many other routes the page
    is on, with a disclosure button: it shows their boxes, brief and each
    with its « Suivre ce parcours », and hides them again. Following one of
    them makes it the reader's route."""
    first, second = SHARED_ROUTES[0], SHARED_ROUTES[-1]
    with browsing(browser, width=320) as page:
        open_page(page, base_url + page_url(SHARED))
        page.locator(f".app-step-by-step__box[data-route='{first}'] [data-step-follow]").click()
        others = page.locator("[data-step-others]:visible")
        expect(others).to_have_count(1)
        expect(others).to_have_text(f"Cette page est aussi dans {len(SHARED_ROUTES) - 1} autres parcours")
        expect(others).to_have_attribute("aria-expanded", "false")
        others.click()
        expect(others).to_have_attribute("aria-expanded", "true")
        expect(page.locator(".app-step-by-step__box:visible")).to_have_count(len(SHARED_ROUTES))
        # The followed route keeps its neighbours; the others are brief.
        expect(page.locator(".app-step-by-step__around:visible")).to_have_count(1)
        expect(page.locator("[data-step-follow]:visible")).to_have_count(len(SHARED_ROUTES) - 1)
        others.click()
        expect(page.locator(".app-step-by-step__box:visible")).to_have_count(1)
        others.click()
        box = page.locator(f".app-step-by-step__box[data-route='{second}']")
        box.locator("[data-step-follow]").click()
        expect(page.locator(".app-step-by-step__box:visible")).to_have_count(1)
        expect(box).to_be_focused()
        expect(box.locator(".app-step-by-step__around")).to_be_visible()
        expect(box.locator("[data-step-others]")).to_be_visible()
        page.reload()
        page.locator(".app-step-by-step--box[data-app-mounted]").wait_for()
        expect(page.locator(".app-step-by-step__box:visible")).to_have_count(1)
        expect(box).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_shared_page_has_no_axe_violation_before_and_after_a_route_is_followed(
    browser: Browser, base_url: str, scheme: str, width: int
) -> None:
    with browsing(browser, scheme, width) as page:
        open_page(page, base_url + page_url(SHARED))
        expect(page.locator("[data-step-follow]").first).to_be_visible()
        before = axe_violations(page)
        page.locator("[data-step-follow]").first.click()
        page.locator("[data-step-others]:visible").click()  # every box, the others brief
        after = axe_violations(page)
    assert not before + after, format_violations({"avant": before, "après": after})


def test_a_shared_page_without_javascript_or_printed_shows_every_box_whole(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + page_url(SHARED))
    expect(page.locator(".app-step-by-step__around:visible")).to_have_count(len(SHARED_ROUTES))
    expect(page.locator("[data-step-follow]")).to_have_count(len(SHARED_ROUTES))
    expect(page.locator("[data-step-follow]:visible")).to_have_count(0)
    context.close()
    with browsing(browser) as page:
        open_page(page, base_url + page_url(SHARED))
        page.emulate_media(media="print")
        expect(page.locator(".app-step-by-step__around:visible")).to_have_count(len(SHARED_ROUTES))
        expect(page.locator("[data-step-follow]:visible")).to_have_count(0)
        # A followed route prints with the others, as the home page prints every route.
        page.emulate_media(media="screen")
        page.locator("[data-step-follow]").first.click()
        page.emulate_media(media="print")
        expect(page.locator(".app-step-by-step__around:visible")).to_have_count(len(SHARED_ROUTES))
        expect(page.locator("[data-step-others]:visible")).to_have_count(0)


@pytest.mark.rgaa("7.2")
def test_without_javascript_every_route_and_step_is_open(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    for route in GUIDE.routes.values():
        section = page.locator(f"#parcours-{route.id}")
        expect(section).to_be_visible()
        expect(section.locator("[data-step-panel]:visible")).to_have_count(len(route.steps))
    expect(page.locator("[data-step-by-step-distance]")).to_be_hidden()
    context.close()


def test_print_expands_every_step(page: Page, base_url: str) -> None:
    choose(page, base_url, "defi-eig", "plus-d-un-an")
    page.emulate_media(media="print")
    expect(page.locator("#parcours-defi-eig [data-step-panel]:visible")).to_have_count(len(steps_of("defi-eig")))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_chosen_route_has_no_axe_violation(browser: Browser, base_url: str, scheme: str, width: int) -> None:
    with browsing(browser, scheme, width) as page:
        choose(page, base_url, "startup-d-etat", "moins-de-6-mois")
        page.locator("#parcours-startup-d-etat [data-step-by-step-all]").click()  # every step expanded
        violations = axe_violations(page)
    assert not violations, format_violations(violations)


@pytest.mark.rgaa("7.1")
def test_route_and_step_names_hold_no_sign(browser: Browser, base_url: str) -> None:
    """The ✓ of the chosen situation and the + or − of a step are drawn for
    the eye; the accessible names say the step and the situation only, their
    state being aria-current and aria-expanded."""
    with browsing(browser) as page:
        open_page(page, base_url)
        root = page.locator(".app-step-by-step").first
        root.get_by_role("link", name="Défi EIG", exact=True).click()
        expect(root.get_by_role("link", name="Défi EIG", exact=True)).to_have_attribute("aria-current", "true")
        step = root.get_by_role("button", name="Étape 2 sur 6 : Rédiger la note stratégique", exact=True)
        expect(step).to_have_attribute("aria-expanded", "false")
        step.click()
        expect(step).to_have_attribute("aria-expanded", "true")
