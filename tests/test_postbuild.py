"""The post-build step: the same site from the command as from MkDocs'
`on_post_build`, and nothing changed when it runs again."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from guide_perennisation.postbuild import built_site_url

from .conftest import ROOT, mkdocs_config


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_command_run_again_changes_nothing(site_dir: Path, tmp_path: Path) -> None:
    """`site_dir` went through the step once, inside the build: the command
    (site address from the built pages, day from git) writes the same bytes."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    blank = next(site.rglob("*.odt"))
    blank.unlink()
    result = subprocess.run(
        [sys.executable, "-m", "guide_perennisation.postbuild", str(site), "--project", str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert blank.is_file(), "the step did not write the blank notes"
    assert files(site) == files(site_dir)


def test_the_site_address_comes_from_the_home_page(site_dir: Path, tmp_path: Path) -> None:
    assert built_site_url(site_dir) == mkdocs_config()["site_url"]
    assert built_site_url(tmp_path) == "/"
