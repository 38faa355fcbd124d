"""Saved ticks and notes survive a new version of the data: items added,
removed, reordered, moved to another group and reworded.

The first version of the site and the rebuilt one are served from the same
address, as a deployment replaces a site in place, so that the browser's
storage carries over."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import serve

from .checklists import EIG, NEW_LABEL, PAGES, box, checklists, form, note, open_and_type_note, wait_ready


@pytest.mark.build
def test_rebuild_keeps_every_remaining_tick_and_note_on_its_own_item(
    browser: Browser, site_dir: Path, next_version: Path, tmp_path: Path
) -> None:
    rebuilt = next_version / "site"
    after = checklists(next_version / "data" / "checklists.yml")[EIG]

    live = tmp_path / "live"
    os.symlink(site_dir, live)
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(live) as origin:
        url = origin + PAGES[EIG]
        page.goto(url)
        wait_ready(page)
        for item in ("rapport-etonnement", "personnes-rencontrees", "synthese-besoins", "code-source", "pitchs"):
            box(page, EIG, item).check()
        box(page, EIG, "atelier-feedback").check()
        open_and_type_note(page, EIG, "synthese-besoins", "Note A")
        open_and_type_note(page, EIG, "code-source", "Note B")
        open_and_type_note(page, EIG, "personnes-rencontrees", "Note C")
        open_and_type_note(page, EIG, "etat-des-lieux", "Note D")

        # The new version replaces the old one at the same address.
        os.symlink(rebuilt, tmp_path / "next")
        os.replace(tmp_path / "next", live)
        page.goto(url + "?rebuilt")  # not the copy the browser may have cached
        wait_ready(page)

        shown = form(page, EIG).locator("[data-item-id]").evaluate_all("items => items.map(i => i.dataset.itemId)")
        assert shown == [item.id for item in after.items]
        checked = form(page, EIG).locator("input.app-checklist__box:checked")
        ticked = checked.evaluate_all("boxes => boxes.map(b => b.name)")
        assert sorted(ticked) == sorted(["rapport-etonnement", "synthese-besoins", "code-source", "pitchs"])
        expect(page.locator(f"label[for='checklist-{EIG}-synthese-besoins']")).to_have_text(NEW_LABEL)
        expect(note(page, EIG, "synthese-besoins")).to_have_value("Note A")
        expect(note(page, EIG, "code-source")).to_have_value("Note B")
        expect(note(page, EIG, "etat-des-lieux")).to_have_value("Note D")
        expect(note(page, EIG, "nouveau-document")).to_have_count(0)  # no note: no field built
        expect(box(page, EIG, "nouveau-document")).not_to_be_checked()
        expect(page.locator("[data-group-id='communication'] [data-item-id='code-source']")).to_have_count(1)
        expect(form(page, EIG).locator("[data-checklist-progress]")).to_have_text(f"4 / {len(after.items)}")

        # Saving again drops what no longer exists, without error.
        box(page, EIG, "nouveau-document").check()
        page.reload()
        wait_ready(page)
        expect(box(page, EIG, "nouveau-document")).to_be_checked()
        expect(checked).to_have_count(5)
    assert errors == []
    context.close()
