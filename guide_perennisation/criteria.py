"""The seven criteria for choosing a host structure."""

from __future__ import annotations

from .render import Context


def criteria(ctx: Context) -> str:
    return ctx.block("criteria", "criteria", criteria=list(ctx.guide.criteria.values()))
