"""« Repères chiffrés »: orders of magnitude, each about one case and one source.

A figure about one example is the bold run (`**…**`) of one of that
example's fields, so that the number is typed once, on its card. The others
live in data/figures.yml. No figure is computed from the examples: they are
cases the sources cite, not a census.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from .base import Dated, InlineMd, Model, Record, SourceId, Text
from .render import Context

if TYPE_CHECKING:
    from .guide import Guide

Kind = Literal["budget", "team", "transfer-time", "continued-share", "take-off"]
# The block's rows, in the order it shows them.
KIND_LABELS = {
    "budget": "Budget annuel",
    "team": "Taille de l’équipe",
    "transfer-time": "Délai jusqu’au transfert",
    "continued-share": "Part des défis poursuivis",
    "take-off": "Délai de décollage après un défi",
}
BOLD = re.compile(r"\*\*(.+?)\*\*")


class Figure(Record, Dated):
    kind: Kind
    value: Text = Field(description="Le chiffre, tel que la source le donne : « 90 % », « 6 à 8 mois ».")
    about: InlineMd = Field(description="Ce que le chiffre mesure, à lire après lui.")


class ExampleFigure(Model):
    """A figure of an example: the bold run of one of its fields."""

    kind: Kind
    field: Literal["team", "budget", "outcome"] = Field(
        description="Champ de la fiche dont le passage en gras (**…**) est le chiffre."
    )
    about: InlineMd = Field(description="Ce que le chiffre mesure, à lire après lui.")


def bold_run(text: str | None) -> str | None:
    found = BOLD.search(text or "")
    return found.group(1) if found else None


@dataclass(frozen=True)
class Shown:
    value: str
    about: str
    sources: list[SourceId]
    example: object | None = None


def _collect(guide: Guide) -> dict[str, list[Shown]]:
    groups: dict[str, list[Shown]] = {kind: [] for kind in KIND_LABELS}
    for e in guide.all("examples"):
        for f in e.figures:
            groups[f.kind].append(Shown(bold_run(getattr(e, f.field)) or "", f.about, e.sources, e))
    for f in guide.all("figures"):
        groups[f.kind].append(Shown(f.value, f.about, f.sources))
    return groups


def figures(ctx: Context) -> str:
    guide = ctx.guide
    return ctx.block(
        "figures",
        "figures",
        groups=_collect(guide),
        labels=KIND_LABELS,
        sources=guide.records["sources"],
    )
