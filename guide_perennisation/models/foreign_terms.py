"""Words of another language that the guide keeps as they are (RGAA 8.7).

A French speech synthesis reads « pull request » as French words: the
language of such a passage must be in the page's code. data/foreign_terms.yml
lists them once, with their language; the post-build step marks each
occurrence in the built pages (foreign_terms.py).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from .base import Record, Text

# A language tag as HTML's lang wants it: ISO 639-1 code, a region at most.
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(?:-[A-Z]{2})?$")]


class ForeignTerm(Record):
    text: Text = Field(description="Le mot ou l'expression, tel que les pages l'écrivent (casse indifférente).")
    lang: Language = Field(description="Sa langue, code ISO 639-1 (« en »), que reçoit l'attribut lang.")
    quoted: bool = Field(
        default=False,
        description=(
            "true quand le mot est aussi un mot français (« issue ») : seul l'emploi cité entre guillemets, "
            "« issue », est marqué."
        ),
    )

    @field_validator("lang")
    @classmethod
    def _not_french(cls, lang: str) -> str:
        if lang.split("-")[0] == "fr":
            raise ValueError("le français est la langue des pages : seul un mot d'une autre langue a sa place ici")
        return lang

    def pattern(self) -> str:
        """The term as a whole word, any space between its words; between
        guillemets when `quoted`."""
        words = r"\s+".join(re.escape(word) for word in self.text.split())
        if self.quoted:
            return rf"(?:(?<=«)|(?<=«\s)){words}(?=\s?»)"
        return rf"(?<![\w-]){words}(?![\w-])"
