"""The five source texts the guide is written from."""

from __future__ import annotations

from pydantic import HttpUrl

from .base import InlineMd, Record, SourceId, Text
from .render import Context


class Source(Record):
    id: SourceId
    title: Text
    publisher: Text
    url: HttpUrl | None = None
    summary: InlineMd


def sources(ctx: Context) -> str:
    return ctx.block("source", "sources", sources=ctx.guide.all("sources"))
