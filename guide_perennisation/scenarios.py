"""Host-structure scenarios: detailed ones and those known only in outline."""

from __future__ import annotations

from .render import Context


def render_scenarios(ctx: Context, component: str, **context: object) -> str:
    """A block of every scenario with its cases; the comparison table shares it."""
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
    return render_scenarios(ctx, "scenarios", level=level)
