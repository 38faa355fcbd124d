"""The date a build stamps on its output, taken from git, never the clock."""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_commit_epoch(project: Path) -> str | None:
    """Seconds since the epoch of the last commit, or None outside a git clone."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    epoch = result.stdout.strip()
    return epoch if result.returncode == 0 and epoch.isdigit() else None
