"""The site's own CSS and JavaScript are published without their comments."""

from __future__ import annotations

import subprocess
from pathlib import Path

from guide_perennisation.slim import SUFFIXES, strip_comments

from .conftest import ROOT

DOCS = ROOT / "docs"


def test_whole_line_comments_go_and_code_stays() -> None:
    source = "\n".join(
        [
            "/* A comment",
            " * on two lines. */",
            "const a = 1 /* kept: code before it */",
            "/* kept: code after it */ const b = 2",
            "  // a line comment",
            'const url = "https://example.org/*x*/" // kept: code before it',
            "const re = /\\*\\*(.+?)\\*\\*/",
            "",
        ]
    )
    slim = strip_comments(source, ".js")
    assert slim.split("\n") == [
        "",
        "",
        "const a = 1 /* kept: code before it */",
        "/* kept: code after it */ const b = 2",
        "",
        'const url = "https://example.org/*x*/" // kept: code before it',
        "const re = /\\*\\*(.+?)\\*\\*/",
        "",
    ]


def test_css_keeps_double_slashes() -> None:
    assert strip_comments("/* why */\na { background: url(//x) }\n", ".css") == "\na { background: url(//x) }\n"


def own_files() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*") if p.suffix in SUFFIXES)


def test_published_files_have_no_comment_line_and_the_same_line_numbers(site_dir: Path) -> None:
    problems = []
    for source in own_files():
        published = (site_dir / source.relative_to(DOCS)).read_text(encoding="utf-8")
        name = source.relative_to(DOCS).as_posix()
        if published.count("\n") != source.read_text(encoding="utf-8").count("\n"):
            problems.append(f"{name}: line count changed")
        if any(line.lstrip().startswith(("/*", "//", "* ")) for line in published.splitlines()):
            problems.append(f"{name}: a comment line is left")
    assert problems == []


def test_published_scripts_still_parse(site_dir: Path) -> None:
    for source in own_files():
        if source.suffix == ".js":
            published = site_dir / source.relative_to(DOCS)
            result = subprocess.run(["node", "--check", str(published)], capture_output=True, text=True)
            assert result.returncode == 0, f"{published}: {result.stderr}"
