"""MkDocs 1.6.1 and ProperDocs 1.6.x, its continuation, build the same site
from the same sources: the same files, byte for byte, apart from the theme's
`generator` meta tag, which names the engine.

That is the only exception. The sitemap (and its .gz), the search index, the
blank notes and every page's dates come out identical because nothing in the
build reads the clock (SOURCE_DATE_EPOCH, else the last commit).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import lxml.html
import pytest

from .conftest import ROOT

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "python"


def generator(page: bytes) -> str | None:
    """The content of the page's `<meta name="generator">`, if it has one."""
    for meta in lxml.html.document_fromstring(page).iterfind(".//meta[@name='generator']"):
        return meta.get("content")
    return None


def without_generator(page: bytes) -> bytes:
    """The page's bytes with its generator's name (found by the parser) blanked."""
    name = generator(page)
    assert name, "no generator meta tag"
    attribute = f'content="{name}"'.encode()
    assert page.count(attribute) == 1, name
    return page.replace(attribute, b'content=""')


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not PROPERDOCS.is_file():
        pytest.fail("ProperDocs n'est pas installé : lancer `make .venv-properdocs/.site` (ou `make test`)")
    destination = tmp_path_factory.mktemp("properdocs-site")
    # As conftest.build_site runs MkDocs: same flags, same folder, same environment.
    command = [str(PROPERDOCS), "-m", "properdocs", "build", "--strict", "--clean", "-q"]
    result = subprocess.run(
        [*command, "-f", str(ROOT / "mkdocs.yml"), "-d", str(destination)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return destination


@pytest.mark.build
def test_properdocs_builds_the_same_site_as_mkdocs(site_dir: Path, properdocs_site: Path) -> None:
    mkdocs, properdocs = files(site_dir), files(properdocs_site)
    assert sorted(properdocs) == sorted(mkdocs)
    differing = sorted(name for name in mkdocs if mkdocs[name] != properdocs[name])
    pages = sorted(name for name in mkdocs if name.endswith(".html"))
    # Every page names its engine, and nothing else differs.
    assert differing == pages
    for name in pages:
        assert without_generator(properdocs[name]) == without_generator(mkdocs[name]), name
    home = "index.html"
    assert generator(mkdocs[home]).startswith("mkdocs-1.6.1,"), generator(mkdocs[home])
    assert generator(properdocs[home]).startswith("mkdocs-ProperDocs 1.6."), generator(properdocs[home])
