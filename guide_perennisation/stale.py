"""`make stale`: the facts whose date (source consulted, or fact checked) is more than 12 months old.

Unlike the build, this report measures age against today's date: it is a
to-do list for whoever re-checks facts now, and nothing of it is published.
SOURCE_DATE_EPOCH, when set, replaces today, as it does for the build.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .check import load_or_report
from .freshness import STALE_AFTER_MONTHS, facts, source_date_epoch, stale_before
from .render import fr_date


def main(argv: list[str]) -> int:
    guide = load_or_report(Path(argv[0]) if argv else Path.cwd())
    if guide is None:
        return 1
    today = source_date_epoch() or dt.date.today()
    limit = stale_before(today)
    stale = [f for f in facts(guide) if f.dated_on < limit]
    for fact in stale:
        day = fr_date(fact.dated_on)
        print(f"{fact.file}:{fact.line}: {fact.where} « {fact.label} » daté du {day} (source lue ou fait vérifié)")
    if stale:
        months = f"plus de {STALE_AFTER_MONTHS} mois"
        print(f"{len(stale)} fait(s) à revérifier : datés d’avant le {fr_date(limit)} ({months}).")
    else:
        print(f"Aucun fait à revérifier : tous sont datés du {fr_date(limit)} ou après.")
    # Age is never an error: the list is work to plan, not a broken build.
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
