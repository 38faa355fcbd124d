"""What a note template starts with: prompts drawn from the rest of the data,
the parts of a scenario and the columns of repeatable rows. The builder
(note_builder.py) and the blank files (note_files.py) are both made from the
models (models/note.py) and these helpers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from .guide import Guide
from .links import Links
from .models.note import NoteSection, NoteTemplate
from .render import md_inline

# The parts of a scenario in a note, and the columns of repeatable rows (the
# keys saved in the browser): the builder, its exports and the blank files
# all read them from here, and their words from the note builder's texts
# (data/interface.yml): « part-… », « row-… » (what one row is), « column-… ».
SCENARIO_PARTS = ("description", "advantages", "risks", "cases", "next_steps")
ROW_COLUMNS = {"calendar": ("date", "step"), "governance": ("body", "members", "role")}


@dataclass(frozen=True)
class RowKind:
    row: str  # what one row is, for « Ajouter une étape »
    columns: dict[str, str]  # key saved in the browser -> label


def scenario_parts(texts: Mapping[str, str]) -> dict[str, str]:
    """Each part of a scenario, and its label."""
    return {part: texts[f"part-{part.replace('_', '-')}"] for part in SCENARIO_PARTS}


def row_kinds(texts: Mapping[str, str]) -> dict[str, RowKind]:
    """Each kind of repeatable rows, with its columns' labels."""
    return {
        kind: RowKind(texts[f"row-{kind}"], {column: texts[f"column-{column}"] for column in columns})
        for kind, columns in ROW_COLUMNS.items()
    }


def plain(text: str) -> str:
    """Inline Markdown as the text a reader sees: what form fields and files hold."""
    return Markup(md_inline(text)).striptags()


def prefill_links(guide: Guide, links: Links, template: NoteTemplate) -> dict[str, list[tuple[str, str]]]:
    """Links from each section to the guide data it draws on, never a copy of it."""
    sources: dict[str, Callable[[], list[tuple[str, str]]]] = {
        "success-factors": lambda: [
            (f.title, links.page("comprendre/facteurs-de-succes.md", f"facteur-{f.id}"))
            for f in guide.success_factors.values()
        ],
        "criteria": lambda: [
            (c.title, links.page("preparer/structure-accueil.md", f"critere-{c.id}")) for c in guide.criteria.values()
        ],
        "scenarios": lambda: [(s.title, links.record("scenarios", s.id)) for s in guide.scenarios.values()],
        "exit-criteria": lambda: [
            (g.title, links.page("preparer/criteres-sortie.md", "checklist-criteres-sortie-incubation"))
            for g in guide.get("checklists", "criteres-sortie-incubation").groups
        ],
    }
    return {s.id: sources[s.prefill]() if s.prefill else [] for s in template.sections}


def prompts(section: NoteSection, prefills: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What a text section starts with: one line per item of the data it draws
    on, to be completed. Scenarios and rows have fields of their own."""
    return prefills if section.kind == "text" else []


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {plain(item)}" for item in items)


def scenario_prompts(guide: Guide) -> list[dict[str, object]]:
    """Each scenario of the data, with its parts as a note starts them."""
    return [
        {
            "scenario": s,
            "parts": {
                "description": "",
                "advantages": bullets(s.advantages),
                "risks": bullets(s.risks),
                "cases": bullets([case.name for case in guide.cases(s.id)]),
                "next_steps": bullets(s.next_steps),
            },
        }
        for s in guide.scenarios.values()
    ]
