"""app.store, the local-state module, exercised on the built site.

The checklists, the decision grid and the note builder all keep their state
through it, so its promises are tested here once, apart from any component."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.conftest import serve

from .checklists import BLOCK_STORAGE, FILL_QUOTA, PAGES

PAGE = PAGES["signaux-de-reussite"]


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


def open_page(context: BrowserContext, url: str, init_script: str | None = None) -> tuple[Page, list[str], list[str]]:
    """A page, its uncaught errors, and its console warnings."""
    page = context.new_page()
    errors: list[str] = []
    warnings: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "warning" and warnings.append(msg.text))
    if init_script:
        page.add_init_script(init_script)
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.app && window.app.store")
    return page, errors, warnings


def test_write_then_read_back_with_its_date(context: BrowserContext, base_url: str) -> None:
    page, errors, _ = open_page(context, base_url + PAGE)
    result = page.evaluate(
        """() => {
          const slot = app.store.slot("test", "a", { version: 3 })
          const kept = slot.write({ items: { x: { checked: true, note: "é « ok »" } } })
          const back = slot.read()
          return { kept, data: back.data, problem: back.problem, age: Date.now() - back.savedAt.getTime(),
                   raw: JSON.parse(localStorage.getItem(slot.key)) }
        }"""
    )
    assert result["kept"] is True
    assert result["data"] == {"items": {"x": {"checked": True, "note": "é « ok »"}}}
    assert result["problem"] is None
    assert 0 <= result["age"] < 60_000
    assert result["raw"]["v"] == 3
    assert errors == []


def test_nothing_saved_reads_as_no_data_and_no_problem(context: BrowserContext, base_url: str) -> None:
    page, _, _ = open_page(context, base_url + PAGE)
    assert page.evaluate("app.store.slot('test', 'empty').read()") == {"data": None, "savedAt": None, "problem": None}


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("{not json", "corrupt"),
        ("[1, 2]", "corrupt"),
        ('"text"', "corrupt"),
        ('{"v": 1, "data": [true]}', "corrupt"),
        ('{"checked": ["a", "b"]}', "corrupt"),  # an older, unversioned shape
        ('{"v": 0, "savedAt": "2020-01-01T00:00:00Z", "data": {"items": {}}}', "format"),
    ],
)
def test_unreadable_data_is_ignored_and_reported(
    context: BrowserContext, base_url: str, raw: str, problem: str
) -> None:
    page, errors, _ = open_page(context, base_url + PAGE)
    result = page.evaluate(
        """raw => {
          const slot = app.store.slot("test", "old", { version: 1 })
          localStorage.setItem(slot.key, raw)
          const read = slot.read()
          return { read, rewritten: slot.write({ fresh: true }), again: slot.read().data }
        }""",
        raw,
    )
    assert result["read"] == {"data": None, "savedAt": None, "problem": problem}
    assert result["rewritten"] is True
    assert result["again"] == {"fresh": True}
    assert errors == []


def test_remove_forgets_the_slot(context: BrowserContext, base_url: str) -> None:
    page, _, _ = open_page(context, base_url + PAGE)
    result = page.evaluate(
        """() => {
          const slot = app.store.slot("test", "gone")
          slot.write({ a: 1 })
          slot.remove()
          return [slot.read().data, localStorage.getItem(slot.key)]
        }"""
    )
    assert result == [None, None]


def test_keys_carry_the_site_path_component_and_id(context: BrowserContext, base_url: str) -> None:
    page, _, _ = open_page(context, base_url + PAGE)
    keys = page.evaluate("[app.store.slot('checklist', 'a').key, app.store.slot('grid', 'a').key]")
    root = urlsplit(base_url).path  # the tests serve the site under its published path
    assert keys == [f"app:{root}:checklist:a", f"app:{root}:grid:a"]


def test_two_sites_on_one_origin_never_share_a_slot(browser: Browser, site_dir: Path, tmp_path: Path) -> None:
    """Two copies of the site under /one/ and /two/ of one server, as two
    projects on one github.io account."""
    for name in ("one", "two"):
        os.symlink(site_dir, tmp_path / name)
    context = browser.new_context()
    with serve(tmp_path) as origin:
        one, _, _ = open_page(context, origin + "one/" + PAGE)
        assert one.evaluate("app.store.slot('checklist', 'x').key") == "app:/one/:checklist:x"
        one.evaluate("app.store.slot('checklist', 'x').write({ site: 'one' })")
        two, _, _ = open_page(context, origin + "two/" + PAGE)
        assert two.evaluate("app.store.slot('checklist', 'x').read().data") is None
        two.evaluate("app.store.slot('checklist', 'x').write({ site: 'two' })")
        one.reload()
        one.wait_for_function("() => window.app && window.app.store")
        assert one.evaluate("app.store.slot('checklist', 'x').read().data") == {"site": "one"}
    context.close()


def test_a_write_in_another_tab_is_seen(context: BrowserContext, base_url: str) -> None:
    first, _, _ = open_page(context, base_url + PAGE)
    second, _, _ = open_page(context, base_url + PAGE)
    first.evaluate(
        """() => { window.seen = []
                   app.store.slot("test", "shared").watch(result => window.seen.push(result.data)) }"""
    )
    second.evaluate("app.store.slot('test', 'shared').write({ from: 'second' })")
    first.wait_for_function("() => window.seen.length === 1")
    assert first.evaluate("window.seen") == [{"from": "second"}]


def test_throwing_storage_getter_keeps_data_for_the_visit_and_reports_once(
    context: BrowserContext, base_url: str
) -> None:
    page, errors, warnings = open_page(context, base_url + PAGE, BLOCK_STORAGE)
    result = page.evaluate(
        """() => {
          const calls = []
          app.store.onUnavailable(reason => calls.push(reason))
          app.store.onUnavailable(reason => calls.push("second:" + reason))
          const slot = app.store.slot("test", "blocked")
          const kept = [slot.write({ n: 1 }), slot.write({ n: 2 })]
          return { reason: app.store.unavailable, calls, kept, data: slot.read().data }
        }"""
    )
    assert result == {
        "reason": "blocked",
        "calls": ["blocked", "second:blocked"],
        "kept": [False, False],
        "data": {"n": 2},
    }
    assert errors == []
    assert len([w for w in warnings if w.startswith("app.store")]) == 1


def test_quota_error_on_write_is_reported_once_and_data_stays_for_the_visit(
    context: BrowserContext, base_url: str
) -> None:
    page, errors, warnings = open_page(context, base_url + PAGE)
    result = page.evaluate(
        """quota => {
          const calls = []
          app.store.onUnavailable(reason => calls.push(reason))
          const slot = app.store.slot("test", "full")
          const before = [app.store.unavailable, slot.write({ n: 0 })]
          eval(quota)
          const after = [slot.write({ n: 1 }), slot.write({ n: 2 })]
          return { before, after, reason: app.store.unavailable, calls, data: slot.read().data }
        }""",
        FILL_QUOTA,
    )
    assert result == {
        "before": [None, True],
        "after": [False, False],
        "reason": "quota",
        "calls": ["quota"],
        "data": {"n": 2},
    }
    assert errors == []
    assert len([w for w in warnings if w.startswith("app.store")]) == 1


def test_file_pages_keep_data_for_the_visit_only(context: BrowserContext, site_dir: Path) -> None:
    page, errors, _ = open_page(context, (site_dir / PAGE / "index.html").as_uri())
    result = page.evaluate(
        """() => {
          const slot = app.store.slot("test", "file")
          return { reason: app.store.unavailable, kept: slot.write({ n: 1 }), data: slot.read().data }
        }"""
    )
    assert result == {"reason": "file", "kept": False, "data": {"n": 1}}
    assert errors == []


def test_download_creates_the_file_on_the_device(context: BrowserContext, base_url: str) -> None:
    page, _, _ = open_page(context, base_url + PAGE)
    with page.expect_download() as info:
        page.evaluate("app.store.download('essai.md', '# Titre\\n- [x] é')")
    download = info.value
    assert download.suggested_filename == "essai.md"
    assert Path(download.path()).read_text(encoding="utf-8") == "# Titre\n- [x] é"


def test_copy_puts_the_text_on_the_clipboard(browser: Browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page, _, _ = open_page(context, base_url + PAGE)
    assert page.evaluate("app.store.copy('- [x] copié')") is True
    assert page.evaluate("navigator.clipboard.readText()") == "- [x] copié"
    context.close()


def test_read_file_decodes_utf8(context: BrowserContext, base_url: str) -> None:
    page, _, _ = open_page(context, base_url + PAGE)
    text = page.evaluate("app.store.readFile(new File(['Note : « é »'], 'a.md'))")
    assert text == "Note : « é »"


def test_dates_in_french(context: BrowserContext, base_url: str) -> None:
    page, _, _ = open_page(context, base_url + PAGE)
    dates = page.evaluate(
        """[new Date(2025, 2, 1), new Date(2025, 11, 12)].map(d => [app.store.frenchDate(d), app.store.isoDay(d)])"""
    )
    assert dates == [["1er mars 2025", "2025-03-01"], ["12 décembre 2025", "2025-12-12"]]
