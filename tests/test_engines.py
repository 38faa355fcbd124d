"""The guide's three engines build it from the same sources.

MkDocs 1.6.1 and ProperDocs 1.6.x, its continuation, build the same site:
the same files, byte for byte, apart from the theme's `generator` meta tag,
which names the engine. That is the only exception. The sitemap (and its
.gz), the search index, the blank notes and every page's dates come out
identical because nothing in the build reads the clock (SOURCE_DATE_EPOCH,
else the last commit).

Zensical 0.0.73 renders the theme with its own engine, so its pages are not
MkDocs' bytes: its site, after the post-build step, is checked for what a
reader gets from it: the same pages, the same data blocks on each, every
fact of the sources, and nothing loaded from another host
(tests/browser/test_engines_zensical.py adds axe). What it still renders
differently is listed in the README (« Moteurs »).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
import yaml

from .conftest import ROOT, SITE_PATH, ZENSICAL, copy_project, mkdocs_config

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


def pages(site: Path) -> dict[str, lxml.html.HtmlElement]:
    """Every HTML page of a site, parsed, by its path from the site's root."""
    return {p.relative_to(site).as_posix(): lxml.html.parse(str(p)).getroot() for p in sorted(site.rglob("*.html"))}


def data_blocks(page: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """The page's front-end modules and the records its data blocks show, in page order."""
    return {
        "modules": [e.get("data-app-module") for e in page.iterfind(".//*[@data-app-module]")],
        "records": [e.get("data-app-record") for e in page.iterfind(".//*[@data-app-record]")],
    }


def text(page: lxml.html.HtmlElement) -> str:
    """What the page says: its text outside scripts and styles, as tests/facts.yml reads it."""
    runs = page.xpath("//text()[not(ancestor::script) and not(ancestor::style)]")
    return re.sub(r"\s+", " ", " ".join(runs).replace("’", "'").replace("\u00a0", " "))


# What a page loads by itself: the elements and attributes that send a request.
LOADING = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
}
# Links that name a page and load nothing.
NOT_LOADED = {"canonical", "alternate", "author", "license", "next", "prev", "search"}
# In CSS, outside the HTML parser's reach: what fetches another file.
CSS_FETCH = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)|url\(\s*["']?([^"')\s]+)""")


def foreign(url: str, own: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.netloc != own


def css_fetches(css: str, own: str) -> list[str]:
    return [m.group(0) for m in CSS_FETCH.finditer(css) if foreign(m.group(1) or m.group(2), own)]


def page_fetches(page: lxml.html.HtmlElement, own: str) -> list[str]:
    found = []
    for tag, attributes in LOADING.items():
        for element in page.iter(tag):
            if tag == "link" and set((element.get("rel") or "").split()) <= NOT_LOADED:
                continue
            for attribute in attributes:
                # srcset: « url width, url width »
                urls = [c.split()[0] for c in (element.get(attribute) or "").split(",") if c.strip()]
                found += [f"<{tag} {attribute}={url}>" for url in urls if foreign(url, own)]
    styles = [e.text or "" for e in page.iter("style")] + [e.get("style") for e in page.iterfind(".//*[@style]")]
    return found + [fetch for css in styles for fetch in css_fetches(css, own)]


def foreign_requests(site: Path, own: str) -> list[str]:
    """Every URL on another host than `own` that a page or a style sheet of the site would fetch."""
    found = [f"{name}: {fetch}" for name, page in pages(site).items() for fetch in page_fetches(page, own)]
    for sheet in sorted(site.rglob("*.css")):
        found += [f"{sheet.relative_to(site)}: {fetch}" for fetch in css_fetches(sheet.read_text("utf-8"), own)]
    return found


@pytest.fixture(scope="module")
def mkdocs_pages(site_dir: Path) -> dict[str, lxml.html.HtmlElement]:
    return pages(site_dir)


@pytest.fixture(scope="module")
def zensical_pages(zensical_site: Path) -> dict[str, lxml.html.HtmlElement]:
    return pages(zensical_site)


@pytest.mark.build
def test_zensical_builds_the_same_pages(mkdocs_pages: dict, zensical_pages: dict) -> None:
    assert len(mkdocs_pages) > 30
    assert sorted(zensical_pages) == sorted(mkdocs_pages)


@pytest.mark.build
def test_zensical_pages_show_the_same_data_blocks(mkdocs_pages: dict, zensical_pages: dict) -> None:
    assert any(data_blocks(page)["records"] for page in mkdocs_pages.values())
    differing = {
        name: (data_blocks(page), data_blocks(zensical_pages[name]))
        for name, page in mkdocs_pages.items()
        if name in zensical_pages and data_blocks(page) != data_blocks(zensical_pages[name])
    }
    assert differing == {}


def own_files(name: str, page: lxml.html.HtmlElement) -> list[str]:
    """The guide's own styles and scripts the page loads (the theme's left
    out), as paths from the site's root, whatever the engine's URL style."""
    # Where the site is published: the 404 page's links are absolute.
    base = SITE_PATH + name
    urls = [e.get("href") for e in page.iterfind(".//link[@rel='stylesheet']")]
    urls += [e.get("src") for e in page.iterfind(".//script[@src]")]
    paths = [urlsplit(urljoin(base, url)).path.removeprefix(SITE_PATH) for url in urls]
    return [path for path in paths if not path.startswith(("assets/stylesheets/", "assets/javascripts/"))]


def page_foot(page: lxml.html.HtmlElement) -> list[str]:
    """The text of the page's foot: last update, error report."""
    return [" ".join(e.text_content().split()) for e in page.find_class("app-page-info")]


@pytest.mark.build
def test_zensical_pages_load_the_same_styles_and_scripts(mkdocs_pages: dict, zensical_pages: dict) -> None:
    assert any("assets/components/checklist.js" in own_files(n, p) for n, p in mkdocs_pages.items())
    differing = {
        name: (own_files(name, page), own_files(name, zensical_pages[name]))
        for name, page in mkdocs_pages.items()
        if name in zensical_pages and own_files(name, page) != own_files(name, zensical_pages[name])
    }
    assert differing == {}


@pytest.mark.build
def test_zensical_pages_have_the_same_foot(mkdocs_pages: dict, zensical_pages: dict) -> None:
    """Last update and error report: the same text, dated from the same history."""
    assert all(page_foot(page) for name, page in mkdocs_pages.items() if name != "404.html")
    differing = {
        name: (page_foot(page), page_foot(zensical_pages[name]))
        for name, page in mkdocs_pages.items()
        if name in zensical_pages and page_foot(page) != page_foot(zensical_pages[name])
    }
    assert differing == {}


@pytest.mark.build
def test_every_fact_of_the_sources_is_on_the_zensical_site(zensical_pages: dict) -> None:
    site = " ".join(text(page) for name, page in zensical_pages.items() if name != "404.html")
    facts = yaml.safe_load((ROOT / "tests" / "facts.yml").read_text(encoding="utf-8"))
    assert len(facts) >= 50
    assert [f["fact"] for f in facts if not re.search(f["pattern"], site, re.IGNORECASE)] == []


@pytest.mark.build
def test_zensical_site_requests_nothing_from_another_host(zensical_site: Path) -> None:
    """Zensical's defaults would load Google Fonts and emoji from a CDN:
    mkdocs.yml turns both off (`font: false`, and no `pymdownx.emoji`)."""
    own = urlsplit(mkdocs_config()["site_url"]).netloc
    assert foreign_requests(zensical_site, own) == []


def test_the_host_check_finds_a_foreign_font(tmp_path: Path) -> None:
    """The check above could fail: a Google Fonts link, a CDN script and a CSS
    import are each found, and the site's own canonical link is not."""
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="canonical" href="https://example.org/">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Inter">'
        '<style>@import "https://cdn.example.net/a.css";</style></head>'
        '<body><script src="//cdn.jsdelivr.net/x.js"></script><img src="./a.png"></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "a.css").write_text("b { background: url(https://cdn.example.net/b.png) }", encoding="utf-8")
    found = foreign_requests(tmp_path, "example.org")
    assert len(found) == 4, found


@pytest.mark.build
def test_zensical_stops_on_bad_data_in_one_line_per_problem(tmp_path: Path) -> None:
    """As with MkDocs (tests/test_data_errors.py): the problem where it is, no traceback."""
    if not ZENSICAL.is_file():
        pytest.fail("Zensical n'est pas installé : lancer `make .venv-zensical/.site` (ou `make test`)")
    project = copy_project(tmp_path)
    page = project / "docs" / "defis-eig" / "enjeux-techniques.md"
    page.write_text(page.read_text(encoding="utf-8").replace('checklist("enjeux-techniques")', 'checklist("nulle")'))
    result = subprocess.run(
        [str(ZENSICAL), "-m", "zensical", "build", "--clean", "-f", "mkdocs.yml"],
        cwd=project,
        env={**os.environ, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    problems = [line for line in result.stderr.splitlines() if "« nulle »" in line]
    assert len(problems) == 1, result.stderr
    assert problems[0].startswith("docs/defis-eig/enjeux-techniques.md:"), problems
