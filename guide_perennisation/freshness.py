"""Freshness of facts: every record dated by its source (or by a check), and its age.

A fact is stale when it was last checked against its source more than
STALE_AFTER_MONTHS months before the reference date (`Dated.dated_on`:
the day it was checked against reality, or else the day its source was read). Age alone never fails a
build: the site marks stale facts « à revérifier » and `make stale` lists them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .guide import Guide

STALE_AFTER_MONTHS = 12


@dataclass(frozen=True)
class Fact:
    """One dated record, or a dated part of a record, and where it is written."""

    file: str
    line: int
    where: str
    label: str
    dated_on: dt.date


def _label(model: BaseModel) -> str:
    for name in ("name", "title", "term", "label"):
        value = getattr(model, name, None)
        if isinstance(value, str):
            return value
    return str(getattr(model, "id", type(model).__name__))


def _dated(model: BaseModel, where: str) -> Iterator[tuple[str, BaseModel]]:
    """The model itself if it carries a date, then every dated model inside it."""
    if isinstance(getattr(model, "dated_on", None), dt.date):
        yield where, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, BaseModel):
                yield from _dated(child, f"{where}/{getattr(child, 'id', name)}")


def facts(guide: Guide) -> list[Fact]:
    """Every dated fact of the guide, whatever its collection, oldest first."""
    found = [
        Fact(guide.file(collection), guide.lines[(collection, record.id)], where, _label(model), model.dated_on)
        for collection, records in guide.collections().items()
        for record in records.values()
        for where, model in _dated(record, f"{collection}/{record.id}")
    ]
    return sorted(found, key=lambda f: (f.dated_on, f.file, f.line, f.where))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier, or that month's last day if shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def stale_before(reference: dt.date) -> dt.date:
    """Facts dated strictly before this day are due for a new check."""
    return months_before(reference, STALE_AFTER_MONTHS)


def source_date_epoch() -> dt.date | None:
    """The day SOURCE_DATE_EPOCH names (UTC), when it is set to a valid number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC).date()


def build_reference(last_commit: dt.date | None, dated: list[Fact]) -> dt.date | None:
    """The « today » a build measures the age of facts against.

    Never the clock: two builds of one commit, a day or a year apart, must be
    byte-identical. SOURCE_DATE_EPOCH comes first, since it is how a packager
    pins the date of a reproducible build. Otherwise the last commit's date
    stands for « now »: the site is rebuilt on every change of main, so the
    published marks are as fresh as the content. Without git either, the
    newest verification in the data is used, so a fact a year behind the
    freshest one is still marked.
    """
    return source_date_epoch() or last_commit or max((f.dated_on for f in dated), default=None)
