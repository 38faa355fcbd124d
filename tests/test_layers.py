"""The package's layers run one way: validating the data needs no rendering."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

RENDERING = ("jinja2", "markdown", "markupsafe", "odfdo", "mkdocs")


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
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert "guide_perennisation" in imported and "pydantic" in imported
    assert imported.isdisjoint(RENDERING), sorted(imported & set(RENDERING))
