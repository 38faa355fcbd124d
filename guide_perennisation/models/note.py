"""Note templates: sections with their guidance and the data they draw on."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import InlineMd, Record, SourceId, Text

Kind = Literal["text", "scenarios", "calendar", "governance"]


class NoteSection(Record):
    title: Text
    level: Literal[2, 3] = 2
    guidance: InlineMd = Field(description="Ce qu'il faut écrire dans cette section.")
    questions: list[InlineMd] = []
    kind: Kind = "text"
    prefill: Literal["success-factors", "criteria", "scenarios", "exit-criteria"] | None = Field(
        default=None,
        description="Données du guide reprises comme invites dans cette section.",
    )


class NoteTemplate(Record):
    title: Text
    intro: InlineMd
    sources: list[SourceId] = Field(min_length=1)
    sections: list[NoteSection] = Field(min_length=1)
