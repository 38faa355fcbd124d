"""Real services that went through (or past) pérennisation."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, HttpUrl

from .base import InlineMd, Record, Slug, Text, Verified
from .render import Context


class Example(Record, Verified):
    name: Text
    url: HttpUrl | None = None
    programme: Literal["beta.gouv.fr", "EIG"]
    promotion: Text | None = Field(default=None, description="Promotion EIG, par exemple « EIG 2 ».")
    year: int | None = Field(default=None, ge=2013, le=2100, description="Année de la pérennisation.")
    host_structure: InlineMd | None = None
    trajectory: Slug | None = None
    scenario: Slug | None = None
    team: InlineMd | None = None
    budget: InlineMd | None = None
    outcome: InlineMd = Field(description="Ce qu'il est devenu.")


def example_cards(
    ctx: Context,
    programme: str | None = None,
    scenario: str | None = None,
    trajectory: str | None = None,
    level: int = 2,
) -> str:
    guide = ctx.guide
    if scenario is not None:
        guide.get("scenarios", scenario)
    if trajectory is not None:
        guide.get("trajectories", trajectory)
    chosen = [
        e
        for e in guide.all("examples")
        if (programme is None or e.programme == programme)
        and (scenario is None or e.scenario == scenario)
        and (trajectory is None or e.trajectory == trajectory)
    ]
    return ctx.block(
        "example",
        "examples",
        examples=chosen,
        scenarios=guide.records["scenarios"],
        trajectories=guide.records["trajectories"],
        sources=guide.records["sources"],
        level=level,
    )
