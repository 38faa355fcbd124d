"""Real services that went through (or past) pérennisation."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import Field, HttpUrl

from .base import InlineMd, Record, Slug, Text, Verified
from .render import Context

if TYPE_CHECKING:
    from .guide import Guide

Programme = Literal["beta.gouv.fr", "EIG"]
PROGRAMMES = get_args(Programme)


class Example(Record, Verified):
    name: Text
    url: HttpUrl | None = None
    programme: Programme
    promotion: Text | None = Field(default=None, description="Promotion EIG, par exemple « EIG 2 ».")
    year: int | None = Field(default=None, ge=2013, le=2100, description="Année de la pérennisation.")
    host_structure: InlineMd | None = None
    trajectory: Slug | None = None
    scenario: Slug | None = None
    team: InlineMd | None = None
    budget: InlineMd | None = None
    outcome: InlineMd = Field(description="Ce qu'il est devenu.")


# A choice of the explorer: value, label, number of examples.
Option = tuple[str, str, int]


def _filters(guide: Guide, chosen: list[Example]) -> dict[str, list[Option]]:
    """The explorer's choices per field; a field with a single choice is left out."""
    titles = {
        "scenario": {s.id: s.title for s in guide.all("scenarios")},
        "trajectory": {t.id: t.title for t in guide.all("trajectories")},
        "programme": {p: p for p in PROGRAMMES},
    }
    filters = {}
    for field, names in titles.items():
        counts = Counter(getattr(e, field) for e in chosen)
        options = [(key, title, counts[key]) for key, title in names.items() if counts[key]]
        if len(options) > 1:
            filters[field] = options
    return filters


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
        filters=_filters(guide, chosen),
        scenarios=guide.records["scenarios"],
        trajectories=guide.records["trajectories"],
        sources=guide.records["sources"],
        level=level,
    )
