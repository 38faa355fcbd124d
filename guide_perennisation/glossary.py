"""Abbreviations and terms of the guide."""

from __future__ import annotations

from collections.abc import Iterable

from .models.glossary import Term
from .render import Context


def glossary(ctx: Context) -> str:
    terms = sorted(ctx.guide.glossary.values(), key=lambda t: t.term.casefold())
    # The variants that the sources use, named where a reader of the sources looks them up.
    return ctx.block("glossary", "glossary", terms=terms, variants=ctx.guide.variants())


def abbreviations(terms: Iterable[Term]) -> str:
    """Markdown abbreviation definitions, appended to every page's source."""
    return "\n".join(f"*[{t.term}]: {t.expansion}" for t in terms if t.expansion)
