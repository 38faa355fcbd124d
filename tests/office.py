"""OpenDocument checks shared by the note tests: the package read as the
standard says, and LibreOffice's own reading of it (converted to PDF)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

MIMETYPE = b"application/vnd.oasis.opendocument.text"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
NS = {"text": TEXT, "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}


def odf_parts(package: bytes) -> dict[str, ET.Element]:
    """Checks the package's envelope; returns its XML parts, parsed (so well-formed)."""
    archive = zipfile.ZipFile(io.BytesIO(package))
    assert archive.testzip() is None, "an entry's CRC does not match its data"
    first = archive.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert first.extra == b""
    assert archive.read(first) == MIMETYPE
    # The mimetype's bytes sit at offset 38, where tools sniff them.
    assert package[30:38] == b"mimetype" and package[38 : 38 + len(MIMETYPE)] == MIMETYPE
    manifest = ET.fromstring(archive.read("META-INF/manifest.xml"))
    listed = {e.get("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path") for e in manifest}
    assert {"/", "content.xml", "styles.xml", "meta.xml"} <= listed
    return {name: ET.fromstring(archive.read(name)) for name in ("content.xml", "styles.xml", "meta.xml")}


def headings(content: ET.Element) -> list[tuple[int, str]]:
    """Every text:h of content.xml: (outline level, text)."""
    return [(int(h.get(f"{{{TEXT}}}outline-level", "0")), "".join(h.itertext())) for h in content.iter(f"{{{TEXT}}}h")]


def words(text: str) -> str:
    """Text as a stream of words: PDF lines wrap anywhere."""
    return re.sub(r"\s+", " ", text).strip()


def libreoffice_text(documents: list[Path], work: Path) -> dict[Path, str]:
    """Each document converted to PDF by LibreOffice, then read by pdftotext.
    One LibreOffice run for all of them: it is slow to start."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office:
        pytest.fail("LibreOffice est introuvable : lancez `make test`, qui l'installe (libreoffice-writer-nogui).")
    out = work / "pdf"
    # A profile of its own: another LibreOffice running on the machine is never disturbed.
    profile = (work / "profile").as_uri()
    command = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out)]
    result = subprocess.run([*command, *map(str, documents)], capture_output=True, text=True, timeout=300, check=False)
    texts = {}
    for document in documents:
        pdf = out / (document.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice n'a pas converti {document.name} : {result.stdout} {result.stderr}"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        texts[document] = words(text)
    return texts
