"""The three trajectories observed after incubation."""

from __future__ import annotations

from .base import InlineMd, Record, Text
from .render import Context


class Trajectory(Record):
    title: Text
    summary: InlineMd


def trajectories(ctx: Context, level: int = 2) -> str:
    guide = ctx.guide
    return ctx.block(
        "trajectory",
        "trajectories",
        trajectories=guide.all("trajectories"),
        scenarios={
            t.id: [s for s in guide.all("scenarios") if s.trajectory == t.id] for t in guide.all("trajectories")
        },
        examples={t.id: [e for e in guide.all("examples") if e.trajectory == t.id] for t in guide.all("trajectories")},
        untracked=[e for e in guide.all("examples") if e.trajectory is None],
        anchor=lambda record_id: ctx.links.anchor("trajectories", record_id),
        level=level,
    )
