"""The post-build step: the same site from the command as from MkDocs'
`on_post_build`, and nothing changed when it runs again."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide_perennisation.links import page_source, page_url
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


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_built_page_finds_its_markdown_source_in_either_url_style(tmp_path: Path, directory_urls: bool) -> None:
    """The step dates a page by its source, found from the built file alone."""
    for doc in ("index.md", "a/index.md", "a/b.md", "c.md"):
        (tmp_path / doc).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / doc).write_text("# x\n", encoding="utf-8")
        built = page_url(doc, directory_urls)
        if not built or built.endswith("/"):
            built += "index.html"
        assert page_source(built, tmp_path) == doc
    assert page_source("404.html", tmp_path) is None
