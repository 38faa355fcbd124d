"""The comparison of the host-structure scenarios: scenarios as columns,
attributes as rows, one short cell each (models.scenarios.Glance)."""

from __future__ import annotations

from collections.abc import Mapping

from .render import Context
from .scenarios import render_scenarios

# The rows of the comparison, in order: the fields of Glance, the similar
# cases coming from the examples rather than from a field. Their labels are
# the comparison's texts (data/interface.yml), « row-… ».
ROWS = ("carrier", "legal_entity", "funding", "team", "setup", "advantages", "risks", "cases", "next_step")


def rows(texts: Mapping[str, str]) -> list[tuple[str, str]]:
    """Each row's label and field."""
    return [(texts[f"row-{field.replace('_', '-')}"], field) for field in ROWS]


def scenario_table(ctx: Context) -> str:
    """The detailed scenarios shown first."""
    return render_scenarios(ctx, "scenario_table", rows=rows(ctx.guide.interface["scenario-table"].texts))
