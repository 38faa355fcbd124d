"""The work done on the built site, after whichever engine wrote it.

`python -m guide_perennisation.postbuild SITE_DIR` (`make build` runs it after
the engine); MkDocs' `on_post_build` calls `post_build` too, so that `make
serve` shows the same site. It reads only plain values (the project, docs
and site folders, the site's address, git's history, the build's day) and
the built files, so an engine that has no post-build event of its own, or
no hooks, loses nothing. What it does:
- the blank note templates, as files beside the pages (note_files.py);
- the site's own CSS and JavaScript without their comments (slim.py);
- the patches on the theme's HTML, which fail loudly (theme.py);
- the Content-Security-Policy, from the inline scripts the pages really
  carry, into each page's `<meta>` and into `_headers` (csp.py);
- each page's component styles and scripts (assets.py);
- each page's date, in its foot (page_info.py) and in the sitemap, whose
  .gz is written again with a fixed timestamp (sitemap.py);
- French typography on every page's text (typography.py);
- the language of each foreign word of the text, in the pages and in the
  search index (foreign_terms.py), last.

Every step rewrites its output from its sources, never from its own earlier
output, or leaves an already treated text as it is: running it twice
changes nothing. Pages are read with lxml, and changed in place, every
other byte kept (html_edit.py).

What stays on the engine's side, and why:
- the pages' content: Markdown, the macros' components with their links
  relative to each page, the « Étape N sur M » box, the glossary's
  abbreviations and the « Guide complet », which renders every page's
  macros again;
- the page's foot without its date: its title (the navigation's) and its
  address name the page in « Signaler une erreur »;
- the markers this step reads, which the templates write: the empty
  `<meta http-equiv="Content-Security-Policy">` before any script
  (overrides/main.html), each component's root (`data-app-module`, or
  `.app-<name>` without a script), each data block's files
  (`data-app-source`, `data-app-shows`), the foot's
  `.app-page-info__updated` and the canonical link of each page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from .assets import AssetFinder, asset_edits, shown_modules
from .audit import footer_mention
from .components import COMPONENTS
from .csp import content_security_policy, inline_scripts, policy_edit, write_headers
from .foreign_terms import mark_foreign_terms
from .freshness import source_date_epoch
from .guide import Guide
from .history import History, read_history
from .html_edit import EditError, Tag, splice, tags
from .links import page_source
from .loader import DataErrors, load_guide
from .note_files import write_blank_files
from .page_info import date_edits, page_updated
from .sitemap import set_sitemap_dates
from .slim import slim_assets
from .theme import Patch, empty_toc_edits, missing, patch_edits, theme_patches
from .typography import set_typography


def post_build(
    guide: Guide,
    site_dir: Path,
    *,
    project: Path,
    docs_dir: Path,
    site_url: str,
    history: History,
    day: dt.date | None,
) -> None:
    """The blank note templates, as files beside the pages; the site's own
    styles and scripts, published without their comments; the pages' own
    edits (edit_pages) and the sitemap's dates; French typography on every
    page's text, then each foreign word's language. `history`: the
    project's git history; `day`: the build's (SOURCE_DATE_EPOCH's, else
    the last commit's)."""
    write_blank_files(guide, site_dir, site_url, day)
    slim_assets(docs_dir, site_dir)
    docs_path = docs_dir.resolve().relative_to(project.resolve()).as_posix()
    dates = edit_pages(
        site_dir,
        docs_dir,
        docs_path,
        history,
        theme_patches(
            guide.interface["header"],
            guide.interface["footer"],
            guide.interface["theme"],
            footer_mention(guide.audit, guide.interface["audit"].texts),
        ),
        guide.interface["page-info"].texts,
    )
    set_sitemap_dates(site_dir, dates)
    set_typography(site_dir)
    mark_foreign_terms(site_dir, guide.foreign_terms.values())


@dataclass
class Page:
    """A built page: its path from the site's root, its text, its elements."""

    name: str
    source: str
    tags: list[Tag]


def edit_pages(
    site_dir: Path,
    docs_dir: Path,
    docs_path: str,
    history: History,
    patches: tuple[Patch, ...],
    page_texts: Mapping[str, str],
) -> dict[str, dt.date]:
    """Patches the theme's HTML of every page (theme.py), writes into it the
    Content-Security-Policy, from the inline scripts of all pages, makes it
    load the files of the components it shows (assets.py) and dates its foot
    (page_info.py); the policy goes into `_headers` too. Returns each page's
    date by its address, for the sitemap: with git, a page git does not know
    yet (not committed) takes the last commit's. `docs_path`: docs_dir
    from the project's root, as git names its files; `page_texts`: the
    page foot's words (data/interface.yml)."""
    files = sorted(site_dir.rglob("*.html"))
    pages = {}
    for file in files:
        source = file.read_text(encoding="utf-8")
        pages[file] = Page(file.relative_to(site_dir).as_posix(), source, tags(source))
    policy = content_security_policy(script for page in pages.values() for script in inline_scripts(page.source))
    finder = AssetFinder(site_dir)
    components = [component.module for component in COMPONENTS]
    dates = {}
    patched: set[Patch] = set()
    for file, page in pages.items():
        doc = page_source(page.name, docs_dir)
        updated = page_updated(history, f"{docs_path}/{doc}" if doc else None, page.tags)
        canonical = next((t.attrs.get("href") for t in page.tags if t.name == "link" and t.has(rel="canonical")), None)
        if canonical and history.available:
            dates[canonical] = updated or history.head
        edits = [
            *patch_edits(page.name, page.source, page.tags, patches, found=patched),
            *empty_toc_edits(page.tags),
            policy_edit(page.name, page.tags, policy),
            *asset_edits(page.name, page.tags, finder.for_components(shown_modules(page.tags, components))),
            *date_edits(page.source, page.tags, updated, page_texts),
        ]
        text = splice(page.source, edits)
        if text != page.source:
            file.write_text(text, encoding="utf-8")
    for patch in patches:
        if patch not in patched and not patch.part:
            raise missing(patch, "le site")
    write_headers(site_dir, policy)
    return dates


def built_site_url(site_dir: Path) -> str:
    """The address the site was built for: its home page's canonical link,
    which the theme writes from the engine's `site_url`; `/` without one."""
    home = site_dir / "index.html"
    if home.is_file():
        for link in lxml.html.parse(str(home)).getroot().iterfind(".//link[@rel='canonical']"):
            return link.get("href") or "/"
    return "/"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide_perennisation.postbuild", description=__doc__.split("\n")[0])
    parser.add_argument("site_dir", type=Path, help="le site construit")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="le projet (data/, docs/, .git)")
    parser.add_argument("--docs-dir", type=Path, help="les pages (par défaut PROJECT/docs)")
    parser.add_argument("--site-url", help="l’adresse du site (par défaut le lien canonique de sa page d’accueil)")
    args = parser.parse_args(argv)
    docs_dir = args.docs_dir or args.project / "docs"
    try:
        guide = load_guide(args.project, docs_dir=docs_dir)
    except DataErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} problème(s) dans les données.", file=sys.stderr)
        return 1
    history = read_history(args.project)
    try:
        post_build(
            guide,
            args.site_dir,
            project=args.project,
            docs_dir=docs_dir,
            site_url=args.site_url or built_site_url(args.site_dir),
            history=history,
            day=source_date_epoch() or history.head,
        )
    except EditError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
