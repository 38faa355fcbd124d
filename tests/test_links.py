"""Every internal link of the built site reaches a file, and every #anchor an
id in it. External links are `make linkcheck`'s business, not this one's."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from .conftest import mkdocs_config, serve
from .linkcheck import Site, check_all, is_relative


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    site = Site.read(site_dir, mkdocs_config()["site_url"])
    # The reading sees the site's links: pages, assets, sitemap, anchors.
    assert len(site.pages) > 30
    assert sum(len(page.links) for page in site.pages.values()) > 1000
    # The scenarios, examples, trajectories and glossary links at least.
    assert sum(is_relative(link) and "#" in link for page in site.pages.values() for link in page.links) > 200
    assert site.internal_problems() == []


# Every page's footer leads to these (and they pass every gate, as every page does).
LEGAL_PAGES = [
    "a-propos/accessibilite/",
    "a-propos/mentions-legales/",
    "a-propos/donnees-personnelles/",
    "a-propos/plan-du-site/",
    "a-propos/licence/",
]


def test_every_page_links_to_the_legal_pages(site_dir: Path) -> None:
    site = Site.read(site_dir, mkdocs_config()["site_url"])
    missing = {}
    for name, page in site.pages.items():
        if name.endswith(".html"):
            reached = {urljoin(site.page_url(name), link) for link in page.links}
            if lacking := [legal for legal in LEGAL_PAGES if site.url + legal not in reached]:
                missing[name] = lacking
    assert len(site.pages) > 30
    assert missing == {}


def _write(directory: Path, name: str, html: str) -> None:
    (directory / name).parent.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(html, encoding="utf-8")


def test_broken_links_and_anchors_are_reported(tmp_path: Path) -> None:
    _write(
        tmp_path, "index.html", '<a href="page/#ici">ok</a> <a href="page/#ailleurs">ancre</a> <a href="rien/">page</a>'
    )
    _write(
        tmp_path,
        "page/index.html",
        '<h2 id="ici">Ici</h2> <a href="/guide/">accueil</a> <img src="../x.svg"> <a href="../../dehors/">hors</a>',
    )
    _write(tmp_path, "sitemap.xml", "<urlset><url><loc>https://exemple.fr/guide/perdue/</loc></url></urlset>")
    site = Site.read(tmp_path, "https://exemple.fr/guide/")
    assert sorted(site.internal_problems()) == [
        "index.html: page/#ailleurs: pas d'ancre #ailleurs dans page/index.html",
        "index.html: rien/: aucun fichier",
        "page/index.html: ../../dehors/: hors du site",
        "page/index.html: ../x.svg: aucun fichier",
        "sitemap.xml: https://exemple.fr/guide/perdue/: aucun fichier",
    ]


def test_external_links_are_listed_with_their_pages_and_checked(tmp_path: Path) -> None:
    served = tmp_path / "ailleurs"
    _write(served, "present.html", "ok")
    with serve(served) as elsewhere:
        _write(
            tmp_path / "site",
            "index.html",
            f'<a href="{elsewhere}present.html">a</a> <a href="{elsewhere}absent">b</a>',
        )
        site = Site.read(tmp_path / "site", "https://exemple.fr/guide/")
        assert site.external_links() == {
            f"{elsewhere}absent": ["index.html"],
            f"{elsewhere}present.html": ["index.html"],
        }
        assert check_all(list(site.external_links())) == {f"{elsewhere}absent": "HTTP 404"}
