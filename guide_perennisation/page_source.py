"""A page's source as the engines read it, before any of them renders it:
its YAML header, and the macro calls in its Markdown.

The calls are read with Jinja's own parser, the one the macros engines run:
a call is found wherever Jinja finds one (spread over several lines, with
either quotes), and its line number is Jinja's. Parsing renders nothing and
needs none of the guide's templates, so `make check-data` can check every
page's calls without the rendering stack.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import yaml
from jinja2 import Environment, TemplateSyntaxError, nodes

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_JINJA = Environment()


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The page's YAML header (as MkDocs reads it) and the Markdown after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = yaml.safe_load(match.group(1)) or {}
    return meta, text[match.end() :]


@dataclass(frozen=True)
class MacroCall:
    name: str
    argument: str  # the first argument, a constant string
    line: int
    column: int  # where the argument starts on its line, from 1


class MacroSyntaxError(ValueError):
    """Jinja cannot read the page: the engine would stop on it too."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def macro_calls(text: str, names: Collection[str]) -> list[MacroCall]:
    """Each call in `text` of a macro of `names` whose first argument is a
    constant string, in the page's order."""
    try:
        template = _JINJA.parse(text)
    except TemplateSyntaxError as exc:
        raise MacroSyntaxError(exc.lineno, exc.message or "") from None
    lines = text.splitlines()
    calls = []
    for call in template.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name in names and call.args):
            continue
        argument = call.args[0]
        if isinstance(argument, nodes.Const) and isinstance(argument.value, str):
            # Jinja knows the line of a node, not its column: the argument is
            # the first occurrence of its text after the macro's name.
            line = lines[argument.lineno - 1]
            after = line.find(call.node.name) if call.node.lineno == argument.lineno else 0
            column = line.find(argument.value, max(after, 0)) + 1
            calls.append(MacroCall(call.node.name, argument.value, argument.lineno, column))
    return sorted(calls, key=lambda c: (c.line, c.column))
