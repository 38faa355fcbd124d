"""Images on every built page (RGAA theme 1): the theme's icons are hidden
from assistive technologies, and every image has a text alternative that
says something. A page of ours that adds an image must keep to this too."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from .conftest import mkdocs_config, site_pages

SVG = "{http://www.w3.org/2000/svg}"


def pages(site_dir: Path) -> list[tuple[str, lxml.html.HtmlElement]]:
    files = [*site_pages(site_dir), site_dir / "404.html"]
    return [(p.relative_to(site_dir).as_posix(), lxml.html.parse(str(p)).getroot()) for p in files]


def named(element: lxml.html.HtmlElement) -> bool:
    titles = [t for t in element if t.tag in ("title", f"{SVG}title")]
    return bool(element.get("aria-label", "").strip() or element.get("aria-labelledby") or titles)


@pytest.mark.rgaa("1.1", "1.2")
def test_every_svg_is_either_hidden_or_an_image_with_a_name(site_dir: Path) -> None:
    """RGAA 1.2.4 (a decorative svg has aria-hidden="true" and no text
    alternative) and 1.1.5 (an informative one has role="img" and one)."""
    problems = []
    for page, root in pages(site_dir):
        for svg in root.iter("svg", f"{SVG}svg"):
            parent = svg.getparent()
            where = f"{page}: svg in <{parent.tag} class={parent.get('class')!r}>"
            if svg.get("aria-hidden") == "true":
                if named(svg) or svg.get("role") == "img":
                    problems.append(f"{where}: hidden, yet given a name or role=img")
            elif not (svg.get("role") == "img" and named(svg)):
                problems.append(f"{where}: neither aria-hidden nor role=img with a name")
    assert problems == []


@pytest.mark.rgaa("1.1", "1.3")
def test_every_img_has_a_meaningful_alternative(site_dir: Path) -> None:
    """Every <img> has an alt; the only images are the logo, whose link goes
    home: its alternative is the site's name, not « logo » (RGAA 1.3)."""
    site_name = mkdocs_config()["site_name"]
    problems = []
    for page, root in pages(site_dir):
        for img in root.iter("img"):
            alt = img.get("alt")
            if alt is None:
                problems.append(f"{page}: {img.get('src')} has no alt")
            elif "md-logo" in (img.getparent().get("class") or "") and alt != site_name:
                problems.append(f"{page}: the logo's alt is « {alt} », not « {site_name} »")
            elif alt.strip().lower() in ("logo", "image", "icone", "icône") or alt.endswith((".svg", ".png")):
                problems.append(f"{page}: {img.get('src')} alt « {alt} » says nothing")
    assert problems == []
