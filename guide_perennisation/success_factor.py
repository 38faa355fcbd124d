"""The five success factors of a transfer."""

from __future__ import annotations

from .base import InlineMd, Record, Text
from .render import Context


class SuccessFactor(Record):
    title: Text
    description: InlineMd


def success_factors(ctx: Context) -> str:
    return ctx.block("success_factor", "success_factors", factors=ctx.guide.all("success_factors"))
