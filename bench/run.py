"""`make bench`: what the site costs to build and to load, measured side by
side in one run, printed as a table and saved to bench/results.md.

- Build: median of clean builds of the site, against a stock mkdocs-material
  build of the same Markdown pages (no macros, no extra CSS/JS, default
  settings). Data loading and validation, timed apart.
- Scaling: synthetic data ×1, ×10, ×100 in a temporary folder.
- Page weight: cold loads over a local gzip server, per page type.
- Lighthouse 12 (mobile and desktop), median of three runs.
- Tests: `make test-fast`, the edit loop, median of three runs; the whole
  `make test` once when BENCH_FULL_TEST=1 (minutes, and it runs Chromium).

Measured, not asserted: the targets are reported, met or missed.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, FLAGS  # noqa: E402
from tests.conftest import SITE_PATH, copy_project  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "3"))
TEST_RUNS = int(os.environ.get("BENCH_TEST_RUNS", "3"))
FULL_TEST = os.environ.get("BENCH_FULL_TEST") == "1"
# `make test-fast`'s and `make test`'s targets, in seconds.
TEST_FAST_TARGET = 30
TEST_TARGET = 300
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
PAGE_TYPES = {
    "Accueil": "",
    "Page de contenu": "comprendre/pourquoi/",
    "Checklist": "preparer/criteres-sortie/",
    "Comparaison": "preparer/scenarios/",
    "Modèle de note": "outils/note-dinum/",
    "Toutes les checklists": "outils/checklists/",
    "Rétroplanning": "preparer/calendrier-gouvernance/",
    "Grille des structures": "preparer/structure-accueil/",
    "Exemples": "exemples/",
    "Glossaire": "outils/glossaire/",
    "Guide complet": "outils/guide-complet/",
}
SEARCH_INDEX = "search/search_index.json"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
KIB = 1024


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mkdocs_build(project: Path, destination: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-d", str(destination)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"La construction de {project} a échoué :\n{result.stderr}")


STOCK_CONFIG = "site_name: Guide de pérennisation\ntheme:\n  name: material\n"


def stock_project(destination: Path) -> Path:
    """The same Markdown pages, built by mkdocs-material with its defaults."""
    for page in (ROOT / "docs").rglob("*.md"):
        target = destination / "docs" / page.relative_to(ROOT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, target)
    (destination / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    return destination


def stock_with_content(site: Path, destination: Path) -> Path:
    """Each built page's content (macros expanded) as the Markdown of a stock
    build: the same text to render, without the project's machinery."""
    for page in (ROOT / "docs").rglob("*.md"):
        name = page.relative_to(ROOT / "docs").with_suffix("")
        built = site / (
            "index.html" if name.as_posix() == "index" else name.as_posix().removesuffix("/index") + "/index.html"
        )
        html = built.read_text(encoding="utf-8")
        article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
        target = destination / "docs" / page.relative_to(ROOT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article.group(1) if article else "", encoding="utf-8")
    (destination / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    return destination


# Time of load_guide alone, in a fresh process (as in a build: once, cold).
LOAD_ONCE = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from guide_perennisation.loader import load_guide
start = time.perf_counter()
guide = load_guide(Path(sys.argv[1]))
print(time.perf_counter() - start)
"""


def load_time(project: Path, runs: int) -> float:
    def once() -> float:
        result = subprocess.run(
            [sys.executable, "-c", LOAD_ONCE, str(project)], capture_output=True, text=True, check=True
        )
        return float(result.stdout)

    return statistics.median(once() for _ in range(runs))


BUILDS = {
    "site": "Ce site",
    "stock": "mkdocs-material d'origine, mêmes pages Markdown",
    "content": "mkdocs-material d'origine, contenu des pages déjà développé",
}


# What the project's machinery costs before the first page: importing the
# macros plugin, then the project's package (pydantic models, templates), on
# top of what a stock build imports anyway.
IMPORT_COST = """
import sys, time
sys.path.insert(0, sys.argv[1])
import mkdocs.commands.build, material.plugins.search.plugin, markdown
start = time.perf_counter()
import mkdocs_macros.plugin
middle = time.perf_counter()
import guide_perennisation.adapters.mkdocs_macros
print(middle - start, time.perf_counter() - middle)
"""


def import_costs(runs: int) -> tuple[float, float]:
    def once() -> tuple[float, float]:
        result = subprocess.run(
            [sys.executable, "-c", IMPORT_COST, str(ROOT)], capture_output=True, text=True, check=True
        )
        plugin, package = result.stdout.split()
        return float(plugin), float(package)

    samples = [once() for _ in range(runs)]
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def measure_builds(work: Path) -> dict:
    projects = {"site": copy_project(work / "site-project"), "stock": stock_project(work / "stock-project")}
    mkdocs_build(projects["site"], work / "out")
    projects["content"] = stock_with_content(work / "out", work / "content-project")
    pages = {name: len(list((project / "docs").rglob("*.md"))) for name, project in projects.items()}
    wall: dict[str, list[float]] = {name: [] for name in projects}
    cpu: dict[str, list[float]] = {name: [] for name in projects}
    # One unmeasured build each first (file cache), then take turns, so that a
    # change in the machine's load weighs on all alike.
    for project in projects.values():
        mkdocs_build(project, work / "out")
    for _ in range(RUNS):
        for name, project in projects.items():
            before = cpu_of_children()
            wall[name].append(timed(lambda p=project: mkdocs_build(p, work / "out")))
            cpu[name].append(cpu_of_children() - before)
    return {
        "pages": pages,
        "wall": {name: statistics.median(times) for name, times in wall.items()},
        "cpu": {name: statistics.median(times) for name, times in cpu.items()},
        "load": load_time(projects["site"], RUNS),
        "imports": import_costs(RUNS),
    }


def measure_make(target: str, runs: int) -> dict[str, float]:
    """Wall and processor time of `make <target>` as a contributor runs it
    (its builds and every child process included), median of `runs`."""
    wall, cpu = [], []
    for _ in range(runs):
        before = cpu_of_children()
        start = time.perf_counter()
        result = subprocess.run(
            ["make", "--no-print-directory", target], cwd=ROOT, capture_output=True, text=True, check=False
        )
        wall.append(time.perf_counter() - start)
        cpu.append(cpu_of_children() - before)
        if result.returncode:
            raise SystemExit(f"`make {target}` a échoué :\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return {"wall": statistics.median(wall), "cpu": statistics.median(cpu)}


class _Unshared(yaml.SafeDumper):
    """Writes copies in full: the loader refuses YAML aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def multiply(project: Path, factor: int) -> int:
    """Copies each example and scenario, and each checklist item, `factor`
    times over (new ids, same references). Returns the number of items."""
    data = project / "data"

    def rewrite(name: str, change: Callable[[list], list]) -> list:
        records = yaml.safe_load((data / name).read_text(encoding="utf-8"))
        records = change(records)
        text = yaml.dump(records, Dumper=_Unshared, allow_unicode=True, sort_keys=False)
        (data / name).write_text(text, encoding="utf-8")
        return records

    def suffix(n: int) -> str:
        return f"-copie-{n}" if n else ""

    def copies(records: list, references: dict[str, bool] | None = None) -> list:
        """Copy n renames its id, and the ids it refers to (a field: one id,
        or a list of ids), to their copy n: each copy is a consistent set."""
        out = []
        for n in range(factor):
            for record in records:
                copy = {**record, "id": record["id"] + suffix(n)}
                for name, many in (references or {}).items():
                    if record.get(name):
                        copy[name] = [v + suffix(n) for v in record[name]] if many else record[name] + suffix(n)
                out.append(copy)
        return out

    def more_items(checklists: list) -> list:
        for checklist in checklists:
            for group in checklist["groups"]:
                group["items"] = copies(group["items"])
        return checklists

    examples = rewrite("examples.yml", lambda records: copies(records, {"scenario": False}))
    scenarios = rewrite("scenarios.yml", lambda records: copies(records, {"similar_cases": True}))
    checklists = rewrite("checklists.yml", more_items)
    items = sum(len(group["items"]) for checklist in checklists for group in checklist["groups"])
    return len(examples) + len(scenarios) + items


def measure_scaling(work: Path) -> list[dict]:
    rows = []
    for factor in (1, 10, 100):
        project = copy_project(work / f"x{factor}")
        items = multiply(project, factor)
        builds = [timed(lambda p=project: mkdocs_build(p, work / "out")) for _ in range(3)]
        rows.append(
            {"factor": factor, "items": items, "load": load_time(project, 3), "build": statistics.median(builds)}
        )
    return rows


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the built site under its published path, gzip-compressed as a
    production server would, with no cache hints (every load is cold)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SITE_PATH):
            self.send_error(404)
            return
        file = Path(self.translate_path("/" + path.removeprefix(SITE_PATH)))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            self.send_error(404)
            return
        body = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        if file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def gzip_server(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def measure_weight(base_url: str, own: dict[str, int]) -> dict:
    """Bytes and requests of a cold load of each page type, and the gzip size
    of the project's own files it requested (`own`: path from the site root →
    gzip bytes; the browser reports no body size for a worker's script)."""
    rows = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for label, url in PAGE_TYPES.items():
            context = browser.new_context()  # empty cache: a cold load
            page = context.new_page()
            sizes: list[tuple[str, int]] = []

            def finished(request, sizes=sizes) -> None:
                size = request.sizes()
                sizes.append((request.url, size["responseBodySize"], size["responseHeadersSize"]))

            page.on("requestfinished", finished)
            page.goto(base_url + url, wait_until="networkidle")
            context.close()
            index = sum(body + head for address, body, head in sizes if address.endswith(SEARCH_INDEX))
            rest = [(address, body, head) for address, body, head in sizes if not address.endswith(SEARCH_INDEX)]
            rows[label] = {
                "bytes": sum(body + head for _, body, head in rest),
                "requests": len(rest),
                "index": index,
                "own": sum(own.get(path, 0) for path in {a.removeprefix(base_url).split("?")[0] for a, _, _ in rest}),
            }
        browser.close()
    return rows


def own_assets(site: Path) -> dict[str, int]:
    """The project's own CSS and JavaScript (everything not Material's), gzipped."""
    sources = sorted(p for p in (ROOT / "docs").rglob("*") if p.suffix in (".css", ".js"))
    return {
        p.relative_to(ROOT / "docs").as_posix(): len(
            gzip.compress((site / p.relative_to(ROOT / "docs")).read_bytes(), 6, mtime=0)
        )
        for p in sources
    }


CATEGORIES = {"performance": "Perf.", "accessibility": "Access.", "best-practices": "Bonnes pr.", "seo": "SEO"}
DETAILS = {"total-blocking-time": "TBT (ms)", "dom-size": "Éléments"}


def lighthouse(url: str, preset: str, output: Path) -> dict[str, float]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    # What the performance score is made of on these pages: the main thread's
    # blocking time, and the elements whose style and layout cost it.
    return scores | {name: report["audits"][name]["numericValue"] for name in DETAILS}


def measure_lighthouse(base_url: str, work: Path) -> dict:
    rows = {}
    for label, url in PAGE_TYPES.items():
        for preset in ("mobile", "desktop"):
            runs = [lighthouse(base_url + url, preset, work / "lighthouse.json") for _ in range(LIGHTHOUSE_RUNS)]
            names = [*CATEGORIES, *DETAILS]
            rows[label, preset] = {name: statistics.median(run[name] for run in runs) for name in names}
    return rows


def table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def report(
    builds: dict,
    scaling: list[dict],
    weight: dict,
    assets: dict[str, int],
    scores: dict,
    tests: dict[str, float],
    full: dict[str, float] | None,
) -> str:
    pages, wall, cpu = builds["pages"], builds["wall"], builds["cpu"]
    ratio = {name: wall[name] / pages[name] / (wall["stock"] / pages["stock"]) for name in wall}
    cpu_ratio = {name: cpu[name] / pages[name] / (cpu["stock"] / pages["stock"]) for name in cpu}
    load_share = builds["load"] / wall["site"]
    own_total = sum(assets.values())
    heaviest = max(weight.items(), key=lambda item: item[1]["bytes"])
    own_heaviest = max(weight.items(), key=lambda item: item[1]["own"])
    imperfect = [
        f"{label} ({preset}) : {CATEGORIES[name]} {score:.0f}"
        for (label, preset), row in scores.items()
        for name, score in row.items()
        if name in CATEGORIES and score < 100
    ]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    sections = [
        "# Banc d'essai",
        f"Mesuré par `make bench` (commit {commit.strip()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cœurs, {RUNS} constructions par mesure, "
        f"Lighthouse : médiane de {LIGHTHOUSE_RUNS} passages). Charge de la machine à la fin de la mesure "
        f"(moyenne sur 1, 5 et 15 min) : {' / '.join(f'{v:.1f}' for v in os.getloadavg())} ; "
        "au-delà du nombre de cœurs, d'autres travaux ralentissent les mesures de temps.",
        "## Construction",
        "Commande complète `mkdocs build` (démarrage de Python compris), médiane ; "
        "le temps processeur pèse moins les autres charges de la machine.",
        table(
            ["Construction", "Pages", "Durée", "Par page", "Rapport", "Processeur", "Rapport (proc.)"],
            [
                [
                    label,
                    pages[name],
                    f"{wall[name]:.2f} s",
                    f"{wall[name] / pages[name] * 1000:.0f} ms",
                    f"{ratio[name]:.2f} ×",
                    f"{cpu[name]:.2f} s",
                    f"{cpu_ratio[name]:.2f} ×",
                ]
                for name, label in BUILDS.items()
            ],
        ),
        f"Chargement et validation des données (`load_guide`, processus neuf) : {builds['load'] * 1000:.0f} ms, "
        f"soit **{load_share:.1%}** de la construction.",
        f"Avant la première page, importer le greffon mkdocs-macros coûte {builds['imports'][0] * 1000:.0f} ms, "
        "et le paquet `guide_perennisation` du projet (modèles pydantic, gabarits) "
        f"{builds['imports'][1] * 1000:.0f} ms.",
        "## Montée en charge (données synthétiques)",
        table(
            ["Données", "Éléments", "Chargement", "Par élément", "Construction"],
            [
                [
                    f"×{row['factor']}",
                    row["items"],
                    f"{row['load'] * 1000:.0f} ms",
                    f"{row['load'] / row['items'] * 1e6:.0f} µs",
                    f"{row['build']:.2f} s",
                ]
                for row in scaling
            ],
        ),
        "## Poids des pages (chargement à froid, gzip)",
        table(
            ["Page", "Transféré", "Requêtes", "Dont CSS+JS propres"],
            [
                [label, f"{row['bytes'] / KIB:.1f} Kio", row["requests"], f"{row['own'] / KIB:.1f} Kio"]
                for label, row in weight.items()
            ],
        ),
        f"Index de recherche à part : {next(iter(weight.values()))['index'] / KIB:.1f} Kio transférés.",
        "CSS et JavaScript propres au projet (hors Material), gzip. Chaque page ne charge que ceux des "
        "composants qu'elle montre ; les exports de la note (`note-export.js`, `zip.js`) arrivent quand "
        "le lecteur commence à écrire.",
        table(
            ["Fichier", "gzip"],
            [[name, f"{size / KIB:.1f} Kio"] for name, size in assets.items()]
            + [["**Total**", f"**{own_total / KIB:.1f} Kio**"]],
        ),
        "## Tests",
        f"`make test-fast` (données, rendu, une construction ; ni navigateur, ni LibreOffice), "
        f"médiane de {TEST_RUNS} passages : **{tests['wall']:.1f} s** "
        f"({tests['cpu']:.1f} s de processeur). `make test` lance en plus le navigateur, LibreOffice "
        "et les constructions propres à certains tests : "
        + (
            f"un passage, **{full['wall']:.0f} s** ({full['cpu']:.0f} s de processeur)."
            if full
            else "non mesuré ici (`BENCH_FULL_TEST=1 make bench` le mesure, une fois)."
        ),
        lighthouse_section(scores),
        "## Objectifs",
        table(
            ["Objectif", "Mesure", "Atteint"],
            [
                ["Lighthouse 100 partout", "; ".join(imperfect) or "100 partout", "oui" if not imperfect else "non"],
                [
                    "CSS+JS propres ≤ 15 Kio gzip (par page)",
                    f"{own_heaviest[0]} : {own_heaviest[1]['own'] / KIB:.1f} Kio "
                    f"(tous les fichiers réunis : {own_total / KIB:.1f} Kio)",
                    yes(own_heaviest[1]["own"] <= 15 * KIB),
                ],
                [
                    "Aucune page > 100 Kio (index à part)",
                    f"{heaviest[0]} : {heaviest[1]['bytes'] / KIB:.1f} Kio",
                    yes(heaviest[1]["bytes"] <= 100 * KIB),
                ],
                [
                    "Construction par page ≤ 1,3 × l'origine",
                    f"{ratio['site']:.2f} × ({cpu_ratio['site']:.2f} × proc.)",
                    yes(ratio["site"] <= 1.3),
                ],
                ["Données ≤ 5 % de la construction", f"{load_share:.1%}", yes(load_share <= 0.05)],
                [
                    f"`make test-fast` ≈ {TEST_FAST_TARGET} s",
                    f"{tests['wall']:.1f} s ({tests['cpu']:.1f} s proc.)",
                    yes(tests["wall"] <= TEST_FAST_TARGET),
                ],
                [
                    f"`make test` ≤ {TEST_TARGET // 60} min",
                    f"{full['wall']:.0f} s ({full['cpu']:.0f} s proc.)" if full else "non mesuré",
                    yes(full["wall"] <= TEST_TARGET) if full else "?",
                ],
            ],
        ),
    ]
    return "\n\n".join(sections) + "\n"


def lighthouse_section(scores: dict) -> str:
    return "\n\n".join(
        [
            "## Lighthouse 12",
            table(
                ["Page", "Profil", *CATEGORIES.values(), *DETAILS.values()],
                [
                    [label, preset, *(f"{row[name]:.0f}" for name in [*CATEGORIES, *DETAILS])]
                    for (label, preset), row in scores.items()
                ],
            ),
        ]
    )


def lighthouse_only() -> int:
    """`BENCH_ONLY=lighthouse make bench`: Lighthouse alone, on a fresh build,
    its section of bench/results.md replaced and dated by its own commit."""
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        work = Path(temporary)
        site = work / "site"
        mkdocs_build(copy_project(work / "final"), site)
        with gzip_server(site) as base_url:
            scores = measure_lighthouse(base_url, work)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    section = lighthouse_section(scores) + (
        f"\n\nMesuré seul (`BENCH_ONLY=lighthouse`, commit {commit.strip()}, médiane de {LIGHTHOUSE_RUNS} passages, "
        f"charge à la fin : {' / '.join(f'{v:.1f}' for v in os.getloadavg())})."
    )
    results = ROOT / "bench" / "results.md"
    text = results.read_text(encoding="utf-8")
    start = text.index("## Lighthouse 12")
    end = text.index("\n## ", start + 1)
    results.write_text(text[:start] + section + text[end:], encoding="utf-8")
    print(section)
    return 0


def yes(condition: bool) -> str:
    return "oui" if condition else "non"


def main() -> int:
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} est introuvable : lancez `make bench`, qui l'installe.", file=sys.stderr)
        return 1
    if os.environ.get("BENCH_ONLY") == "lighthouse":
        return lighthouse_only()
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        work = Path(temporary)
        print("Constructions…", flush=True)
        builds = measure_builds(work)
        print("make test-fast…", flush=True)
        tests = measure_make("test-fast", TEST_RUNS)
        full = None
        if FULL_TEST:
            print("make test…", flush=True)
            full = measure_make("test", 1)
        print("Montée en charge…", flush=True)
        scaling = measure_scaling(work)
        site = work / "site"
        mkdocs_build(copy_project(work / "final"), site)
        assets = own_assets(site)
        with gzip_server(site) as base_url:
            print("Poids des pages…", flush=True)
            weight = measure_weight(base_url, assets)
            print("Lighthouse…", flush=True)
            scores = measure_lighthouse(base_url, work)
    text = report(builds, scaling, weight, assets, scores, tests, full)
    (ROOT / "bench" / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
