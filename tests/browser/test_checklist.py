"""Checklists in the browser: state kept across reloads and instant
navigation, notes, progress, buttons, export and import, broken storage,
keyboard use and accessibility."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .checklists import (
    ALL_PAGE,
    BLOCK_STORAGE,
    EIG,
    NO_PRINT_DIALOG,
    PAGES,
    box,
    checklists,
    enable_instant_navigation,
    fill_quota,
    form,
    note,
    open_and_type_note,
    today,
    wait_ready,
)
from .conftest import Watch, axe_violations, format_violations

DATA = checklists()
SIGNALS = "signaux-de-reussite"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(NO_PRINT_DIALOG)
    yield context
    context.close()


@pytest.fixture
def watched(context: BrowserContext, base_url: str) -> tuple[Page, Watch]:
    watch = Watch(origin=base_url.rstrip("/"))
    page = context.new_page()
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and watch.console_errors.append(msg.text))
    return page, watch


def visit(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    wait_ready(page)


def notice(page: Page, checklist_id: str):
    return form(page, checklist_id).locator("[data-checklist-notice]")


def status(page: Page, checklist_id: str):
    return form(page, checklist_id).locator("[data-checklist-status]")


def alert(page: Page, checklist_id: str):
    """Where errors are said (role="alert", RGAA 7.5.2); outcomes go to status()."""
    return form(page, checklist_id).locator("[data-checklist-alert]")


def action(page: Page, checklist_id: str, name: str):
    return form(page, checklist_id).locator(f"[data-checklist-action='{name}']")


def export_text(page: Page, checklist_id: str) -> tuple[str, str]:
    with page.expect_download() as info:
        action(page, checklist_id, "export").click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


# State kept ---------------------------------------------------------------


def test_tick_then_reload_keeps_the_tick(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    visit(page, base_url + PAGES[EIG])
    box(page, EIG, "synthese-besoins").check()
    page.reload()
    wait_ready(page)
    expect(box(page, EIG, "synthese-besoins")).to_be_checked()
    expect(box(page, EIG, "rapport-etonnement")).not_to_be_checked()
    assert watch.errors == []


def test_tick_then_instant_navigation_away_and_back_keeps_the_tick(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    enable_instant_navigation(page, base_url)
    page.goto(base_url + PAGES[EIG], wait_until="networkidle")  # the sitemap is loaded
    wait_ready(page)
    page.evaluate("window.sameDocument = true")  # lost on a full page load
    box(page, EIG, "code-source").check()
    page.locator(".md-nav__link", has_text="Vocabulaire").first.click()
    page.wait_for_url(re.compile("vocabulaire/$"))
    page.locator(".md-nav__link", has_text="Checklist de fin de défi").first.click()
    page.wait_for_url(re.compile("checklist-fin-de-defi/$"))
    wait_ready(page)
    assert page.evaluate("window.sameDocument") is True, "instant navigation was not used"
    expect(box(page, EIG, "code-source")).to_be_checked()
    page.go_back()
    page.wait_for_url(re.compile("vocabulaire/$"))
    page.go_forward()
    page.wait_for_url(re.compile("checklist-fin-de-defi/$"))
    wait_ready(page)
    expect(box(page, EIG, "code-source")).to_be_checked()
    # Set up once per page, however many times Material emitted document$:
    # one click on « Tout décocher » asks once.
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    action(page, EIG, "reset").click()
    expect(box(page, EIG, "code-source")).to_be_checked()
    assert len(dialogs) == 1
    assert watch.errors == []


def test_note_then_reload_keeps_the_note_open_and_printed(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    visit(page, base_url + PAGES[EIG])
    open_and_type_note(page, EIG, "manuel-utilisateur", "Sur le drive de l’équipe\nRelu par Sam")
    page.reload()
    wait_ready(page)
    expect(note(page, EIG, "manuel-utilisateur")).to_have_value("Sur le drive de l’équipe\nRelu par Sam")
    expect(note(page, EIG, "manuel-utilisateur")).to_be_visible()
    printed = page.locator("[data-item-id='manuel-utilisateur'] [data-checklist-note-print]")
    expect(printed).to_have_text("Note : Sur le drive de l’équipe\nRelu par Sam")
    expect(box(page, EIG, "manuel-utilisateur")).not_to_be_checked()
    assert watch.errors == []


def test_note_fields_are_built_when_first_opened_or_restored(watched: tuple[Page, Watch], base_url: str) -> None:
    """« Toutes les checklists » lays out no hidden text area: each note field
    is built when its note is opened (from the keyboard too) or restored."""
    page, watch = watched
    visit(page, base_url + ALL_PAGE)
    fields = page.locator("form.app-checklist textarea")
    expect(fields).to_have_count(0)
    expect(page.locator("form.app-checklist summary")).to_have_count(sum(len(c.items) for c in DATA.values()))
    page.locator(f"#checklist-{SIGNALS} [data-item-id='communication'] summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(note(page, SIGNALS, "communication")).to_be_focused()
    label = next(item.label for item in DATA[SIGNALS].items if item.id == "communication")
    expect(page.get_by_role("textbox", name=f"Votre note sur « {label} »")).to_have_count(1)
    page.keyboard.type("Plan de communication")
    expect(fields).to_have_count(1)
    page.reload()
    wait_ready(page)
    # Only the note that has a text comes back, open, with its printed copy.
    expect(fields).to_have_count(1)
    expect(note(page, SIGNALS, "communication")).to_have_value("Plan de communication")
    expect(note(page, SIGNALS, "communication")).to_be_visible()
    printed = form(page, SIGNALS).locator("[data-item-id='communication'] [data-checklist-note-print]")
    expect(printed).to_have_text("Note : Plan de communication")
    assert watch.errors == []


def test_the_same_checklist_on_two_pages_shares_its_state(context: BrowserContext, base_url: str) -> None:
    """A deliberate choice, stated in « Contribuer »: it is the same list."""
    page = context.new_page()
    visit(page, base_url + PAGES[SIGNALS])
    box(page, SIGNALS, "communication").check()
    visit(page, base_url + ALL_PAGE)
    expect(box(page, SIGNALS, "communication")).to_be_checked()
    # Other checklists on the page keep their own state.
    expect(form(page, "facteurs-de-succes").locator("input:checked")).to_have_count(0)


# Progress -----------------------------------------------------------------


@pytest.mark.rgaa("7.5")
def test_progress_overall_and_per_group_is_announced_politely(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    visit(page, base_url + PAGES[EIG])
    checklist = DATA[EIG]
    progress = form(page, EIG).locator("[data-checklist-progress]")
    counts = form(page, EIG).locator("[data-checklist-count]")
    expect(progress).to_have_text(f"0 / {len(checklist.items)}")
    for target in ("rapport-etonnement", "synthese-besoins", "code-source"):
        box(page, EIG, target).check()
    expect(progress).to_have_text(f"3 / {len(checklist.items)}")
    expected = [
        f"{sum(item.id in {'rapport-etonnement', 'synthese-besoins', 'code-source'} for item in g.items)}"
        f" / {len(g.items)}"
        for g in checklist.groups
    ]
    expect(counts).to_have_text(expected)
    live = status(page, EIG)
    assert live.get_attribute("role") == "status"  # implicit aria-live="polite"
    group = checklist.groups[1].title
    expect(live).to_have_text(f"{group} : 1 / {len(checklist.groups[1].items)}. Au total : 3 / {len(checklist.items)}.")


# Buttons ------------------------------------------------------------------


@pytest.mark.rgaa("11.12")
def test_reset_asks_first_then_forgets_ticks_and_notes(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    visit(page, base_url + PAGES[SIGNALS])
    box(page, SIGNALS, "communication").check()
    open_and_type_note(page, SIGNALS, "communication", "Voir le plan de communication")
    messages: list[str] = []

    def answer(dialog, accept: bool) -> None:
        messages.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    action(page, SIGNALS, "reset").click()
    expect(box(page, SIGNALS, "communication")).to_be_checked()
    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    action(page, SIGNALS, "reset").click()
    expect(box(page, SIGNALS, "communication")).not_to_be_checked()
    expect(note(page, SIGNALS, "communication")).to_have_value("")
    expect(form(page, SIGNALS).locator("[data-checklist-progress]")).to_have_text(f"0 / {len(DATA[SIGNALS].items)}")
    assert len(messages) == 2 and DATA[SIGNALS].title in messages[0]
    key = page.evaluate(f"app.store.slot('checklist', '{SIGNALS}').key")
    assert page.evaluate("key => localStorage.getItem(key)", key) is None
    page.reload()
    wait_ready(page)
    expect(box(page, SIGNALS, "communication")).not_to_be_checked()
    # No note to restore: its field is not even built.
    expect(note(page, SIGNALS, "communication")).to_have_count(0)


def expected_export(page_url: str, ticked: dict[str, str | None]) -> str:
    """The Markdown « Exporter » must give for the EIG checklist: `ticked`
    maps the ticked item ids to their note (or None)."""
    checklist = DATA[EIG]
    lines = [
        f"# {checklist.title}",
        "",
        f"- Page\u00a0: {page_url}",
        f"- Exporté le {today()}\u00a0: {len(ticked)} / {len(checklist.items)} cochés",
        "",
        f"<!-- checklist: {EIG} -->",
    ]
    for group in checklist.groups:
        lines += ["", f"## {group.title}", ""]
        for item in group.items:
            lines.append(f"- [{'x' if item.id in ticked else ' '}] {item.label} <!-- {item.id} -->")
            text = ticked.get(item.id)
            if text:
                lines += [f"  > {'Note : ' if i == 0 else ''}{line}" for i, line in enumerate(text.split("\n"))]
    return "\n".join(lines) + "\n"


def test_export_and_copy_hold_exactly_what_was_ticked_and_noted(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    url = base_url + PAGES[EIG]
    visit(page, url)
    box(page, EIG, "rapport-etonnement").check()
    box(page, EIG, "pitchs").check()
    box(page, EIG, "pitchs").uncheck()
    box(page, EIG, "schema-architecture").check()
    open_and_type_note(page, EIG, "schema-architecture", "Dans le wiki\nÀ mettre à jour")
    filename, text = export_text(page, EIG)
    assert re.fullmatch(rf"checklist-{EIG}-\d{{4}}-\d{{2}}-\d{{2}}\.md", filename)
    ticked = {"rapport-etonnement": None, "schema-architecture": "Dans le wiki\nÀ mettre à jour"}
    assert text == expected_export(url, ticked)
    action(page, EIG, "copy").click()
    expect(status(page, EIG)).to_have_text("Le texte est copié dans le presse-papiers.")
    assert page.evaluate("navigator.clipboard.readText()") == text


@pytest.mark.rgaa("7.5")
def test_import_of_an_export_restores_the_same_ticks_and_notes(browser: Browser, base_url: str) -> None:
    source = browser.new_context()
    page = source.new_page()
    visit(page, base_url + PAGES[EIG])
    for target in ("etat-des-lieux", "planning-projet", "atelier-feedback"):
        box(page, EIG, target).check()
    open_and_type_note(page, EIG, "planning-projet", "Gantt dans le dossier partagé\nMis à jour le lundi")
    open_and_type_note(page, EIG, "vision-suite", "Note sans coche")
    _, exported = export_text(page, EIG)
    source.close()

    # Another browser, where a different state was saved: the import wins.
    target = browser.new_context()
    page = target.new_page()
    visit(page, base_url + ALL_PAGE)
    box(page, EIG, "code-source").check()
    box(page, EIG, "etat-des-lieux").check()
    with page.expect_file_chooser() as chooser:
        action(page, EIG, "import").click()
    chooser.value.set_files(files=[{"name": "export.md", "mimeType": "text/markdown", "buffer": exported.encode()}])
    expect(status(page, EIG)).to_have_text(re.compile(r"^\d+ éléments? importés?\.$"))
    checked = form(page, EIG).locator("input.app-checklist__box:checked")
    expect(checked).to_have_count(3)
    for item in ("etat-des-lieux", "planning-projet", "atelier-feedback"):
        expect(box(page, EIG, item)).to_be_checked()
    expect(note(page, EIG, "planning-projet")).to_have_value("Gantt dans le dossier partagé\nMis à jour le lundi")
    expect(note(page, EIG, "vision-suite")).to_have_value("Note sans coche")
    page.reload()
    wait_ready(page)
    expect(checked).to_have_count(3)
    # Imported into another checklist: refused, nothing changes.
    with page.expect_file_chooser() as chooser:
        action(page, SIGNALS, "import").click()
    chooser.value.set_files(files=[{"name": "export.md", "mimeType": "text/markdown", "buffer": exported.encode()}])
    expect(alert(page, SIGNALS)).to_have_text(re.compile("autre checklist"))
    assert alert(page, SIGNALS).get_attribute("role") == "alert"
    expect(form(page, SIGNALS).locator("input:checked")).to_have_count(0)
    target.close()


def test_print_button_prints_this_checklist_alone(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    visit(page, base_url + ALL_PAGE)
    action(page, SIGNALS, "print").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    visible = page.locator(".md-content__inner > *:visible")
    expect(visible).to_have_count(1)
    expect(visible.locator("form.app-checklist")).to_have_attribute("id", f"checklist-{SIGNALS}")
    meta = form(page, SIGNALS).locator("[data-checklist-meta]")
    expect(meta).to_be_visible()
    expect(meta).to_have_text(f"Page : {base_url + ALL_PAGE} — {today()}")
    # After the print dialog, the page is whole again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator(".md-content__inner > .app-block:visible")).to_have_count(len(DATA))


# Storage that fails -------------------------------------------------------


def assert_works_for_the_visit(page: Page, checklist_id: str, item_id: str) -> None:
    progress = form(page, checklist_id).locator("[data-checklist-progress]")
    before = progress.inner_text()
    box(page, checklist_id, item_id).check()
    expect(box(page, checklist_id, item_id)).to_be_checked()
    expect(progress).not_to_have_text(before)
    open_and_type_note(page, checklist_id, item_id, "une note")
    _, text = export_text(page, checklist_id)
    assert "- [x] " in text and "> Note : une note" in text


def test_corrupted_storage_is_ignored_and_said(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    visit(page, base_url + PAGES[SIGNALS])
    page.evaluate(f"localStorage.setItem(app.store.slot('checklist', '{SIGNALS}').key, '{{\"v\": 1, \"data\": ')")
    page.reload()
    wait_ready(page)
    expect(notice(page, SIGNALS)).to_contain_text("n’a pas pu être relue")
    assert_works_for_the_visit(page, SIGNALS, "avis-et-tests")
    page.reload()
    wait_ready(page)
    expect(box(page, SIGNALS, "avis-et-tests")).to_be_checked()
    expect(notice(page, SIGNALS)).not_to_contain_text("n’a pas pu être relue")
    assert watch.errors == [] and watch.console_errors == []


def test_old_or_foreign_entries_are_ignored_item_by_item(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    visit(page, base_url + PAGES[SIGNALS])
    page.evaluate(
        """id => localStorage.setItem(app.store.slot("checklist", id).key, JSON.stringify({
             v: 1, savedAt: "nonsense",
             data: { items: { communication: { checked: true, note: "ok" },
                              "avis-et-tests": { checked: "yes", note: 42 },
                              "code-open-source": [true],
                              "supprime-depuis": { checked: true } } } }))""",
        SIGNALS,
    )
    page.reload()
    wait_ready(page)
    expect(box(page, SIGNALS, "communication")).to_be_checked()
    expect(note(page, SIGNALS, "communication")).to_have_value("ok")
    expect(form(page, SIGNALS).locator("input:checked")).to_have_count(1)
    expect(note(page, SIGNALS, "avis-et-tests")).to_have_count(0)  # no note: no field built
    assert watch.errors == []


def test_throwing_storage_getter_keeps_the_page_working_and_says_so(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    page.add_init_script(BLOCK_STORAGE)
    enable_instant_navigation(page, base_url)
    page.goto(base_url + PAGES[SIGNALS], wait_until="networkidle")
    wait_ready(page)
    expect(notice(page, SIGNALS)).to_contain_text("ne sera pas conservée")
    assert_works_for_the_visit(page, SIGNALS, "communication")
    # The theme's own scripts still run: instant navigation away and back.
    page.evaluate("window.sameDocument = true")
    page.locator(".md-nav__link", has_text="Les facteurs de succès").first.click()
    page.wait_for_url(re.compile("facteurs-de-succes/$"))
    page.locator(".md-nav__link", has_text="Juger un transfert").first.click()
    page.wait_for_url(re.compile("signaux-de-reussite/$"))
    wait_ready(page)
    assert page.evaluate("window.sameDocument") is True
    expect(box(page, SIGNALS, "communication")).to_be_checked()  # kept for the visit
    # As said: not kept beyond it (nor restored by the browser's form memory).
    page.reload()
    wait_ready(page)
    expect(box(page, SIGNALS, "communication")).not_to_be_checked()
    assert watch.errors == [] and watch.console_errors == []


@pytest.mark.rgaa("7.5")
def test_quota_error_on_write_says_once_that_progress_is_not_kept(watched: tuple[Page, Watch], base_url: str) -> None:
    page, watch = watched
    visit(page, base_url + PAGES[EIG])
    expect(notice(page, EIG)).to_contain_text("enregistrée dans ce navigateur")
    fill_quota(page)
    box(page, EIG, "pitchs").check()
    expect(notice(page, EIG)).to_contain_text("est plein")
    expect(alert(page, EIG)).to_contain_text("est plein")
    box(page, EIG, "articles-blog").check()
    expect(status(page, EIG)).to_contain_text("Au total : 2 /")  # said once, then progress again
    expect(alert(page, EIG)).to_be_empty()
    assert_works_for_the_visit(page, EIG, "manuel-utilisateur")
    assert watch.errors == [] and watch.console_errors == []


def test_file_page_works_and_says_progress_is_not_kept(watched: tuple[Page, Watch], site_dir: Path) -> None:
    page, watch = watched
    visit(page, (site_dir / PAGES[EIG] / "index.html").as_uri())
    expect(notice(page, EIG)).to_contain_text("ouverte depuis un fichier")
    assert_works_for_the_visit(page, EIG, "code-source")
    assert watch.errors == []


# Keyboard and accessibility -----------------------------------------------


def focus_ring(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement)
                   return { style: s.outlineStyle, width: s.outlineWidth } }"""
    )


