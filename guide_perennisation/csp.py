"""The site's Content-Security-Policy.

Nothing may load from another origin. The theme still writes a few inline
scripts into every page (storage scope, colour scheme, content tabs): rather
than allowing every inline script, the policy lists each one by its SHA-256,
taken after the build from the scripts the built pages really carry. A theme
upgrade that changes them changes the policy with them, whatever engine
wrote the pages, and an injected script matches no hash.

The policy goes into each page's `<meta http-equiv>` (written empty by
overrides/main.html, before any script, so that it governs them all) and
into `_headers`, for hosts that read such a file.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from pathlib import Path

import lxml.html

from .html_edit import EditError, Tag

# `data:` images are the theme's CSS icons (SVG masks); nothing else needs a
# scheme beyond 'self'. No 'unsafe-inline', no 'unsafe-eval'.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# Script types the browser runs; others (application/json…) are data.
_RUNNABLE = {"", "text/javascript", "application/javascript", "module"}

# The same policy as the pages', plus frame-ancestors, which only works as a header.
HEADERS = """/*
  Content-Security-Policy: {policy}; frame-ancestors 'none'
  Referrer-Policy: no-referrer
  X-Content-Type-Options: nosniff"""


def inline_scripts(html: str) -> list[str]:
    """The source of every inline script the browser would run in `html`."""
    if not html.strip():
        return []
    return [
        script.text or ""
        for script in lxml.html.document_fromstring(html).iter("script")
        if script.get("src") is None and (script.get("type") or "").lower() in _RUNNABLE
    ]


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: Iterable[str]) -> str:
    """The policy, with `scripts` (inline script sources) allowed by hash."""
    directives = dict(DIRECTIVES)
    hashes = sorted({script_hash(source) for source in scripts})
    directives["script-src"] = " ".join([directives["script-src"], *hashes])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def policy_edit(page: str, tags: list[Tag], policy: str) -> tuple[int, int, str]:
    """The edit that writes `policy` into the page's `<meta http-equiv>`.
    Every page must have one, before its first script."""
    meta = next((t for t in tags if t.name == "meta" and t.has(http_equiv="Content-Security-Policy")), None)
    if meta is None:
        raise EditError(f'{page} : pas de <meta http-equiv="Content-Security-Policy"> (overrides/main.html)')
    script = next((t for t in tags if t.name == "script"), None)
    if script is not None and script.start < meta.start:
        raise EditError(f"{page} : un script précède la politique de sécurité, qu’elle ne gouvernerait pas")
    return meta.start, meta.inner, f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def write_headers(site_dir: Path, policy: str) -> None:
    (site_dir / "_headers").write_text(HEADERS.format(policy=policy), encoding="utf-8")
