"""The seven criteria for choosing a host structure."""

from __future__ import annotations

from .base import InlineMd, Record, Text
from .render import Context


class Criterion(Record):
    title: Text
    description: InlineMd
    question: InlineMd


def criteria(ctx: Context) -> str:
    return ctx.block("criterion", "criteria", criteria=ctx.guide.all("criteria"))
