"""Abbreviations and terms of the guide."""

from __future__ import annotations

from pydantic import Field

from .base import InlineMd, Record, Text


class Term(Record):
    term: Text
    expansion: Text | None = Field(
        default=None, description="Forme développée d'un sigle (GIP → Groupement d'intérêt public)."
    )
    definition: InlineMd
