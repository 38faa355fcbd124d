"""The five success factors of a transfer."""

from __future__ import annotations

from .render import Context


def success_factors(ctx: Context) -> str:
    return ctx.block("success_factors", "success_factors", factors=list(ctx.guide.success_factors.values()))
