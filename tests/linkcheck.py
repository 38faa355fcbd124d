"""Links of the built site.

Every internal link (href, src, the sitemap's locations) must reach a file of
the site, and its #anchor an id of that file: `test_links.py` checks it on
every build. External links are listed by `make linkcheck`, which also
checks them when there is a network.

    python -m tests.linkcheck SITE_DIR [--no-check]
"""

from __future__ import annotations

import re
import socket
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from mkdocs.utils.yaml import yaml_load

from .dom import read_page

ROOT = Path(__file__).resolve().parent.parent
# Attributes that make the browser (or the reader) fetch another URL.
LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("form", "action")}


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


def _read(path: Path) -> _Page:
    page = _Page()
    for element in read_page(path).iter(etree.Element):
        for name, value in element.items():
            if name == "id" or (element.tag == "a" and name == "name"):
                page.ids.add(value)
            elif (element.tag, name) in LINKING:
                page.links.append(value)
    return page


@dataclass
class Site:
    """A built site, read once: each file's ids and links."""

    directory: Path
    url: str
    pages: dict[str, _Page] = field(default_factory=dict)

    @classmethod
    def read(cls, directory: Path, url: str) -> Site:
        site = cls(directory, url if url.endswith("/") else url + "/")
        for path in sorted(directory.rglob("*.html")):
            site.pages[path.relative_to(directory).as_posix()] = _read(path)
        sitemap = directory / "sitemap.xml"
        if sitemap.exists():
            locations = etree.parse(sitemap).xpath("//*[local-name() = 'loc']/text()")
            site.pages["sitemap.xml"] = _Page(links=[location.strip() for location in locations])
        return site

    def page_url(self, name: str) -> str:
        return self.url + re.sub(r"(^|/)index\.html$", r"\1", name)

    def target(self, path: str) -> str | None:
        """The file a path of the site serves, if there is one."""
        file = self.directory / unquote(path)
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            return None
        return file.relative_to(self.directory).as_posix()

    def internal_problems(self) -> list[str]:
        """Internal links that lead nowhere: one line each, `page: link: why`."""
        problems = []
        for name, page in self.pages.items():
            for link in page.links:
                absolute = urljoin(self.page_url(name), link)
                if not absolute.startswith(self.url):
                    if is_relative(link):  # a path of the site's host that the site does not hold
                        problems.append(f"{name}: {link}: hors du site")
                    continue
                parts = urlsplit(absolute)
                target = self.target(parts.path.removeprefix(urlsplit(self.url).path))
                if target is None:
                    problems.append(f"{name}: {link}: aucun fichier")
                elif parts.fragment and unquote(parts.fragment) not in self.pages.get(target, _Page()).ids:
                    problems.append(f"{name}: {link}: pas d'ancre #{unquote(parts.fragment)} dans {target}")
        return problems

    def external_links(self) -> dict[str, list[str]]:
        """Every link to another site, with the pages that carry it."""
        found: dict[str, list[str]] = defaultdict(list)
        for name, page in self.pages.items():
            for link in page.links:
                absolute = urljoin(self.page_url(name), link)
                external = urlsplit(absolute).scheme in ("http", "https") and not absolute.startswith(self.url)
                if external and name not in found[absolute]:
                    found[absolute].append(name)
        return dict(sorted(found.items()))


def is_relative(link: str) -> bool:
    """A link without a scheme or a host: it stays on the page's host."""
    parts = urlsplit(link)
    return not parts.scheme and not parts.netloc


class Offline(Exception):
    """No network: the host's name could not even be resolved."""


def check(url: str, timeout: float = 15) -> str | None:
    """None if the URL answers, else what went wrong."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": "guide-perennisation-linkcheck"})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            if method == "GET" or error.code not in (403, 405, 501):
                return f"HTTP {error.code}"
        except urllib.error.URLError as error:
            if isinstance(error.reason, socket.gaierror):
                raise Offline(str(error.reason)) from None
            return str(error.reason)
        except TimeoutError:
            return "délai dépassé"
    return None


def check_all(urls: list[str]) -> dict[str, str]:
    """Broken URLs and why. Raises Offline when the first one cannot be tried."""
    if not urls:
        return {}
    first = check(urls[0])
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(urls[1:], pool.map(_check_or_offline, urls[1:]), strict=True))
    results[urls[0]] = first
    return {url: why for url, why in results.items() if why}


def _check_or_offline(url: str) -> str | None:
    try:
        return check(url)
    except Offline as error:
        return f"injoignable ({error})"


def main(argv: list[str]) -> int:
    paths = [arg for arg in argv if not arg.startswith("--")]
    directory = Path(paths[0]) if paths else ROOT / "site"
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        site = Site.read(directory, yaml_load(file)["site_url"])
    internal = site.internal_problems()
    for problem in internal:
        print(f"LIEN INTERNE CASSÉ {problem}")
    external = site.external_links()
    print(f"{len(external)} liens externes :")
    for url, pages in external.items():
        print(f"  {url}  ({', '.join(pages[:3])}{', …' if len(pages) > 3 else ''})")
    if "--no-check" in argv:
        return 1 if internal else 0
    try:
        broken = check_all(list(external))
    except Offline as error:
        print(f"Pas de réseau ({error}) : liens externes listés, non vérifiés.")
        return 1 if internal else 0
    for url, why in broken.items():
        print(f"LIEN EXTERNE CASSÉ {url} : {why}  ({', '.join(external[url][:3])})")
    print(f"{len(external) - len(broken)} liens externes répondent, {len(broken)} cassés.")
    return 1 if broken or internal else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
