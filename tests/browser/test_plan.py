"""The dated plan on the calendar page: milestones dated from the reader's
M0, late ones marked against the browser's clock, kept across a reload, the
.ics export (parsed with icalendar) and the Markdown export, the relative
months without JavaScript, and axe with late milestones."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
from playwright.sync_api import Browser, Page, expect

from guide_perennisation.loader import load_guide
from guide_perennisation.render import fr_date
from guide_perennisation.step_by_step import month_label

from .conftest import MOUNTED, ROOT, SCHEMES, WIDTHS, axe_violations, browsing, format_violations, open_page

GUIDE = load_guide(ROOT)
URL = "preparer/calendrier-gouvernance/"


def steps_of(route_id: str) -> list:
    """The route's milestones as the plan lists them: by deadline, then by
    start, then in the route's order."""
    steps = [GUIDE.get("steps", entry.step) for entry in GUIDE.get("routes", route_id).steps]
    return sorted(steps, key=lambda step: (step.end, step.start))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def open_plan(page: Page, base_url: str, route: str, day: dt.date | None = None) -> None:
    open_page(page, base_url + URL)
    page.select_option("[data-plan-route]", route)
    if day:
        page.fill("[data-plan-date]", day.isoformat())
        page.locator("[data-plan-date]").dispatch_event("change")


def rows(page: Page, route: str):
    return page.locator(f"#plan-{route} tr[data-milestone]")


def export(page: Page, action: str) -> str:
    with page.expect_download() as info:
        page.locator(f"[data-plan-action='{action}']").click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def events(text: str) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def test_every_plan_lists_its_milestones_by_deadline(page: Page, base_url: str) -> None:
    """A plan reads down the calendar: no row ends before the one above it,
    even where the route does two steps side by side."""
    open_page(page, base_url + URL)
    for route in GUIDE.routes:
        ends = [int(end) for end in rows(page, route).evaluate_all("rows => rows.map(row => row.dataset.end)")]
        assert ends == sorted(ends), route
        assert len(ends) == len(GUIDE.get("routes", route).steps)


def test_a_date_gives_dated_milestones_late_ones_marked_and_survives_a_reload(page: Page, base_url: str) -> None:
    today = dt.date.today()
    m0 = add_months(today, 5)
    open_plan(page, base_url, "startup-d-etat", m0)
    steps = steps_of("startup-d-etat")
    expect(rows(page, "startup-d-etat")).to_have_count(len(steps))
    late = []
    for row, step in zip(rows(page, "startup-d-etat").all(), steps, strict=True):
        start, end = add_months(m0, step.start), add_months(m0, step.end)
        when = row.locator("[data-plan-when]").text_content()
        assert month_label(step.start) in when
        assert f"{start.year}" in when and f"{end.year}" in when
        state = row.locator("[data-plan-state]").text_content()
        if end < today:
            late.append(step)
            assert state.startswith("En retard"), (step.id, state)
        elif start <= today:
            assert state == "En cours", (step.id, state)
        else:
            assert state == "À venir", (step.id, state)
    assert late, "with M0 five months away, the first milestones are late"
    expect(rows(page, "startup-d-etat").first.locator("[data-plan-state]")).to_contain_text(late[0].title)
    expect(page.locator("#plan-startup-d-etat .app-plan__summary")).to_contain_text(
        f"{len(late)} jalon{'s' if len(late) > 1 else ''} sur"
    )

    page.reload(wait_until="load")
    page.wait_for_function("document.querySelector('.app-plan')?.dataset.appMounted")
    expect(page.locator("[data-plan-date]")).to_have_value(m0.isoformat())
    expect(page.locator("[data-plan-route]")).to_have_value("startup-d-etat")
    expect(page.locator("#plan-startup-d-etat [data-plan-state]").first).to_contain_text("En retard")


