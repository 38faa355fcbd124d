"""The Jinja environment of the components, and the shared data-block wrapper.

Every data-driven block goes through `block()`, which records the data file and
record that fed it, so the page can offer « Modifier ces données », and the
other data files whose facts it shows: after the build, the page is dated by
them all (page_info.py).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .abbreviations import expand_abbreviations
from .guide import Guide
from .links import Links
from .models.interface import Interface
from .typography import typeset_messages

TEMPLATES = Path(__file__).parent / "templates"

_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"\[([^\]]+)\]\((https://[^\s)]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def md_inline(text: str | None) -> Markup:
    """Inline Markdown only: code, https links, bold, italics. HTML is escaped."""
    if text is None:
        return Markup("")
    html = str(escape(text))
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(f"<code>{match.group(1)}</code>")
        return f"\x00{len(codes) - 1}\x00"

    html = _CODE.sub(keep_code, html)
    html = _LINK.sub(r'<a href="\2">\1</a>', html)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _ITALIC.sub(r"<em>\1</em>", html)
    html = re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], html)
    return Markup(html)


MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


SLOT = re.compile(r"\{([a-z]+)\}")


def fill(text: str, **values: Any) -> Markup:
    """An interface text (data/interface.yml) with its {name} slots filled;
    of « singulier|pluriel », the first when `n` is 0 or 1, as in app.js.
    Text and values are escaped, but a value that is already markup (a link
    the template built around some of its own words)."""
    forms = text.split("|")
    chosen = forms[0] if values.get("n", 2) < 2 else forms[-1]
    return Markup(SLOT.sub(lambda match: str(escape(values[match.group(1)])), str(escape(chosen))))


def fr_date(value: Any) -> str:
    """« 1er mars 2024 »: the French date format the guide shows."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["md_inline"] = md_inline
    env.filters["fr_date"] = fr_date
    env.filters["fill"] = fill
    return env


def flatten(html: str) -> str:
    """Python-Markdown must see one raw HTML block: no blank or indented lines."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def render(template_name: str, /, **context: Any) -> str:
    return environment().get_template(template_name).render(**context)


def block(
    component: str,
    *,
    source: str,
    edit_base: str | None,
    interface: dict[str, Interface],
    record: str | None = None,
    shows: tuple[str, ...] = (),
    **context: Any,
) -> str:
    """Render a component inside the shared wrapper that names its data
    source (`data-app-source`) and the other data files it shows
    (`data-app-shows`).

    The component's template gets its interface words (data/interface.yml,
    the part named like its `data-app-module`): `texts` to write, `messages`
    for its script, which its root element carries as JSON; and, as
    `block_texts`, the words every data block shares (_macros.html's)."""
    part = interface.get(component.replace("_", "-"))
    words = {"texts": part.texts, "messages": typeset_messages(part)} if part else {"texts": {}, "messages": {}}
    body = Markup(render(f"{component}.html", **words, block_texts=interface["block"].texts, **context))
    edit_url = f"{edit_base}{source}" if edit_base else None
    return flatten(
        render(
            "_block.html",
            component=component,
            body=body,
            source=source,
            record=record,
            shows=shows,
            edit_url=edit_url,
            texts=interface["block"].texts,
        )
    )


class Context:
    """What a component needs from the page being built.

    Facts verified before `stale_before` are marked « à revérifier ».
    """

    def __init__(
        self,
        guide: Guide,
        links: Links,
        edit_base: str | None,
        stale_before: dt.date | None = None,
    ):
        self.guide = guide
        self.links = links
        self.edit_base = edit_base
        self.stale_before = stale_before

    def is_stale(self, verified: dt.date) -> bool:
        return self.stale_before is not None and verified < self.stale_before

    def block(
        self,
        component: str,
        collection: str,
        record: str | None = None,
        shows: tuple[str, ...] = (),
        **context: Any,
    ) -> str:
        """`shows`: the other collections whose facts the block shows."""
        html = block(
            component,
            source=self.guide.file(collection),
            edit_base=self.edit_base,
            interface=self.guide.interface,
            record=record,
            shows=tuple(self.guide.file(c) for c in shows),
            links=self.links,
            is_stale=self.is_stale,
            **context,
        )
        # The glossary's abbreviations, expanded here as Markdown expands them in page text.
        expansions = {t.term: t.expansion for t in self.guide.glossary.values() if t.expansion}
        return expand_abbreviations(html, expansions)
