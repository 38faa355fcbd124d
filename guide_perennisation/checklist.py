"""Checklists that readers tick, annotate, print and export."""

from __future__ import annotations

from .render import Context


def checklist(ctx: Context, checklist_id: str, level: int = 2) -> str:
    found = ctx.guide.get("checklists", checklist_id)
    return ctx.block(
        "checklist", "checklists", record=found.id, checklist=found, sources=ctx.guide.sources, level=level
    )


def all_checklists(ctx: Context, level: int = 2) -> str:
    return "\n".join(checklist(ctx, c, level) for c in ctx.guide.checklists)
