"""The reader's route: steps (data/steps.yml) and the routes that order them
(data/routes.yml).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import InlineMd, Model, Readable, Record, SourceId, Text


class StepLink(Model):
    label: Text
    target: Text = Field(description="Page du guide, depuis docs/ : « preparer/scenarios.md » ou « …md#ancre ».")
    belongs: bool = Field(
        default=True,
        description=(
            "La page fait partie de l’étape et affiche « Étape N sur M ». "
            "false pour un outil commun à plusieurs étapes."
        ),
    )


class Step(Record, Readable):
    title: Text
    summary: InlineMd = Field(description="Une ou deux phrases : ce qu’on fait à cette étape.")
    links: list[StepLink] = Field(min_length=1)
    start: int = Field(ge=-36, le=36, description="Début habituel, en mois par rapport à la date de transfert (M0).")
    end: int = Field(
        ge=-36, le=36, description="Fin habituelle, en mois par rapport à M0 (égale à start pour un jalon)."
    )
    milestone: Text = Field(description="Le jalon du rétroplanning, en quelques mots.")
    sources: list[SourceId] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> Step:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) précède start ({self.start}) : la fin doit suivre le début")
        return self


class RouteStep(Model):
    step: Text = Field(description="Identifiant d’une étape de data/steps.yml.")
    then: Literal["puis", "et", "ou"] | None = Field(
        default=None,
        description=(
            "Lien avec l’étape suivante : « puis » (après), « et » (en même temps), "
            "« ou » (l’une ou l’autre). Absent pour la dernière."
        ),
    )


class Route(Record):
    title: Text = Field(description="La situation du lecteur : « Startup d’État ».")
    reader: InlineMd = Field(description="À qui s’adresse ce parcours, en une phrase.")
    end: Text = Field(description="Ce que marque M0 pour ce parcours : « la fin de l’incubation ».")
    steps: list[RouteStep] = Field(min_length=2)

    @model_validator(mode="after")
    def _relations(self) -> Route:
        *body, last = self.steps
        if any(s.then is None for s in body):
            raise ValueError("then : chaque étape sauf la dernière dit « puis », « et » ou « ou »")
        if last.then is not None:
            raise ValueError("then : la dernière étape n’a pas d’étape suivante")
        return self