def test_a_milestone_under_way_is_current_and_no_past_day_is_announced(page: Page, base_url: str) -> None:
    """With M0 set so that the first milestone has begun and none has ended,
    that milestone is « En cours », and the summary names it with its end:
    it does not announce its start, already past, as to come."""
    route = "defi-eig"
    first = steps_of(route)[0]
    today = dt.date.today()
    m0 = add_months(today, -first.start - 1)  # the first milestone began a month ago
    ends = [add_months(m0, step.end) for step in steps_of(route)]
    assert add_months(m0, first.start) < today <= min(ends), "the data no longer allow this case"
    open_plan(page, base_url, route, m0)
    states = rows(page, route).locator("[data-plan-state]").all_text_contents()
    assert states[0] == "En cours"
    assert "En retard" not in " ".join(states)
    summary = page.locator(f"#plan-{route} .app-plan__summary")
    expect(summary).to_have_text(
        f"Aucun jalon n’est en retard. En cours : « {first.title} », jusqu’au {fr_date(ends[0])}."
    )


def test_the_ics_holds_one_event_per_milestone_and_a_new_date_updates_them(page: Page, base_url: str) -> None:
    route = "defi-eig"
    first_date, second_date = dt.date(2031, 1, 31), dt.date(2031, 6, 15)
    open_plan(page, base_url, route, first_date)
    first = events(export(page, "ics"))
    steps = steps_of(route)
    assert len(first) == len(steps)
    for step in steps:
        event = next(e for e in first.values() if str(e["SUMMARY"]) == step.milestone)
        assert event.decoded("DTSTART") == add_months(first_date, step.start)
    again = events(export(page, "ics"))
    # The same date exported again: the same events, the same sequence.
    assert {uid: int(e["SEQUENCE"]) for uid, e in again.items()} == {
        uid: int(e["SEQUENCE"]) for uid, e in first.items()
    }

    page.fill("[data-plan-date]", second_date.isoformat())
    page.locator("[data-plan-date]").dispatch_event("change")
    second = events(export(page, "ics"))
    assert second.keys() == first.keys()
    for uid, event in second.items():
        assert event.decoded("DTSTART") != first[uid].decoded("DTSTART")
        assert int(event["SEQUENCE"]) > int(first[uid]["SEQUENCE"])

    page.select_option("[data-plan-route]", "startup-d-etat")
    other = events(export(page, "ics"))
    assert not other.keys() & first.keys()


def test_the_markdown_export_lists_every_milestone(page: Page, base_url: str) -> None:
    open_plan(page, base_url, "administration", dt.date(2032, 1, 1))
    text = export(page, "markdown")
    assert text.startswith("# Rétroplanning\u00a0: Administration qui reprend un service")
    for step in steps_of("administration"):
        assert f"| {step.milestone} |" in text


def test_without_javascript_the_plan_reads_in_relative_months(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + URL, wait_until="load")
    expect(page.locator("[data-plan-form]")).to_be_hidden()
    for route in GUIDE.routes.values():
        cells = page.locator(f"#plan-{route.id} [data-plan-when]")
        expect(cells).to_have_count(len(route.steps))
    expect(page.locator("#plan-startup-d-etat [data-plan-when]").nth(2)).to_have_text("M−13 à M−12")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_late_milestones_have_no_axe_violation(browser: Browser, base_url: str, scheme: str, width: int) -> None:
    with browsing(browser, scheme, width) as page:
        open_plan(page, base_url, "startup-d-etat", add_months(dt.date.today(), 3))
        expect(page.locator("#plan-startup-d-etat .app-plan__row--late").first).to_be_visible()
        violations = axe_violations(page)
    assert not violations, format_violations(violations)


