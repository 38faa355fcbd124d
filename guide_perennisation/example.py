"""Real services that went through (or past) pérennisation."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Literal

from pydantic import Field, HttpUrl, model_validator

from .base import Dated, InlineMd, Readable, Record, Slug, Text
from .figures import ExampleFigure, bold_run
from .render import Context

if TYPE_CHECKING:
    from .guide import Guide

Programme = Literal["beta.gouv.fr", "EIG", "autre"]
PROGRAMME_LABELS = {"beta.gouv.fr": "beta.gouv.fr", "EIG": "EIG", "autre": "Ni beta.gouv.fr ni EIG"}

# Where the service stands in its source, not today: a source is no census.
Status = Literal["continued", "transfer-in-preparation", "not-continued", "illustration"]
STATUS_LABELS = {
    "continued": "Pérennisé",
    "transfer-in-preparation": "Transfert en préparation",
    "not-continued": "Non pérennisé",
    "illustration": "Cité en illustration",
}
# Headings of the groups, in the order the pages show them.
STATUS_HEADINGS = {
    "continued": "Services et défis pérennisés",
    "transfer-in-preparation": "Transfert en préparation",
    "not-continued": "Défis non pérennisés",
    "illustration": "Cités en illustration",
}


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


# A choice of the explorer: value, label, number of examples.
Option = tuple[str, str, int]


def _filters(guide: Guide, chosen: list[Example]) -> dict[str, list[Option]]:
    """The explorer's choices per field; a field with a single choice is left out."""
    titles = {
        "status": STATUS_LABELS,
        "scenario": {s.id: s.title for s in guide.all("scenarios")},
        "trajectory": {t.id: t.title for t in guide.all("trajectories")},
        "programme": PROGRAMME_LABELS,
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
    status: str | None = None,
    level: int = 2,
) -> str:
    """The example cards, grouped under a heading per status, and their filters."""
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
        and (status is None or e.status == status)
    ]
    groups = [(key, [e for e in chosen if e.status == key]) for key in STATUS_HEADINGS]
    return ctx.block(
        "example",
        "examples",
        examples=chosen,
        groups=[(key, group) for key, group in groups if group],
        status_labels=STATUS_LABELS,
        status_headings=STATUS_HEADINGS,
        programme_labels=PROGRAMME_LABELS,
        filters=_filters(guide, chosen),
        scenarios=guide.records["scenarios"],
        trajectories=guide.records["trajectories"],
        sources=guide.records["sources"],
        level=level,
    )
