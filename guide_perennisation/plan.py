"""The dated plan of the calendar page: each route's milestones in months from
M0 (the route's term: the end of the incubation or of the challenge, or the
transfer), from the same steps and routes as the step-by-step."""

from __future__ import annotations

from .render import Context
from .step_by_step import PLAN_ROUTE, month_label, timings


def plan(ctx: Context, level: int = 2) -> str:
    """Dated in the browser once the reader gives M0; the months alone without JavaScript."""
    return ctx.block(
        "plan",
        "routes",
        shows=("steps",),
        # In the order of their deadlines, as a plan reads: two steps the
        # route does side by side (« et ») may end in either order.
        routes=[
            (route, sorted(steps, key=lambda pair: (pair[0].end, pair[0].start)))
            for route, steps in ctx.guide.routes_with_steps()
        ],
        level=level,
        route_parameter=PLAN_ROUTE,
        month=month_label,
        # The steps' timing, as the step-by-step writes it.
        timing=timings(ctx.guide.interface["step-by-step"].texts)["timing"],
    )