@pytest.mark.rgaa("10.11")
@pytest.mark.parametrize("dated", [True, False], ids=["date", "sans-date"])
def test_on_a_phone_each_milestone_reads_whole_name_first(browser: Browser, base_url: str, dated: bool) -> None:
    """At 320 px, a milestone is a card: its name first, then its period
    and its state, all within the screen (no cell cut off at the right
    edge, nothing to scroll sideways); without a date, no empty state."""
    with browsing(browser, width=320) as page:
        open_plan(page, base_url, "startup-d-etat", add_months(dt.date.today(), 3) if dated else None)
        boxes = rows(page, "startup-d-etat").evaluate_all(
            """rows => rows.map(row => {
              const box = (cell) => cell.checkVisibility() ? cell.getBoundingClientRect().toJSON() : null
              return {
                name: box(row.querySelector("th")),
                when: box(row.querySelector("[data-plan-when]").parentElement),
                state: box(row.querySelector("[data-plan-state]")),
                scrolls: row.closest("table").scrollWidth > row.closest("table").clientWidth,
              }
            })"""
        )
        width = page.evaluate("document.documentElement.clientWidth")
    assert len(boxes) == len(steps_of("startup-d-etat"))
    for i, row in enumerate(boxes):
        assert not row["scrolls"], i
        assert row["name"]["bottom"] <= row["when"]["top"], f"milestone {i}: its name is not read first"
        assert (row["state"] is not None) == dated, i
        for cell in filter(None, (row["name"], row["when"], row["state"])):
            assert cell["left"] >= 0 and cell["right"] <= width, (i, cell)


@pytest.mark.rgaa("7.5")
def test_dating_says_the_late_milestones_and_an_undated_export_is_an_alert(browser: Browser, base_url: str) -> None:
    """The outcome of dating is a status message with the summary (how many
    milestones are past); asking for an export before M0 is an error, said
    by the alert region, and the focus goes to the date to fill in."""
    with browsing(browser) as page:
        open_plan(page, base_url, "startup-d-etat")
        page.locator("[data-plan-action]").first.click()
        alert = page.locator("[data-plan-alert]")
        expect(alert).to_have_text("Indiquez d’abord la date de M0.")
        expect(alert).to_have_attribute("role", "alert")
        expect(page.locator("[data-plan-date]")).to_be_focused()
        page.locator("[data-plan-date]").fill("2020-01-01")
        page.locator("[data-plan-date]").dispatch_event("change")
        expect(page.get_by_role("status").and_(page.locator("[data-plan-status]"))).to_have_text(
            re.compile(r"^Les jalons sont datés à partir de cette date\. \d+ jalons sur \d+ sont déjà passés")
        )
        expect(alert).to_be_empty()


@pytest.mark.parametrize("route", [route.id for route in GUIDE.routes.values()])
def test_each_route_of_the_home_page_opens_the_plan_on_itself(browser: Browser, base_url: str, route: str) -> None:
    """« Dater ces étapes », under a route of the home page, opens the plan
    on that route, even when the plan was last used for another; the date
    asked for is that route's M0, named as the route names it."""
    record = GUIDE.get("routes", route)
    other = next(r.id for r in GUIDE.routes.values() if r.id != route)
    with browsing(browser, width=320) as page:
        open_plan(page, base_url, other)  # the plan now remembers `other`
        open_page(page, base_url)
        page.locator(f"a.app-step-by-step__situation[data-route='{route}']").click()
        page.get_by_role("link", name=f"Dater ces étapes : parcours {record.title}").click()
        page.wait_for_function(MOUNTED)
        assert urlsplit(page.url).path.endswith("/" + URL) and urlsplit(page.url).fragment == "votre-retroplanning"
        expect(page.locator("[data-plan-route]")).to_have_value(route)
        expect(page.get_by_label(f"Date de M0 ({record.end})")).to_be_visible()
        expect(page.locator(f"#plan-{route}")).to_be_visible()
        expect(page.locator(f"#plan-{other}")).to_be_hidden()
        # The heading it opens on is at the top of the screen, the form below it.
        assert page.get_by_role("heading", name="Votre rétroplanning").bounding_box()["y"] < 200
