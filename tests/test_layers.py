"""The package's layers run one way: validating the data needs no rendering."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

# Jinja itself loads (page_source.py reads the pages' macro calls with its
# parser), but nothing that renders: no Markdown, no ODF, no engine, and none
# of the package's rendering modules.
RENDERING = ("markdown", "odfdo", "mkdocs")
VALIDATING = ("guide_perennisation.check", "guide_perennisation.loader", "guide_perennisation.page_source")
VALIDATING_PACKAGES = ("guide_perennisation.guide", "guide_perennisation.models")


def test_check_data_imports_no_rendering_module() -> None:
    # -X importtime lists every module the command imports, on stderr.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "guide_perennisation.check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    imported = {module.split(".")[0] for module in modules}
    assert "guide_perennisation" in imported and "pydantic" in imported
    assert imported.isdisjoint(RENDERING), sorted(imported & set(RENDERING))
    own = {m for m in modules if m.startswith("guide_perennisation.")}
    rendering = {m for m in own if m not in VALIDATING and not m.startswith(VALIDATING_PACKAGES)}
    assert "guide_perennisation.page_source" in own and rendering == set(), sorted(rendering)
