"""« Repères chiffrés »: figures about one case and one source.

A figure about one example is the bold run (`**…**`) of one of that
example's fields, so that the number is typed once, on its card. The others
live in data/figures.yml.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from .base import Dated, InlineMd, Model, Record, Text

Kind = Literal["budget", "team", "transfer-time", "continued-share", "take-off"]
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
