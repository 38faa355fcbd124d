"""Load every data file once, validate it against the models, and index it.

`load_guide` is the single entry point: the build, `make check-data` and the
tests all call it, so they agree on what valid data is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .checklist import Checklist
from .criterion import Criterion
from .example import Example
from .figures import Figure
from .glossary import Term
from .loader import DataError, DataErrors, Document, load
from .note import NoteTemplate
from .scenario import Scenario
from .source import Source
from .step_by_step import Route, Step
from .success_factor import SuccessFactor
from .terms import PreferredTerm
from .trajectory import Trajectory

# One file per collection: data/<name>.yml holds a list of <model>.
COLLECTIONS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "trajectories": Trajectory,
    "success_factors": SuccessFactor,
    "criteria": Criterion,
    "scenarios": Scenario,
    "examples": Example,
    "figures": Figure,
    "checklists": Checklist,
    "notes": NoteTemplate,
    "glossary": Term,
    "terms": PreferredTerm,
    "steps": Step,
    "routes": Route,
}

# French labels for what each collection holds, used in error messages.
KINDS = {
    "sources": "une source connue",
    "trajectories": "une trajectoire connue",
    "scenarios": "un scénario connu",
    "examples": "un exemple connu",
    "checklists": "une checklist connue",
    "notes": "un modèle de note connu",
    "glossary": "un terme connu du glossaire",
    "steps": "une étape connue",
}

# Macros whose first argument names a record; `make check-data` checks every call.
MACRO_REFERENCES = {"checklist": "checklists", "note_builder": "notes"}
_MACRO_CALL = re.compile(r"\{\{\s*(" + "|".join(MACRO_REFERENCES) + r")\(\s*[\"']([^\"']*)[\"']")

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
    if kind == "value_error":
        # A model's own check: its French message, without pydantic's English prefix.
        return str(ctx.get("error", error["msg"]))
    return _MESSAGES.get(kind, error["msg"])


def _dotted(collection: str, loc: tuple[str | int, ...]) -> str:
    out = collection
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


@dataclass
class Guide:
    """Every validated record, by collection then id, with where it was read."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)

    def get(self, collection: str, record_id: str) -> Any:
        try:
            return self.records[collection][record_id]
        except KeyError:
            known = ", ".join(self.records.get(collection, {})) or "aucun"
            raise UnknownRecord(
                f"« {record_id} » n'est pas {KINDS.get(collection, collection)} "
                f"dans {self.files.get(collection, collection)} (connus : {known})"
            ) from None

    def all(self, collection: str) -> list[Any]:
        return list(self.records[collection].values())


class UnknownRecord(LookupError):
    """A page names a record that the data does not have."""


def _validate(collection: str, doc: Document, model: type[BaseModel]) -> tuple[list[Any], list[DataError]]:
    adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
    try:
        return adapter.validate_python(doc.data), []
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            where = (*loc, "<key>") if error["type"] == "extra_forbidden" else loc
            line, column = doc.position(where)
            message = f"{_dotted(collection, loc)}: {_describe(error)}"
            errors.append(DataError(doc.file, line, column, message))
        return [], errors


