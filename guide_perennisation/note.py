"""Note templates: sections with their guidance, and prompts drawn from the rest
of the data. The builder (note_builder.py) and the blank files (note_files.py)
are both made from these models and helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from markupsafe import Markup
from pydantic import Field

from .base import InlineMd, Record, SourceId, Text
from .links import Links
from .render import md_inline
from .scenario import cases

if TYPE_CHECKING:
    from .guide import Guide

Kind = Literal["text", "scenarios", "calendar", "governance"]


class NoteSection(Record):
    title: Text
    level: Literal[2, 3] = 2
    guidance: InlineMd = Field(description="Ce qu'il faut écrire dans cette section.")
    questions: list[InlineMd] = []
    kind: Kind = "text"
    prefill: Literal["success-factors", "criteria", "scenarios", "exit-criteria"] | None = Field(
        default=None,
        description="Données du guide reprises comme invites dans cette section.",
    )


class NoteTemplate(Record):
    title: Text
    intro: InlineMd
    sources: list[SourceId] = Field(min_length=1)
    sections: list[NoteSection] = Field(min_length=1)


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
            for f in guide.all("success_factors")
        ],
        "criteria": lambda: [
            (c.title, links.page("preparer/structure-accueil.md", f"critere-{c.id}")) for c in guide.all("criteria")
        ],
        "scenarios": lambda: [(s.title, links.record("scenarios", s.id)) for s in guide.all("scenarios")],
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
    examples = guide.records["examples"]
    return [
        {
            "scenario": s,
            "parts": {
                "description": "",
                "advantages": bullets(s.advantages),
                "risks": bullets(s.risks),
                "cases": bullets([examples[case].name for case in cases(guide)[s.id] if case in examples]),
                "next_steps": bullets(s.next_steps),
            },
        }
        for s in guide.all("scenarios")
    ]
