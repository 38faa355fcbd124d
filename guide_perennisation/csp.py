"""The site's Content-Security-Policy.

Nothing may load from another origin. The theme still writes a few inline
scripts into every page (storage scope, colour scheme, content tabs): rather
than allowing every inline script, the policy lists each one by its SHA-256,
computed at build time from the theme's own templates. A theme upgrade that
changes them changes the policy with them, and an injected script matches
no hash.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html.parser import HTMLParser

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


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        if "src" not in attributes and (attributes.get("type") or "").lower() in _RUNNABLE:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    """The source of every inline script the browser would run in `html`."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: Iterable[str]) -> str:
    """The policy, with `scripts` (inline script sources) allowed by hash."""
    directives = dict(DIRECTIVES)
    hashes = sorted({script_hash(source) for source in scripts})
    directives["script-src"] = " ".join([directives["script-src"], *hashes])
    return "; ".join(f"{name} {value}" for name, value in directives.items())
