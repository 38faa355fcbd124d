"""Real services that went through (or past) pérennisation."""

from __future__ import annotations

from collections import Counter

from .guide import Guide
from .models.examples import Example
from .render import Context

PROGRAMME_LABELS = {"beta.gouv.fr": "beta.gouv.fr", "EIG": "EIG", "autre": "Ni beta.gouv.fr ni EIG"}

# Where the service stands in its source (models.example.Status).
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


# A choice of the explorer: value, label, number of examples.
Option = tuple[str, str, int]


def _filters(guide: Guide, chosen: list[Example]) -> dict[str, list[Option]]:
    """The explorer's choices per field; a field with a single choice is left out."""
    titles = {
        "status": STATUS_LABELS,
        "scenario": {s.id: s.title for s in guide.scenarios.values()},
        "trajectory": {t.id: t.title for t in guide.trajectories.values()},
        "programme": PROGRAMME_LABELS,
    }
    filters = {}
    for field, names in titles.items():
        counts = Counter(getattr(e, field) for e in chosen)
        options = [(key, title, counts[key]) for key, title in names.items() if counts[key]]
        if len(options) > 1:
            filters[field] = options
    return filters


def examples(
    ctx: Context,
    programme: str | None = None,
    scenario: str | None = None,
    trajectory: str | None = None,
    status: str | None = None,
    level: int = 2,
) -> str:
    """The example cards, grouped under a heading per status, and their filters."""
    guide = ctx.guide
    chosen = guide.examples_of(programme=programme, scenario=scenario, trajectory=trajectory, status=status)
    groups = [(key, [e for e in chosen if e.status == key]) for key in STATUS_HEADINGS]
    return ctx.block(
        "examples",
        "examples",
        examples=chosen,
        groups=[(key, group) for key, group in groups if group],
        status_labels=STATUS_LABELS,
        status_headings=STATUS_HEADINGS,
        programme_labels=PROGRAMME_LABELS,
        filters=_filters(guide, chosen),
        scenarios=guide.scenarios,
        trajectories=guide.trajectories,
        sources=guide.sources,
        level=level,
    )
