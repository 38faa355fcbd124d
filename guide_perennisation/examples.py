"""Real services that went through (or past) pérennisation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import get_args

from .guide import Guide
from .models.examples import Example, Status
from .render import Context

# Where the service stands in its source (models.examples.Status), in the
# order the pages show their groups; their words are the explorer's texts
# (data/interface.yml), « status-… » for a card, « group-… » for a heading.
STATUSES = get_args(Status)


def _statuses(texts: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Each status's label on a card, and its group's heading."""
    return {s: texts[f"status-{s}"] for s in STATUSES}, {s: texts[f"group-{s}"] for s in STATUSES}


def _programmes(texts: Mapping[str, str]) -> dict[str, str]:
    """The programmes are named as they name themselves, but the others."""
    return {"beta.gouv.fr": "beta.gouv.fr", "EIG": "EIG", "autre": texts["programme-other"]}


# A choice of the explorer: value, label, number of examples.
Option = tuple[str, str, int]


def _filters(guide: Guide, texts: Mapping[str, str], chosen: list[Example]) -> dict[str, list[Option]]:
    """The explorer's choices per field; a field with a single choice is left out."""
    titles = {
        "status": _statuses(texts)[0],
        "scenario": {s.id: s.title for s in guide.scenarios.values()},
        "trajectory": {t.id: t.title for t in guide.trajectories.values()},
        "programme": _programmes(texts),
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
    texts = guide.interface["examples"].texts
    labels, headings = _statuses(texts)
    groups = [(key, [e for e in chosen if e.status == key]) for key in STATUSES]
    return ctx.block(
        "examples",
        "examples",
        examples=chosen,
        groups=[(key, group) for key, group in groups if group],
        status_labels=labels,
        status_headings=headings,
        programme_labels=_programmes(texts),
        filters=_filters(guide, texts, chosen),
        scenarios=guide.scenarios,
        trajectories=guide.trajectories,
        sources=guide.sources,
        level=level,
    )