def focused(page: Page) -> str:
    """What has the focus: kind and item id, a button's action, or where it is."""
    return page.evaluate(
        """() => { const e = document.activeElement
                   if (!e.closest("form.app-checklist")) return "outside"
                   if (e.dataset.checklistAction) return "button:" + e.dataset.checklistAction
                   const item = e.closest("[data-item-id]")
                   const kind = e.matches("input[type=checkbox]") ? "box" : e.tagName.toLowerCase()
                   return item ? `${kind}:${item.dataset.itemId}` : "form:" + e.tagName.toLowerCase() }"""
    )


@pytest.mark.rgaa("7.3", "12.8", "12.11")
def test_keyboard_alone_reaches_and_operates_everything_with_a_visible_focus(
    context: BrowserContext, base_url: str
) -> None:
    page = context.new_page()
    visit(page, base_url + PAGES[SIGNALS])
    checklist = DATA[SIGNALS]
    # Start just before the checklist, as a reader tabbing through the page.
    page.locator(f"#checklist-{SIGNALS}-titre").click()
    seen: list[str] = []
    for _ in range(60):
        page.keyboard.press("Tab")
        where = focused(page)
        if where == "outside" and seen:
            break
        ring = focus_ring(page)
        assert ring["style"] != "none" and float(ring["width"].removesuffix("px")) >= 2, (where, ring)
        seen.append(where)
        kind, _, target = where.partition(":")
        if kind == "box":
            page.keyboard.press("Space")
        elif kind == "summary":
            page.keyboard.press("Enter")
        elif kind == "textarea":
            page.keyboard.type(f"note {target}")
    for name in ("reset", "print", "export", "copy", "import"):
        assert f"button:{name}" in seen
    for item in checklist.items:
        assert f"box:{item.id}" in seen
        assert f"summary:{item.id}" in seen
        assert f"textarea:{item.id}" in seen
        expect(box(page, SIGNALS, item.id)).to_be_checked()
        expect(note(page, SIGNALS, item.id)).to_have_value(f"note {item.id}")

    def press(name: str) -> None:
        action(page, SIGNALS, name).focus()
        page.keyboard.press("Enter")

    with page.expect_download() as info:
        press("export")
    assert "- [x] " in Path(info.value.path()).read_text(encoding="utf-8")
    press("print")
    assert page.evaluate("window.__printed") == 1
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    press("copy")
    expect(status(page, SIGNALS)).to_have_text("Le texte est copié dans le presse-papiers.")
    with page.expect_file_chooser():
        press("import")
    page.once("dialog", lambda dialog: dialog.accept())
    action(page, SIGNALS, "reset").focus()
    page.keyboard.press(" ")
    expect(form(page, SIGNALS).locator("input:checked")).to_have_count(0)


