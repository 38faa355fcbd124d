"""Checklists that readers tick, annotate, print and export."""

from __future__ import annotations

from pydantic import Field

from .base import InlineMd, Record, SourceId, Text


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
