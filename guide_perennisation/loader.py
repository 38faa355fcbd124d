"""Read YAML data files safely, keeping the line and column of every value.

Errors are collected as `DataError`s rather than raised one by one, so that a
contributor sees every problem of a file in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class DataErrors(Exception):
    """Raised with every problem found; the caller prints one line each."""

    def __init__(self, errors: list[DataError]):
        super().__init__("\n".join(map(str, sorted(errors))))
        self.errors = sorted(errors)


@dataclass
class Document:
    """A parsed YAML file: its data, and where each path of it stands."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int, int]:
        """The closest known position: a missing key points at its parent."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


# libyaml's parser when PyYAML has it: the pure-Python one took most of the
# time of loading the data.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_anchors(text: str) -> None:
    """Anchors and aliases let a few lines expand into a huge structure
    ("billion laughs"); the guide's data never needs them."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.MarkedYAMLError(
                problem="les ancres et alias YAML (& et *) ne sont pas acceptés ; écrivez la valeur en entier",
                problem_mark=event.start_mark,
            )


def _positions(node: Node, path: Path_, out: dict[Path_, tuple[int, int]]) -> None:
    out[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        for key, value in node.value:
            child = (*path, key.value)
            _positions(value, child, out)
            # An unknown key is best reported where the key itself is written.
            out[(*child, "<key>")] = (key.start_mark.line + 1, key.start_mark.column + 1)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            _positions(item, (*path, i), out)


def load(path: Path, display: str) -> Document:
    """Parse one file; raise DataErrors with a one-line message on any problem."""

    def fail(line: int, column: int, message: str) -> DataErrors:
        return DataErrors([DataError(display, line, column, message)])

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(line, column, "le fichier n'est pas en UTF-8 ; enregistrez-le en UTF-8") from None
    for number, content in enumerate(text.splitlines(), start=1):
        if "\t" in content:
            column = content.index("\t") + 1
            raise fail(number, column, "tabulation interdite ; indentez avec des espaces")
    loader = _Loader(text)
    try:
        _refuse_anchors(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "YAML invalide"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise fail(line, column, f"YAML invalide : {problem}") from None
    except yaml.YAMLError as exc:
        raise fail(1, 1, f"YAML invalide : {exc}") from None
    finally:
        loader.dispose()
    if node is None or data is None:
        raise fail(1, 1, "fichier vide ; une liste d'enregistrements est attendue")
    positions: dict[Path_, tuple[int, int]] = {}
    _positions(node, (), positions)
    return Document(display, data, positions)
