"""The five source texts the guide is written from, and the documents they cite.

Every source and every cited document says how a reader reaches it: a web
address that a contributor confirmed (and where), an address still to confirm
(the page says « adresse à confirmer »), or, for a text that was never
published, whom to ask for it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, HttpUrl, model_validator

from .base import InlineMd, Model, Record, SourceId, Text

UrlStatus = Literal["confirmee", "a-confirmer", "interne"]


class Reachable(Model):
    url: HttpUrl | None = None
    url_status: UrlStatus = Field(
        default="a-confirmer",
        description=(
            "« confirmee » : adresse vérifiée (dire où dans `confirmed_from`) ; "
            "« a-confirmer » : adresse pas encore vérifiée, affichée « adresse à confirmer » ; "
            "« interne » : texte non publié, dire à qui le demander dans `access`."
        ),
    )
    confirmed_from: Text | None = Field(
        default=None,
        description="Où l'adresse a été confirmée : dépôt et chemin du fichier, ou page consultée.",
    )
    access: InlineMd | None = Field(default=None, description="Pour un texte interne : à qui le demander.")
    note: InlineMd | None = Field(default=None, description="Ce qu'il faut savoir de cette adresse.")

    @model_validator(mode="after")
    def _says_how_to_reach_it(self) -> Reachable:
        # A confirmed address names where it was confirmed, so that the next
        # contributor can check it again; an internal text names whom to ask.
        if self.url_status == "confirmee" and (self.url is None or self.confirmed_from is None):
            raise ValueError("une adresse « confirmee » a besoin de `url` et de `confirmed_from`")
        if self.url_status == "interne" and (self.url is not None or self.access is None):
            raise ValueError("un texte « interne » n'a pas d'`url` mais un `access` : à qui le demander")
        return self


class CitedDocument(Reachable):
    title: Text


class Source(Record, Reachable):
    id: SourceId
    title: Text
    publisher: Text
    summary: InlineMd
    cited: list[CitedDocument] = Field(default=[], description="Documents que cette source cite.")
