"""Host-structure scenarios: detailed ones and those known only in outline."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import InlineMd, Record, Slug, SourceId, Text
from .render import Context


class Scenario(Record):
    title: Text
    status: Literal["detaille", "esquisse"] = Field(
        description="« detaille » : décrit en entier par les sources ; « esquisse » : seulement cité."
    )
    summary: InlineMd
    advantages: list[InlineMd] = []
    risks: list[InlineMd] = []
    similar_cases: list[Slug] = Field(default=[], description="Identifiants d'exemples (data/examples.yml).")
    next_steps: list[InlineMd] = []
    trajectory: Slug | None = Field(default=None, description="Identifiant de trajectoire (data/trajectories.yml).")
    political_backing: InlineMd | None = None
    setup_cost: InlineMd | None = None
    changes_legal_entity: bool | None = None
    recruitment_flexibility: InlineMd | None = None
    sources: list[SourceId] = Field(min_length=1)


def scenarios(ctx: Context, level: int = 2) -> str:
    guide = ctx.guide
    return ctx.block(
        "scenario",
        "scenarios",
        scenarios=guide.all("scenarios"),
        examples=guide.records["examples"],
        trajectories=guide.records["trajectories"],
        level=level,
    )


def scenario_table(ctx: Context) -> str:
    guide = ctx.guide
    return ctx.block(
        "scenario_table",
        "scenarios",
        scenarios=guide.all("scenarios"),
        examples=guide.records["examples"],
        trajectories=guide.records["trajectories"],
    )
