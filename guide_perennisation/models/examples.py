"""Real services that went through (or past) pérennisation."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, HttpUrl, model_validator

from .base import Dated, InlineMd, Readable, Record, Slug, Text
from .figures import ExampleFigure, bold_run

Programme = Literal["beta.gouv.fr", "EIG", "autre"]
# Where the service stands in its source, not today: a source is no census.
Status = Literal["continued", "transfer-in-preparation", "not-continued", "illustration"]


class Example(Record, Readable, Dated):
    name: Text
    url: HttpUrl | None = None
    programme: Programme
    status: Status = Field(
        description="Où en est le service selon sa source : continued (pérennisé), transfer-in-preparation "
        "(transfert en préparation), not-continued (non pérennisé), illustration (cité en illustration)."
    )
    situation: Text = Field(
        description="Date ou année de la situation que décrit la source, par exemple « janvier 2022 »."
    )
    promotion: Text | None = Field(default=None, description="Promotion EIG, par exemple « EIG 2 ».")
    year: int | None = Field(default=None, ge=2013, le=2100, description="Année de la pérennisation.")
    host_structure: InlineMd | None = None
    trajectory: Slug | None = None
    scenario: Slug | None = None
    team: InlineMd | None = None
    budget: InlineMd | None = None
    outcome: InlineMd = Field(description="Ce qu'il est devenu.")
    figures: list[ExampleFigure] = Field(default=[], description="Chiffres repris dans les « repères chiffrés ».")

    @model_validator(mode="after")
    def _figures_are_in_bold(self) -> Example:
        for figure in self.figures:
            if bold_run(getattr(self, figure.field)) is None:
                raise ValueError(
                    f"figures : le champ « {figure.field} » n'a pas de chiffre en gras ; "
                    f"écrivez-le **entre doubles astérisques** dans ce champ"
                )
        return self
