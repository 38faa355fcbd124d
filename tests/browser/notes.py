"""What the note builder tests share: the pages, filling every field, and
reading the exports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from playwright.sync_api import Locator, Page, expect

from guide_perennisation.loader import load_guide
from guide_perennisation.models.note import NoteTemplate

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"note-dinum": "outils/note-dinum/", "note-strategique-eig": "defis-eig/note-strategique/"}
PICKED = ["internaliser", "creer-gip"]
SERVICE = "Service « Témoin » & associés"
DAY = "2025-03-12"
DAY_TEXT = "12 mars 2025"


def templates(project: Path = ROOT) -> dict[str, NoteTemplate]:
    return {t.id: t for t in load_guide(project).notes.values()}


SCENARIO_TITLES = {s.id: s.title for s in load_guide(ROOT).scenarios.values()}


def builder(page: Page, template_id: str) -> Locator:
    return page.locator(f"#note-{template_id}")


def section(page: Page, template_id: str, section_id: str) -> Locator:
    return builder(page, template_id).locator(f"[data-section-id='{section_id}']")


def text_field(page: Page, template_id: str, section_id: str) -> Locator:
    return section(page, template_id, section_id).locator("[data-section-text]")


def wait_ready(page: Page, template_id: str) -> None:
    expect(builder(page, template_id).locator("form")).to_be_visible()


@dataclass
class Typed:
    """What fill_everything typed, to look for in the exports."""

    by_section: dict[str, list[str]] = field(default_factory=dict)

    @property
    def strings(self) -> list[str]:
        return [SERVICE, DAY_TEXT, *(s for strings in self.by_section.values() for s in strings)]


def section_text(section_id: str) -> str:
    return f"Texte de la rubrique {section_id}, écrit à la main.\n\nUn second paragraphe pour {section_id}."


def fill_everything(page: Page, template: NoteTemplate) -> Typed:
    """Every field of the form: the service, the date, each section's text,
    two scenarios with every part, and two rows of every repeatable list."""
    typed = Typed()
    root = builder(page, template.id)
    root.locator("[data-note-field='service']").fill(SERVICE)
    root.locator("[data-note-field='date']").fill(DAY)
    for s in template.sections:
        strings = typed.by_section.setdefault(s.id, [])
        text_field(page, template.id, s.id).fill(section_text(s.id))
        strings += [f"Texte de la rubrique {s.id}, écrit à la main.", f"Un second paragraphe pour {s.id}."]
        part = section(page, template.id, s.id)
        if s.kind == "scenarios":
            for scenario in PICKED:
                part.locator(f"[data-scenario-pick][value='{scenario}']").check()
                fieldset = part.locator(f"[data-scenario-id='{scenario}']")
                for area in fieldset.locator("textarea").all():
                    key = area.get_attribute("data-part")
                    area.fill(f"{area.input_value()}\n- Ajout {key} pour {scenario}".strip())
                    strings.append(f"Ajout {key} pour {scenario}")
        if s.kind in ("calendar", "governance"):
            part.locator("[data-note-action='add-row']").click()
            for n, row in enumerate(part.locator("[data-row]").all(), start=1):
                for cell in row.locator("input").all():
                    value = f"{cell.get_attribute('data-column')}-{s.id}-{n}"
                    cell.fill(value)
                    strings.append(value)
    return typed


def form_values(page: Page, template_id: str) -> list[tuple[str, object]]:
    """Every field of the form in order, as a reader sees it."""
    return (
        builder(page, template_id)
        .locator("form")
        .evaluate(
            """form => [...form.querySelectorAll("input, textarea")].map(f =>
             [f.closest("[data-section-id]")?.dataset.sectionId || "", f.type === "checkbox" ? f.checked : f.value])"""
        )
    )


def download(page: Page, action: str, directory: Path) -> Path:
    """The file an export button gives, saved under the name it suggests."""
    with page.expect_download() as info:
        page.locator(f"[data-note-action='{action}']").click()
    target = directory / info.value.suggested_filename
    info.value.save_as(target)
    return target


def markdown_headings(text: str) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#+) (.+)$", text, re.M)]


def expected_headings(template: NoteTemplate, picked: list[str] = PICKED) -> list[tuple[int, str]]:
    """The note's headings, in order, once fill_everything has run."""
    out = [(1, template.title)]
    for s in template.sections:
        out.append((s.level, s.title))
        if s.kind == "scenarios":
            out += [(s.level + 1, f"Scénario\u00a0: {SCENARIO_TITLES[p]}") for p in picked]
    return out


# A new version of the note-dinum template (test_note_rebuild.py).
NOTE = "note-dinum"
REMOVED = "ressources"
RENAMED = ("ambition", "L’ambition du service")
ADDED = {"id": "contexte-service", "title": "Le service en bref", "guidance": "Présentez le service en deux phrases."}


def edit_note_template(project: Path) -> None:
    """The note of a new version: sections added, removed, reordered and
    renamed; the scenarios it lists reordered."""
    notes_file = project / "data" / "notes.yml"
    notes = yaml.safe_load(notes_file.read_text(encoding="utf-8"))
    note = next(n for n in notes if n["id"] == NOTE)
    sections = [s for s in note["sections"] if s["id"] != REMOVED]
    sections.reverse()
    next(s for s in sections if s["id"] == RENAMED[0])["title"] = RENAMED[1]
    note["sections"] = [ADDED, *sections]
    notes_file.write_text(yaml.safe_dump(notes, allow_unicode=True, sort_keys=False), encoding="utf-8")
    scenarios_file = project / "data" / "scenarios.yml"
    scenarios = yaml.safe_load(scenarios_file.read_text(encoding="utf-8"))
    scenarios_file.write_text(yaml.safe_dump(scenarios[::-1], allow_unicode=True, sort_keys=False), encoding="utf-8")
