"""The work done on the built site, after whichever engine wrote it.

`python -m guide_perennisation.postbuild SITE_DIR` (`make build` runs it after
the engine); MkDocs' `on_post_build` calls `post_build` too, so that `make
serve` shows the same site. It reads only plain values (the site and docs
folders, the site's address, the build's day) and the built files, so an
engine that has no post-build event of its own loses nothing.

Every step rewrites its output from its sources, never from its own earlier
output, or leaves an already treated text as it is: running it twice
changes nothing.

What stays on the engine's side, and why:
- footer dates, per-page assets and sitemap dates: they depend on which data
  files and components each page showed, known only while its macros run,
  and the theme writes them into the page's `<head>` and sitemap;
- the Content-Security-Policy: the theme writes it into every page's
  `<meta>`, before any script, from the hashes of its own inline scripts;
- `_headers`: a theme template, rendered with that same policy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from .csp import content_security_policy, inline_scripts, policy_edit, write_headers
from .freshness import source_date_epoch
from .guide import Guide
from .history import read_history
from .html_edit import EditError, Tag, splice, tags
from .loader import DataErrors, load_guide
from .note_files import write_blank_files
from .slim import slim_assets
from .theme import patch_edits
from .typography import set_typography


def post_build(guide: Guide, site_dir: Path, docs_dir: Path, site_url: str, day: dt.date | None) -> None:
    """The blank note templates, as files beside the pages; the site's own
    styles and scripts, published without their comments; the pages' own
    edits (edit_pages); French typography on every page's text. `day`: the
    build's (SOURCE_DATE_EPOCH's, else the last commit's)."""
    write_blank_files(guide, site_dir, site_url, day)
    slim_assets(docs_dir, site_dir)
    edit_pages(site_dir)
    set_typography(site_dir)


@dataclass
class Page:
    """A built page: its path from the site's root, its text, its elements."""

    name: str
    source: str
    tags: list[Tag]


def edit_pages(site_dir: Path) -> None:
    """Patches the theme's HTML of every page (theme.py) and writes into it
    the Content-Security-Policy, from the inline scripts of all pages; the
    same policy into `_headers`."""
    files = sorted(site_dir.rglob("*.html"))
    pages = {}
    for file in files:
        source = file.read_text(encoding="utf-8")
        pages[file] = Page(file.relative_to(site_dir).as_posix(), source, tags(source))
    policy = content_security_policy(script for page in pages.values() for script in inline_scripts(page.source))
    for file, page in pages.items():
        edits = [*patch_edits(page.name, page.source, page.tags), policy_edit(page.name, page.tags, policy)]
        text = splice(page.source, edits)
        if text != page.source:
            file.write_text(text, encoding="utf-8")
    write_headers(site_dir, policy)


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
    day = source_date_epoch() or read_history(args.project).head
    try:
        post_build(guide, args.site_dir, docs_dir, args.site_url or built_site_url(args.site_dir), day)
    except EditError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
