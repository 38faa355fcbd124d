"""One word for one thing: the guide's preferred terms and the variants it refuses.

Contributors read data/terms.yml before writing; a test fails when a refused
variant shows on a built page, and the glossary names the variants that the
sources use, so that a reader of the sources still finds the guide's word.
"""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from .base import InlineMd, Record, Slug, Text


class PreferredTerm(Record):
    preferred: Text = Field(description="Le mot que le guide emploie, écrit comme il doit l'être.")
    variants: list[Text] = Field(min_length=1, description="Les autres façons de dire la même chose, refusées.")
    case_sensitive: bool = Field(
        default=False,
        description="true quand la casse est justement ce qui distingue la variante (« Devops » et « DevOps »).",
    )
    glossary: Slug | None = Field(
        default=None,
        description="Identifiant du terme de data/glossary.yml qui cite ces variantes pour les lecteurs des sources.",
    )
    note: InlineMd | None = Field(
        default=None, description="Pourquoi ce choix, et quelle source dit quoi ; affichée au glossaire si `glossary`."
    )

    @model_validator(mode="after")
    def _glossary_shows_a_note(self) -> PreferredTerm:
        if self.glossary is not None and self.note is None:
            raise ValueError("un terme lié au glossaire a besoin d’une `note` : c’est elle que le glossaire affiche")
        return self

    def pattern(self) -> re.Pattern[str]:
        """The variants as whole words; « beta.gouv » does not match inside « beta.gouv.fr »."""
        words = "|".join(re.escape(v.replace("’", "'")) for v in sorted(self.variants, key=len, reverse=True))
        return re.compile(rf"(?<![\w.@/-])(?:{words})(?![\w-]|\.\w)", 0 if self.case_sensitive else re.IGNORECASE)
