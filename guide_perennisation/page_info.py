"""The foot of every page: when it last changed, and how to report an error.

The engine renders the foot without its date. The post-build step writes
the date in: the newest commit of the page's source and of the data files
its blocks show (their `data-app-source` and `data-app-shows`), so that no
engine has to tell which files a page showed. The sitemap gets the same
dates (sitemap.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import quote, urlencode

from .history import History
from .html_edit import Tag
from .render import fill, flatten, render

# The issue form in .github/ISSUE_TEMPLATE/ and the id of its « page » field,
# which the forge fills in from the query string.
REPORT_FORM = "signaler-une-erreur.yml"
REPORT_PAGE_FIELD = "page"


def report_url(repository: str, title: str, url: str, texts: Mapping[str, str]) -> str:
    """A new issue on the forge, from the error form, with the page filled in."""
    query = {
        "template": REPORT_FORM,
        "title": fill(texts["report-title"], title=title).unescape(),
        REPORT_PAGE_FIELD: url,
    }
    return f"{repository}/issues/new?{urlencode(query, quote_via=quote)}"


def mail_url(email: str, title: str, url: str, texts: Mapping[str, str]) -> str:
    """A message with the page named, for readers without a forge account;
    its body ends on a new line, where the reader writes."""
    query = {
        "subject": fill(texts["mail-subject"], title=title).unescape(),
        "body": fill(texts["mail-body"], url=url).unescape() + "\n",
    }
    # mailto: wants %20 for spaces; a « + » would stay a « + » (RFC 6068).
    return f"mailto:{email}?{urlencode(query, quote_via=quote)}"


def page_info(texts: Mapping[str, str], *, title: str, url: str, repository: str | None, email: str | None) -> str:
    """`texts`: the page foot's interface words (data/interface.yml)."""
    return flatten(
        render(
            "page_info.html",
            texts=texts,
            updated=None,
            report_url=report_url(repository, title, url, texts) if repository else None,
            email=email,
            mail_url=mail_url(email, title, url, texts) if email else None,
        )
    )


def shown_files(tags: list[Tag]) -> set[str]:
    """The data files a page's blocks show."""
    files = {t.attrs["data-app-source"] or "" for t in tags if "data-app-source" in t.attrs}
    return files | {f for t in tags for f in (t.attrs.get("data-app-shows") or "").split()}


def page_updated(history: History, source: str | None, tags: list[Tag]) -> dt.date | None:
    """The page's last change: its source's (a path from the project's root)
    or a data file's it shows; None when git knows none of them."""
    return history.last_change({*([source] if source else []), *shown_files(tags)})


def date_edits(
    source: str, tags: list[Tag], updated: dt.date | None, texts: Mapping[str, str]
) -> list[tuple[int, int, str]]:
    """The edit that writes `updated` into the page's foot, if it has one."""
    line = flatten(render("_page_info_updated.html", updated=updated, texts=texts))
    return [(t.start, t.end, line) for t in tags if t.name == "p" and t.has(class_="app-page-info__updated")]
