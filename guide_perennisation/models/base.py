"""Shared building blocks of the data models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

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


class Readable(Model):
    """A record some of whose fields no source states: the guide's own reading.

    Such fields are shown with the « lecture du guide » mark, so a reader can
    tell a sourced fact from what the guide infers, summarises or ranks.
    """

    reading: list[str] = Field(
        default=[],
        description="Champs qui relèvent de la lecture du guide : aucune source ne les énonce tels quels.",
    )

    @model_validator(mode="after")
    def _reading_names_fields(self) -> Readable:
        fields = set(type(self).model_fields) - {"reading"}
        unknown = [name for name in self.reading if name not in fields]
        if unknown:
            names, known = ", ".join(unknown), ", ".join(sorted(fields))
            raise ValueError(f"reading : « {names} » n'est pas un champ de la fiche (champs : {known})")
        return self


class Dated(Model):
    """A fact taken from a source text, with the dates that say what it is worth.

    `consulted` is the day the source was read; `checked`, when present, the
    day the fact was checked against current reality. Only the latter is
    « vérifié le ». Freshness counts from the newer of the two.
    """

    sources: list[SourceId] = Field(min_length=1)
    consulted: dt.date = Field(description="« Source consultée le » : jour où la source a été lue.")
    checked: dt.date | None = Field(
        default=None, description="« Vérifié le » : jour où le fait a été contrôlé auprès du service lui-même."
    )

    @property
    def dated_on(self) -> dt.date:
        return self.checked or self.consulted
