"""The RGAA audit, published: the statement's figures and non-conformities, the
grid of every criterion on every sample page, and the footer's mention.

All three read the same computations (models/audit.py), so the rate on the
statement and the mention in the footer cannot disagree. While a criterion is
« non évalué », they say « audit en cours » and publish no rate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from .models.audit import THEME_NAMES, Audit, Status
from .render import Context, fill


def _audit(ctx: Context) -> Audit:
    if ctx.guide.audit is None:
        raise LookupError("data/audit.yml n'a pas été chargé")
    return ctx.guide.audit


# The grid's cells: short codes, with the full label for assistive technologies.
SHORT = {"conforme": "C", "non-conforme": "NC", "non-applicable": "NA", "non-evalue": "NE"}


def _block(ctx: Context, part: str) -> str:
    audit = _audit(ctx)
    texts = ctx.guide.interface["audit"].texts
    return ctx.block(
        "audit",
        "audit",
        part=part,
        audit=audit,
        rate=rate_text(audit),
        pages={page.id: page for page in audit.sample},
        # Each status as the pages name it.
        labels={status: texts[f"status-{status}"] for status in get_args(Status)},
        short=SHORT,
        themes=THEME_NAMES,
    )


def audit_status(ctx: Context) -> str:
    """The statement's « État de conformité »: the computed rate, or « audit en cours »."""
    return _block(ctx, "status")


def audit_failures(ctx: Context) -> str:
    """The statement's list of non-conformities, each with what fails and where."""
    return _block(ctx, "failures")


def audit_grid(ctx: Context) -> str:
    """Every criterion, its status on every sample page, its evidence and defects."""
    return _block(ctx, "grid")


def rate_text(audit: Audit) -> str | None:
    """« 87,5 % », French style, or None while the audit is not complete."""
    rate = audit.rate
    if rate is None:
        return None
    return f"{rate:.1f}".replace(".", ",").removesuffix(",0") + " %"


def footer_mention(audit: Audit | None, texts: Mapping[str, str]) -> str:
    """The mention every page's footer carries (« Accessibilité : … »), by the RGAA's
    wording: a site whose audit is not finished is not declared conforming.
    `texts`: the audit's interface words (data/interface.yml); plain text,
    which the footer's patch escapes."""
    if audit is None or audit.level is None:
        return texts["footer-ongoing"]
    return fill(texts["footer"], level=audit.level).unescape()
