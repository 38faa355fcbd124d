"""Content-Security-Policy: what the built site declares, and what the
browser makes of it on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide_perennisation.csp import content_security_policy, inline_scripts, script_hash

from ..conftest import site_pages
from ..dom import read_page
from .audit import interact
from .conftest import SCHEMES, WIDTHS, format_violations


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (d.split() for d in policy.split(";") if d.strip())}


def page_policy(page: Path) -> tuple[str | None, bool]:
    """The policy of a page's <meta http-equiv>, and whether a script came first."""
    policy, script_before_policy = None, False
    for element in read_page(page).iter("script", "meta"):
        if element.tag == "script" and policy is None:
            script_before_policy = True
        elif (element.get("http-equiv") or "").lower() == "content-security-policy":
            policy = element.get("content")
    return policy, script_before_policy


def test_script_hash_matches_the_csp_specification_example() -> None:
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_policy_allows_inline_scripts_by_hash_only() -> None:
    policy = directives(content_security_policy(["a()", "b()", "a()"]))
    assert policy["default-src"] == ["'self'"]
    assert sorted(policy["script-src"]) == sorted(["'self'", script_hash("a()"), script_hash("b()")])
    html = '<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
    assert inline_scripts(html) == ["a()"]


def test_every_page_declares_a_strict_policy_before_any_script(site_dir: Path) -> None:
    failures: dict[str, str] = {}
    for page in [*site_pages(site_dir), site_dir / "404.html"]:
        name = str(page.relative_to(site_dir))
        policy, late = page_policy(page)
        if policy is None or late:
            failures[name] = "pas de politique CSP avant le premier script"
            continue
        found = directives(policy)
        if found.get("default-src") != ["'self'"]:
            failures[name] = f"default-src : {found.get('default-src')}"
        elif re.search(r"unsafe-(eval|inline)", policy):
            failures[name] = "unsafe-eval ou unsafe-inline"
        elif [d for d, values in found.items() if "data:" in values and d != "img-src"]:
            failures[name] = "data: ailleurs que dans img-src"
        elif unlisted := [
            s for s in inline_scripts(page.read_text(encoding="utf-8")) if script_hash(s) not in found["script-src"]
        ]:
            failures[name] = f"script en ligne sans empreinte : {unlisted[0][:80]}"
    assert not failures, format_violations(failures)


def test_headers_file_carries_the_same_policy(site_dir: Path) -> None:
    headers = dict(
        line.strip().split(": ", 1) for line in (site_dir / "_headers").read_text(encoding="utf-8").splitlines()[1:]
    )
    policy, _ = page_policy(site_dir / "index.html")
    assert headers["Content-Security-Policy"] == f"{policy}; frame-ancestors 'none'"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_violates_the_policy(site_audit, scheme: str, width: int) -> None:
    failures = {url: report.csp for url, report in site_audit(scheme, width).items() if report.csp}
    assert not failures, format_violations(failures)


def test_searching_and_navigating_violate_nothing(browser, base_url: str) -> None:
    assert interact(browser, base_url).csp == []
