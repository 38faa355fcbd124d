"""JSON Schemas of the data files: generated from the models, never stale."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from guide_perennisation.guide import COLLECTIONS
from guide_perennisation.schemas import expected_files, schema_path, stale_files, write

from .conftest import ROOT


def test_schemas_are_up_to_date_with_the_models() -> None:
    stale = stale_files(ROOT)
    assert not stale, f"schémas périmés : {stale} ; lancez `make schemas`"


def test_every_data_file_points_its_editor_at_its_schema() -> None:
    for collection in COLLECTIONS:
        first_line = (ROOT / "data" / f"{collection}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../{schema_path(collection)}"
        assert (ROOT / schema_path(collection)).is_file()


def test_schema_describes_a_list_of_records_that_refuse_unknown_keys() -> None:
    examples = json.loads((ROOT / schema_path("examples")).read_text(encoding="utf-8"))
    assert examples["type"] == "array"
    record = examples["$defs"][examples["items"]["$ref"].rsplit("/", 1)[1]]
    assert record["additionalProperties"] is False
    assert {"id", "name", "programme", "status", "situation", "outcome", "sources", "consulted"} <= set(
        record["required"]
    )
    assert record["properties"]["consulted"]["format"] == "date"


def test_a_stale_or_leftover_schema_is_reported_and_rewritten(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / schema_path("examples")).write_text("{}\n", encoding="utf-8")
    (tmp_path / "schemas" / "removed.schema.json").write_text("{}\n", encoding="utf-8")
    assert stale_files(tmp_path) == [schema_path("examples"), "schemas/removed.schema.json"]
    write(tmp_path)
    assert stale_files(tmp_path) == []
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(Path(p).name for p in expected_files())
