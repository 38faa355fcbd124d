"""Every page's foot: « Dernière mise à jour » from git, and « Signaler une erreur ».

Also the « Modifier ces données » links of the data blocks, and the
« à revérifier » marks, which depend on the same dates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml.html import HtmlElement

from guide_perennisation.history import _MARK, _parse, read_history
from guide_perennisation.loader import load_guide
from guide_perennisation.page_info import REPORT_FORM, mail_url, report_url

from . import dom
from .conftest import ROOT, build_site, copy_project, mkdocs_config, site_pages

CONFIG = mkdocs_config()
# The page foot's interface words, which the report's title and mail are written in.
TEXTS = load_guide(ROOT).interface["page-info"].texts


@dataclass(frozen=True)
class _Foot:
    """The page's foot, its edit links and its data blocks."""

    foot_count: int
    updated: list[str]
    foot_text: str
    foot_links: list[str]
    # The data files the page's blocks show: each block's source, and the
    # other files it shows (data-app-shows), as page_info.shown_files reads them.
    shown: list[str]
    edit_links: list[tuple[str, str]]  # (the block's data source, its « Modifier ces données » link)
    page_edit: list[str]


def _block_source(element: HtmlElement) -> str:
    """The data source of the block an element sits in."""
    block = next(b for b in element.iterancestors() if dom.has_class(b, "app-block"))
    return block.get("data-app-source", "")


def _foot(html: str) -> _Foot:
    root = dom.page(html)
    feet = dom.with_class(root, "app-page-info")
    edits = dom.with_class(root, "app-block__edit")
    return _Foot(
        foot_count=len(feet),
        updated=[time.get("datetime", "") for foot in feet for time in foot.iter("time")],
        foot_text="".join(dom.text(foot) for foot in feet),
        foot_links=[link.get("href", "") for foot in feet for link in foot.iter("a")],
        shown=[
            name
            for block in dom.with_class(root, "app-block")
            for name in [block.get("data-app-source", ""), *block.get("data-app-shows", "").split()]
        ],
        edit_links=[(_block_source(edit), link.get("href", "")) for edit in edits for link in edit.iter("a")],
        page_edit=[link.get("href", "") for link in dom.with_class(root, "md-content__button", "a")],
    )


def _source_of(site: Path, page: Path) -> str:
    """docs/… source of a built page, from its URL (directory URLs)."""
    rel = page.parent.relative_to(site).as_posix()
    candidates = ["index.md"] if rel == "." else [f"{rel}.md", f"{rel}/index.md"]
    return next(c for c in candidates if (ROOT / "docs" / c).is_file())


# --- git history, read once per build ------------------------------------------------


def test_history_keeps_each_files_newest_commit() -> None:
    log = (
        f"{_MARK}2024-05-06T23:30:00-02:00\n\ndata/examples.yml\n"
        f"{_MARK}2023-01-02T10:00:00+01:00\n\ndata/examples.yml\ndocs/index.md\n"
    )
    history = _parse(log)
    assert history.head == dt.date(2024, 5, 6)  # the committer's own day, not UTC's
    assert history.dates == {"data/examples.yml": dt.date(2024, 5, 6), "docs/index.md": dt.date(2023, 1, 2)}
    assert history.last_change(["docs/index.md", "data/examples.yml"]) == dt.date(2024, 5, 6)
    assert history.last_change(["docs/index.md", "docs/unknown.md"]) == dt.date(2023, 1, 2)
    assert history.last_change(["docs/unknown.md"]) is None


def test_history_without_git_is_empty_not_an_error(tmp_path: Path) -> None:
    history = read_history(tmp_path)
    assert not history.available
    assert history.last_change(["docs/index.md"]) is None


# --- links to the forge ---------------------------------------------------------------


def test_report_url_opens_the_error_form_with_title_and_page() -> None:
    url = report_url("https://github.com/o/r", "Les scénarios & co", "https://site/preparer/scenarios/", TEXTS)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/o/r/issues/new"
    query = parse_qs(parts.query)
    assert query == {
        "template": [REPORT_FORM],
        "title": ["Erreur : Les scénarios & co"],
        "page": ["https://site/preparer/scenarios/"],
    }


def test_mail_url_names_the_page_and_encodes_spaces_as_mailto_wants() -> None:
    url = mail_url("contact@exemple.fr", "Glossaire", "https://site/outils/glossaire/", TEXTS)
    assert url.startswith("mailto:contact@exemple.fr?subject=Erreur%20sur%20la%20page%20")
    assert "+" not in url
    assert parse_qs(urlsplit(url).query)["body"] == ["Page : https://site/outils/glossaire/\n\nCe qui ne va pas :\n"]
    assert "https%3A%2F%2Fsite%2Foutils%2Fglossaire%2F" in url


