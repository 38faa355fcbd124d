"""Freshness of facts: which records are dated, their age, and `make stale`."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from guide_perennisation.freshness import build_reference, facts, months_before, stale_before
from guide_perennisation.guide import Guide
from guide_perennisation.loader import load_guide
from guide_perennisation.models.base import Record

from .conftest import ROOT


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-11-23", "2025-11-23"),
        ("2024-02-29", "2023-02-28"),  # no 29 February in 2023
        ("2025-01-01", "2024-01-01"),
    ],
)
def test_stale_before_is_twelve_months_earlier(day: str, expected: str) -> None:
    assert stale_before(dt.date.fromisoformat(day)) == dt.date.fromisoformat(expected)


def test_months_before_clamps_to_the_end_of_a_shorter_month() -> None:
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2024, 1, 15), 2) == dt.date(2023, 11, 15)


def test_build_reference_prefers_source_date_epoch_then_git_then_data(monkeypatch: pytest.MonkeyPatch) -> None:
    newest = dt.date(2025, 6, 1)
    dated = facts(load_guide(ROOT))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2030, 1, 2, 12, tzinfo=dt.UTC).timestamp())))
    assert build_reference(newest, dated) == dt.date(2030, 1, 2)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_reference(newest, dated) == newest
    assert build_reference(None, dated) == max(f.dated_on for f in dated)
    assert build_reference(None, []) is None


def test_every_example_is_a_dated_fact_with_its_file_and_line() -> None:
    guide = load_guide(ROOT)
    found = facts(guide)
    assert {f.where for f in found} >= {f"examples/{e.id}" for e in guide.examples.values()}
    lines = (ROOT / "data" / "examples.yml").read_text(encoding="utf-8").splitlines()
    for fact in found:
        if fact.file == "data/examples.yml":
            assert lines[fact.line - 1].endswith(f"id: {fact.where.split('/')[1]}")


class _Part(Record):
    consulted: dt.date
    checked: dt.date | None = None

    @property
    def dated_on(self) -> dt.date:
        return self.checked or self.consulted


class _Whole(Record):
    title: str
    parts: list[_Part]


def test_dated_records_nested_in_any_collection_are_found() -> None:
    whole = _Whole(
        id="tout",
        title="Un tout",
        parts=[
            _Part(id="b", consulted=dt.date(2021, 1, 1), checked=dt.date(2024, 1, 1)),
            _Part(id="a", consulted=dt.date(2023, 1, 1)),
        ],
    )
    # Built without validation: a collection field holding a model of any shape.
    guide = Guide.model_construct(
        notes={"tout": whole}, files={"notes": "data/wholes.yml"}, lines={("notes", "tout"): 7}
    )
    assert [(f.where, f.dated_on, f.file, f.line) for f in facts(guide)] == [
        ("notes/tout/a", dt.date(2023, 1, 1), "data/wholes.yml", 7),
        ("notes/tout/b", dt.date(2024, 1, 1), "data/wholes.yml", 7),
    ]


def _stale(day: dt.date) -> subprocess.CompletedProcess[str]:
    epoch = int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp())
    return subprocess.run(
        [sys.executable, "-m", "guide_perennisation.stale"],
        cwd=ROOT,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_make_stale_lists_old_facts_and_never_fails() -> None:
    dated = facts(load_guide(ROOT))
    newest = max(f.dated_on for f in dated)
    result = _stale(months_before(newest, -24))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(dated) + 1
    assert any(line.startswith("data/examples.yml:") for line in lines)
    assert "daté du" in lines[0]
    assert lines[-1].startswith(f"{len(dated)} fait(s) à revérifier")


def test_make_stale_says_when_nothing_is_due() -> None:
    oldest = min(e.dated_on for e in load_guide(ROOT).examples.values())
    result = _stale(oldest)
    assert result.returncode == 0
    assert result.stdout.startswith("Aucun fait à revérifier")
