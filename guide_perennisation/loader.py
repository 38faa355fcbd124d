"""Read the data files, validate them against the models, and build the guide.

YAML is read safely, keeping the line and column of every value, so that each
problem is reported where it is written. Errors are collected as `DataError`s
rather than raised one by one, so that a contributor sees every problem in one
run. `load_guide` is the single entry point: the build, `make check-data` and
the tests all call it, so they agree on what valid data is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError
from yaml.nodes import MappingNode, Node, SequenceNode

from .guide import COLLECTIONS, DOCUMENTS, BrokenReferences, Guide, UnknownRecord
from .models.base import Model, Record
from .page_source import MacroSyntaxError, macro_calls, split_front_matter

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


# Macros whose first argument names a record; `make check-data` checks every call.
MACRO_REFERENCES = {"checklist": "checklists", "note_builder": "notes"}

_MESSAGES = {
    "missing": "champ obligatoire manquant",
    "extra_forbidden": "champ inconnu (faute de frappe ?)",
    "string_type": "texte attendu",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "bool_type": "true ou false attendu",
    "bool_parsing": "true ou false attendu",
    "list_type": "liste attendue",
    "model_type": "dictionnaire de champs attendu",
    "model_attributes_type": "dictionnaire de champs attendu",
    "date_type": "date AAAA-MM-JJ attendue",
    "date_parsing": "date AAAA-MM-JJ attendue",
    "date_from_datetime_parsing": "date AAAA-MM-JJ attendue",
    "url_parsing": "adresse web complète attendue (https://…)",
    "url_scheme": "adresse web complète attendue (https://…)",
}


def _describe(error: dict[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "literal_error":
        # pydantic lists the values in English (« 'a' or 'b' »).
        allowed = str(ctx.get("expected", "")).replace("' or '", "', '")
        return f"« {error['input']} » n'est pas une valeur permise (permises : {allowed})"
    if kind == "value_error":
        # A model validator's own French message, without pydantic's prefix.
        return str(ctx.get("error", error["msg"]))
    if kind == "string_pattern_mismatch":
        return (
            f"« {error['input']} » n'est pas un identifiant valide "
            "(minuscules, chiffres et tirets, par exemple « mon-exemple »)"
        )
    if kind == "string_too_short":
        return "texte vide ; écrivez une valeur ou retirez le champ s'il est facultatif"
    if kind == "too_short":
        return f"liste trop courte ; au moins {ctx.get('min_length', 1)} élément(s) attendu(s)"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "au moins" if kind == "greater_than_equal" else "au plus"
        return f"« {error['input']} » : valeur attendue {word} {bound}"
    return _MESSAGES.get(kind, error["msg"])


def _dotted(collection: str, loc: tuple[str | int, ...]) -> str:
    out = collection
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _located(name: str, doc: Document, exc: ValidationError) -> list[DataError]:
    """Pydantic's errors, each at its place in the file (an unknown key at the key)."""
    errors = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        where = (*loc, "<key>") if error["type"] == "extra_forbidden" else loc
        line, column = doc.position(where)
        errors.append(DataError(doc.file, line, column, f"{_dotted(name, loc)}: {_describe(error)}"))
    return errors


def _validate(collection: str, doc: Document, model: type[Record]) -> tuple[list[Record], list[DataError]]:
    adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
    try:
        return adapter.validate_python(doc.data), []
    except ValidationError as exc:
        return [], _located(collection, doc, exc)


def _validate_document(name: str, doc: Document, model: type[Model]) -> tuple[Model | None, list[DataError]]:
    """One document (not a list): its model, then what only the whole document can check."""
    try:
        document = TypeAdapter(model).validate_python(doc.data)
    except ValidationError as exc:
        return None, _located(name, doc, exc)
    problems = getattr(document, "problems", lambda: iter(()))()
    errors = [
        DataError(doc.file, *doc.position(path), f"{_dotted(name, tuple(p for p in path if p != '<key>'))}: {message}")
        for path, message in problems
    ]
    return (None if errors else document), errors


def _duplicates(items: list[Any], path: Path_) -> Iterator[tuple[Path_, str]]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            yield (*path, i, "id"), item.id
        seen.add(item.id)


def _build(
    records: dict[str, dict[str, Record]],
    documents: dict[str, Model],
    files: dict[str, str],
    lines: dict[tuple[str, str], int],
) -> tuple[Guide | None, list[tuple[str, Path_, str]]]:
    """The guide, or the references it refuses, each as (collection, path, message)."""
    try:
        return Guide(**records, **documents, files=files, lines=lines), []
    except ValidationError as exc:
        broken = [
            b
            for e in exc.errors()
            if isinstance(e.get("ctx", {}).get("error"), BrokenReferences)
            for b in e["ctx"]["error"].broken
        ]
        if not broken:
            raise
        return None, [(b.collection, b.path, b.message) for b in broken]


