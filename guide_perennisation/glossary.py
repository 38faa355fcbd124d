"""Abbreviations and terms of the guide."""

from __future__ import annotations

from pydantic import Field

from .base import InlineMd, Record, Text
from .render import Context


class Term(Record):
    term: Text
    expansion: Text | None = Field(
        default=None, description="Forme développée d'un sigle (GIP → Groupement d'intérêt public)."
    )
    definition: InlineMd


def glossary(ctx: Context) -> str:
    terms = sorted(ctx.guide.all("glossary"), key=lambda t: t.term.casefold())
    # The variants that the sources use, named where a reader of the sources looks them up.
    variants = {p.glossary: p for p in ctx.guide.all("terms") if p.glossary}
    return ctx.block("glossary", "glossary", terms=terms, variants=variants)


def abbreviations(terms: list[Term]) -> str:
    """Markdown abbreviation definitions, appended to every page's source."""
    return "\n".join(f"*[{t.term}]: {t.expansion}" for t in terms if t.expansion)
