"""Patches on the theme's HTML, made on the built pages, that fail loudly.

A few strings of Material's HTML need changing (an accessible name, a data
attribute, `defer`). They are changed after the build, in the pages, so that
the theme's templates need no filter of ours: Zensical renders them with its
own template engine and ignores MkDocs' `hooks:`.

A theme upgrade can change those strings; a silent `replace` would then
leave the site without them, and no test of ours might notice. Each patch
names the element it changes, and stops the build when a page has no such
element with its target string. A patch already made is recognised (the
element holds its new string), so running the step twice changes nothing.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from itertools import takewhile

from .html_edit import EditError, Tag
from .models.interface import Interface
from .typography import typeset_messages


# eq=False: a patch is itself (hashed by identity), for the set of those found.
@dataclass(frozen=True, eq=False)
class Patch:
    """In each `tag` element (`*`: any) that has `attrs` (None: any value), `old` becomes
    `new`: in its start tag, or in its content when `content` is set (the
    whole content when `old` is empty).

    `rename`: the element's new name, which its end tag takes too (`new`
    then starts with it). `every_page`: whether every page must have the
    target; when not (a tag only some pages have), the site must still have
    it somewhere, which `edit_pages` checks. `part`: the theme's part the
    patch belongs to, as (tag, attrs), `*` for any tag; a page without that part is left
    alone (Zensical draws a search of its own, without Material's form)."""

    tag: str
    old: str
    new: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    content: bool = False
    rename: str | None = None
    every_page: bool = True
    part: tuple[str, dict[str, str | None]] | None = None

    def done(self, text: str) -> bool:
        """Whether `text` already holds the change: `new` is there, and `old`
        is not, unless `old` is part of `new` (an attribute added)."""
        return self.new in text and (self.old not in text or self.old in self.new)


# Material's search form, which Zensical 0.0.73 replaces with its own: the
# built site's tests (tests/test_rgaa_markup.py) see the patches made on
# MkDocs' site, so a theme upgrade that drops the form is still caught.
MATERIAL_SEARCH = ("form", {"class": "md-search__form"})

# How Material writes each of its icons into the page (from its .icons/ files).
ICON = '<svg xmlns="http://www.w3.org/2000/svg"'


def theme_patches(header: Interface, footer: Interface, theme: Interface, accessibility: str) -> tuple[Patch, ...]:
    """The patches, with the header's, the footer's and the other theme
    templates' words (data/interface.yml) and the footer's « Accessibilité :
    … » (from the audit, as the statement's rate)."""
    texts = {key: html.escape(text) for key, text in header.texts.items()}
    legal = html.escape(footer.texts["legal"])
    # The footer's other words, each on the element marked with its key:
    # its links, and « Contact : » before the address (only when the guide
    # publishes one).
    words = {key: html.escape(text) for key, text in footer.texts.items() if key != "legal"}
    marked = {"data-app-footer": "contact"}
    # The overrides' other words, each on the element marked with its key
    # (`*`: whatever the element), on the pages that have it: the edit
    # link's (Zensical draws none), the 404 page's.
    own = {key: html.escape(text) for key, text in theme.texts.items()}
    not_found = ("h1", {"data-app-theme": "not-found"})
    # header-keys.js reads its messages from its element, as components do.
    messages = html.escape(json.dumps(typeset_messages(header), ensure_ascii=False, sort_keys=True))
    return (
        # The footer's legal links (overrides/partials/copyright.html).
        Patch("nav", 'aria-label=""', f'aria-label="{legal}"', {"class": "app-footer"}),
        # Its whole text, rewritten at each run: the typography pass changes
        # it after, so it can never be recognised as already made.
        Patch("a", "", html.escape(accessibility), {"data-app-audit": None}, content=True),
        *(
            Patch("a", "", text, {"data-app-footer": key}, content=True)
            for key, text in words.items()
            if key != "contact"
        ),
        Patch("span", "", words["contact"], marked, content=True, part=("span", marked)),
        *(
            Patch("*", "", text, {"data-app-theme": key}, content=True, part=("*", {"data-app-theme": key}))
            for key, text in own.items()
        ),
        Patch("a", 'title=""', f'title="{own["edit"]}"', {"rel": "edit"}, part=("a", {"rel": "edit"})),
        # The 404 page's title, before the site's name (« - Guide… »).
        Patch("title", "- ", f"{own['not-found']} - ", content=True, part=not_found),
        # Material's search worker is swapped for a wrapper that folds accents, so
        # « equipe » finds « équipe ». The wrapper loads the real worker, whose
        # hashed name it receives here, so a theme upgrade needs no edit.
        # Zensical's search is another one, which folds accents itself.
        Patch(
            "script",
            "workers/search.",
            "workers/app-search.js?worker=search.",
            {"id": "__config"},
            content=True,
            part=MATERIAL_SEARCH,
        ),
        # Material's search dialog has no accessible name (axe: aria-dialog-name);
        # docs/assets/lib/search.js names its result links (RGAA 6.2).
        Patch(
            "div",
            'role="dialog"',
            f'role="dialog" aria-label="{texts["search-dialog"]}" data-app-module="search"',
            {"data-md-component": "search"},
        ),
        # Material's icons (header, page actions, footer, « Retour en haut ») are
        # decorative: each control has a name of its own, so RGAA 1.2.4 wants
        # them hidden from assistive technologies. tests/test_rgaa_images.py
        # checks every svg of the built pages.
        Patch("svg", ICON, '<svg aria-hidden="true" xmlns="http://www.w3.org/2000/svg"'),
        # The keyboard buttons of the header (docs/assets/lib/header-keys.js),
        # which take the menu and search labels' titles as their names.
        Patch(
            "header",
            'data-md-component="header"',
            f'data-md-component="header" data-app-module="header-keys" data-app-messages="{messages}"',
            {"data-md-component": "header"},
        ),
        Patch(
            "label",
            'class="md-header__button md-icon" for="__drawer"',
            f'class="md-header__button md-icon" for="__drawer" title="{texts["menu"]}"',
            {"for": "__drawer"},
        ),
        Patch(
            "label",
            'class="md-header__button md-icon" for="__search"',
            f'class="md-header__button md-icon" for="__search" title="{texts["search"]}"',
            {"for": "__search"},
        ),
        # The search field is named by its aria-label alone, and its placeholder
        # goes once typing starts: a title says what it is for (RGAA 11.1.3).
        Patch(
            "input",
            'aria-label="Rechercher" placeholder="Rechercher"',
            f'aria-label="Rechercher" title="{texts["search-dialog"]}" placeholder="Rechercher"',
            {"class": "md-search__input"},
            part=MATERIAL_SEARCH,
        ),
        # Deferred, in order: the page paints before the theme's bundle has
        # arrived, which a script at the end of the body would hold up.
        Patch("script", "<script src=", "<script defer src=", {"src": None}),
        # RGAA 9.2: <nav> is kept for the menus. The header bar and the search's
        # « Effacer » button are no navigation: they lose the <nav> Material
        # wraps them in.
        Patch(
            "nav",
            '<nav class="md-header__inner md-grid" aria-label="En-tête">',
            '<div class="md-header__inner md-grid">',
            {"class": "md-header__inner md-grid"},
            rename="div",
        ),
        Patch(
            "nav",
            '<nav class="md-search__options" aria-label="Recherche">',
            '<div class="md-search__options">',
            {"class": "md-search__options"},
            rename="div",
            part=MATERIAL_SEARCH,
        ),
        # RGAA 9.2: <main> holds the page's content, not the menus beside it.
        # Material's <main>, around the content and the sidebars, becomes a
        # <div>, and the content's <div> the <main>.
        Patch(
            "main",
            '<main class="md-main" data-md-component="main">',
            '<div class="md-main" data-md-component="main">',
            {"data-md-component": "main"},
            rename="div",
        ),
        Patch(
            "div",
            '<div class="md-content" data-md-component="content">',
            '<main class="md-content" data-md-component="content">',
            {"data-md-component": "content"},
            rename="main",
        ),
        # RGAA 9.3: the search results are a list, and say so.
        Patch(
            "ol",
            '<ol class="md-search-result__list" role="presentation">',
            '<ol class="md-search-result__list">',
            {"class": "md-search-result__list"},
            part=MATERIAL_SEARCH,
        ),
        # RGAA 8.2: Material writes tabindex="" on the labels of the navigation's
        # sections, an invalid value that browsers read as no tabindex at all.
        Patch("label", ' tabindex=""', "", {"class": "md-nav__link"}, every_page=False),
        # RGAA 8.2: autocomplete is not allowed on a checkbox. Material writes
        # it on the checkboxes that open the menu and the search, so that a
        # page shown again from history does not come back with them open:
        # docs/assets/lib/header-keys.js closes them instead. Zensical writes
        # both checkboxes too.
        Patch("input", ' autocomplete="off"', "", {"id": "__drawer"}),
        Patch("input", ' autocomplete="off"', "", {"id": "__search"}),
    )


def missing(patch: Patch, page: str) -> EditError:
    return EditError(
        f"{page} : « {patch.old} » est introuvable dans le HTML du thème (<{patch.tag}>) ; "
        "le thème a changé, adaptez ce remplacement (guide_perennisation/theme.py)"
    )


def patch_edits(
    page: str, source: str, tags: list[Tag], patches: tuple[Patch, ...], found: set[Patch] | None = None
) -> list[tuple[int, int, str]]:
    """The edits that make `patches` in a page (`source`, its `tags`). The
    patches found on the page are added to `found`."""
    edits = []
    for patch in patches:
        if patch.part and not any(patch.part[0] in (tag.name, "*") and tag.has(**patch.part[1]) for tag in tags):
            continue
        here = False
        names = {patch.tag, patch.rename or patch.tag}
        for tag in tags:
            if (patch.tag != "*" and tag.name not in names) or not tag.has(**patch.attrs):
                continue
            start, end = (tag.inner, tag.close) if patch.content else (tag.start, tag.inner)
            text = source[start:end]
            if patch.content and not patch.old:
                here = True
                edits.append((start, end, patch.new))
            elif patch.done(text):
                here = True
            elif patch.old in text and tag.name == patch.tag:
                here = True
                edits.append((start, end, text.replace(patch.old, patch.new)))
                if patch.rename and tag.close >= 0:
                    edits.append((tag.close, tag.end, f"</{patch.rename}>"))
        if here and found is not None:
            found.add(patch)
        elif not here and patch.every_page:
            raise missing(patch, page)
    return edits


def empty_toc_edits(tags: list[Tag]) -> list[tuple[int, int, str]]:
    """A page without a table of contents (the 404 page, the one-page guide,
    which has its own) still gets an empty « Table des matières » <nav>:
    hidden, it is no menu announced with nothing in it (RGAA 9.2)."""
    edits = []
    for i, tag in enumerate(tags):
        if tag.name != "nav" or not tag.has(class_="md-nav md-nav--secondary") or "hidden" in tag.attrs:
            continue
        inside = takewhile(lambda inner, nav=tag: inner.start < nav.close, tags[i + 1 :])
        if not any(inner.name == "li" for inner in inside):
            edits.append((tag.inner - 1, tag.inner, " hidden>"))
    return edits
