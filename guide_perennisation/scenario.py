"""Host-structure scenarios: detailed ones and those known only in outline."""

from __future__ import annotations

from .render import Context

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


def _render(ctx: Context, component: str, **context: object) -> str:
    guide = ctx.guide
    return ctx.block(
        component,
        "scenarios",
        scenarios=list(guide.scenarios.values()),
        cases={s: guide.cases(s) for s in guide.scenarios},
        trajectories=guide.trajectories,
        sources=guide.sources,
        **context,
    )


def scenarios(ctx: Context, level: int = 2) -> str:
    return _render(ctx, "scenario", level=level)


def scenario_table(ctx: Context) -> str:
    """Scenarios as columns, attributes as rows; the detailed ones shown first."""
    return _render(ctx, "scenario_table", rows=ROWS)
