"""The note builder: a note template as a form that a team fills in over
several visits, then takes away as Markdown, OpenDocument text or print.

The server renders the readable template (_note.html), links to the blank
files and the form, hidden: without JavaScript the page is the template.
docs/assets/components/note-builder.js reveals the form, saves it (keyed by
section id) and makes the exports, from the note's outline (note_outline.py)
embedded as JSON: the blank files are written from the same outline.
"""

from __future__ import annotations

from .note import bullets, prefill_links, prompts, row_kinds, scenario_parts, scenario_prompts
from .note_files import file_path
from .note_outline import outline
from .render import Context
from .typography import typeset_messages

# Where the decision grid that a note takes in is filled.
GRID_PAGE = "preparer/structure-accueil.md"


def note_builder(ctx: Context, template_id: str, level: int = 2) -> str:
    guide = ctx.guide
    template = guide.get("notes", template_id)
    links = prefill_links(guide, ctx.links, template)
    texts = guide.interface["note-builder"].texts
    has_scenarios = any(s.kind == "scenarios" for s in template.sections)
    return ctx.block(
        "note_builder",
        "notes",
        record=template.id,
        shows=("scenarios",) if has_scenarios else (),
        template=template,
        prefills=links,
        prompts={s.id: bullets([f"{label} :" for label, _ in prompts(s, links[s.id])]) for s in template.sections},
        scenarios=scenario_prompts(guide) if has_scenarios else [],
        parts=scenario_parts(texts),
        row_kinds=row_kinds(texts),
        outline=outline(guide, ctx.links, template),
        files={suffix: ctx.links.file(file_path(template.id, suffix)) for suffix in ("odt", "md")},
        grid_page=ctx.links.page(GRID_PAGE),
        # The grid's own words, for its export that the import button takes in.
        grid_messages=typeset_messages(guide.interface["structure-grid"]),
        level=level,
    )
