"""What a note template starts with: prompts drawn from the rest of the data,
the parts of a scenario and the columns of repeatable rows. The builder
(note_builder.py) and the blank files (note_files.py) are both made from the
models (models/note.py) and these helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .guide import Guide
from .links import Links
from .models.note import NoteSection, NoteTemplate
from .render import md_inline

# The parts of a scenario in a note, and the columns of repeatable rows: the
# builder's labels, its exports and the blank files all read them from here.
SCENARIO_PARTS = {
    "description": "Structure visée",
    "advantages": "Avantages",
    "risks": "Risques",
    "cases": "Pérennisations comparables",
    "next_steps": "Prochaines étapes",
}


@dataclass(frozen=True)
class RowKind:
    row: str  # what one row is, for « Ajouter une étape »
    columns: dict[str, str]  # key saved in the browser -> label


ROW_KINDS = {
    "calendar": RowKind("étape", {"date": "Date", "step": "Étape"}),
    "governance": RowKind("instance", {"body": "Instance", "members": "Membres", "role": "Rôle"}),
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
