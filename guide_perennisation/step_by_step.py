"""The reader's route: numbered steps from « where are we? » to the transfer.

Steps (data/steps.yml) say what to do, where in the guide, and when,
relative to M0, the term of the route (its `end`). Routes (data/routes.yml)
order them for one situation, with « et », « ou » or « puis » between two steps. The same
data gives the home page's step-by-step and the « Étape N sur M » box of each
page that belongs to a step; plan.py dates them on the calendar page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from .guide import Guide
from .links import Links
from .models.step_by_step import Step
from .render import Context, fill, flatten, render

# How far away M0 is, as the home page asks it: the months (relative to M0)
# the reader may be in, from (inclusive) to (exclusive). Steps that end before
# them are « à rattraper », those that overlap them « à faire maintenant ».
# Part of the guide's reading of the sources' calendars. Their labels are the
# step-by-step's texts (data/interface.yml), « distance-… ».
DISTANCES = (
    ("plus-d-un-an", -36, -12),
    ("6-a-12-mois", -12, -6),
    ("moins-de-6-mois", -6, 0),
    ("passee", 0, 37),
)


# The dated plan (plan.py) and the parameter of its URL that names the
# route to date: each route of the step-by-step ends on a link to it.
PLAN_PAGE = ("preparer/calendrier-gouvernance.md", "votre-retroplanning")
PLAN_ROUTE = "parcours"


def month_label(month: int) -> str:
    """« M−13 », « M0 », « M+6 »: months relative to the route's M0."""
    return "M0" if month == 0 else f"M{'+' if month > 0 else '−'}{abs(month)}"


def timing_label(step: Step, texts: Mapping[str, str]) -> str:
    """« M−13 à M−12 », in the step-by-step's words (data/interface.yml)."""
    if step.start == step.end:
        return month_label(step.start)
    return _words(texts["timing-range"], first=month_label(step.start), last=month_label(step.end))


def timing_words(step: Step, end: str, texts: Mapping[str, str]) -> str:
    """The timing spelt out, « de 13 à 12 mois avant la fin du défi »: the
    title of « M−13 à M−12 » where no text nearby says what M0 is (RGAA 4.1
    criterion 13.5: a cryptic notation has a definition)."""

    def one(month: int) -> str:
        if month == 0:
            return end
        text = texts["months-before"] if month < 0 else texts["months-after"]
        return _words(text, n=abs(month), end=end)

    first, last = step.start, step.end
    if first == last:
        return one(first)
    if first * last > 0:  # both before, or both after
        text = texts["span-before"] if first < 0 else texts["span-after"]
        return _words(text, first=abs(first), last=abs(last), end=end)
    return _words(texts["span"], first=one(first), last=one(last))


def _words(text: str, **values: object) -> str:
    """An interface text filled, as plain text: templates escape it."""
    return fill(text, **values).unescape()


def timings(texts: Mapping[str, str]) -> dict[str, Callable[..., str]]:
    """The timing helpers a template calls, in the step-by-step's words."""
    return {"timing": partial(timing_label, texts=texts), "timing_words": partial(timing_words, texts=texts)}


def step_by_step(ctx: Context, level: int = 2) -> str:
    """Every route, each a numbered list of expandable steps, and the choice of situation."""
    texts = ctx.guide.interface["step-by-step"].texts
    return ctx.block(
        "step_by_step",
        "routes",
        shows=("steps",),
        routes=ctx.guide.routes_with_steps(),
        distances=[(key, texts[f"distance-{key}"], since, until) for key, since, until in DISTANCES],
        level=level,
        timing=timings(texts)["timing"],
        plan=lambda route: ctx.links.page(*PLAN_PAGE, query={PLAN_ROUTE: route}),
    )


def step_box(guide: Guide, links: Links, page: str) -> str:
    """The « Étape N sur M » box of a page, one per route it belongs to; empty elsewhere."""
    found = guide.positions(page)
    if not found:
        return ""
    return flatten(
        render(
            "_step_by_step_box.html",
            positions=found,
            links=links,
            **timings(guide.interface["step-by-step"].texts),
            texts=guide.interface["step-by-step"].texts,
            block_texts=guide.interface["block"].texts,
        )
    )
