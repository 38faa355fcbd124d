"""JSON Schemas of the data files, generated from the pydantic models.

Editors that understand the `# yaml-language-server: $schema=…` line at the
top of each data file read these schemas to complete field names and underline
mistakes while typing. The models stay the single source of truth: `make
schemas` rewrites the files, and a test fails when they are out of date.

Usage: `python -m guide_perennisation.schemas [root]` writes `schemas/`;
`python -m guide_perennisation.schemas --check [root]` only reports stale files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .guide import COLLECTIONS

DIRECTORY = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_path(collection: str) -> str:
    return f"{DIRECTORY}/{collection}.schema.json"


def schema(collection: str) -> dict[str, Any]:
    """The schema of data/<collection>.yml: a list of records of one model."""
    generated = TypeAdapter(list[COLLECTIONS[collection]]).json_schema()  # type: ignore[valid-type]
    return {
        "$schema": DIALECT,
        "title": f"data/{collection}.yml",
        "description": (
            f"Généré depuis le modèle {COLLECTIONS[collection].__name__} (guide_perennisation/) par `make schemas` ; "
            "ne pas modifier à la main."
        ),
        **generated,
    }


def expected_files() -> dict[str, str]:
    """Every schema file, by path from the project root, with its exact text."""
    return {schema_path(c): json.dumps(schema(c), ensure_ascii=False, indent=2) + "\n" for c in sorted(COLLECTIONS)}


def stale_files(root: Path) -> list[str]:
    """Schema files that are missing, outdated, or left over from a removed collection."""
    expected = expected_files()
    stale = [
        path
        for path, text in expected.items()
        if not (root / path).is_file() or (root / path).read_text(encoding="utf-8") != text
    ]
    leftovers = [
        p.relative_to(root).as_posix()
        for p in sorted((root / DIRECTORY).glob("*.schema.json"))
        if p.relative_to(root).as_posix() not in expected
    ]
    return stale + leftovers


def write(root: Path) -> list[str]:
    """Rewrite schemas/ from the models; return the files that changed."""
    changed = stale_files(root)
    (root / DIRECTORY).mkdir(exist_ok=True)
    expected = expected_files()
    for path in changed:
        if path in expected:
            (root / path).write_text(expected[path], encoding="utf-8")
        else:
            (root / path).unlink()
    return changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    root = Path(args[0]) if args else Path.cwd()
    if check:
        stale = stale_files(root)
        for path in stale:
            print(f"{path}: schéma périmé ; lancez `make schemas` et ajoutez le résultat au commit", file=sys.stderr)
        return 1 if stale else 0
    changed = write(root)
    print(f"Schémas à jour dans {DIRECTORY}/ ({len(changed)} fichier(s) réécrit(s)).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
