"""Host-structure scenarios: detailed ones and those known only in outline."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from .base import InlineMd, Readable, Record, Slug, SourceId, Text

# A cell of the comparison is read across four columns at a glance: the full
# text lives in the scenario's own section, one link away.
MAX_WORDS = 15


def _short(text: str) -> str:
    words = len(text.split())
    if words > MAX_WORDS:
        raise ValueError(
            f"{words} mots ; {MAX_WORDS} au plus dans une case du tableau comparatif "
            "(le texte complet va dans les autres champs du scénario)"
        )
    return text


Short = Annotated[InlineMd, AfterValidator(_short)]


class Glance(Readable):
    """The scenario's column in the comparison, one short cell per attribute.

    A field left out is one the sources say nothing about: its cell reads « — ».
    A cell that summarises or ranks what the sources list is named in `reading`.
    """

    carrier: Short | None = Field(default=None, description="Qui porte le service.")
    legal_entity: Short | None = Field(default=None, description="Entité juridique à créer, ou non.")
    funding: Short | None = Field(default=None, description="Financement.")
    team: Short | None = Field(default=None, description="Équipe et souplesse de recrutement.")
    setup: Short | None = Field(default=None, description="Délai et effort de mise en place.")
    advantages: Short | None = Field(default=None, description="Avantages, en bref.")
    risks: Short | None = Field(default=None, description="Risques, en bref.")
    next_step: Short | None = Field(default=None, description="Première étape.")


class Scenario(Record, Readable):
    title: Text
    status: Literal["detaille", "esquisse"] = Field(
        description="« detaille » : décrit en entier par les sources ; « esquisse » : seulement cité."
    )
    summary: InlineMd
    advantages: list[InlineMd] = []
    risks: list[InlineMd] = []
    similar_cases: list[Slug] = Field(default=[], description="Identifiants d'exemples (data/examples.yml).")
    next_steps: list[InlineMd] = []
    trajectory: Slug | None = Field(default=None, description="Identifiant de trajectoire (data/trajectories.yml).")
    political_backing: InlineMd | None = None
    setup_cost: InlineMd | None = None
    changes_legal_entity: bool | None = None
    recruitment_flexibility: InlineMd | None = None
    sources: list[SourceId] = Field(min_length=1)
    glance: Glance = Field(default=Glance(), description="Les cases courtes du tableau comparatif.")
