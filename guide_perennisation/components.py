"""Every component of the guide, declared once.

A component's name is its only name across the layers: its template
(templates/<name>.html), its root element's class (.app-<name>, with hyphens),
its front-end module (data-app-module="<name>", on that root), its files
(docs/assets/components/<name>.js and .css, found by name), its Python module
(<name>.py) and its tests (tests/…/test_<name>*). tests/test_components.py
checks the rule from the tree, so that a component missing here is caught too.

`macros` are the page macros that render it, registered by the engine's
adapter under their own names; a component without one is placed by the
adapter itself (the page's foot, the site map, the complete guide).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .assets import FOLDER, file_name
from .audit import audit_failures, audit_grid, audit_status
from .checklist import all_checklists, checklist
from .criteria import criteria
from .examples import examples
from .figures import figures
from .glossary import glossary
from .note_builder import note_builder
from .plan import plan
from .scenario_table import scenario_table
from .scenarios import scenarios
from .sources import sources
from .step_by_step import step_by_step
from .structure_grid import structure_grid
from .success_factors import success_factors
from .trajectories import trajectories


@dataclass(frozen=True)
class Component:
    name: str
    collections: tuple[str, ...] = ()
    macros: tuple[Callable[..., str], ...] = ()

    @property
    def template(self) -> str:
        return f"{self.name}.html"

    @property
    def module(self) -> str:
        """The front-end name: data-app-module, .app-<module>, the asset files."""
        return file_name(self.name)

    @property
    def assets(self) -> tuple[str, str]:
        """Its style and script, relative to docs/; either may not exist (assets.AssetFinder)."""
        return f"{FOLDER}/{self.module}.css", f"{FOLDER}/{self.module}.js"


COMPONENTS = (
    Component("audit", ("audit",), (audit_status, audit_failures, audit_grid)),
    Component("checklist", ("checklists", "sources"), (checklist, all_checklists)),
    Component("complete_guide"),
    Component("criteria", ("criteria",), (criteria,)),
    Component("examples", ("examples", "scenarios", "trajectories", "sources"), (examples,)),
    Component("figures", ("figures", "examples", "sources"), (figures,)),
    Component("glossary", ("glossary", "terms"), (glossary,)),
    Component(
        "note_builder",
        ("notes", "success_factors", "criteria", "scenarios", "examples", "checklists"),
        (note_builder,),
    ),
    Component("page_info"),
    Component("plan", ("routes", "steps"), (plan,)),
    Component("scenario_table", ("scenarios", "examples", "trajectories", "sources"), (scenario_table,)),
    Component("scenarios", ("scenarios", "examples", "trajectories", "sources"), (scenarios,)),
    Component("site_map"),
    Component("sources", ("sources",), (sources,)),
    Component("step_by_step", ("routes", "steps"), (step_by_step,)),
    Component("structure_grid", ("criteria",), (structure_grid,)),
    Component("success_factors", ("success_factors",), (success_factors,)),
    Component("trajectories", ("trajectories", "scenarios", "examples"), (trajectories,)),
)
