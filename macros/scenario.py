"""Host-structure scenarios: detailed ones and those known only in outline."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from .base import InlineMd, Readable, Record, Slug, SourceId, Text
from .render import Context

if TYPE_CHECKING:
    from .guide import Guide


class Scenario(Record, Readable):
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


def cases(guide: Guide) -> dict[str, list[str]]:
    """Each scenario's examples: its similar cases, then the other examples that name it."""
    naming: defaultdict[str, list[str]] = defaultdict(list)
    for e in guide.all("examples"):
        if e.scenario is not None:
            naming[e.scenario].append(e.id)
    found = {}
    for s in guide.all("scenarios"):
        similar = set(s.similar_cases)
        found[s.id] = s.similar_cases + [i for i in naming[s.id] if i not in similar]
    return found


def _render(ctx: Context, component: str, **context: object) -> str:
    guide = ctx.guide
    return ctx.block(
        component,
        "scenarios",
        scenarios=guide.all("scenarios"),
        cases=cases(guide),
        examples=guide.records["examples"],
        trajectories=guide.records["trajectories"],
        sources=guide.records["sources"],
        **context,
    )


def scenarios(ctx: Context, level: int = 2) -> str:
    return _render(ctx, "scenario", level=level)


def scenario_table(ctx: Context) -> str:
    return _render(ctx, "scenario_table")
