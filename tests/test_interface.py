"""The interface's words live in data/interface.yml, nowhere else.

Scripts take theirs from their root element (app.js's `message`), templates
from the render context, the theme's overrides from config.extra.interface,
the Python that writes pages or files from the guide (guide.interface).
These tests read the sources: no French text left in a script, a template
or such a module, every key used exists in its part of the data, and every
key of the data is used.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import lxml.html
import pytest
from jinja2 import Environment

from guide_perennisation.html_edit import Tokenizer, tags
from guide_perennisation.loader import load_guide
from guide_perennisation.typography import typeset

from .conftest import ROOT

ASSETS = ROOT / "docs" / "assets"
TEMPLATES = ROOT / "guide_perennisation" / "templates"
OVERRIDES = ROOT / "overrides"
# The loader of the texts: its own errors are for developers, in the console.
LOADER = ASSETS / "app.js"
SCRIPTS = sorted(p for p in ASSETS.rglob("*.js") if p != LOADER and "javascripts" not in p.parts)
# The part of data/interface.yml whose messages a script says, when it is not
# the component named like it: the header's, and the note builder's, whose
# `message` the note's exports are given.
PARTS = {ASSETS / "lib" / "header-keys.js": "header", ASSETS / "lib" / "note-export.js": "note-builder"}

# French a reader would see: an accented letter, a typographic apostrophe or
# guillemet, or a capitalised word followed by another word.
FRENCH = re.compile(r"[À-ÿ’«»]|\b[A-Z][a-z]+ [a-zà-ÿ]")
# A formal public identifier (ISO 9070, as RFC 5545's PRODID): a name that
# programs read, never shown, though its owner's name reads as words.
IDENTIFIER = re.compile(r"-//[^/]+//[^/]+//[A-Z]{2}")

INTERFACE = load_guide(ROOT).interface


def literals(source: str) -> list[str]:
    """The string and template literals of a script, comments and regular
    expressions skipped; a template literal's ${…} parts are read as code,
    their own literals listed too."""
    found: list[str] = []

    def code(i: int, closing: str | None) -> int:
        depth = 0
        previous = "("  # what came before: decides whether « / » opens a regex
        while i < len(source):
            c = source[i]
            if source.startswith("//", i):
                i = source.index("\n", i) if "\n" in source[i:] else len(source)
                continue
            if source.startswith("/*", i):
                i = source.index("*/", i) + 2
                continue
            if c in "\"'`":
                i = string(i, c)
                previous = "a"
                continue
            # A « / » after an operator or `return` opens a regex, elsewhere it divides.
            if c == "/" and (previous in "(,=:[!&|?{};+-*%<>~^" or re.search(r"\breturn\s*$", source[:i])):
                i = regex(i + 1)
                previous = "a"
                continue
            if c == "{":
                depth += 1
            elif c == "}":
                if depth == 0 and closing == "}":
                    return i + 1
                depth -= 1
            if not c.isspace():
                previous = c
            i += 1
        return i

    def regex(i: int) -> int:
        in_class = False
        while source[i] != "/" or in_class:
            if source[i] == "\\":
                i += 1
            elif source[i] == "[":
                in_class = True
            elif source[i] == "]":
                in_class = False
            i += 1
        return i + 1

    def string(i: int, quote: str) -> int:
        start = i + 1
        i = start
        text = ""
        while source[i] != quote:
            if source[i] == "\\":
                text += source[i : i + 2]
                i += 2
            elif quote == "`" and source.startswith("${", i):
                end = code(i + 2, "}")
                text += source[i:end]
                i = end
            else:
                text += source[i]
                i += 1
        found.append(text)
        return i + 1

    code(0, None)
    return found


def french(source: str) -> list[str]:
    return [text for text in literals(source) if FRENCH.search(text) and not IDENTIFIER.fullmatch(text)]


def test_the_literal_reader_sees_strings_not_comments_or_regexes() -> None:
    source = (
        '/* « commentaire » */ const a = "Élément" // « fin »\n'
        'const b = x.replace(/["«]/g, `${c ? `Oui ${d}` : "non"}`)'
    )
    assert literals(source) == ["Élément", "Oui ${d}", "non", '${c ? `Oui ${d}` : "non"}']


def test_french_is_found_but_in_an_identifier() -> None:
    source = (
        'const a = "-//Guide de perennisation//Retroplanning//FR", b = "En retard"\n'
        "const c = `-//Guide de perennisation//Retroplanning//FR ${d}`"
    )
    assert french(source) == ["En retard", "-//Guide de perennisation//Retroplanning//FR ${d}"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(ASSETS).as_posix())
def test_no_french_text_in_scripts(script: Path) -> None:
    assert french(script.read_text(encoding="utf-8")) == []


# The attributes that name or describe: what assistive technologies say.
NAMING = frozenset({"aria-label", "aria-description", "title", "placeholder", "alt"})
LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
# A Jinja string constant that reads as words: French, or two words apart.
PHRASE = re.compile(rf"{FRENCH.pattern}|\b[a-zà-ÿ]+ [a-zà-ÿ]+")


class _Words(Tokenizer):
    """Text nodes and naming attributes of literal HTML, scripts and styles
    aside (the scripts' own test reads those)."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.found: list[str] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)
        self._code += tag in ("script", "style")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [
            f"{name}={' '.join(value.split())}"
            for name, value in attrs
            if name in NAMING and value and LETTER.search(value)
        ]

    def handle_endtag(self, tag: str) -> None:
        self._code -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._code and LETTER.search(data):
            self.found.append(" ".join(data.split()))


def literal_html(tokens: list[tuple[int, str, str]]) -> str:
    """A template's literal HTML: Jinja's TemplateData tokens, joined so that
    a tag split by an expression is whole again."""
    return "".join(value for _, kind, value in tokens if kind == "data")


def template_words(source: str) -> list[str]:
    """The words a template writes itself, not from its context: its literal
    HTML (Jinja's TemplateData tokens, joined so that a tag split by an
    expression is whole again) read by the HTML tokenizer, and the string
    constants of its expressions that read as words."""
    tokens = list(Environment().lex(source))
    html = literal_html(tokens)
    reader = _Words(html)
    reader.feed(html)
    reader.close()
    strings = [value.strip("\"'") for _, kind, value in tokens if kind == "string" and PHRASE.search(value)]
    return reader.found + strings


def test_the_template_reader_sees_literal_words_not_expressions() -> None:
    source = (
        '{# « commentaire » #}<p class="app-x" title="Note de {{ n }}">{{ texts.x }} <b>Bonjour</b> {{ n }}</p>'
        '<script>const a = "Élément"</script><img alt="{{ texts.y }}" src="x.svg">'
        '{{ "Tout afficher" if a else "hidden" }}{% set b = "ils figurent" %}'
    )
    assert template_words(source) == ["title=Note de", "Bonjour", "Tout afficher", "ils figurent"]


TEMPLATE_FILES = sorted([*TEMPLATES.glob("*.html"), *OVERRIDES.rglob("*.html")])


@pytest.mark.parametrize("template", TEMPLATE_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_words_written_in_templates(template: Path) -> None:
    """The theme's overrides too: the engine renders them without the
    guide's data, so their words are written in after the build, on the
    elements marked with their key (guide_perennisation/theme.py)."""
    assert template_words(template.read_text(encoding="utf-8")) == []


def part_of(script: Path) -> str:
    return PARTS.get(script, script.stem)


def message_keys(script: Path) -> set[str]:
    """The keys a script names: the literals of each message(…) call's first
    argument, and any literal that is a key of its part (a table of them)."""
    source = script.read_text(encoding="utf-8")
    keys = set(INTERFACE[part_of(script)].messages) if part_of(script) in INTERFACE else set()
    called = {key for call in re.findall(r"\bmessage\(([^,)]*)", source) for key in re.findall(r'"([^"]*)"', call)}
    return called | (set(literals(source)) & keys)


PACKAGE = ROOT / "guide_perennisation"
# The modules that write words themselves, into a page or a file, and the
# part of data/interface.yml whose texts they are given.
MODULE_PARTS = {
    "audit.py": "audit",
    "examples.py": "examples",
    "figures.py": "figures",
    "note.py": "note-builder",
    "note_files.py": "note-builder",
    "note_outline.py": "note-builder",
    "page_info.py": "page-info",
    "scenario_table.py": "scenario-table",
    "step_by_step.py": "step-by-step",
}


def module_keys(source: str) -> set[str]:
    """The keys a module reads, `texts["key"]`; of a key it makes,
    `texts[f"status-{status}"]`, its constant head and a `*`."""
    keys = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Subscript):
            continue
        target = node.value
        if not (isinstance(target, ast.Name) and target.id == "texts") and not (
            isinstance(target, ast.Attribute) and target.attr == "texts"
        ):
            continue
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            keys.add(key.value)
        elif isinstance(key, ast.JoinedStr) and key.values and isinstance(key.values[0], ast.Constant):
            keys.add(f"{key.values[0].value}*")
    return keys


def test_the_module_reader_sees_keys_and_key_heads() -> None:
    source = 'a = texts["x"] + guide.texts["y"]\nb = {s: texts[f"status-{s}"] for s in S}\nc = other["z"]'
    assert module_keys(source) == {"x", "y", "status-*"}


def template_keys() -> dict[str, set[tuple[str, str]]]:
    """(kind, key) used by each part: a component's template (and its
    partials: those it includes, which see its words, and those its code
    renders, named after it, as _step_by_step_box.html), _block.html for
    `block` (and `block_texts` anywhere), the overrides for the parts they
    name (config.extra.interface.<part>)."""
    used: dict[str, set[tuple[str, str]]] = {}
    key = re.compile(r'\b(texts|messages)(?:\["([a-z0-9-]+)"\]|\.([a-z0-9_]+)\b)')
    components = [path.stem for path in TEMPLATES.glob("[!_]*.html")]
    for path in [*TEMPLATES.glob("*.html"), *OVERRIDES.rglob("*.html")]:
        text = path.read_text(encoding="utf-8")
        if path.name == "_block.html":
            parts = {"block"}
        elif path.parent == TEMPLATES:
            including = [c for c in components if f'include "{path.name}"' in (TEMPLATES / f"{c}.html").read_text()]
            named = [c for c in components if path.stem in (c, f"_{c}") or path.stem.startswith(f"_{c}_")]
            parts = {c.replace("_", "-") for c in including or named or [path.stem]}
        else:
            parts = set(re.findall(r"\bconfig\.extra\.interface\.([a-z-]+)", text))
        for part in parts:
            used.setdefault(part, set()).update((kind, a or b) for kind, a, b in key.findall(text))
        # The words every data block shares, which _macros.html's macros say.
        used.setdefault("block", set()).update(
            ("texts", k) for k in re.findall(r'\bblock_texts\["([a-z0-9-]+)"\]', text)
        )
    # The header's and the footer's words reach the theme's HTML through the
    # post-build patches.
    theme = (ROOT / "guide_perennisation" / "theme.py").read_text(encoding="utf-8")
    used.setdefault("footer", set()).update(re.findall(r'\bfooter\.(texts)\["([a-z0-9-]+)"\]', theme))
    # The overrides' elements marked with their key, which theme.py fills.
    for path in OVERRIDES.rglob("*.html"):
        for tag in tags(literal_html(list(Environment().lex(path.read_text(encoding="utf-8"))))):
            for part in ("footer", "theme"):
                if key := tag.attrs.get(f"data-app-{part}"):
                    used.setdefault(part, set()).add(("texts", key))
    used.setdefault("header", set()).update(re.findall(r'(?<!footer\.)\b(texts)\["([a-z0-9-]+)"\]', theme))
    for module, part in MODULE_PARTS.items():
        keys = set(INTERFACE[part].texts)
        for key in module_keys((PACKAGE / module).read_text(encoding="utf-8")):
            named = {k for k in keys if k.startswith(key[:-1])} if key.endswith("*") else {key}
            used.setdefault(part, set()).update(("texts", k) for k in named or {key})
    return used


def test_every_key_a_script_uses_exists_in_its_part() -> None:
    problems = []
    for script in SCRIPTS:
        for key in message_keys(script):
            part = INTERFACE.get(part_of(script))
            if part is None or key not in part.messages:
                problems.append(f"{script.name}: « {key} » absent de {part_of(script)}.messages")
    assert problems == []


def test_every_key_a_template_or_override_uses_exists_in_its_part() -> None:
    problems = [
        f"{part}: {kind}.{key}"
        for part, keys in template_keys().items()
        for kind, key in keys
        if key not in getattr(INTERFACE.get(part), kind, {})
    ]
    assert problems == []


def test_every_key_of_the_data_is_used() -> None:
    used = template_keys()
    scripts: dict[str, set[str]] = {}
    for script in SCRIPTS:
        scripts.setdefault(part_of(script), set()).update(message_keys(script))
    unused = [
        f"{part.id}: {kind}.{key}"
        for part in INTERFACE.values()
        for kind in ("texts", "messages")
        for key in getattr(part, kind)
        if (kind, key) not in used.get(part.id, set()) and not (kind == "messages" and key in scripts.get(part.id, ()))
    ]
    assert unused == []


def test_the_overrides_words_are_written_in_after_the_build(site_dir: Path) -> None:
    """Each element an override marks with a key holds that key's words on
    the built pages (typeset, as all text is), and so do the 404 page's
    title and the edit link's."""
    theme = INTERFACE["theme"].texts
    seen = set()
    for name in ("404.html", "index.html"):
        page = lxml.html.parse(site_dir / name).getroot()
        for element in page.xpath("//*[@data-app-theme or @data-app-footer]"):
            theme_key = element.get("data-app-theme")
            part, key = ("theme", theme_key) if theme_key else ("footer", element.get("data-app-footer"))
            assert element.text_content() == typeset(INTERFACE[part].texts[key]), (name, key)
            seen.add((part, key))
    assert page.xpath("//a[@rel='edit']/@title") == [theme["edit"]]
    assert lxml.html.parse(site_dir / "404.html").findtext(".//title").startswith(f"{theme['not-found']} - ")
    assert {("theme", key) for key in theme} <= seen


# ---- Python: the modules that render pages or files --------------------------
# Not read: the modules that check data or run from the command line, whose
# words are for contributors in a terminal; and the RGAA's criteria, quoted
# as its reference text, not the interface's words.
FOR_CONTRIBUTORS = frozenset(
    {
        "adapters/mkdocs_macros.py",
        "adapters/zensical_macros.py",
        "assets.py",
        "check.py",
        "check_publication.py",
        "csp.py",
        "guide.py",
        "loader.py",
        "postbuild.py",
        "publication.py",
        "schemas.py",
        "stale.py",
        "models/rgaa.py",
    }
)
# French still written in a module that renders, and why; may only shrink.
LEFT = {
    # Not shown: the ODF paragraph style of table heads, and meta.xml's generator.
    "note_outline.py": ["En-tête", "Guide de pérennisation"],
    # The month names of fr_date, a filter of every template.
    "render.py": ["février", "août", "décembre"],
    # Not written by the guide: Material's attribute, which a patch looks for;
    # and a patch's error, for contributors.
    "theme.py": [
        '<nav class="md-header__inner md-grid" aria-label="En-tête">',
        " » est introuvable dans le HTML du thème (<",
        ">) ; le thème a changé, adaptez ce remplacement (guide_perennisation/theme.py)",
    ],
}
# Words, not a regular expression's « » or \s: an accented letter, or two letters.
WORD = re.compile(r"[À-ÿ]|[A-Za-z]{2}")


def python_french(source: str) -> list[str]:
    """The string constants of a module that read as French words, in the
    order of the source, but its docstrings, the data checks' messages
    (`raise`, a validator's `yield`) and fields' descriptions (the schemas')."""
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        if isinstance(node, (ast.Raise, ast.Yield)) or (isinstance(node, ast.keyword) and node.arg == "description"):
            skipped.update(id(inner) for inner in ast.walk(node))
    constants = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
    ]
    constants.sort(key=lambda node: (node.lineno, node.col_offset))
    return [node.value for node in constants if FRENCH.search(node.value) and WORD.search(node.value)]