def _check(records: dict[str, dict[str, Any]], docs_dir: Path | None) -> Iterator[tuple[str, Path_, str]]:
    """What no model sees: ids repeated inside a record, and links to pages of docs/."""

    def page_exists(collection: str, path: Path_, target: str) -> Iterator[tuple[str, Path_, str]]:
        page = target.split("#", 1)[0]
        if docs_dir is not None and not (docs_dir / page).is_file():
            yield collection, path, f"la page « {page} » n'existe pas dans docs/"

    for i, checklist in enumerate(records["checklists"].values()):
        for path, dup in _duplicates(checklist.groups, (i, "groups")):
            yield "checklists", path, f"identifiant de groupe « {dup} » en double dans la checklist"
        items = [(g, j, item) for g, group in enumerate(checklist.groups) for j, item in enumerate(group.items)]
        seen: set[str] = set()
        for g, j, item in items:
            path = (i, "groups", g, "items", j)
            if item.id in seen:
                yield "checklists", (*path, "id"), f"identifiant d'élément « {item.id} » en double dans la checklist"
            seen.add(item.id)
            if item.link:
                yield from page_exists("checklists", (*path, "link"), item.link)
    for i, step in enumerate(records["steps"].values()):
        for j, link in enumerate(step.links):
            yield from page_exists("steps", (i, "links", j, "target"), link.target)
    for i, template in enumerate(records["notes"].values()):
        for path, dup in _duplicates(template.sections, (i, "sections")):
            yield "notes", path, f"identifiant de section « {dup} » en double dans le modèle"


def _check_pages(guide: Guide, root: Path, docs_dir: Path) -> list[DataError]:
    errors = []
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        display = page.relative_to(root).as_posix()
        meta, _ = split_front_matter(text)
        if meta.get("render_macros", True) is False:
            continue  # the engine leaves its braces alone
        try:
            calls = macro_calls(text, MACRO_REFERENCES)
        except MacroSyntaxError as exc:
            errors.append(
                DataError(display, exc.line, 1, f"macro illisible : {exc.message} ; corrigez la syntaxe Jinja")
            )
            continue
        for call in calls:
            try:
                guide.get(MACRO_REFERENCES[call.name], call.argument)
            except UnknownRecord as exc:
                errors.append(DataError(display, call.line, call.column, f"{call.name}(): {exc}"))
    return errors


def _open(path: Path, root: Path, expected: str, errors: list[DataError]) -> tuple[str, Document | None]:
    """A data file's name as errors give it, and its YAML; None, its problem
    added to `errors`, when it is missing or unreadable."""
    display = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    if not path.is_file():
        errors.append(DataError(display, 1, 1, f"fichier manquant ; {expected}"))
        return display, None
    try:
        return display, load(path, display)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return display, None


def load_guide(root: Path, data_dir: Path | None = None, docs_dir: Path | None = None) -> Guide:
    """Read and validate every collection; raise DataErrors listing all problems."""
    data_dir = data_dir or root / "data"
    docs_dir = docs_dir if docs_dir is not None else root / "docs"
    records: dict[str, dict[str, Record]] = {}
    files: dict[str, str] = {}
    lines: dict[tuple[str, str], int] = {}
    docs: dict[str, Document] = {}
    errors: list[DataError] = []
    for collection, model in COLLECTIONS.items():
        display, doc = _open(data_dir / f"{collection}.yml", root, f"une liste de {collection} est attendue", errors)
        files[collection] = display
        records[collection] = {}
        if doc is None:
            continue
        docs[collection] = doc
        found, problems = _validate(collection, doc, model)
        errors.extend(problems)
        for path_, dup in _duplicates(found, ()):
            line, column = doc.position(path_)
            errors.append(
                DataError(display, line, column, f"{_dotted(collection, path_)}: identifiant « {dup} » en double")
            )
        for i, record in enumerate(found):
            records[collection].setdefault(record.id, record)
            lines[(collection, record.id)] = doc.position((i,))[0]
    documents: dict[str, Model] = {}
    for name, model in DOCUMENTS.items():
        display, doc = _open(data_dir / f"{name}.yml", root, f"un document {name} est attendu", errors)
        files[name] = display
        if doc is None:
            continue
        document, problems = _validate_document(name, doc, model)
        errors.extend(problems)
        # The pages of docs/ a document names, as links in the data are checked.
        for where, page in getattr(document, "docs_pages", lambda: ())():
            if docs_dir.is_dir() and not (docs_dir / page).is_file():
                message = f"{_dotted(name, where)}: la page « {page} » n'existe pas dans docs/"
                errors.append(DataError(display, *doc.position(where), message))
        if document is not None:
            documents[name] = document
    if errors:
        raise DataErrors(errors)

    def located(collection: str, path: Path_, message: str) -> DataError:
        line, column = docs[collection].position(path)
        return DataError(docs[collection].file, line, column, f"{_dotted(collection, path)}: {message}")

    guide, broken = _build(records, documents, files, lines)
    errors = [located(*b) for b in broken]
    errors += [located(*problem) for problem in _check(records, docs_dir if docs_dir.is_dir() else None)]
    if guide is not None and docs_dir.is_dir():
        errors += _check_pages(guide, root, docs_dir)
    if errors or guide is None:
        raise DataErrors(errors)
    return guide
