"""The values a published copy of the guide needs from whoever publishes it.

They live once, in mkdocs.yml under `extra.publication`. A value that is
empty, or whose key is listed under `placeholders`, is not the real one yet:
the build says so on stderr (and still builds, so that contributors can work),
the « Mentions légales » page shows « à compléter avant publication », and
`make check-publication` (guide_perennisation/check_publication.py), run by the
publishing workflow, exits 1 so that nothing is deployed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .render import render

if TYPE_CHECKING:
    from .guide import Guide

SECTION = ("extra", "publication")
# Each value, and what it is for: said in the message that asks for it.
KEYS = {
    "contact_email": "adresse électronique de contact (pied de page, « Signaler une erreur » sans compte)",
    "repository": "adresse du dépôt sur la forge (« Code source », « Modifier », « Signaler une erreur » ;"
    " edit_uri la répète)",
    "publication_director": "directeur ou directrice de la publication (« Mentions légales »)",
    "host": "hébergeur : nom, adresse et téléphone (« Mentions légales »)",
}
MISSING = "à compléter avant publication"


@dataclass(frozen=True)
class Publication:
    values: dict[str, str]
    placeholders: frozenset[str]

    @classmethod
    def from_extra(cls, extra: dict[str, Any]) -> Publication:
        section = extra.get(SECTION[1]) or {}
        values = {key: str(section.get(key) or "").strip() for key in KEYS}
        return cls(values, frozenset(section.get("placeholders") or ()))

    def missing(self) -> list[str]:
        """The keys whose real value is still to be set, in KEYS' order."""
        return [key for key in KEYS if not self.values[key] or key in self.placeholders]

    def show(self, key: str) -> str:
        """A value for a page: itself, or a visible « à compléter »."""
        value = None if key in self.missing() else self.values[key]
        return render("_publication_value.html", value=value, missing=MISSING)


def data_edit_base(edit_uri: str | None, docs_path: str) -> str | None:
    """The forge's edit address of the repository's root, from MkDocs'
    `edit_uri` (that of docs/): « Modifier ces données » links add data/…"""
    return edit_uri.removesuffix("/").removesuffix(docs_path) if edit_uri else None


def _key_lines(config_file: Path) -> dict[str, int]:
    """Line of each key of `extra.publication` in the file (`placeholders` too)."""
    node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    lines: dict[str, int] = {}
    for name in SECTION:
        pairs = node.value if isinstance(node, yaml.MappingNode) else []
        node = next((value for key, value in pairs if key.value == name), None)
        if node is None:
            return lines
    for key, _ in node.value if isinstance(node, yaml.MappingNode) else []:
        lines[key.value] = key.start_mark.line + 1
    return lines


def missing_lines(publication: Publication, config_file: Path) -> list[str]:
    """One line per value to set: where, and what it is."""
    lines = _key_lines(config_file)
    section = ".".join(SECTION)
    out = []
    for key in publication.missing():
        line = lines.get(key) or lines.get("placeholders") or 1
        if key in publication.placeholders:
            todo = f"valeur provisoire, à remplacer puis à retirer de {section}.placeholders"
        else:
            todo = MISSING
        out.append(f"{config_file.name}:{line}: {section}.{key} : {todo} — {KEYS[key]}")
    return out


def unconfirmed_addresses(guide: Guide) -> list[str]:
    """One line per source, or document a source cites, whose web address is
    still « à confirmer »: a published guide sends no reader to a guess."""
    out = []
    for source in guide.sources.values():
        line = guide.lines[("sources", source.id)]
        for item in (source, *source.cited):
            if item.url_status == "a-confirmer":
                out.append(f"{guide.file('sources')}:{line}: adresse à confirmer — « {item.title} » ({source.id})")
    return out
