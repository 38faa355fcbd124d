"""The three trajectories observed after incubation."""

from __future__ import annotations

from .render import Context


def trajectories(ctx: Context, level: int = 2) -> str:
    guide = ctx.guide
    return ctx.block(
        "trajectories",
        "trajectories",
        trajectories=list(guide.trajectories.values()),
        scenarios={t: guide.scenarios_of(t) for t in guide.trajectories},
        examples={t: guide.examples_of(trajectory=t) for t in guide.trajectories},
        untracked=guide.untracked_examples(),
        anchor=lambda record_id: ctx.links.anchor("trajectories", record_id),
        level=level,
    )
