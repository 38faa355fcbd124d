"""Host-structure decision grid: up to four candidates scored on each criterion.

The server renders a complete blank grid (it prints as is, without JavaScript);
docs/assets/components/structure-grid.js adds saving, totals and the export.
"""

from __future__ import annotations

from .models.base import Slug
from .render import Context

CANDIDATES = 4
# How much a criterion counts in the totals; 1 until the reader says otherwise.
WEIGHTS = ["0", "1", "2", "3"]


def structure_grid(ctx: Context, grid: Slug = "structure-accueil") -> str:
    """`grid` names the saved state: two grids with the same name share it."""
    return ctx.block(
        "structure_grid",
        "criteria",
        criteria=list(ctx.guide.criteria.values()),
        candidates=range(1, CANDIDATES + 1),
        weights=WEIGHTS,
        grid=grid,
    )
