"""Shared fixtures: one strict build per session, served over http, and a
headless Debian Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(
    project: Path, destination: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `destination`."""
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


@functools.cache
def mkdocs_config() -> dict:
    """mkdocs.yml as the build reads it (`!ENV` resolved), without validation."""
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        return yaml_load(f)


# The path the site is published under: tests serve it there too, so that
# absolute links (the 404 page has only those) resolve as they will online.
SITE_PATH = urlsplit(mkdocs_config()["site_url"]).path


def copy_project(destination: Path) -> Path:
    """What a build reads, copied without .git: a project with no history."""
    for name in ("data", "docs", "guide_perennisation", "overrides"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, destination)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return destination


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
