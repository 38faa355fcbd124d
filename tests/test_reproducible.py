"""Reproducible builds: two clones, in different paths, built at different
times (one of them 400 days later, by its clock) and in different time zones,
give byte-identical sites. Dates come from git, never from the clock."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

# Two builds of their own, apart from the session's site.
pytestmark = pytest.mark.build

# mkdocs, run as if it were 400 days later: any date the build takes from the
# clock would differ between the two sites.
LATER = """
import datetime, sys, time
shift = datetime.timedelta(days=400)
now, today = datetime.datetime.now, datetime.date.today
class Later(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return now(tz) + shift
    @classmethod
    def utcnow(cls):
        return now(datetime.timezone.utc).replace(tzinfo=None) + shift
    @classmethod
    def today(cls):
        return now() + shift
class LaterDate(datetime.date):
    @classmethod
    def today(cls):
        return today() + shift
datetime.datetime, datetime.date = Later, LaterDate
wall = time.time
time.time = lambda: wall() + shift.total_seconds()
from mkdocs.__main__ import cli
sys.exit(cli())
"""


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def clone(destination: Path) -> Path:
    """A clone of the repository, with the working tree's uncommitted changes."""
    git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(destination))
    for name in git("ls-files", "-z", "--modified", "--others", "--exclude-standard").split("\0"):
        if name and (ROOT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)
    for name in git("ls-files", "-z", "--deleted").split("\0"):
        if name:
            (destination / name).unlink(missing_ok=True)
    return destination


def build(project: Path, destination: Path, timezone: str, later: bool) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env |= {"TZ": timezone, "NO_MKDOCS_2_WARNING": "1"}
    runner = ["-c", LATER] if later else ["-m", "mkdocs"]
    command = [sys.executable, *runner, "build", "--strict", "--clean", "-q", "-d", str(destination)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def digests(directory: Path) -> dict[str, str]:
    return {
        path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def test_two_clones_built_at_different_times_are_identical(tmp_path: Path) -> None:
    first = clone(tmp_path / "clone")
    second = clone(tmp_path / "ailleurs" / "autre-clone")
    build(first, tmp_path / "site-1", "Pacific/Kiritimati", later=False)
    build(second, tmp_path / "site-2", "America/Adak", later=True)
    one, two = digests(tmp_path / "site-1"), digests(tmp_path / "site-2")
    assert len(one) > 30
    assert sorted(set(one) ^ set(two)) == []
    assert [name for name in one if one[name] != two[name]] == []


def test_the_later_clock_is_seen_by_mkdocs(tmp_path: Path) -> None:
    """Without the date from git, the sitemap would carry the build's clock:
    the shifted clock must show there, 400 days ahead of the test's own, or
    the test above proves nothing."""
    project = clone(tmp_path / "clone")
    shutil.rmtree(project / ".git")
    days = [(dt.datetime.now(dt.UTC) + dt.timedelta(days=400)).date()]
    build(project, tmp_path / "site", "UTC", later=True)
    days.append((dt.datetime.now(dt.UTC) + dt.timedelta(days=400)).date())  # in case midnight passed
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert any(f"<lastmod>{day.isoformat()}</lastmod>" in sitemap for day in days), sitemap[:600]
