"""The foot of every page: when it last changed, and how to report an error."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

from .render import flatten, render

# The issue form in .github/ISSUE_TEMPLATE/ and the id of its « page » field,
# which the forge fills in from the query string.
REPORT_FORM = "signaler-une-erreur.yml"
REPORT_PAGE_FIELD = "page"


def report_url(repository: str, title: str, url: str) -> str:
    """A new issue on the forge, from the error form, with the page filled in."""
    query = {"template": REPORT_FORM, "title": f"Erreur : {title}", REPORT_PAGE_FIELD: url}
    return f"{repository}/issues/new?{urlencode(query, quote_via=quote)}"


def mail_url(email: str, title: str, url: str) -> str:
    """A message with the page named, for readers without a forge account."""
    query = {"subject": f"Erreur sur la page « {title} »", "body": f"Page : {url}\n\nCe qui ne va pas :\n"}
    # mailto: wants %20 for spaces; a « + » would stay a « + » (RFC 6068).
    return f"mailto:{email}?{urlencode(query, quote_via=quote)}"


def page_info(*, title: str, url: str, updated: dt.date | None, repository: str | None, email: str | None) -> str:
    return flatten(
        render(
            "page_info.html",
            updated=updated,
            report_url=report_url(repository, title, url) if repository else None,
            email=email,
            mail_url=mail_url(email, title, url) if email else None,
        )
    )
