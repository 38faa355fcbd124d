"""The comparison of the host-structure scenarios: scenarios as columns,
attributes as rows, one short cell each (models.scenarios.Glance)."""

from __future__ import annotations

from .render import Context
from .scenarios import render_scenarios

# The rows of the comparison, in order: (label, field of Glance), the similar
# cases coming from the examples rather than from a field.
ROWS = [
    ("Qui porte le service", "carrier"),
    ("Entité juridique à créer", "legal_entity"),
    ("Financement", "funding"),
    ("Équipe et recrutement", "team"),
    ("Délai et effort de mise en place", "setup"),
    ("Avantages, en bref", "advantages"),
    ("Risques, en bref", "risks"),
    ("Cas similaires", "cases"),
    ("Première étape", "next_step"),
]


def scenario_table(ctx: Context) -> str:
    """The detailed scenarios shown first."""
    return render_scenarios(ctx, "scenario_table", rows=ROWS)