def _duplicates(items: list[Any], path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            yield (*path, i, "id"), item.id
        seen.add(item.id)


def _check(guide: Guide, docs: dict[str, Document], docs_dir: Path | None) -> list[DataError]:
    errors: list[DataError] = []

    def report(collection: str, path: tuple[str | int, ...], message: str) -> None:
        line, column = docs[collection].position(path)
        errors.append(DataError(docs[collection].file, line, column, f"{_dotted(collection, path)}: {message}"))

    def known(collection: str, value: str | None, where: str, path: tuple[str | int, ...]) -> None:
        if value is not None and value not in guide.records.get(collection, {}):
            names = ", ".join(guide.records.get(collection, {})) or "aucun"
            report(where, path, f"« {value} » n'est pas {KINDS[collection]} (connus : {names})")

    def page_exists(collection: str, path: tuple[str | int, ...], target: str) -> None:
        page = target.split("#", 1)[0]
        if docs_dir is not None and not (docs_dir / page).is_file():
            report(collection, path, f"la page « {page} » n'existe pas dans docs/")

    # A scenario's section links to its similar cases, and each case's card
    # links back to its scenario: both must name each other.
    examples, scenarios = guide.records.get("examples", {}), guide.records.get("scenarios", {})
    for i, scenario in enumerate(guide.all("scenarios")):
        known("trajectories", scenario.trajectory, "scenarios", (i, "trajectory"))
        for j, case in enumerate(scenario.similar_cases):
            known("examples", case, "scenarios", (i, "similar_cases", j))
            named = examples[case].scenario if case in examples else scenario.id
            # An unknown scenario name is reported once, on the example.
            if named != scenario.id and (named is None or named in scenarios):
                report(
                    "scenarios",
                    (i, "similar_cases", j),
                    f"l'exemple « {case} » doit aussi nommer ce scénario : "
                    f"ajoutez « scenario: {scenario.id} » à sa fiche dans {guide.files['examples']}",
                )
    for i, example in enumerate(guide.all("examples")):
        known("scenarios", example.scenario, "examples", (i, "scenario"))
        known("trajectories", example.trajectory, "examples", (i, "trajectory"))
    for i, checklist in enumerate(guide.all("checklists")):
        for path, dup in _duplicates(checklist.groups, (i, "groups")):
            report("checklists", path, f"identifiant de groupe « {dup} » en double dans la checklist")
        items = [(g, j, item) for g, group in enumerate(checklist.groups) for j, item in enumerate(group.items)]
        seen: set[str] = set()
        for g, j, item in items:
            path = (i, "groups", g, "items", j)
            if item.id in seen:
                report("checklists", (*path, "id"), f"identifiant d'élément « {item.id} » en double dans la checklist")
            seen.add(item.id)
            if item.link:
                page_exists("checklists", (*path, "link"), item.link)
    for i, term in enumerate(guide.all("terms")):
        known("glossary", term.glossary, "terms", (i, "glossary"))
    for i, step in enumerate(guide.all("steps")):
        for j, link in enumerate(step.links):
            page_exists("steps", (i, "links", j, "target"), link.target)
    for i, route in enumerate(guide.all("routes")):
        # The « Étape N sur M » box of a page names one step per route.
        owner: dict[str, str] = {}
        for j, entry in enumerate(route.steps):
            known("steps", entry.step, "routes", (i, "steps", j, "step"))
            step = guide.records.get("steps", {}).get(entry.step)
            for link in step.links if step else []:
                page = link.target.split("#", 1)[0]
                if link.belongs and owner.setdefault(page, step.id) != step.id:
                    report(
                        "routes",
                        (i, "steps", j, "step"),
                        f"la page « {page} » appartient déjà à l'étape « {owner[page]} » de ce parcours ; "
                        "mettez « belongs: false » sur l'un des deux liens",
                    )
    for i, template in enumerate(guide.all("notes")):
        for path, dup in _duplicates(template.sections, (i, "sections")):
            report("notes", path, f"identifiant de section « {dup} » en double dans le modèle")
    return errors


def _check_pages(guide: Guide, root: Path, docs_dir: Path) -> list[DataError]:
    errors = []
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in _MACRO_CALL.finditer(text):
            collection = MACRO_REFERENCES[match.group(1)]
            try:
                guide.get(collection, match.group(2))
            except UnknownRecord as exc:
                line = text.count("\n", 0, match.start(2)) + 1
                column = match.start(2) - text.rfind("\n", 0, match.start(2))
                display = page.relative_to(root).as_posix()
                errors.append(DataError(display, line, column, f"{match.group(1)}(): {exc}"))
    return errors


def load_guide(root: Path, data_dir: Path | None = None, docs_dir: Path | None = None) -> Guide:
    """Read and validate every collection; raise DataErrors listing all problems."""
    data_dir = data_dir or root / "data"
    docs_dir = docs_dir if docs_dir is not None else root / "docs"
    guide = Guide()
    docs: dict[str, Document] = {}
    errors: list[DataError] = []
    for collection, model in COLLECTIONS.items():
        path = data_dir / f"{collection}.yml"
        try:
            display = path.relative_to(root).as_posix()
        except ValueError:
            display = path.as_posix()
        guide.files[collection] = display
        guide.records[collection] = {}
        if not path.is_file():
            errors.append(DataError(display, 1, 1, f"fichier manquant ; une liste de {collection} est attendue"))
            continue
        try:
            doc = load(path, display)
        except DataErrors as exc:
            errors.extend(exc.errors)
            continue
        docs[collection] = doc
        records, problems = _validate(collection, doc, model)
        errors.extend(problems)
        for path_, dup in _duplicates(records, ()):
            line, column = doc.position(path_)
            errors.append(
                DataError(display, line, column, f"{_dotted(collection, path_)}: identifiant « {dup} » en double")
            )
        for i, record in enumerate(records):
            guide.records[collection].setdefault(record.id, record)
            guide.lines[(collection, record.id)] = doc.position((i,))[0]
    if not errors:
        errors = _check(guide, docs, docs_dir if docs_dir.is_dir() else None)
        if docs_dir.is_dir():
            errors += _check_pages(guide, root, docs_dir)
    if errors:
        raise DataErrors(errors)
    return guide
