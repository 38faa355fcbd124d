"""`make test` on 4 cores or more runs pytest-xdist with `--dist loadgroup`:
the tests of one group must then run in one worker, so that the group's
fixture (a whole site audit, another engine's site) is set up once. With
pytest 9.2, pytest-xdist 3.8's own grouping is lost (tests/conftest.py,
_GroupSuffix, says why): this runs two workers on a small suite, with the
fix loaded as the real suite loads it, and reads where each test ran."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SUITE = """
import os
from pathlib import Path

import pytest


@pytest.mark.xdist_group("shared")
@pytest.mark.parametrize("n", range(6))
def test_shared(n):
    Path(f"shared-{n}.worker").write_text(os.environ["PYTEST_XDIST_WORKER"])


@pytest.mark.parametrize("n", range(6))
def test_alone(n):
    Path(f"alone-{n}.worker").write_text(os.environ["PYTEST_XDIST_WORKER"])
"""


def test_a_group_runs_in_one_worker(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text("from tests.conftest import pytest_configure  # noqa: F401\n")
    (tmp_path / "test_groups.py").write_text(SUITE)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    shared = {path.read_text() for path in tmp_path.glob("shared-*.worker")}
    alone = {path.read_text() for path in tmp_path.glob("alone-*.worker")}
    assert len(list(tmp_path.glob("shared-*.worker"))) == 6
    assert len(shared) == 1, f"le groupe s'est réparti sur {sorted(shared)}"
    # Both workers ran: the group held because it was a group, not by chance.
    assert len(shared | alone) == 2
