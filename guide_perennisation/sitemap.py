"""The sitemap for search engines (sitemap.xml and its .gz), dated like the pages.

Engines date every entry with the day of the build. The post-build step
writes each page's own date instead (page_info.py), so that every build of
a commit is identical, and writes the .gz again, timestamped with the
newest of those dates, as MkDocs does: byte for byte the same file from
the same sitemap.
"""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from lxml import etree

NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def set_sitemap_dates(site_dir: Path, dates: dict[str, dt.date]) -> None:
    """Dates each entry whose address is in `dates`; writes the .gz from the result."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    root = etree.parse(str(sitemap)).getroot()
    for url in root.iterfind("s:url", NAMESPACE):
        lastmod = url.find("s:lastmod", NAMESPACE)
        day = dates.get(url.findtext("s:loc", namespaces=NAMESPACE) or "")
        if lastmod is not None and day is not None:
            lastmod.text = day.isoformat()
    text = DECLARATION + etree.tostring(root, encoding="unicode")
    if text != sitemap.read_text(encoding="utf-8"):
        sitemap.write_text(text, encoding="utf-8")
    newest = max(
        (dt.date.fromisoformat(d) for d in root.xpath("//s:lastmod/text()", namespaces=NAMESPACE)), default=None
    )
    mtime = int(dt.datetime.combine(newest, dt.time(), dt.UTC).timestamp()) if newest else 0
    with (
        (site_dir / "sitemap.xml.gz").open("wb") as out,
        gzip.GzipFile(fileobj=out, filename=str(site_dir / "sitemap.xml.gz"), mode="wb", mtime=mtime) as archive,
    ):
        archive.write(text.encode("utf-8"))
