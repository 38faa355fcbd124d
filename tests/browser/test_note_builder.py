"""The note builder in a real browser: a team writes its note over several
visits and leaves with Markdown, OpenDocument and printed copies."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from guide_perennisation.note import plain
from guide_perennisation.render import fr_date
from tests.office import headings, libreoffice_text, odf_parts, words

from .checklists import BLOCK_STORAGE, FILL_QUOTA, NO_PRINT_DIALOG, pdf_pages
from .conftest import axe_violations, format_violations
from .notes import (
    DAY_TEXT,
    PAGES,
    SERVICE,
    builder,
    download,
    expected_headings,
    fill_everything,
    form_values,
    markdown_headings,
    section,
    templates,
    text_field,
    wait_ready,
)

TEMPLATES = templates()
DINUM = TEMPLATES["note-dinum"]
CHROME = ["Votre texte", "Télécharger", "Effacer", "Ajouter une", "Supprimer", "Scénarios à présenter", "Rechercher"]


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(NO_PRINT_DIALOG)
    yield context
    context.close()


def open_note(context: BrowserContext, url: str, template_id: str) -> tuple[Page, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + PAGES[template_id], wait_until="load")
    wait_ready(page, template_id)
    return page, errors


def section_chunks(text: str, sections: list) -> dict[str, str]:
    """A Markdown note cut at its sections' headings: section id -> its part."""
    starts = [text.index(f"\n{'#' * s.level} {s.title}\n") for s in sections]
    ends = [*starts[1:], len(text)]
    return {s.id: text[a:b] for s, a, b in zip(sections, starts, ends, strict=True)}


def test_scenario_fields_are_built_when_first_picked_or_restored(context: BrowserContext, base_url: str) -> None:
    """No hidden text area per scenario up front: a scenario's fields are
    built when it is picked, or when the page restores text typed in them."""
    page, errors = open_note(context, base_url, DINUM.id)
    root = builder(page, DINUM.id)
    built = root.locator("[data-scenario-id]")
    expect(built).to_have_count(0)
    expect(root.locator("form textarea")).to_have_count(len(DINUM.sections))
    pick = {sid: root.locator(f"[data-scenario-pick][value='{sid}']") for sid in ("creer-gip", "internaliser")}
    pick["creer-gip"].check()
    gip = root.locator("[data-scenario-id='creer-gip']")
    expect(gip).to_be_visible()
    assert pick["creer-gip"].get_attribute("aria-controls") == gip.get_attribute("id")
    gip.locator("[data-part='description']").fill("Un GIP à deux membres")
    pick["creer-gip"].uncheck()  # hidden, its text kept
    pick["internaliser"].check()
    page.reload(wait_until="load")
    wait_ready(page, DINUM.id)
    # The picked scenario, and the unpicked one that holds text: no other.
    expect(built).to_have_count(2)
    expect(root.locator("[data-scenario-id='internaliser']")).to_be_visible()
    expect(gip).to_be_hidden()
    pick["creer-gip"].check()
    expect(gip.locator("[data-part='description']")).to_have_value("Un GIP à deux membres")
    assert errors == []


@pytest.mark.parametrize("template_id", list(PAGES))
def test_every_field_comes_back_after_a_reload(context: BrowserContext, base_url: str, template_id: str) -> None:
    page, errors = open_note(context, base_url, template_id)
    saved = builder(page, template_id).locator("[data-note-saved]")
    expect(saved).to_have_text("Rien n’est encore enregistré.")
    fill_everything(page, TEMPLATES[template_id])
    before = form_values(page, template_id)
    expect(saved).to_contain_text(f"Enregistré dans ce navigateur le {fr_date(dt.date.today())} à ")
    page.reload(wait_until="load")
    wait_ready(page, template_id)
    assert form_values(page, template_id) == before
    assert SERVICE in [value for _, value in before]
    expect(saved).to_contain_text("Enregistré dans ce navigateur le ")
    assert errors == []


def test_markdown_export_holds_every_section_in_order(context: BrowserContext, base_url: str, tmp_path: Path) -> None:
    page, errors = open_note(context, base_url, DINUM.id)
    typed = fill_everything(page, DINUM)
    path = download(page, "markdown", tmp_path)
    assert re.fullmatch(r"note-note-dinum-service-temoin-associes-\d{4}-\d{2}-\d{2}\.md", path.name)
    text = path.read_text(encoding="utf-8")
    assert markdown_headings(text) == expected_headings(DINUM)
    assert f"- **Service\u00a0:** {SERVICE}" in text
    assert f"- **Date\u00a0:** {DAY_TEXT}" in text
    parts = section_chunks(text, DINUM.sections)
    misplaced = [(sid, s) for sid, strings in typed.by_section.items() for s in strings if s not in parts[sid]]
    assert misplaced == []
    assert "| Date | Étape |" in text
    assert "| date-calendrier-2 | step-calendrier-2 |" in text
    assert errors == []


