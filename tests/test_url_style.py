"""The guide follows the engine's URL style (`use_directory_urls`) instead of
assuming directory URLs: built with `use_directory_urls: false`, every
internal link still reaches its page and anchor."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import build_site, copy_project, mkdocs_config
from .linkcheck import Site


@pytest.mark.build
def test_a_site_without_directory_urls_has_no_broken_link(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    site_dir = tmp_path / "site"
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    assert (site_dir / "preparer" / "scenarios.html").is_file()
    site = Site.read(site_dir, mkdocs_config()["site_url"])
    assert sum(len(page.links) for page in site.pages.values()) > 1000
    assert site.internal_problems() == []
