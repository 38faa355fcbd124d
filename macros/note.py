"""Note templates: sections with their guidance, and pre-filled prompts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import InlineMd, Record, SourceId, Text
from .render import Context


class NoteSection(Record):
    title: Text
    level: Literal[2, 3] = 2
    guidance: InlineMd = Field(description="Ce qu'il faut écrire dans cette section.")
    questions: list[InlineMd] = []
    kind: Literal["text", "scenarios", "calendar", "governance"] = "text"
    prefill: Literal["success-factors", "criteria", "scenarios", "exit-criteria"] | None = Field(
        default=None,
        description="Données du guide reprises comme invites dans cette section.",
    )


class NoteTemplate(Record):
    title: Text
    intro: InlineMd
    sources: list[SourceId] = Field(min_length=1)
    sections: list[NoteSection] = Field(min_length=1)


def _prefills(ctx: Context, template: NoteTemplate) -> dict[str, list[tuple[str, str]]]:
    """Links from each section to the guide data it draws on, never a copy of it."""
    links, guide = ctx.links, ctx.guide
    sources = {
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


def note_template(ctx: Context, template_id: str, level: int = 2) -> str:
    template = ctx.guide.get("notes", template_id)
    return ctx.block(
        "note", "notes", record=template.id, template=template, prefills=_prefills(ctx, template), level=level
    )