@pytest.mark.office
def test_odt_export_is_a_valid_package_that_libreoffice_reads(
    context: BrowserContext, base_url: str, tmp_path: Path
) -> None:
    page, errors = open_note(context, base_url, DINUM.id)
    typed = fill_everything(page, DINUM)
    document = download(page, "odt", tmp_path)
    assert document.suffix == ".odt"
    parts = odf_parts(document.read_bytes())
    assert headings(parts["content.xml"]) == expected_headings(DINUM)
    text = libreoffice_text([document], tmp_path)[document]
    missing = [s for s in typed.strings if words(s) not in text]
    assert missing == []
    assert errors == []


def test_the_zip_writer_makes_archives_that_zip_tools_read(context: BrowserContext, base_url: str) -> None:
    page, _ = open_note(context, base_url, DINUM.id)
    result = page.evaluate(
        """async () => {
          await app.load("zip", "lib")
          const binary = Uint8Array.from({ length: 70000 }, (_, i) => (i * 7919) % 256)
          const bytes = app.zip.store([
            { name: "mimetype", data: "application/vnd.oasis.opendocument.text" },
            { name: "vide.txt", data: "" },
            { name: "dossier/texte.xml", data: "<p>Été « ok » — ✓</p>" },
            { name: "binaire.bin", data: binary },
          ], new Date(2025, 2, 12, 9, 30, 10))
          return { bytes: Array.from(bytes), crc: app.zip.crc32(new TextEncoder().encode("Été ✓")) }
        }"""
    )
    archive = zipfile.ZipFile(io.BytesIO(bytes(result["bytes"])))
    assert archive.testzip() is None
    assert archive.namelist() == ["mimetype", "vide.txt", "dossier/texte.xml", "binaire.bin"]
    assert archive.read("vide.txt") == b""
    assert archive.read("dossier/texte.xml").decode() == "<p>Été « ok » — ✓</p>"
    assert archive.read("binaire.bin") == bytes((i * 7919) % 256 for i in range(70000))
    assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
    assert {i.date_time for i in archive.infolist()} == {(2025, 3, 12, 9, 30, 10)}
    assert result["crc"] == zlib.crc32("Été ✓".encode())


def test_print_gives_the_note_without_guidance_or_form(context: BrowserContext, base_url: str, tmp_path: Path) -> None:
    page, errors = open_note(context, base_url, DINUM.id)
    typed = fill_everything(page, DINUM)
    builder(page, DINUM.id).locator("[data-note-action='print']").click()
    page.wait_for_function("window.__printed === 1")
    page.pdf(path=str(tmp_path / "note.pdf"), format="A4", prefer_css_page_size=True)
    text = words(" ".join(pdf_pages(tmp_path / "note.pdf")))
    for _, heading in expected_headings(DINUM):
        assert words(heading) in text
    assert [s for s in typed.strings if words(s) not in text] == []
    for s in DINUM.sections:
        assert words(plain(s.guidance))[:60] not in text
    assert [word for word in CHROME if word in text] == []
    assert errors == []


def test_the_browsers_own_print_gives_the_blank_template(
    context: BrowserContext, base_url: str, tmp_path: Path
) -> None:
    page, _ = open_note(context, base_url, DINUM.id)
    text_field(page, DINUM.id, "ambition").fill("Un texte qui ne s’imprime pas ici")
    page.pdf(path=str(tmp_path / "page.pdf"), format="A4", prefer_css_page_size=True)
    text = words(" ".join(pdf_pages(tmp_path / "page.pdf")))
    for s in DINUM.sections:
        assert words(s.title) in text
        assert words(plain(s.guidance))[:60] in text
    assert "Un texte qui ne" not in text
    assert "Votre texte" not in text and "Télécharger (.md)" not in text


