"""The values that stand in for the real ones until publication: listed once
in mkdocs.yml, announced by the build, refused by the publishing workflow."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide_perennisation.publication import KEYS, MISSING, Publication, data_edit_base, missing_lines

from .conftest import ROOT, Build, build_site, copy_project, mkdocs_config

CONFIG = mkdocs_config()
PUBLICATION = CONFIG["extra"]["publication"]
# What the current mkdocs.yml still lacks, key by key.
PENDING = ["contact_email", "repository", "publication_director", "host"]
FILLED = {
    "publication_director": "Camille Exemple, directrice de la publication",
    "host": "Hébergeur Exemple, 1 rue de l’Exemple, 75000 Paris, 01 23 45 67 89",
}


def filled_config(text: str) -> str:
    """mkdocs.yml as a publisher would leave it: every value set, no placeholder."""
    for key, value in FILLED.items():
        text, count = re.subn(rf"^(    {key}):.*$", rf"\1: {value}", text, flags=re.MULTILINE)
        assert count == 1, key
    text, count = re.subn(r"^(    placeholders):.*$", r"\1: []", text, flags=re.MULTILINE)
    assert count == 1
    return text


# The source addresses still to confirm in data/sources.yml.
UNCONFIRMED = ["Signaux Faibles, récit d’un passage à l’échelle réussi"]


def check(config_file: Path, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "guide_perennisation.check_publication",
        "-f",
        str(config_file),
        "--root",
        str(root),
    ]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_every_value_lives_in_extra_publication() -> None:
    assert set(KEYS) <= set(PUBLICATION)
    assert set(PUBLICATION["placeholders"]) <= set(KEYS)
    assert "repository" not in CONFIG["extra"] and "contact_email" not in CONFIG["extra"]
    assert "data_edit_base" not in CONFIG["extra"], "derived from edit_uri, not repeated"


def test_the_forge_address_agrees_wherever_it_must_be_repeated() -> None:
    """MkDocs reads edit_uri itself, and the forge reads its own files: they
    repeat the repository, so they must say the same."""
    repository = PUBLICATION["repository"]
    assert CONFIG["edit_uri"].startswith(repository + "/edit/"), "mkdocs.yml: edit_uri ≠ extra.publication.repository"
    base = data_edit_base(CONFIG["edit_uri"], "docs")
    assert base.startswith(repository + "/edit/") and base + "docs/" == CONFIG["edit_uri"]
    assert data_edit_base(None, "docs") is None
    assert repository + ".git" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert repository + "/" in (ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8")
    # Pages name it through the configuration, never by hand.
    by_hand = [p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md") if repository in p.read_text()]
    assert by_hand == []


def test_the_check_lists_each_missing_value_with_its_line_and_fails() -> None:
    result = check(ROOT / "mkdocs.yml")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == len(PENDING) + len(UNCONFIRMED) + 1
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    for key, line in zip(PENDING, lines, strict=False):
        match = re.match(rf"mkdocs\.yml:(\d+): extra\.publication\.{key} : ", line)
        assert match, line
        assert text[int(match[1]) - 1].strip().startswith(f"{key}:"), line
    assert "placeholders" in lines[0] and MISSING in lines[3]
    sources = (ROOT / "data/sources.yml").read_text(encoding="utf-8").splitlines()
    for title, line in zip(UNCONFIRMED, lines[len(PENDING) :], strict=False):
        match = re.match(r"data/sources\.yml:(\d+): adresse à confirmer — « (.+?) »", line)
        assert match and title in match[2], line
        assert sources[int(match[1]) - 1].startswith("- id: "), line
    total = len(PENDING) + len(UNCONFIRMED)
    assert lines[-1] == f"{total} valeur(s) à fournir : le site n’est pas publié."


def test_the_check_passes_once_every_value_is_set_and_every_address_confirmed(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(filled_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    sources = tmp_path / "data/sources.yml"
    text = sources.read_text(encoding="utf-8")
    confirmed = "url: https://example.org/billet\n      url_status: confirmee\n      confirmed_from: Vérifié en ligne."
    assert text.count("url_status: a-confirmer") == len(UNCONFIRMED)
    alone = check(config, tmp_path)
    assert alone.returncode == 1, "the values alone are not enough"
    assert alone.stderr.count("adresse à confirmer") == len(UNCONFIRMED)
    sources.write_text(text.replace("url_status: a-confirmer", confirmed), encoding="utf-8")
    result = check(config, tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("section", "missing"),
    [
        ({"contact_email": "a@b.fr", "repository": "https://forge/x", "publication_director": "D", "host": "H"}, []),
        ({"contact_email": "a@b.fr", "repository": "https://forge/x", "host": "H", "placeholders": ["host"]},
         ["publication_director", "host"]),
        ({"contact_email": "  ", "repository": "https://forge/x", "publication_director": "D", "host": "H"},
         ["contact_email"]),
        (None, list(KEYS)),
    ],
)  # fmt: skip
def test_a_value_is_missing_when_empty_or_listed_as_a_placeholder(section: dict | None, missing: list[str]) -> None:
    publication = Publication.from_extra({"publication": section})
    assert publication.missing() == missing
    for key in KEYS:
        shown = publication.show(key)
        assert shown == (f"<strong>{MISSING}</strong>" if key in missing else section[key]), key


def test_a_shown_value_is_escaped() -> None:
    publication = Publication.from_extra({"publication": {"host": "<b>Hôte</b> & cie"}})
    assert publication.show("host") == "&lt;b&gt;Hôte&lt;/b&gt; &amp; cie"


def test_missing_lines_point_at_the_placeholders_list_for_a_key_not_written(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  publication:\n    placeholders: []\n", encoding="utf-8")
    publication = Publication.from_extra({"publication": {}})
    lines = missing_lines(publication, config)
    assert [line.split(":")[1] for line in lines] == ["4"] * len(KEYS)


def test_the_build_warns_outside_the_logger_and_still_builds_strict(site_build: Build) -> None:
    # The session's build: strict, of the project as it stands (tests/conftest.py).
    warned = [line for line in site_build.stderr.splitlines() if "extra.publication." in line]
    assert [re.search(r"extra\.publication\.(\w+)", line)[1] for line in warned] == PENDING
    assert not any(line.startswith(("WARNING", "INFO")) for line in warned)
    page = (site_build.site / "a-propos" / "mentions-legales" / "index.html").read_text(encoding="utf-8")
    assert page.count(f"<strong>{MISSING}</strong>") == 2


@pytest.mark.build
def test_a_filled_configuration_builds_silently_and_shows_its_values(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(filled_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert "extra.publication" not in result.stderr
    page = (project / "site" / "a-propos" / "mentions-legales" / "index.html").read_text(encoding="utf-8")
    assert MISSING not in page
    assert "Camille Exemple, directrice de la publication" in page
    assert "Hébergeur\u00a0: Hébergeur Exemple, 1 rue de l’Exemple, 75000 Paris" in page
