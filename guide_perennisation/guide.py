"""The typed guide: every validated record, by collection then id.

Above the models and below the loader: it answers the questions that span
collections (a scenario's cases, the examples of a trajectory, the steps a
page belongs to) and checks, as a model validator, that records name each
other correctly. It reads no file and renders nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, overload

from pydantic import BaseModel, ConfigDict, model_validator

from .models.audit import Audit
from .models.base import Model, Record
from .models.checklist import Checklist
from .models.criteria import Criterion
from .models.examples import Example
from .models.figures import Figure
from .models.foreign_terms import ForeignTerm
from .models.glossary import Term
from .models.interface import Interface
from .models.note import NoteTemplate
from .models.scenarios import Scenario
from .models.sources import Source
from .models.step_by_step import Route, Step
from .models.success_factors import SuccessFactor
from .models.terms import PreferredTerm
from .models.trajectories import Trajectory

# One file per collection: data/<name>.yml holds a list of <model>.
COLLECTIONS: dict[str, type[Record]] = {
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
    "foreign_terms": ForeignTerm,
    "steps": Step,
    "routes": Route,
    "interface": Interface,
}

# One file per document: data/<name>.yml holds one <model>, not a list of records.
DOCUMENTS: dict[str, type[Model]] = {
    "audit": Audit,
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
    "interface": "une partie connue de l’interface",
}

Where = tuple[str | int, ...]


class UnknownRecord(LookupError):
    """A page names a record that the data does not have."""


@dataclass(frozen=True)
class Broken:
    """A record that names another one wrongly: where (collection, path in its file) and why."""

    collection: str
    path: Where
    message: str


class BrokenReferences(ValueError):
    """Raised by the guide's validator with every broken reference; the loader
    turns each into a line of the file that holds it."""

    def __init__(self, broken: list[Broken]):
        super().__init__("; ".join(f"{b.collection}{list(b.path)}: {b.message}" for b in broken))
        self.broken = broken


@dataclass(frozen=True)
class Position:
    """Where a page sits on one route."""

    route: Route
    number: int
    step: Step
    previous: Step | None
    next: Step | None


class Guide(BaseModel):
    """Every record of the data, each collection a field, with where it was read."""

    model_config = ConfigDict(extra="forbid")

    sources: dict[str, Source] = {}
    trajectories: dict[str, Trajectory] = {}
    success_factors: dict[str, SuccessFactor] = {}
    criteria: dict[str, Criterion] = {}
    scenarios: dict[str, Scenario] = {}
    examples: dict[str, Example] = {}
    figures: dict[str, Figure] = {}
    checklists: dict[str, Checklist] = {}
    notes: dict[str, NoteTemplate] = {}
    glossary: dict[str, Term] = {}
    terms: dict[str, PreferredTerm] = {}
    foreign_terms: dict[str, ForeignTerm] = {}
    steps: dict[str, Step] = {}
    routes: dict[str, Route] = {}
    interface: dict[str, Interface] = {}
    audit: Audit | None = None
    # The file of each collection, and the line of each record, for messages and « Modifier ces données ».
    files: dict[str, str] = {}
    lines: dict[tuple[str, str], int] = {}

    def collections(self) -> dict[str, dict[str, Record]]:
        return {name: getattr(self, name) for name in COLLECTIONS}

    def file(self, collection: str) -> str:
        return self.files.get(collection, f"data/{collection}.yml")

    # One signature per collection, so that a caller gets the record's own type.
    @overload
    def get(self, collection: Literal["sources"], record_id: str) -> Source: ...
    @overload
    def get(self, collection: Literal["trajectories"], record_id: str) -> Trajectory: ...
    @overload
    def get(self, collection: Literal["success_factors"], record_id: str) -> SuccessFactor: ...
    @overload
    def get(self, collection: Literal["criteria"], record_id: str) -> Criterion: ...
    @overload
    def get(self, collection: Literal["scenarios"], record_id: str) -> Scenario: ...
    @overload
    def get(self, collection: Literal["examples"], record_id: str) -> Example: ...
    @overload
    def get(self, collection: Literal["figures"], record_id: str) -> Figure: ...
    @overload
    def get(self, collection: Literal["checklists"], record_id: str) -> Checklist: ...
    @overload
    def get(self, collection: Literal["notes"], record_id: str) -> NoteTemplate: ...
    @overload
    def get(self, collection: Literal["glossary"], record_id: str) -> Term: ...
    @overload
    def get(self, collection: Literal["terms"], record_id: str) -> PreferredTerm: ...
    @overload
    def get(self, collection: Literal["foreign_terms"], record_id: str) -> ForeignTerm: ...
    @overload
    def get(self, collection: Literal["steps"], record_id: str) -> Step: ...
    @overload
    def get(self, collection: Literal["routes"], record_id: str) -> Route: ...
    @overload
    def get(self, collection: Literal["interface"], record_id: str) -> Interface: ...
    def get(self, collection: str, record_id: str) -> Record:
        records: dict[str, Record] = getattr(self, collection)
        try:
            return records[record_id]
        except KeyError:
            known = ", ".join(records) or "aucun"
            raise UnknownRecord(
                f"« {record_id} » n'est pas {KINDS.get(collection, collection)} "
                f"dans {self.file(collection)} (connus : {known})"
            ) from None

    # Queries across collections.

    def cases(self, scenario: str) -> list[Example]:
        """A scenario's examples: its similar cases, then the other examples that name it."""
        similar = self.scenarios[scenario].similar_cases
        named = [e.id for e in self.examples.values() if e.scenario == scenario and e.id not in similar]
        return [self.examples[i] for i in [*similar, *named] if i in self.examples]

    def examples_of(
        self,
        *,
        programme: str | None = None,
        scenario: str | None = None,
        trajectory: str | None = None,
        status: str | None = None,
    ) -> list[Example]:
        """The examples that match every criterion given; a scenario or trajectory must exist."""
        if scenario is not None:
            self.get("scenarios", scenario)
        if trajectory is not None:
            self.get("trajectories", trajectory)
        return [
            e
            for e in self.examples.values()
            if (programme is None or e.programme == programme)
            and (scenario is None or e.scenario == scenario)
            and (trajectory is None or e.trajectory == trajectory)
            and (status is None or e.status == status)
        ]

    def scenarios_of(self, trajectory: str) -> list[Scenario]:
        return [s for s in self.scenarios.values() if s.trajectory == trajectory]

    def untracked_examples(self) -> list[Example]:
        """Examples whose sources name no trajectory."""
        return [e for e in self.examples.values() if e.trajectory is None]

    def route_steps(self, route: Route) -> list[tuple[Step, str | None]]:
        """A route's steps in order, each with its relation to the next (« puis », « et », « ou »)."""
        return [(self.get("steps", s.step), s.then) for s in route.steps]

    def routes_with_steps(self) -> list[tuple[Route, list[tuple[Step, str | None]]]]:
        return [(route, self.route_steps(route)) for route in self.routes.values()]

    def positions(self, page: str) -> list[Position]:
        """The steps, one per route at most, that the page `page` (from docs/) belongs to."""
        found = []
        for route in self.routes.values():
            steps = [step for step, _ in self.route_steps(route)]
            for i, step in enumerate(steps):
                if any(link.belongs and link.target.split("#", 1)[0] == page for link in step.links):
                    previous = steps[i - 1] if i else None
                    following = steps[i + 1] if i + 1 < len(steps) else None
                    found.append(Position(route, i + 1, step, previous, following))
                    break
        return found

    def variants(self) -> dict[str, PreferredTerm]:
        """The refused variants of terms, by the glossary entry that names them."""
        return {p.glossary: p for p in self.terms.values() if p.glossary}

    # Cross-references.

    def broken_references(self) -> Iterator[Broken]:
        def known(collection: str, value: str | None, where: str, path: Where) -> Iterator[Broken]:
            records = getattr(self, collection)
            if value is not None and value not in records:
                names = ", ".join(records) or "aucun"
                yield Broken(where, path, f"« {value} » n'est pas {KINDS[collection]} (connus : {names})")

        # A scenario's section links to its similar cases, and each case's card
        # links back to its scenario: both must name each other.
        for i, scenario in enumerate(self.scenarios.values()):
            yield from known("trajectories", scenario.trajectory, "scenarios", (i, "trajectory"))
            for j, case in enumerate(scenario.similar_cases):
                yield from known("examples", case, "scenarios", (i, "similar_cases", j))
                named = self.examples[case].scenario if case in self.examples else scenario.id
                # An unknown scenario name is reported once, on the example.
                if named != scenario.id and (named is None or named in self.scenarios):
                    yield Broken(
                        "scenarios",
                        (i, "similar_cases", j),
                        f"l'exemple « {case} » doit aussi nommer ce scénario : "
                        f"ajoutez « scenario: {scenario.id} » à sa fiche dans {self.file('examples')}",
                    )
        for i, example in enumerate(self.examples.values()):
            yield from known("scenarios", example.scenario, "examples", (i, "scenario"))
            yield from known("trajectories", example.trajectory, "examples", (i, "trajectory"))
        for i, term in enumerate(self.terms.values()):
            yield from known("glossary", term.glossary, "terms", (i, "glossary"))
        for i, route in enumerate(self.routes.values()):
            # The « Étape N sur M » box of a page names one step per route.
            owner: dict[str, str] = {}
            for j, entry in enumerate(route.steps):
                yield from known("steps", entry.step, "routes", (i, "steps", j, "step"))
                step = self.steps.get(entry.step)
                for link in step.links if step else []:
                    page = link.target.split("#", 1)[0]
                    if link.belongs and owner.setdefault(page, step.id) != step.id:
                        yield Broken(
                            "routes",
                            (i, "steps", j, "step"),
                            f"la page « {page} » appartient déjà à l'étape « {owner[page]} » de ce parcours ; "
                            "mettez « belongs: false » sur l'un des deux liens",
                        )

    @model_validator(mode="after")
    def _references_hold(self) -> Guide:
        broken = list(self.broken_references())
        if broken:
            raise BrokenReferences(broken)
        return self
