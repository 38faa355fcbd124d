"""Shared building blocks of the data models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Inline Markdown (bold, italics, code, links) is allowed in fields typed
# `InlineMd`; it is rendered by the `md_inline` filter, never as raw HTML.
InlineMd = Text

SourceId = Literal[
    "preparer-perennisation",
    "note-dinum",
    "sortie-incubation",
    "guide-eig",
    "phase-transfert",
]


class Model(BaseModel):
    """Every data model refuses unknown keys, so that typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Record(Model):
    id: Slug = Field(description="Identifiant stable, en kebab-case.")


class Verified(Model):
    """A fact checked against a source text on a given day."""

    sources: list[SourceId] = Field(min_length=1)
    verified: dt.date = Field(description="« Vérifié le » : date du dernier contrôle.")
