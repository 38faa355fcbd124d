"""Each page loads the styles and scripts of the components it shows, no others."""

from __future__ import annotations

import re
from pathlib import Path

from guide_perennisation.assets import AssetFinder, asset_edits, shown_modules
from guide_perennisation.html_edit import splice, tags

from .conftest import ROOT, mkdocs_config, site_pages

COMPONENTS = ROOT / "docs" / "assets" / "components"
# Site-wide scripts, not components: the header's module (header-keys) among them.
LIB = ROOT / "docs" / "assets" / "lib"
MODULE = re.compile(r'data-app-module="([a-z-]+)"')
LOADED = re.compile(
    r'<(?:script(?: defer)? src|link rel="stylesheet" href)='
    r'"[./]*(?:guide-perennisation/)?assets/components/([a-z-]+)\.(js|css)"'
)


def loaded(page: Path) -> tuple[set[str], set[str]]:
    found = LOADED.findall(page.read_text(encoding="utf-8"))
    return {name for name, kind in found if kind == "js"}, {name for name, kind in found if kind == "css"}


def components_in(paths: list[str], suffix: str) -> set[str]:
    return {Path(p).stem for p in paths if p.startswith("assets/components/") and p.endswith(suffix)}


def site_wide() -> tuple[set[str], set[str]]:
    config = mkdocs_config()
    return components_in(config["extra_javascript"], ".js"), components_in(config["extra_css"], ".css")


def test_every_module_on_a_page_has_its_script_and_nothing_more(site_dir: Path) -> None:
    global_scripts, global_styles = site_wide()
    lib_scripts = {Path(p).stem for p in mkdocs_config()["extra_javascript"] if p.startswith("assets/lib/")}
    problems = []
    for page in site_pages(site_dir):
        found = set(MODULE.findall(page.read_text(encoding="utf-8")))
        # A site-wide module (the header's, header-keys) comes with every page, from assets/lib/.
        modules = {m for m in found if not (LIB / f"{m}.js").exists()}
        problems += [f"{page.relative_to(site_dir)}: {m}.js not site-wide" for m in found - modules - lib_scripts]
        scripts, styles = loaded(page)
        expected_styles = {m for m in modules if (COMPONENTS / f"{m}.css").exists()}
        if scripts - global_scripts != modules - global_scripts or not modules <= scripts:
            problems.append(f"{page.relative_to(site_dir)}: scripts {sorted(scripts)}, modules {sorted(modules)}")
        if not expected_styles <= styles:
            problems.append(f"{page.relative_to(site_dir)}: styles {sorted(styles)}, modules {sorted(modules)}")
        if styles & global_styles != global_styles:
            problems.append(f"{page.relative_to(site_dir)}: site-wide styles missing")
    assert problems == []


def test_a_page_without_components_loads_only_the_site_wide_files(site_dir: Path) -> None:
    page = site_dir / "a-propos" / "licence" / "index.html"
    assert loaded(page) == site_wide()


def test_component_files_are_named_after_their_module() -> None:
    """app.js finds a module's script by its name: components/<name>.js."""
    templates = ROOT / "guide_perennisation" / "templates"
    modules = {m for t in templates.glob("*.html") for m in MODULE.findall(t.read_text(encoding="utf-8"))}
    assert modules, "no data-app-module in the templates"
    assert [m for m in modules if not (COMPONENTS / f"{m}.js").exists()] == []


def test_the_post_build_step_adds_the_files_of_the_components_a_page_shows_once(tmp_path: Path) -> None:
    """By data-app-module, or by its root's class for a component without a
    script; never a file the page already loads, so a second run adds nothing."""
    for name in ("plan.js", "plan.css", "criteria.css", "page-info.css"):
        (tmp_path / "assets" / "components").mkdir(parents=True, exist_ok=True)
        (tmp_path / "assets" / "components" / name).write_text("", encoding="utf-8")
    finder = AssetFinder(tmp_path)
    page = (
        '<html><head><link rel="stylesheet" href="../../assets/components/page-info.css">\n</head><body>'
        '<div class="app-page-info"></div><div class="app-plan" data-app-module="plan"></div>'
        '<ol class="app-criteria"></ol><p class="app-criteria__item"></p>\n</body></html>'
    )

    def run(source: str) -> str:
        found = tags(source)
        modules = shown_modules(found, ["criteria", "page-info", "plan", "glossary"])
        return splice(source, asset_edits("a/b/index.html", found, finder.for_components(modules)))

    once = run(page)
    assert once == page.replace(
        "\n</head>",
        '\n<link rel="stylesheet" href="../../assets/components/criteria.css">\n  '
        '<link rel="stylesheet" href="../../assets/components/plan.css">\n  </head>',
    ).replace("\n</body>", '\n<script defer src="../../assets/components/plan.js"></script>\n  </body>')
    assert run(once) == once
