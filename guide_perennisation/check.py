"""`make check-data`: validate data/ and the pages' references, without building."""

from __future__ import annotations

import sys
from pathlib import Path

from .guide import DOCUMENTS, Guide
from .loader import DataErrors, load_guide


def load_or_report(root: Path) -> Guide | None:
    """The validated guide, or None once every problem is printed, one a line."""
    try:
        return load_guide(root)
    except DataErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} problème(s) dans les données.", file=sys.stderr)
        return None


def main(argv: list[str]) -> int:
    guide = load_or_report(Path(argv[0]) if argv else Path.cwd())
    if guide is None:
        return 1
    collections = guide.collections()
    count = sum(len(records) for records in collections.values())
    documents = ", ".join(f"data/{name}.yml" for name in DOCUMENTS)
    print(f"Données valides : {count} enregistrements dans {len(collections)} fichiers, et {documents}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