@pytest.mark.rgaa("12.8")
def test_keyboard_alone_reaches_and_uses_every_control(context: BrowserContext, base_url: str) -> None:
    page, errors = open_note(context, base_url, DINUM.id)
    root = builder(page, DINUM.id)
    root.locator("[data-scenario-pick][value='creer-gip']").focus()
    page.keyboard.press("Space")
    expect(root.locator("[data-scenario-id='creer-gip']")).to_be_visible()
    add = section(page, DINUM.id, "calendrier").locator("[data-note-action='add-row']")
    add.focus()
    page.keyboard.press("Enter")
    rows = section(page, DINUM.id, "calendrier").locator("[data-row]")
    expect(rows).to_have_count(2)
    expect(rows.nth(1).locator("input").first).to_be_focused()
    page.keyboard.type("mars 2024")
    page.keyboard.press("Tab")
    page.keyboard.type("Scénario arrêté")
    page.keyboard.press("Tab")
    expect(rows.nth(1).locator("[data-note-action='remove-row']")).to_be_focused()
    expect(rows.nth(1).locator("[data-note-action='remove-row']")).to_have_text("Supprimer l’étape 2")
    # Tab from the top of the form to its end: every control is on the way.
    controls = root.locator("form").evaluate(
        """form => [...form.querySelectorAll("input, textarea, button, a[href]")]
                     .filter(el => el.checkVisibility()).map(el => el.id || el.dataset.noteAction || el.href)"""
    )
    root.locator("[data-note-action='markdown']").focus()
    reached = []
    for _ in range(len(controls) + 20):
        reached.append(page.evaluate("(el => el.id || el.dataset.noteAction || el.href)(document.activeElement)"))
        page.keyboard.press("Tab")
    assert [c for c in controls if c not in reached] == []
    # A row removed by keyboard: focus goes to the row that took its place.
    rows.nth(0).locator("[data-note-action='remove-row']").focus()
    page.keyboard.press("Enter")
    expect(rows).to_have_count(1)
    expect(rows.nth(0).locator("input").first).to_be_focused()
    expect(rows.nth(0).locator("input").first).to_have_value("mars 2024")
    expect(root.locator("[data-note-status]")).to_have_text("Étape 1 supprimée.")
    page.reload(wait_until="load")
    wait_ready(page, DINUM.id)
    expect(rows.nth(0).locator("input").nth(1)).to_have_value("Scénario arrêté")
    expect(root.locator("[data-scenario-pick][value='creer-gip']")).to_be_checked()
    assert errors == []


@pytest.mark.rgaa("11.12")
def test_clear_asks_first(context: BrowserContext, base_url: str) -> None:
    page, errors = open_note(context, base_url, DINUM.id)
    field = text_field(page, DINUM.id, "ambition")
    field.fill("À garder")
    answers = iter([False, True])
    asked: list[str] = []

    def answer(dialog) -> None:
        asked.append(dialog.message)
        dialog.accept() if next(answers) else dialog.dismiss()

    page.on("dialog", answer)
    clear = builder(page, DINUM.id).locator("[data-note-action='clear']")
    clear.click()
    expect(field).to_have_value("À garder")
    clear.click()
    expect(field).to_have_value("")
    assert len(asked) == 2 and DINUM.title in asked[0]
    # Prompts drawn from the data come back; nothing of the note is left in the browser.
    expect(text_field(page, DINUM.id, "structure-accueil")).to_have_value(re.compile(r"^- Portage politique :"))
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':note:'))") == []
    expect(builder(page, DINUM.id).locator("[data-note-saved]")).to_have_text("Rien n’est encore enregistré.")
    assert errors == []


@pytest.mark.parametrize(("script", "notice"), [(BLOCK_STORAGE, "ne sera pas conservé"), (FILL_QUOTA, "est plein")])
def test_without_storage_the_builder_works_for_the_visit(
    browser: Browser, base_url: str, tmp_path: Path, script: str, notice: str
) -> None:
    context = browser.new_context()
    context.add_init_script(script)
    page, errors = open_note(context, base_url, DINUM.id)
    root = builder(page, DINUM.id)
    expect(root.locator("[data-note-notice]")).to_contain_text(notice)
    text_field(page, DINUM.id, "ambition").fill("Gardé pour la visite")
    expect(root.locator("[data-note-saved]")).to_contain_text("Non enregistré")
    text = download(page, "markdown", tmp_path).read_text(encoding="utf-8")
    assert "Gardé pour la visite" in text
    assert errors == []
    context.close()