# --- the built site -----------------------------------------------------------------


def test_every_page_has_one_foot_with_its_report_links(site_dir: Path) -> None:
    repository = CONFIG["extra"]["publication"]["repository"]
    email = CONFIG["extra"]["publication"]["contact_email"]
    for page in site_pages(site_dir):
        url = CONFIG["site_url"] + page.parent.relative_to(site_dir).as_posix() + "/"
        url = url.replace("/./", "/")
        foot = _foot(page.read_text(encoding="utf-8"))
        assert foot.foot_count == 1, page
        assert "Dernière mise à jour" in foot.foot_text, page
        assert "Signaler une erreur sur cette page" in foot.foot_text, page
        report = next(link for link in foot.foot_links if link.startswith(repository + "/issues/new?"))
        assert parse_qs(urlsplit(report).query)["page"] == [url], page
        assert any(link.startswith(f"mailto:{email}?") for link in foot.foot_links), page


def test_every_date_is_the_newest_commit_of_the_page_and_the_data_it_shows(site_dir: Path) -> None:
    history = read_history(ROOT)
    assert history.available, "le dépôt de travail a un historique git"
    for page in site_pages(site_dir):
        if page.parent.name == "guide-complet":
            continue  # every page at once: tested with the complete guide
        foot = _foot(page.read_text(encoding="utf-8"))
        files = {f"docs/{_source_of(site_dir, page)}", *foot.shown}
        expected = history.last_change(files)
        assert foot.updated == ([expected.isoformat()] if expected else []), page


def test_data_edit_links_open_the_exact_yaml_file_and_page_edit_links_stay(site_dir: Path) -> None:
    # The repository's root on the forge's edit view: edit_uri, one level up.
    base = CONFIG["edit_uri"].removesuffix("docs/")
    seen = 0
    for page in site_pages(site_dir):
        foot = _foot(page.read_text(encoding="utf-8"))
        for source, href in foot.edit_links:
            assert href == base + source, page
            assert (ROOT / source).is_file(), source
            assert source.startswith("data/") and source.endswith(".yml")
            seen += 1
        source = _source_of(site_dir, page)
        assert foot.page_edit == [CONFIG["edit_uri"] + source], page
    assert seen >= 20


def test_the_foot_stays_out_of_the_search_index(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"])
    # Phrases of the foot only (the « Contribuer » page names its links).
    assert "compte GitHub nécessaire" not in texts
    assert "Dernière mise à jour :" not in texts


# --- dates and freshness in copies with controlled history -----------------------------


def _git(project: Path, *args: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", "-C", str(project), *args], env=env, check=True, capture_output=True)


def _text(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Everything committed in 2020, then only data/examples.yml touched in 2028."""
    project = copy_project(tmp_path_factory.mktemp("dated"))
    _git(project, "init", "-q", "-b", "main", when="2020-01-01T12:00:00+01:00")
    _git(project, "add", "-A", when="2020-01-01T12:00:00+01:00")
    _git(project, "commit", "-q", "-m", "first", when="2020-01-01T12:00:00+01:00")
    with (project / "data" / "examples.yml").open("a", encoding="utf-8") as f:
        f.write("# relu\n")
    _git(project, "commit", "-q", "-am", "examples", when="2028-01-15T10:00:00+00:00")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the last commit is the reference
        result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.build
def test_a_page_is_dated_by_the_data_it_shows(dated_site: Path) -> None:
    assert "15 janvier 2028" in _foot(_text(dated_site, "exemples")).foot_text
    assert _foot(_text(dated_site, "defis-eig/scenarios-observes")).updated == ["2028-01-15"]
    # No example block on these pages: their own 2020 commit dates them.
    assert _foot(_text(dated_site, "comprendre/pourquoi")).updated == ["2020-01-01"]
    assert "1er janvier 2020" in _foot(_text(dated_site, "preparer/scenarios")).foot_text


@pytest.mark.build
def test_facts_older_than_a_year_before_the_last_commit_are_marked(dated_site: Path) -> None:
    # Every example was verified in 2026: more than 12 months before 2028-01-15.
    html = _text(dated_site, "exemples")
    assert html.count('class="app-stale"') == html.count('class="app-example"') > 20


@pytest.mark.build
def test_without_git_every_page_says_its_date_is_unknown(undated_site: Path) -> None:
    for page in site_pages(undated_site):
        foot = _foot(page.read_text(encoding="utf-8"))
        assert foot.updated == [], page
        assert re.search("Dernière mise à jour\u00a0: date inconnue", foot.foot_text), page


@pytest.mark.build
def test_source_date_epoch_is_the_reference_for_freshness(undated_site: Path) -> None:
    html = _text(undated_site, "exemples")
    assert html.count('class="app-stale"') == html.count('class="app-example"')
