"""One name for one component across every layer.

The list of names comes from the tree, not from the registry, so that a
component nobody declared is caught too: the templates, the front-end files
of docs/assets/components/ and the data-app-module values of the built site.
For each name (`note_builder`; with hyphens, `note-builder`):
template note_builder.html, whose one root element carries .app-note-builder
and, if the component has a script, data-app-module="note-builder";
docs/assets/components/note-builder.js|css; guide_perennisation/note_builder.py;
tests/…/test_note_builder*; and an entry of guide_perennisation.components.
Partial templates (a piece of a component, or a shared helper) start with `_`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import nodes
from lxml import html

from guide_perennisation.components import COMPONENTS
from guide_perennisation.render import TEMPLATES, environment

from .conftest import ROOT, site_pages

PACKAGE = ROOT / "guide_perennisation"
FRONT_END = ROOT / "docs" / "assets" / "components"
# Site-wide scripts that are not components (storage, zip, the header's keys).
LIB = ROOT / "docs" / "assets" / "lib"
TESTS = ROOT / "tests"
# Jinja statements that write nothing where they stand.
SILENT = (nodes.Macro, nodes.FromImport, nodes.Import, nodes.Assign, nodes.AssignBlock)


def hyphens(name: str) -> str:
    return name.replace("_", "-")


def names_in_tree(site_dir: Path) -> set[str]:
    names = {t.stem for t in TEMPLATES.glob("*.html") if not t.name.startswith("_")}
    names |= {f.stem.replace("-", "_") for f in FRONT_END.iterdir() if f.suffix in (".js", ".css")}
    for page in site_pages(site_dir):
        modules = html.parse(str(page)).xpath("//@data-app-module")
        names |= {str(m).replace("-", "_") for m in modules if not (LIB / f"{m}.js").exists()}
    return names


def _skeleton(body: list[nodes.Node]) -> str:
    """The template's HTML with expressions as « x », a loop's body written
    twice (a loop at the top gives two roots), conditions taken as true."""
    out = []
    for node in body:
        if isinstance(node, SILENT):
            continue
        if isinstance(node, nodes.Output):
            out += [child.data if isinstance(child, nodes.TemplateData) else "x" for child in node.nodes]
        elif isinstance(node, nodes.For):
            out.append(_skeleton(node.body) * 2)
        elif isinstance(node, (nodes.If, nodes.With, nodes.Scope)):
            out.append(_skeleton(node.body))
    return "".join(out)


def roots(template: Path) -> list[html.HtmlElement | str]:
    """The top-level elements (and any stray text) that the template writes."""
    tree = environment().parse(template.read_text(encoding="utf-8"))
    parts = html.fragments_fromstring(_skeleton(tree.body))
    return [p for p in parts if not isinstance(p, str) or p.strip()]


@pytest.fixture(scope="module")
def names(site_dir: Path) -> list[str]:
    found = sorted(names_in_tree(site_dir))
    assert len(found) >= 15, found
    return found


def test_every_component_has_its_template_module_and_tests(names: list[str]) -> None:
    problems = []
    for name in names:
        if not (TEMPLATES / f"{name}.html").is_file():
            problems.append(f"{name}: pas de gabarit templates/{name}.html")
        if not (PACKAGE / f"{name}.py").is_file():
            problems.append(f"{name}: pas de module guide_perennisation/{name}.py")
        if not any(TESTS.rglob(f"test_{name}*.py")):
            problems.append(f"{name}: pas de fichier de test tests/…/test_{name}*")
    assert problems == []


def test_every_template_has_one_root_that_carries_its_name(names: list[str]) -> None:
    problems = []
    for name in names:
        template = TEMPLATES / f"{name}.html"
        if not template.is_file():
            continue
        found = roots(template)
        if len(found) != 1 or isinstance(found[0], str):
            problems.append(f"{template.name}: {len(found)} racines au lieu d'une")
            continue
        [root] = found
        if f"app-{hyphens(name)}" not in root.classes:
            problems.append(
                f'{template.name}: racine <{root.tag} class="{root.get("class")}">, .app-{hyphens(name)} attendu'
            )
        modules = {str(m) for m in root.xpath("descendant-or-self::*/@data-app-module")}
        if modules and root.get("data-app-module") != hyphens(name):
            problems.append(f"{template.name}: data-app-module {sorted(modules)} hors de la racine ou d'un autre nom")
    assert problems == []


def test_every_module_of_the_site_is_on_the_root_of_its_component(site_dir: Path) -> None:
    problems = set()
    for page in site_pages(site_dir):
        for element in html.parse(str(page)).xpath("//*[@data-app-module]"):
            module = element.get("data-app-module")
            if (LIB / f"{module}.js").exists():
                continue
            if f"app-{module}" not in element.classes:
                problems.add(f'data-app-module="{module}" sur <{element.tag} class="{element.get("class")}">')
    assert sorted(problems) == []


def test_every_script_registers_the_module_named_by_its_file() -> None:
    scripts = sorted(FRONT_END.glob("*.js"))
    assert scripts
    problems = [s.name for s in scripts if f'app.register("{s.stem}"' not in s.read_text(encoding="utf-8")]
    assert problems == []


def test_the_registry_declares_every_component_of_the_tree(names: list[str]) -> None:
    declared = [c.name for c in COMPONENTS]
    assert len(declared) == len(set(declared))
    assert sorted(declared) == names
    for component in COMPONENTS:
        for macro in component.macros:
            # A macro lives in its component's module.
            assert macro.__module__ == f"guide_perennisation.{component.name}", (component.name, macro.__name__)
