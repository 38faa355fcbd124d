"""Checklists that readers tick, annotate, print and export."""

from __future__ import annotations

from pydantic import Field

from .base import InlineMd, Record, SourceId, Text
from .render import Context


class ChecklistItem(Record):
    label: InlineMd
    help: InlineMd | None = None
    link: Text | None = Field(
        default=None,
        description="Page du guide qui explique ce point, depuis docs/ : « preparer/criteres-sortie.md#produit ».",
    )


class ChecklistGroup(Record):
    title: Text
    items: list[ChecklistItem] = Field(min_length=1)


class Checklist(Record):
    title: Text
    intro: InlineMd | None = None
    sources: list[SourceId] = Field(min_length=1)
    groups: list[ChecklistGroup] = Field(min_length=1)


def checklist(ctx: Context, checklist_id: str, level: int = 2) -> str:
    found = ctx.guide.get("checklists", checklist_id)
    return ctx.block(
        "checklist", "checklists", record=found.id, checklist=found, sources=ctx.guide.records["sources"], level=level
    )


def all_checklists(ctx: Context, level: int = 2) -> str:
    return "\n".join(checklist(ctx, c.id, level) for c in ctx.guide.all("checklists"))