@pytest.mark.parametrize(
    "raw",
    [
        "{pas du json",
        '{"v": 1, "savedAt": "hier", "data": {"service": 3, "date": "demain", "sections": []}}',
        '{"v": 1, "data": {"sections": {"ambition": "texte", "calendrier": {"rows": "x", "text": 4},'
        ' "scenarios": {"picked": "creer-gip", "scenarios": {"creer-gip": {"parts": ["a"]}}},'
        ' "ancienne": {"rows": [1, null], "columns": "x", "picked": [3]}}}}',
    ],
)
def test_unreadable_saved_text_is_ignored(context: BrowserContext, base_url: str, tmp_path: Path, raw: str) -> None:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    root = urlsplit(base_url).path  # keys carry the site's path
    page.add_init_script(f"localStorage.setItem('app:{root}:note:{DINUM.id}', {raw!r})")
    page.goto(base_url + PAGES[DINUM.id], wait_until="load")
    wait_ready(page, DINUM.id)
    expect(text_field(page, DINUM.id, "ambition")).to_have_value("")
    expect(section(page, DINUM.id, "calendrier").locator("[data-row]")).to_have_count(1)
    if raw.startswith("{pas"):
        expect(builder(page, DINUM.id).locator("[data-note-notice]")).to_contain_text("n’a pas pu être relu")
    text_field(page, DINUM.id, "ambition").fill("Un texte neuf")
    assert "Un texte neuf" in download(page, "markdown", tmp_path).read_text(encoding="utf-8")
    download(page, "odt", tmp_path)
    assert errors == []


@pytest.mark.rgaa("7.5")
def test_the_decision_grid_comes_into_the_note(context: BrowserContext, base_url: str, tmp_path: Path) -> None:
    page, errors = open_note(context, base_url, DINUM.id)
    status = builder(page, DINUM.id).locator("[data-note-status]")
    alert = builder(page, DINUM.id).locator("[data-note-alert]")
    grid_button = section(page, DINUM.id, "structure-accueil").locator("[data-note-action='import-grid']")
    grid_button.click()
    # No grid yet: an error, said by the alert region (RGAA 7.5.2).
    expect(alert).to_contain_text("Aucune grille de décision")
    expect(alert).to_have_attribute("role", "alert")
    page.goto(base_url + "preparer/structure-accueil/", wait_until="load")
    page.locator("#grille-structure-accueil-nom-1").fill("GIP à créer")
    page.locator("#grille-structure-accueil-portage-politique-1-note").select_option("3")
    page.goto(base_url + PAGES[DINUM.id], wait_until="load")
    wait_ready(page, DINUM.id)
    grid_button.click()
    expect(status).to_contain_text("La grille de décision est ajoutée")
    field = text_field(page, DINUM.id, "structure-accueil")
    value = field.input_value()
    assert value.startswith("- Portage politique :")
    assert "### Grille de décision\u00a0: structures d’accueil candidates" in value
    assert "| Critère | Poids | GIP à créer |" in value
    text = download(page, "markdown", tmp_path).read_text(encoding="utf-8")
    assert "| Portage politique | 1 | 3 – pleinement |" in text
    content = odf_parts(download(page, "odt", tmp_path).read_bytes())["content.xml"]
    assert (3, "Grille de décision\u00a0: structures d’accueil candidates") in headings(content)
    cells = ["".join(c.itertext()) for c in content.iter("{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table-cell")]
    assert "GIP à créer" in cells
    assert errors == []


def test_without_javascript_the_page_is_the_template_with_its_blank_files(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGES[DINUM.id])
    root = builder(page, DINUM.id)
    expect(root.locator("form")).to_be_hidden()
    for s in DINUM.sections:
        expect(root.locator(f"#section-{s.id}-titre")).to_have_text(s.title)
    expect(root.locator(".app-note__guidance").first).to_be_visible()
    for link in root.locator(".app-note-builder__files a").all():
        response = context.request.get(link.evaluate("a => a.href"))
        assert response.ok and response.body()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("template_id", list(PAGES))
def test_no_axe_violation(browser: Browser, base_url: str, template_id: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page, _ = open_note(context, base_url, template_id)
    root = builder(page, template_id)
    # Every state a reader brings about: a scenario open, rows added, a message.
    root.locator("[data-scenario-pick]").first.check()
    for add in root.locator("[data-note-action='add-row']").all():
        add.click()
    text_field(page, template_id, TEMPLATES[template_id].sections[0].id).fill("Un texte")
    expect(root.locator("[data-note-status]")).not_to_be_empty()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    context.close()
