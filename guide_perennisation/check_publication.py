"""`make check-publication`: fails while a value of mkdocs.yml's
`extra.publication` still stands in for the real one, one line per value.

The publishing workflow runs it before building: a site that names no
publication director, no host or a mailbox that never delivers is not deployed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .publication import Publication, missing_lines


class _Loader(yaml.SafeLoader):
    """mkdocs.yml without the engine: its tags (!ENV…) are not about this section."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guide_perennisation.check_publication",
        description="Les valeurs à fournir avant de publier le guide.",
    )
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    config = yaml.load(args.config_file.read_text(encoding="utf-8"), Loader=_Loader)
    lines = missing_lines(Publication.from_extra(config.get("extra") or {}), args.config_file)
    for line in lines:
        print(line, file=sys.stderr)
    if lines:
        print(f"{len(lines)} valeur(s) à fournir : le site n’est pas publié.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