def test_the_python_reader_sees_french_constants_not_docstrings_or_checks() -> None:
    source = '''"""« Module »."""
LABELS = {"continued": "Pérennisé", "key": "value", "quote": "«"}


def f(x):
    """Édité."""
    if not x:
        raise ValueError("valeur « x » attendue")
    yield "where", "problème"
    return Field(description="Identifiant stable, en kebab-case."), f"Scénario {x} :"
'''
    assert python_french(source) == ["Pérennisé", "Scénario "]


MODULES = sorted(
    path.relative_to(PACKAGE).as_posix()
    for path in PACKAGE.rglob("*.py")
    if path.relative_to(PACKAGE).as_posix() not in FOR_CONTRIBUTORS
)


@pytest.mark.parametrize("module", MODULES)
def test_no_french_text_in_modules_that_render(module: str) -> None:
    """Their words come from data/interface.yml, through the guide
    (guide.interface[part].texts), as the templates' do."""
    assert python_french((PACKAGE / module).read_text(encoding="utf-8")) == LEFT.get(module, [])


def test_a_french_label_put_back_is_found() -> None:
    source = (PACKAGE / "examples.py").read_text(encoding="utf-8")
    put_back = source.replace('texts["programme-other"]', '"Ni beta.gouv.fr ni EIG"')
    assert put_back != source
    assert python_french(put_back) == ["Ni beta.gouv.fr ni EIG"]


def test_every_module_named_exists() -> None:
    names = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")}
    assert (FOR_CONTRIBUTORS | set(LEFT)) - names == set()
