"""What was typed in a note survives a new version of its template: sections
added, removed, reordered and renamed, scenarios reordered. The first version
of the site and the rebuilt one are served from the same address, as a
deployment replaces a site in place, so the browser's storage carries over."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import serve

from .conftest import Watch
from .notes import (
    ADDED,
    NOTE,
    PAGES,
    REMOVED,
    RENAMED,
    builder,
    download,
    fill_everything,
    form_values,
    markdown_headings,
    section_text,
    templates,
    text_field,
    wait_ready,
)


def by_section(values: list[tuple[str, object]]) -> dict[str, list[object]]:
    grouped: defaultdict[str, list[object]] = defaultdict(list)
    for section_id, value in values:
        grouped[section_id].append(value)
    return dict(grouped)


@pytest.mark.build
def test_rebuild_keeps_every_text_on_its_own_section(
    watched_page: tuple[Page, Watch], site_dir: Path, next_version: Path, tmp_path: Path
) -> None:
    rebuilt = next_version / "site"
    after = templates(next_version)[NOTE]

    page, watch = watched_page
    live = tmp_path / "live"
    os.symlink(site_dir, live)
    with serve(live) as origin:
        url = origin + PAGES[NOTE]
        page.goto(url)
        wait_ready(page, NOTE)
        fill_everything(page, templates()[NOTE])
        before = by_section(form_values(page, NOTE))

        os.symlink(rebuilt, tmp_path / "next")
        os.replace(tmp_path / "next", live)
        page.goto(url + "?rebuilt")  # not the copy the browser may have cached
        wait_ready(page, NOTE)

        shown = builder(page, NOTE).locator("[data-section-id]").evaluate_all("s => s.map(e => e.dataset.sectionId)")
        assert shown == [s.id for s in after.sections]
        now = by_section(form_values(page, NOTE))
        for section_id, values in now.items():
            if section_id in before:
                # Scenarios are listed in the new order of the data: compare as sets.
                assert sorted(map(str, values)) == sorted(map(str, before[section_id])), section_id
        expect(text_field(page, NOTE, ADDED["id"])).to_have_value("")
        expect(text_field(page, NOTE, RENAMED[0])).to_have_value(section_text(RENAMED[0]))
        orphans = builder(page, NOTE).locator("[data-note-orphans]")
        expect(orphans).to_contain_text("Déterminer les ressources nécessaires")

        # The removed section's text is still exported, after the template's sections.
        text = download(page, "markdown", tmp_path).read_text(encoding="utf-8")
        found = markdown_headings(text)
        tail = [(2, "Rubriques retirées du modèle"), (3, "Déterminer les ressources nécessaires")]
        assert found[-2:] == tail
        sections = [h for h in found[1:] if not h[1].startswith("Scénario\u00a0: ")]
        assert sections[: len(after.sections)] == [(s.level, s.title) for s in after.sections]
        assert text.index(section_text(REMOVED).split("\n")[0]) > text.index("## Rubriques retirées du modèle")

        # Saving again keeps the removed section's text, without error.
        text_field(page, NOTE, ADDED["id"]).fill("Nouveau texte")
        page.reload()
        wait_ready(page, NOTE)
        expect(text_field(page, NOTE, ADDED["id"])).to_have_value("Nouveau texte")
        expect(orphans).to_contain_text("Déterminer les ressources nécessaires")
    assert watch.errors == []
