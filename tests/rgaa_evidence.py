"""What makes the audit's evidence hold, as functions the tests run on the real
audit and on broken copies of it.

- A test the audit cites exists, and carries `@pytest.mark.rgaa(…)` naming the
  criterion it is cited for (found by reading the test file with `ast`, so
  that nothing is imported or run).
- No criterion recorded « conforme » is contradicted by axe-core: axe tags many
  of its rules `RGAA-x.y.z` (criterion x.y, test z); a violation of such a rule
  on a sample page means criterion x.y fails there.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

from guide_perennisation.models.audit import Audit


def _rgaa_marks(decorators: Iterable[ast.expr]) -> set[str]:
    """The criteria named by `pytest.mark.rgaa("7.1", …)` among decorators
    (or in a module's `pytestmark`)."""
    found: set[str] = set()
    for node in decorators:
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "rgaa"
            and ast.unparse(node.func.value) == "pytest.mark"
        ):
            found |= {arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    return found


def _module_marks(tree: ast.Module) -> set[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "pytestmark" for t in node.targets):
            value = node.value
            return _rgaa_marks(value.elts if isinstance(value, ast.List | ast.Tuple) else [value])
    return set()


def marks_of(root: Path, node_id: str) -> set[str] | None:
    """The criteria a test node carries, or None when the node does not exist.

    `node_id` is pytest's: `tests/x.py::test_name`, `tests/x.py::Class::test_name`,
    with or without a parameter suffix (`[…]`)."""
    file, _, rest = node_id.partition("::")
    path = root / file
    if not rest or not path.is_file():
        return None
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = rest.split("[", 1)[0].split("::")
    scope: list[ast.stmt] = tree.body
    marks = _module_marks(tree)
    for i, name in enumerate(names):
        last = i == len(names) - 1
        kinds = (ast.FunctionDef, ast.AsyncFunctionDef) if last else (ast.ClassDef,)
        found = next((n for n in scope if isinstance(n, kinds) and n.name == name), None)
        if found is None:
            return None
        marks |= _rgaa_marks(found.decorator_list)
        scope = getattr(found, "body", [])
    return marks


def evidence_problems(audit: Audit, root: Path) -> list[str]:
    """Every cited test that does not exist or does not carry its criterion's marker."""
    problems = []
    for entry in audit.criteria:
        for node_id in entry.tests:
            marks = marks_of(root, node_id)
            if marks is None:
                problems.append(f"{entry.id} : le test cité « {node_id} » n'existe pas")
            elif entry.id not in marks:
                problems.append(f'{entry.id} : « {node_id} » ne porte pas @pytest.mark.rgaa("{entry.id}")')
    return problems


def criteria_of(tags: Iterable[str]) -> set[str]:
    """RGAA criteria named by axe tags: « RGAA-10.4.2 » -> « 10.4 »."""
    return {".".join(tag.removeprefix("RGAA-").split(".")[:2]) for tag in tags if tag.startswith("RGAA-")}


def axe_contradictions(
    audit: Audit, violations: Mapping[str, Iterable[str]], rule_tags: Mapping[str, Iterable[str]]
) -> list[str]:
    """Criteria recorded « conforme » although a rule that axe maps to them is
    violated on a sample page. `violations`: the ids of the violated rules, by
    sample page id; `rule_tags`: each rule's tags."""
    conforming = {entry.id for entry in audit.criteria if audit.overall(entry) == "conforme"}
    problems = []
    for page in audit.sample:
        for rule in violations.get(page.id, ()):
            for criterion in sorted(criteria_of(rule_tags.get(rule, ())) & conforming):
                problems.append(f"{criterion} est « conforme » mais axe signale « {rule} » sur {page.page} ({page.id})")
    return problems
