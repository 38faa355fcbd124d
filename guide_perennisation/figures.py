"""« Repères chiffrés »: orders of magnitude, each about one case and one source.

No figure is computed from the examples: they are cases the sources cite, not
a census.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from .guide import Guide
from .models.base import SourceId
from .models.examples import Example
from .models.figures import Kind, bold_run
from .render import Context

# The block's rows, one per kind of figure (models.figures.Kind), in the
# order it shows them; their labels are the block's texts, « kind-… ».
KINDS = get_args(Kind)


@dataclass(frozen=True)
class Shown:
    value: str
    about: str
    sources: list[SourceId]
    example: Example | None = None


def _collect(guide: Guide) -> dict[str, list[Shown]]:
    groups: dict[str, list[Shown]] = {kind: [] for kind in KINDS}
    for e in guide.examples.values():
        for f in e.figures:
            groups[f.kind].append(Shown(bold_run(getattr(e, f.field)) or "", f.about, e.sources, e))
    for f in guide.figures.values():
        groups[f.kind].append(Shown(f.value, f.about, f.sources))
    return groups


def figures(ctx: Context) -> str:
    guide = ctx.guide
    return ctx.block(
        "figures",
        "figures",
        groups=_collect(guide),
        labels={kind: guide.interface["figures"].texts[f"kind-{kind}"] for kind in KINDS},
        sources=guide.sources,
    )
