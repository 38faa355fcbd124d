"""What the checklist tests share: the data, the pages, storage failures,
and reading printed PDFs."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml
from playwright.sync_api import Page

from guide_perennisation.render import fr_date, md_inline
from tests import dom
from tests.conftest import mkdocs_config

ROOT = Path(__file__).resolve().parents[2]
EIG = "fin-de-defi-eig"

# Where each checklist is explained; « Toutes les checklists » shows them all.
PAGES = {
    "fin-de-defi-eig": "defis-eig/checklist-fin-de-defi/",
    "criteres-sortie-incubation": "preparer/criteres-sortie/",
    "facteurs-de-succes": "comprendre/facteurs-de-succes/",
    "signaux-de-reussite": "comprendre/signaux-de-reussite/",
    "enjeux-techniques": "defis-eig/enjeux-techniques/",
    "questions-prealables": "preparer/questions-a-trancher/",
}
ALL_PAGE = "outils/checklists/"

# A storage getter that throws, as with cookies blocked or in some private modes.
BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() { throw new DOMException("The operation is insecure.", "SecurityError") },
  })
}
"""

# Every write fails as when the origin's quota is used up.
FILL_QUOTA = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError")
}
"""


def fill_quota(page: Page) -> None:
    page.evaluate(f"() => {{ {FILL_QUOTA} }}")


# « Imprimer » calls window.print(), whose dialog would block a headless page.
NO_PRINT_DIALOG = "window.print = () => { window.__printed = (window.__printed || 0) + 1 }"


@dataclass(frozen=True)
class Item:
    id: str
    label: str  # as shown: inline Markdown rendered, then as plain text


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    groups: tuple[Group, ...]

    @property
    def items(self) -> list[Item]:
        return [item for group in self.groups for item in group.items]


def plain(markdown: str) -> str:
    return dom.fragment(str(md_inline(markdown))).text_content()


def checklists(data_file: Path = ROOT / "data" / "checklists.yml") -> dict[str, Checklist]:
    raw = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    return {
        c["id"]: Checklist(
            c["id"],
            c["title"],
            tuple(
                Group(g["id"], g["title"], tuple(Item(i["id"], plain(i["label"])) for i in g["items"]))
                for g in c["groups"]
            ),
        )
        for c in raw
    }


def box(page: Page, checklist_id: str, item_id: str):
    return page.locator(f"#checklist-{checklist_id}-{item_id}")


def note(page: Page, checklist_id: str, item_id: str):
    return page.locator(f"#checklist-{checklist_id}-{item_id}-note")


def form(page: Page, checklist_id: str):
    return page.locator(f"#checklist-{checklist_id}")


def open_and_type_note(page: Page, checklist_id: str, item_id: str, text: str) -> None:
    page.locator(f"[data-item-id='{item_id}'] summary").first.click()
    note(page, checklist_id, item_id).fill(text)


def wait_ready(page: Page) -> None:
    page.wait_for_selector("form.app-checklist.app-checklist--ready")


def today() -> str:
    return fr_date(dt.date.today())


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF, as pdftotext reads it."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def pdf_page_count(pdf: Path) -> int:
    return len(pdf_pages(pdf))


def enable_instant_navigation(page: Page, base_url: str) -> None:
    """Material navigates instantly only to the URLs of its sitemap, which
    name the production site: served locally, the sitemap names this server."""
    site_url = mkdocs_config()["site_url"]

    def local_sitemap(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(site_url, base_url))

    page.route("**/sitemap.xml", local_sitemap)


NEW_LABEL = "La synthèse des besoins, validée avec le métier"


def edit_eig_checklist(data_file: Path) -> None:
    """The EIG checklist of a new version: items removed, reordered, added,
    reworded, moved to another group, and a whole group removed."""
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    eig = next(c for c in data if c["id"] == EIG)
    groups = {g["id"]: g for g in eig["groups"]}
    start = groups["debut-du-defi"]["items"]
    start[:] = [i for i in start if i["id"] != "personnes-rencontrees"]  # removed
    start.reverse()  # reordered
    start.insert(0, {"id": "nouveau-document", "label": "Un document ajouté depuis"})  # added
    next(i for i in start if i["id"] == "synthese-besoins")["label"] = NEW_LABEL  # reworded
    apps = groups["applications"]["items"]
    moved = next(i for i in apps if i["id"] == "code-source")
    apps.remove(moved)
    groups["communication"]["items"].insert(1, moved)  # moved to another group
    eig["groups"] = [g for g in eig["groups"] if g["id"] != "feedback"]  # a whole group removed
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
