"""The interface's own words: accessible names, buttons, and what the scripts
say, in one place (data/interface.yml) rather than written into templates,
theme overrides and scripts.

One record per place that shows them: a component (its name, as in
`data-app-module`), or a part of the theme (`header`, `footer`, `theme`,
`block`). `texts` are written by the server (templates; the overrides'
after the build); `messages` are carried by the component's root element
for its script. Both fill their `{name}` slots with values. Of a text or
message with two forms, « singulier|pluriel », the value `n` chooses
(shown or not): French counts 0 and 1 as singular.
"""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from .base import Record, Slug, Text

# A slot to fill: lowercase letters only, so that a stray brace is an error.
SLOT = re.compile(r"\{([a-z]+)\}")
BRACES = re.compile(r"[{}]")


class Interface(Record):
    texts: dict[Slug, Text] = Field(
        default={},
        description=(
            "Textes écrits par le serveur (gabarits, thème) ; « {nom} » et « singulier|pluriel » comme dans `messages`."
        ),
    )
    messages: dict[Slug, Text] = Field(
        default={},
        description=(
            "Textes que le script du composant affiche ou annonce ; « {nom} » est remplacé par une valeur, "
            "« singulier|pluriel » choisit selon « {n} »."
        ),
    )

    @model_validator(mode="after")
    def _slots_are_well_formed(self) -> Interface:
        for kind, entries in (("texts", self.texts), ("messages", self.messages)):
            for key, text in entries.items():
                if BRACES.search(SLOT.sub("", text)):
                    raise ValueError(f"{kind}.{key} : accolade isolée ; une valeur s’écrit « {{nom}} », en minuscules")
                if len(text.split("|")) > 2:
                    raise ValueError(f"{kind}.{key} : deux formes au plus, « singulier|pluriel »")
        return self
