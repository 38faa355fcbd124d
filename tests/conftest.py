"""Shared fixtures: one strict build per session, served over http, and a
headless Debian Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def interface_records() -> list:
    """The interface's words (data/interface.yml), for the small guides the
    tests build: every component renders its words from them."""
    import yaml

    from guide_perennisation.models.interface import Interface

    raw = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))
    return [Interface.model_validate(record) for record in raw]


os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# Test tiers (`make test-fast` deselects all three; `make test` runs everything).
# `browser` is set here for every test under tests/browser/; `office` and
# `build` are written on the tests themselves, and build_site() refuses to run
# for a test without `build`, so that the fast tier keeps to one build.
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"
_running: pytest.Item | None = None


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.xdist_group(_worker_group(item)))


def _worker_group(item: pytest.Item) -> str:
    """Under pytest-xdist (`--dist loadgroup`), the tests that share a group
    run in one worker, so that an expensive fixture is set up once: a file's
    tests share its module fixtures (a site of their own), and the gates that
    read one scheme×width visit of every page (`site_audit`) share that visit,
    and so do the tests of one other site (Zensical's in tests/test_engines.py
    and tests/browser/test_engines.py, `undated_site`, `next_version`)."""
    if "site_audit" in item.fixturenames:
        params = item.callspec.params
        return f"site-audit-{params['scheme']}-{params['width']}"
    for shared in ("zensical_site", "undated_site", "next_version"):
        if shared in item.fixturenames:
            return shared
    return item.path.relative_to(ROOT).as_posix()


class _GroupSuffix:
    """pytest-xdist 3.8 names a test's group by appending « @group » to
    `item._nodeid`, which pytest 9.2 no longer reads: a node id is now
    structured (`item._id`). Its loadgroup scheduling then saw no group, and
    spread each over both workers, which ran the group's fixture twice (a
    whole site audit per scheme and width). This sets the suffix where
    pytest 9.2 reads it, after xdist's attempt, unless that one worked."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        from _pytest.nodeid import NodeId

        for item in items:
            mark = item.get_closest_marker("xdist_group")
            if mark and "@" not in item.nodeid:
                item._id = NodeId.parse(f"{item.nodeid}@{mark.args[0]}")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("loadgroup", default=False):  # set by pytest-xdist in its workers
        config.pluginmanager.register(_GroupSuffix(), "group-suffix")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    global _running
    _running = item
    try:
        return (yield)
    finally:
        _running = None


def build_site(
    project: Path, destination: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `destination`, for a test
    marked `build` (a site of its own, beyond the session's `site_dir`)."""
    _require_build_mark()
    return _mkdocs_build(project, destination, extra_env)


def _require_build_mark() -> None:
    if _running is not None and _running.get_closest_marker("build") is None:
        pytest.fail(f"{_running.nodeid} construit un site : marquez-le @pytest.mark.build (voir tests/conftest.py)")


def _mkdocs_build(
    project: Path, destination: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q"]
    return subprocess.run(
        [*command, "-f", str(project / "mkdocs.yml"), "-d", str(destination)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's YAML, with its `!ENV` tag as every engine reads it
    (`!ENV NAME` or `!ENV [NAME, …, default]`): without importing MkDocs, so
    that the core's own tests also run in the Zensical virtualenv."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)
    return next((os.environ[name] for name in names if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env_tag)


@functools.cache
def mkdocs_config() -> dict:
    """mkdocs.yml as the build reads it (`!ENV` resolved), without validation."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_ConfigLoader)


# The path the site is published under: tests serve it there too, so that
# absolute links (the 404 page has only those) resolve as they will online.
SITE_PATH = urlsplit(mkdocs_config()["site_url"]).path


def copy_project(destination: Path) -> Path:
    """What a build reads, copied without .git: a project with no history."""
    for name in ("data", "docs", "guide_perennisation", "overrides"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@dataclass(frozen=True)
class Build:
    site: Path
    stderr: str


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The session's one strict build of the project as it stands: the site,
    and what the build printed, for the tests that read either."""
    if importlib.util.find_spec("mkdocs") is None:
        # `make test` runs the core's tests again in Zensical's virtualenv,
        # where MkDocs is absent on purpose: a test of MkDocs' site is not one.
        pytest.skip("MkDocs absent (environnement de Zensical) : ce test lit le site construit par MkDocs")
    destination = tmp_path_factory.mktemp("site")
    result = _mkdocs_build(ROOT, destination)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return Build(destination, result.stderr)


@pytest.fixture(scope="session")
def site_dir(site_build: Build) -> Path:
    return site_build.site


# 2030-06-01 09:30 UTC: far ahead of every fact's « vérifié le », and not at
# midnight, so that what is dated by its day shows the hour dropped.
UNDATED_EPOCH = int(dt.datetime(2030, 6, 1, 9, 30, tzinfo=dt.UTC).timestamp())


@pytest.fixture(scope="session")
def undated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with no git at all, built with SOURCE_DATE_EPOCH
    set far ahead (UNDATED_EPOCH), as a packager would: one build shared by
    the tests of dates without history (page foot, freshness, note files)."""
    project = copy_project(tmp_path_factory.mktemp("undated"))
    result = build_site(project, project / "site", {"SOURCE_DATE_EPOCH": str(UNDATED_EPOCH)})
    assert result.returncode == 0, "l'âge des faits ne fait jamais échouer la construction\n" + result.stderr
    return project / "site"


ZENSICAL = ROOT / ".venv-zensical" / "bin" / "python"


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same sources built by Zensical (its own virtualenv, `make
    .venv-zensical/.site`), then by the post-build step, for tests marked `build`.

    Zensical has no `-d`: it writes its site, and a cache, inside the project
    folder, so it builds a copy. The copy has no git history: the build takes
    the day of the last commit from SOURCE_DATE_EPOCH, as MkDocs' build of the
    project takes it from git, so that both mark the same facts as stale; the
    post-build step reads the project itself, for the pages' dates."""
    _require_build_mark()
    if not ZENSICAL.is_file():
        pytest.fail("Zensical n'est pas installé : lancer `make .venv-zensical/.site` (ou `make test`)")
    project = copy_project(tmp_path_factory.mktemp("zensical-project"))
    head = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True)
    commands = {
        ("zensical", "build", "--clean", "-f", "mkdocs.yml"): {"SOURCE_DATE_EPOCH": head.stdout.strip()},
        ("guide_perennisation.postbuild", "site", "--project", str(ROOT)): {},
    }
    for command, extra_env in commands.items():
        env = {**extra_env, **os.environ, "NO_COLOR": "1"}
        result = subprocess.run(
            [str(ZENSICAL), "-m", *command], cwd=project, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
    return project / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    mount = "/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return str(Path(self.directory) / "404.html.missing")
        return super().translate_path("/" + path.removeprefix(self.mount))


@contextlib.contextmanager
def serve(directory: Path, mount: str = "/") -> Iterator[str]:
    """Serve a built site on a free loopback port under `mount`; yield its base URL."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"mount": mount}), directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir, SITE_PATH) as url:
        yield url


def site_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of the built site, except the 404 page."""
    return sorted(p for p in site_dir.rglob("index.html"))


def site_urls(site_dir: Path) -> list[str]:
    """Every page of the built site as a URL relative to the site's root,
    the 404 page included: "" for the home page, "comprendre/pourquoi/", …"""
    pages = [p.parent.relative_to(site_dir).as_posix() + "/" for p in site_pages(site_dir)]
    return [p.removeprefix("./") for p in pages] + ["404.html"]
