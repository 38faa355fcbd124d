"""The five source texts the guide is written from, and the documents they cite."""

from __future__ import annotations

from .render import Context


def sources(ctx: Context) -> str:
    return ctx.block("sources", "sources", sources=list(ctx.guide.sources.values()))
