"""The reader's route: numbered steps from « where are we? » to the transfer.

Steps (data/steps.yml) say what to do, where in the guide, and when,
relative to the transfer date (M0). Routes (data/routes.yml) order them for
one situation, with « et », « ou » or « puis » between two steps. The same
data gives the home page's step-by-step and the « Étape N sur M » box of each
page that belongs to a step; plan.py dates them on the calendar page.
"""

from __future__ import annotations

from .guide import Guide
from .links import Links
from .models.step_by_step import Step
from .render import Context, flatten, render

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


def month_label(month: int) -> str:
    """« M−13 », « M0 », « M+6 »: months relative to the transfer date."""
    return "M0" if month == 0 else f"M{'+' if month > 0 else '−'}{abs(month)}"


def timing_label(step: Step) -> str:
    if step.start == step.end:
        return month_label(step.start)
    return f"{month_label(step.start)} à {month_label(step.end)}"


def timing_words(step: Step, end: str) -> str:
    """The timing spelt out, « de 13 à 12 mois avant la fin du défi »: the
    title of « M−13 à M−12 » where no text nearby says what M0 is (RGAA 4.1
    criterion 13.5: a cryptic notation has a definition)."""

    def one(month: int) -> str:
        if month == 0:
            return end
        return f"{abs(month)} mois {'avant' if month < 0 else 'après'} {end}"

    first, last = step.start, step.end
    if first == last:
        return one(first)
    if first * last > 0:  # both before, or both after
        return f"de {abs(first)} à {abs(last)} mois {'avant' if first < 0 else 'après'} {end}"
    return f"de {one(first)} à {one(last)}"


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
        timing=timing_label,
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
            timing=timing_label,
            timing_words=timing_words,
            texts=guide.interface["step-by-step"].texts,
            block_texts=guide.interface["block"].texts,
        )
    )
