"""Links on every built page (RGAA theme 6)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from .conftest import site_pages


def link_text(link: lxml.html.HtmlElement) -> str:
    """What stands between <a> and </a> for a reader: text, or the
    alternative of an image; not a title, not what is hidden."""
    parts = [link.text or ""]
    for child in link:
        if child.get("aria-hidden") == "true":
            pass
        elif child.tag == "img":
            parts.append(child.get("alt") or "")
        elif isinstance(child.tag, str):
            parts.append(link_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


@pytest.mark.rgaa("6.2")
def test_every_link_has_a_text_between_its_tags(site_dir: Path) -> None:
    """RGAA 6.2.1: each link holds its name (a text or an image's
    alternative) between <a> and </a>; a title alone is not one. An anchor
    without href is no link (the criterion's technical note)."""
    problems = []
    for page in [*site_pages(site_dir), site_dir / "404.html"]:
        root = lxml.html.parse(str(page)).getroot()
        for link in root.iter("a"):
            if link.get("href") is not None and not link_text(link):
                where = page.relative_to(site_dir)
                problems.append(f"{where}: <a href={link.get('href')!r} class={link.get('class')!r}>")
    assert problems == []
