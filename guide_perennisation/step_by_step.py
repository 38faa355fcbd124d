"""The reader's route: numbered steps from « where are we? » to the transfer.

Steps (data/steps.yml) say what to do, where in the guide, and when,
relative to the transfer date (M0). Routes (data/routes.yml) order them for
one situation, with « et », « ou » or « puis » between two steps. The same
data gives the home page's step-by-step, the « Étape N sur M » box of each
page that belongs to a step, and the dated plan of the calendar page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from .base import InlineMd, Model, Readable, Record, SourceId, Text
from .render import Context, flatten, render


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


# How far away M0 is, as the home page asks it: the months (relative to M0)
# the reader may be in, from (inclusive) to (exclusive). Steps that end before
# them are « à rattraper », those that overlap them « à faire maintenant ».
# Part of the guide's reading of the sources' calendars.
DISTANCES = (
    ("plus-d-un-an", "Plus d’un an", -36, -12),
    ("6-a-12-mois", "De 6 à 12 mois", -12, -6),
    ("moins-de-6-mois", "Moins de 6 mois", -6, 0),
    ("passee", "Déjà passée", 0, 37),
)


def month_label(month: int) -> str:
    """« M−13 », « M0 », « M+6 »: months relative to the transfer date."""
    return "M0" if month == 0 else f"M{'+' if month > 0 else '−'}{abs(month)}"


def timing_label(step: Step) -> str:
    if step.start == step.end:
        return month_label(step.start)
    return f"{month_label(step.start)} à {month_label(step.end)}"


@dataclass(frozen=True)
class Position:
    """Where a page sits on one route."""

    route: Route
    number: int
    step: Step
    previous: Step | None
    next: Step | None


def positions(guide, page: str) -> list[Position]:
    """The steps, one per route at most, that the page `page` (from docs/) belongs to."""
    found = []
    for route in guide.all("routes"):
        steps = [guide.get("steps", s.step) for s in route.steps]
        for i, step in enumerate(steps):
            if any(link.belongs and link.target.split("#", 1)[0] == page for link in step.links):
                previous = steps[i - 1] if i else None
                following = steps[i + 1] if i + 1 < len(steps) else None
                found.append(Position(route, i + 1, step, previous, following))
                break
    return found


def _routes(ctx: Context) -> list[tuple[Route, list[tuple[Step, str | None]]]]:
    return [
        (route, [(ctx.guide.get("steps", s.step), s.then) for s in route.steps]) for route in ctx.guide.all("routes")
    ]


def step_by_step(ctx: Context, level: int = 2) -> str:
    """Every route, each a numbered list of expandable steps, and the choice of situation."""
    ctx.shown.add(ctx.guide.files["steps"])
    return ctx.block(
        "step_by_step", "routes", routes=_routes(ctx), distances=DISTANCES, level=level, timing=timing_label
    )


def step_box(guide, links, page: str) -> str:
    """The « Étape N sur M » box of a page, one per route it belongs to; empty elsewhere."""
    found = positions(guide, page)
    if not found:
        return ""
    return flatten(render("step_by_step_box.html", positions=found, links=links, timing=timing_label))


def plan(ctx: Context, level: int = 2) -> str:
    """The dated plan: each route's milestones in months from M0, dated in the browser."""
    ctx.shown.add(ctx.guide.files["steps"])
    return ctx.block("plan", "routes", routes=_routes(ctx), level=level, month=month_label, timing=timing_label)
