"""Patches on the theme's HTML stop the build when their target is gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_perennisation.theme import ThemePatchError, patch

from .conftest import build_site, copy_project


def test_patch_replaces_every_occurrence() -> None:
    assert patch("<a><a>", "<a>", "<b>") == "<b><b>"


def test_patch_without_its_target_is_an_error() -> None:
    with pytest.raises(ThemePatchError, match='« role="dialog" » est introuvable'):
        patch("<div>", 'role="dialog"', 'role="dialog" aria-label="x"')


@pytest.mark.build
def test_a_theme_that_lost_a_patched_string_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    main = project / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    assert "patch('role=\"dialog\"'" in text
    # As if the theme no longer wrote this string.
    main.write_text(text.replace("patch('role=\"dialog\"'", "patch('role=\"dialogue\"'"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert '« role="dialogue" » est introuvable dans le HTML du thème' in result.stderr
    assert "Traceback" not in result.stderr
