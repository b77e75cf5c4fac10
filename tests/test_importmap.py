"""The `import-map` kind: its model and every map problem at MAP:LINE:COL (SPEC §10)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import Runner
from importkit import MAP, project

from journey.catalog import bundled_root, load_catalog
from journey.errors import InvalidInput
from journey.importing import load_map
from journey.importmap import reads_back
from journey.messages import render_problem


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def problems_of(tmp_path: Path, text: str, buildings: tuple[str, ...] = ("T1", "T2")) -> list[str]:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_map(str(path), load_catalog(), buildings)
    return [render_problem(p, "en") for p in caught.value.problems]


def test_the_spec_example_map_is_sound(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(MAP, encoding="utf-8")
    loaded = load_map(str(path), load_catalog(), ("T1", "T2", "T3"))
    assert loaded.model.id == "app"
    assert loaded.model.columns.mapped()["unit"] == ("房号", "房间号")
    assert loaded.path == path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  status: 状态\n", "  stauts: 状态\n",
         "map.yaml:9:3: error: columns.stauts: unknown field `stauts` (did you mean `status`?)"),
        ("item: AC-CIV-001}", "item: AC-CIV-091}",
         "map.yaml:18:26: error: items[0].item: unknown checklist item `AC-CIV-091` (did you "
         "mean `AC-CIV-021`?)"),
        ("已整改: rectified", "已整改: rectifed",
         "map.yaml:21:28: error: statuses.已整改: `rectifed` is not one of 'open', 'rectified', "
         "'verified', 'reopened' or 'disputed' (did you mean `rectified`?)"),
        ("{regex: '^门窗'", "{regex: '^(门窗'",
         "map.yaml:20:13: error: items[2].regex: `^(门窗` is not a valid regular expression: "
         "missing ), unterminated subpattern at position 1"),
        ("building: 'T{1}'", "building: 'T{2}'",
         "map.yaml:25:37: error: buildings[1].building: `T{2}` uses the group {2}, but the regex "
         "has 1 group"),
        ("{equals: 一期1栋, building: T1}", "{equals: 一期1栋, building: T9}",
         "map.yaml:24:30: error: buildings[0].building: unknown building `T9`"),
        ("{equals: 一期1栋, building: T1}", "{equals: 一期1栋, building: 'T{1}'}",
         "map.yaml:24:30: error: buildings[0].building: `T{1}` fills in a regex group, but this "
         "rule has no `regex`; write the building's name, or match with `regex`"),
        ("ids: {column: 问题编号, prefix: MY-}", "ids: {prefix: MY-}",
         "map.yaml:16:6: error: ids: give either `column` (the source column holding the id) or "
         "`from` (the fields hashed into an id), not both or neither"),
        ("ids: {column: 问题编号, prefix: MY-}", "ids: {from: [building, floor]}",
         "map.yaml:16:24: error: ids.from[1]: `floor` is not mapped under `columns`; an id can "
         "be made only from mapped fields"),
        ("ids: {column: 问题编号, prefix: MY-}", "ids: {form: [building]}",
         "map.yaml:16:7: error: ids.form: unknown field `form` (did you mean `from`?)"),
        ("  photo: 照片\n", "  photo: 问题描述\n",
         "map.yaml:15:10: error: columns.photo: the header `问题描述` is already mapped to "
         "`description`; a source column fills one field"),
        ("'%Y.%m.%d'", "'yyyy.mm.dd'",
         "map.yaml:26:41: error: date_formats[2]: `yyyy.mm.dd` is not a date format that reads "
         "a date back; use strptime codes such as %Y/%m/%d or %Y年%m月%d日"),
        ("{equals: 墙面空鼓, item", "{equals: 墙面空鼓, regex: 空鼓, item",
         "map.yaml:18:5: error: items[0]: give exactly one of `equals`, `contains` or `regex`"),
    ],
)  # fmt: skip
def test_each_map_problem_names_its_place(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in MAP
    assert problems_of(tmp_path, MAP.replace(old, new)) == [message]


def test_every_problem_at_once_in_chinese(tmp_path: Path) -> None:
    text = MAP.replace("item: AC-CIV-001}", "item: AC-CIV-091}").replace("'^门窗'", "'^(门窗'")
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_map(str(path), load_catalog(), ())
    assert [render_problem(p, "zh") for p in caught.value.problems] == [
        "map.yaml:18:26: error: items[0].item: 未知的检查项 `AC-CIV-091`（您是不是要写 `AC-CIV-021`？）",
        "map.yaml:20:13: error: items[2].regex: `^(门窗` 不是有效的正则表达式：missing ), "
        "unterminated subpattern at position 1",
    ]


def test_a_refused_character_and_the_wrong_kind(tmp_path: Path) -> None:
    assert problems_of(tmp_path, MAP.replace("prefix: MY-", 'prefix: "MY\\x1b-"')) == [
        "map.yaml:16:29: error: ids.prefix: the control character U+001B is not allowed in "
        "YAML; delete it"
    ]
    # A line break is fine in YAML text, not in a prefix that ends up in every finding id.
    assert problems_of(tmp_path, MAP.replace("prefix: MY-", 'prefix: "MY\\n-"')) == [
        "map.yaml:16:29: error: ids.prefix: holds the character U+000A; delete it"
    ]
    assert problems_of(tmp_path, "kind: project\nid: x\n") == [
        "map.yaml:1:7: error: kind: a `project` file does not belong here; expected import-map"
    ]


def test_date_formats_must_read_a_date_back() -> None:
    assert reads_back("%Y/%m/%d") and reads_back("%Y年%m月%d日") and reads_back("%d.%m.%Y")
    assert not reads_back("%Y/%m") and not reads_back("%H:%M") and not reads_back("date")


def test_maps_in_a_catalog_load_and_are_checked_with_it(tmp_path: Path, run: Runner) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(bundled_root(), catalog, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (catalog / "maps").mkdir()
    (catalog / "maps" / "app.yaml").write_text(MAP, encoding="utf-8")
    loaded = load_catalog(catalog)
    assert list(loaded.import_maps) == ["app"]
    assert run("validate", str(catalog)).code == 0
    (catalog / "maps" / "other.yaml").write_text(
        MAP.replace("id: app", "id: other").replace("AC-CIV-001}", "AC-CIV-091}"), encoding="utf-8"
    )
    result = run("validate", str(catalog))
    assert result.code == 2
    assert "maps/other.yaml:2:5: error" not in result.err
    assert "maps/other.yaml:18:26: error: items[0].item: unknown checklist item `AC-CIV-091`" in (
        result.err
    )


def test_validate_checks_a_map_beside_a_project(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path, MAP.replace("AC-INS-016", "AC-INS-061"))
    result = run("validate", str(folder / "map.yaml"))
    assert result.code == 2
    assert result.err.startswith(
        "p/map.yaml:20:26: error: items[2].item: unknown checklist item `AC-INS-061` "
        "(did you mean `AC-INS-026`?)"
    )


def test_a_building_the_project_lacks_is_a_map_problem(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path, MAP.replace("building: T1}", "building: T7}"))
    export = tmp_path / "export.csv"
    export.write_text("楼栋\n", encoding="utf-8")
    result = run("import", str(export), "--map", str(folder / "map.yaml"), "--project",
                 str(folder), "-o", str(folder / "findings" / "x.csv"))  # fmt: skip
    assert result.code == 2
    assert result.err.startswith(
        "p/map.yaml:24:30: error: buildings[0].building: unknown building `T7`\n"
    )
