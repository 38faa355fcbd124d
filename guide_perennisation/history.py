"""When each file of the project last changed, read from git once per build.

Dates come from commits, never from the clock or from file times, so two
builds of the same commit print the same dates. Without git (a downloaded
archive, a temporary copy) every date is unknown and the build goes on.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# A record separator before each commit date; file names follow, one a line.
_MARK = "\x1e"


@dataclass(frozen=True)
class History:
    """The date of the last commit that touched each file, by path from the project root."""

    dates: dict[str, dt.date] = field(default_factory=dict)
    head: dt.date | None = None

    @property
    def available(self) -> bool:
        return self.head is not None

    def last_change(self, paths: Iterable[str]) -> dt.date | None:
        """The newest date among `paths`; None when git knows none of them."""
        known = [self.dates[p] for p in paths if p in self.dates]
        return max(known, default=None)


def _parse(log: str) -> History:
    dates: dict[str, dt.date] = {}
    head = None
    for chunk in log.split(_MARK)[1:]:
        stamp, *names = chunk.strip("\n").split("\n")
        # The committer's own calendar day, as the commit records it.
        day = dt.datetime.fromisoformat(stamp).date()
        head = head or day
        for name in names:
            if name:
                dates.setdefault(name, day)
    return History(dates, head)


def read_history(root: Path) -> History:
    """Every file's last change on the current branch, newest commit first.

    `--first-parent -m` dates a change by the merge that brought it to this
    branch, which is when readers of the published site could see it.
    """
    command = [
        "git",
        "-c",
        "core.quotePath=false",
        "-C",
        str(root),
        "log",
        "--first-parent",
        "-m",
        f"--format={_MARK}%cI",
        "--name-only",
        "--relative",
        "--",
        ".",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        # Not a repository, git missing, or a repository git refuses to read
        # (another owner): the site is built with « date inconnue ».
        return History()
    return _parse(result.stdout)