@pytest.mark.rgaa("7.2")
def test_without_javascript_the_checklist_reads_and_ticks(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGES[EIG])
    checklist = DATA[EIG]
    expect(form(page, EIG).locator("fieldset")).to_have_count(len(checklist.groups))
    expect(form(page, EIG).locator("legend")).to_have_text([g.title for g in checklist.groups])
    expect(form(page, EIG).locator("input[type=checkbox]")).to_have_count(len(checklist.items))
    box(page, EIG, "code-source").check()
    expect(box(page, EIG, "code-source")).to_be_checked()
    # What only works with JavaScript stays out of sight.
    expect(form(page, EIG).locator("button:visible")).to_have_count(0)
    for hidden in ("[data-checklist-panel]", "[data-checklist-note]", "[data-checklist-count]"):
        expect(form(page, EIG).locator(hidden).first).to_be_hidden()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [*PAGES.values(), ALL_PAGE])
def test_checklist_pages_have_no_axe_violation(browser: Browser, base_url: str, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    visit(page, base_url + path)
    # Every state a reader can bring about: ticks, an open note, a warning, a message.
    first = page.locator("form.app-checklist").first
    first.locator("input.app-checklist__box").first.check()
    first.locator("summary").first.click()
    first.locator("textarea").first.fill("Une note")
    fill_quota(page)
    first.locator("input.app-checklist__box").nth(1).check()
    expect(first.locator("[data-checklist-notice]")).to_contain_text("est plein")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    context.close()
