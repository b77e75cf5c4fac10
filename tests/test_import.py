"""`journey import` (SPEC §10): every source row once, stable output, reasons, refusals."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from helpers import Outcome, Runner
from importkit import HEADER, csv_text, project, read_csv, row, xlsx

from journey.catalog import load_catalog
from journey.findings import ALL_COLUMNS, read_findings


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def do_import(
    run: Runner, folder: Path, *sources: Path | str, extra: tuple[str, ...] = ()
) -> Outcome:
    out = folder / "findings" / "imported.csv"
    return run(
        "import", *(str(s) for s in sources), "--map", str(folder / "map.yaml"),
        "--project", str(folder), "-o", str(out), *extra,
    )  # fmt: skip


def source(folder: Path, rows: list[list[str]], name: str = "export.csv") -> Path:
    path = folder.parent / name
    path.write_text(csv_text(rows), encoding="utf-8")
    return path


# One export with a row of every kind: good ones, and one for each reason to reject.
EVERY_KIND = [
    row(),  # line 2: imported
    row(问题编号="Q02", 楼栋="一期1栋", 问题分类="其他", 问题描述="卫生间外墙渗水", 状态="已复验",
        登记时间="2026/10/5", 关闭时间="2026/10/9", 严重程度="", 照片=""),  # line 3: imported
    row(问题编号="Q03", 楼栋="2#", 问题分类="门窗五金", 问题描述="窗扇关不严", 状态="返修",
        登记时间="2026年10月5日", 严重程度="严重", 照片="https://photos.example.com/q03.jpg"),
    row(问题编号="Q04", 问题分类="地漏", 问题描述="地漏返味"),  # no_item
    row(问题编号="Q05", 状态="作废"),  # unknown_status
    row(问题编号="Q06", 状态=""),  # no_status
    row(问题编号="Q07", 楼栋="9#楼"),  # unknown_building
    row(问题编号="Q08", 楼栋=""),  # no_building
    row(问题编号="Q09", 登记时间="2026-13-01"),  # bad_date
    row(问题编号="Q10", 登记时间=""),  # no_found
    row(问题编号="Q11", 关闭时间="2026-10-01", 状态="已复验"),  # closed_before_found
    row(问题编号="Q12", 严重程度="致命"),  # unknown_severity
    row(问题编号="Q13", 照片="http://photos.example.com/q13.jpg"),  # bad_photo
    row(问题编号=""),  # no_id
    row(房号="209"),  # duplicate_id: Q01 again
]  # fmt: skip
REASONS = [
    "no_item", "unknown_status", "no_status", "unknown_building", "no_building", "bad_date",
    "no_found", "closed_before_found", "unknown_severity", "bad_photo", "no_id", "duplicate_id",
]  # fmt: skip


def test_every_row_lands_in_exactly_one_place(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    path = source(folder, [*EVERY_KIND[:8], [""] * len(HEADER), *EVERY_KIND[8:]])
    result = do_import(run, folder, path)
    assert result.code == 0, result.err
    found = read_csv(folder / "findings" / "imported.csv")
    rejected = read_csv(folder / "findings" / "imported.rejects.csv")
    assert [r["id"] for r in found] == ["MY-Q01", "MY-Q02", "MY-Q03"]
    assert [r["reason"] for r in rejected] == REASONS
    lines = [int(r["source"].rsplit(":", 1)[1]) for r in [*found, *rejected]]
    assert sorted(lines) == [2, 3, 4, *range(5, 10), *range(11, 18)]  # line 10 is empty
    assert "read 15 rows from 1 file: 3 imported, 12 rejected" in result.err
    for reason in REASONS:
        assert f"      1  {reason} " in result.err


def test_what_an_imported_row_becomes(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    do_import(run, folder, source(folder, EVERY_KIND[:3]))
    found = read_csv(folder / "findings" / "imported.csv")
    assert list(found[0]) == list(ALL_COLUMNS)
    assert found[0] == {
        "id": "MY-Q01", "item": "AC-CIV-001", "building": "T1", "unit": "201", "room": "客厅",
        "status": "open", "found": "2026-10-05", "due": "2026-10-12", "closed": "",
        "contractor": "宏建建设", "note": "", "description": "客厅墙面空鼓", "floor": "",
        "category": "墙面空鼓", "severity": "minor", "photo": "photos/q01.jpg",
        "source": "export.csv:2",
    }  # fmt: skip
    # a category no rule takes, a description that says 渗水; an exact building name
    assert (found[1]["item"], found[1]["building"], found[1]["status"]) == (
        "AC-CIV-007", "T1", "verified")  # fmt: skip
    assert (found[1]["found"], found[1]["closed"]) == ("2026-10-05", "2026-10-09")
    assert (found[2]["item"], found[2]["building"], found[2]["severity"]) == (
        "AC-INS-016", "T2", "major")  # fmt: skip


def test_the_output_loads_as_the_projects_findings(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    do_import(run, folder, source(folder, EVERY_KIND))
    catalog = load_catalog()
    summary, problems = read_findings(
        [folder / "findings" / "imported.csv"], catalog.check_items, ["T1", "T2", "T3"],
        dt.date(2026, 10, 20),
    )  # fmt: skip
    assert problems == []
    assert summary.rows == 3
    assert run("--as-of", "2026-10-20", "validate", str(folder)).code == 0


def test_the_rejects_repeat_the_row_and_say_why(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    do_import(run, folder, source(folder, EVERY_KIND), extra=("--lang", "zh"))
    raw = (folder / "findings" / "imported.rejects.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese right
    rejected = read_csv(folder / "findings" / "imported.rejects.csv")
    assert list(rejected[0]) == ["source", "reason", "reason_text", *HEADER]
    assert [rejected[0][h] for h in HEADER] == EVERY_KIND[3]
    assert rejected[0]["reason_text"] == "分类“地漏”和问题描述“地漏返味”都没有匹配的检查项规则"
    by_id = {r["问题编号"]: r for r in rejected}
    assert by_id["Q07"]["reason_text"] == (
        "楼栋“9#楼 → T9”不在项目的楼栋清单中，请在导入映射的 buildings 中添加规则"
    )
    duplicate = next(r for r in rejected if r["reason"] == "duplicate_id")
    assert duplicate["reason_text"] == "编号“MY-Q01”已被 export.csv:2 使用"
    assert duplicate["房号"] == "209"


def test_every_reason_of_a_row_is_given_the_first_counted(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    bad = row(问题分类="地漏", 问题描述="", 状态="作废", 登记时间="明天")
    do_import(run, folder, source(folder, [bad]))
    (rejected,) = read_csv(folder / "findings" / "imported.rejects.csv")
    assert rejected["reason"] == "no_item"
    assert rejected["reason_text"] == (
        "no item rule matches the category `地漏` or the description ``; "
        "the status `作废` is not listed under `statuses` in the map; "
        "`明天` in `登记时间` is not a date: write it as 2026-10-05, an Excel date, or in one of "
        "the map's `date_formats`"
    )


# Stable output --------------------------------------------------------------------------


def test_importing_the_same_export_again_gives_the_same_bytes(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    path = source(folder, EVERY_KIND)
    do_import(run, folder, path)
    first = [
        (folder / "findings" / n).read_bytes() for n in ("imported.csv", "imported.rejects.csv")
    ]
    do_import(run, folder, path)
    again = [
        (folder / "findings" / n).read_bytes() for n in ("imported.csv", "imported.rejects.csv")
    ]
    assert again == first


def test_the_findings_are_sorted_by_id_whatever_the_export_order(
    tmp_path: Path, run: Runner
) -> None:
    folder = project(tmp_path)
    rows = [row(问题编号=f"Q{n:02d}") for n in (7, 3, 11, 1, 5)]
    do_import(run, folder, source(folder, rows))
    found = read_csv(folder / "findings" / "imported.csv")
    assert [r["id"] for r in found] == ["MY-Q01", "MY-Q03", "MY-Q05", "MY-Q07", "MY-Q11"]


def test_a_changed_row_changes_its_one_line(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    rows = [row(问题编号=f"Q{n:02d}", 房号=f"{n}01") for n in range(1, 9)]
    do_import(run, folder, source(folder, rows))
    before = (folder / "findings" / "imported.csv").read_text(encoding="utf-8").splitlines()
    rows[4] = row(问题编号="Q05", 房号="501", 状态="已复验", 关闭时间="2026-10-15")
    do_import(run, folder, source(folder, rows))
    after = (folder / "findings" / "imported.csv").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0][1].startswith(
        "MY-Q05,AC-CIV-001,T1,501,客厅,verified,2026-10-05,2026-10-12,2026-10-15,"
    )


def test_hashed_ids_are_stable_and_follow_the_named_fields(tmp_path: Path, run: Runner) -> None:
    from importkit import MAP

    hashed = MAP.replace("ids: {column: 问题编号, prefix: MY-}",
                         "ids: {from: [building, unit, room, category, description, found], prefix: H-}")  # fmt: skip
    folder = project(tmp_path, hashed)
    rows = [row(), row(房号="202")]
    do_import(run, folder, source(folder, rows))
    first = read_csv(folder / "findings" / "imported.csv")
    assert all(r["id"].startswith("H-") and len(r["id"]) == 18 for r in first)
    rows[0] = row(状态="已整改")  # not a hashed field: the same finding
    do_import(run, folder, source(folder, rows))
    second = read_csv(folder / "findings" / "imported.csv")
    assert {r["id"] for r in second} == {r["id"] for r in first}
    rows[0] = row(问题描述="客厅墙面空鼓两处")  # a hashed field: another finding
    do_import(run, folder, source(folder, rows))
    third = read_csv(folder / "findings" / "imported.csv")
    assert len({r["id"] for r in third} & {r["id"] for r in first}) == 1


# Rules --------------------------------------------------------------------------------------


def test_the_first_rule_that_matches_wins_and_the_category_before_the_description(
    tmp_path: Path, run: Runner
) -> None:
    from importkit import MAP

    rules = MAP.replace(
        "  - {equals: 墙面空鼓, item: AC-CIV-001}\n",
        "  - {contains: 空鼓, item: AC-FIN-003}\n  - {equals: 墙面空鼓, item: AC-CIV-001}\n",
    )
    folder = project(tmp_path, rules)
    rows = [
        row(问题编号="A"),  # 墙面空鼓: both of the first two rules match; the first wins
        row(问题编号="B", 问题分类="门窗", 问题描述="窗边渗水"),  # category beats description
        row(问题编号="C", 问题分类="其他", 问题描述="窗边渗水"),  # no category rule: description
        row(问题编号="D", 问题分类="", 问题描述="门窗变形"),  # no category at all
    ]  # fmt: skip
    do_import(run, folder, source(folder, rows))
    found = {r["id"]: r["item"] for r in read_csv(folder / "findings" / "imported.csv")}
    assert found == {"MY-A": "AC-FIN-003", "MY-B": "AC-INS-016", "MY-C": "AC-CIV-007",
                     "MY-D": "AC-INS-016"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-10-05", "2026-10-05"),
        ("2026-10-05 14:30", "2026-10-05"),
        ("2026-10-05T14:30:05", "2026-10-05"),
        ("46300", "2026-10-05"),  # an Excel serial number that lost its date format
        ("46300.75", "2026-10-05"),
        ("2026/10/5", "2026-10-05"),
        ("2026/10/05 09:12", "2026-10-05"),
        ("2026年10月5日", "2026-10-05"),
        ("2026.10.05", "2026-10-05"),
        ("2026-02-30", None),
        ("2026/13/5", None),
        ("10/05/2026", None),
        ("2026", None),
        ("待定", None),
    ],
)
def test_each_date_form(tmp_path: Path, run: Runner, text: str, day: str | None) -> None:
    folder = project(tmp_path)
    do_import(run, folder, source(folder, [row(登记时间=text)]))
    found = read_csv(folder / "findings" / "imported.csv")
    if day is None:
        assert found == []
        assert read_csv(folder / "findings" / "imported.rejects.csv")[0]["reason"] == "bad_date"
    else:
        assert found[0]["found"] == day


def test_dates_in_a_workbook_cells_texts_and_serials(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    cells: list[object] = [
        dt.datetime(2026, 10, 5, 9, 30), dt.date(2026, 10, 6), 46302, "2026年10月8日", "2026.10.09"
    ]  # fmt: skip
    path = xlsx(
        folder.parent / "export.xlsx",
        [HEADER, *(row(问题编号=f"Q{n}") for n in range(5))],
    )
    import openpyxl

    book = openpyxl.load_workbook(path)
    for n, cell in enumerate(cells):
        book.active.cell(row=n + 2, column=HEADER.index("登记时间") + 1, value=cell)
    book.save(path)
    do_import(run, folder, path)
    found = read_csv(folder / "findings" / "imported.csv")
    assert [r["found"] for r in found] == [
        "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09"
    ]  # fmt: skip
    assert found[0]["source"] == "export.xlsx:问题清单!2"


ENGLISH_MAP = """\
kind: import-map
id: english-app
columns:
  building: Tower
  unit: [Unit, Flat]
  category: Defect type
  status: State
  found: [Reported, Date reported]
ids: {column: Ref}
items:
  - {equals: hollow plaster, item: AC-CIV-001}
  - {regex: '(?i)^window', item: AC-INS-016}
statuses: {Open: open, Fixed: rectified, Closed: verified}
buildings:
  - {regex: '^Tower (\\d)$', building: 'T{1}'}
"""


def test_english_headers_and_words(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path, ENGLISH_MAP)
    path = folder.parent / "export.csv"
    path.write_text(
        "Ref,Tower,Flat,Defect type,State,Date reported,Inspector\n"
        "R-1,Tower 1,0101,Hollow Plaster,OPEN,2026-10-05,Ann\n"
        "R-2,Tower 2,0102,Window seal,closed,2026-10-05,Bob\n"
        "R-3,Tower 3,0103,window hinge,verified,2026-10-05,Bob\n",  # journey's own word
        encoding="utf-8",
    )
    result = do_import(run, folder, path)
    assert result.code == 0, result.err
    assert "warning" not in result.err  # the export's other columns are expected
    found = read_csv(folder / "findings" / "imported.csv")
    assert [(r["id"], r["item"], r["building"], r["unit"], r["status"]) for r in found] == [
        ("R-1", "AC-CIV-001", "T1", "0101", "open"),
        ("R-2", "AC-INS-016", "T2", "0102", "verified"),
        ("R-3", "AC-INS-016", "T3", "0103", "verified"),
    ]


def test_a_header_below_a_title_and_a_named_sheet(tmp_path: Path, run: Runner) -> None:
    from importkit import MAP

    folder = project(
        tmp_path, MAP.replace("id: app\n", "id: app\nsheet: 问题清单\nheader_row: 3\n")
    )
    path = xlsx(folder.parent / "export.xlsx", [["海景二期问题清单"], ["导出时间", "2026-10-20"],
                                                HEADER, row()])  # fmt: skip
    import openpyxl

    book = openpyxl.load_workbook(path)
    book.create_sheet("汇总", 0).append(["楼栋", "问题数"])
    book.save(path)
    result = do_import(run, folder, path)
    assert result.code == 0, result.err
    assert read_csv(folder / "findings" / "imported.csv")[0]["source"] == "export.xlsx:问题清单!4"
    csv_path = folder.parent / "export.csv"
    csv_path.write_text(
        "海景二期问题清单\n导出时间,2026-10-20\n" + csv_text([row()]), encoding="utf-8"
    )
    result = do_import(run, folder, csv_path)
    assert result.code == 0, result.err
    assert read_csv(folder / "findings" / "imported.csv")[0]["source"] == "export.csv:4"


def test_several_sources_and_an_id_used_in_two(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    first = source(folder, [row(), row(问题编号="Q02")], "a.csv")
    second = xlsx(folder.parent / "b.xlsx", [HEADER, row(问题编号="Q03"), row(房号="777")])
    result = do_import(run, folder, first, second)
    assert "read 4 rows from 2 files: 3 imported, 1 rejected" in result.err
    (rejected,) = read_csv(folder / "findings" / "imported.rejects.csv")
    assert (rejected["source"], rejected["reason"]) == ("b.xlsx:问题清单!3", "duplicate_id")
    assert rejected["reason_text"] == "the id `MY-Q01` is already used by a.csv:2"
    # the same export given twice: every row of the second copy is a duplicate
    result = do_import(run, folder, first, first)
    assert "read 4 rows from 2 files: 2 imported, 2 rejected" in result.err


def test_the_summary_suggests_an_item_for_frequent_unmatched_categories(
    tmp_path: Path, run: Runner
) -> None:
    folder = project(tmp_path)
    rows = [row(问题编号=f"A{n}", 问题分类="地漏") for n in range(3)]
    rows += [row(问题编号="B", 问题分类="空鼓"), row(问题编号="C", 问题分类="Trap seal"),
             row(问题编号="D", 问题分类="其他", 问题描述="业主咨询")]  # fmt: skip
    result = do_import(run, folder, source(folder, rows))
    assert result.err.splitlines()[-4:] == [
        "    `地漏`: 3 rows; closest item AC-INS-011 Floor fall to drains and trap seal",
        "    `Trap seal`: 1 row; closest item AC-INS-011 Floor fall to drains and trap seal",
        "    `其他`: 1 row; no item is close",
        "    `空鼓`: 1 row; closest item AC-CIV-001 Hollowing of plastered walls and ceilings",
    ]
    result = do_import(run, folder, source(folder, rows), extra=("--lang", "zh"))
    assert "    “空鼓”：1 行；最接近的检查项 AC-CIV-001 墙面及顶棚抹灰空鼓" in result.err


# --strict ---------------------------------------------------------------------------------


def test_strict_makes_a_rejected_row_an_error_and_writes_nothing(
    tmp_path: Path, run: Runner
) -> None:
    folder = project(tmp_path)
    out = folder / "findings" / "imported.csv"
    out.write_text("old", encoding="utf-8")
    result = do_import(run, folder, source(folder, EVERY_KIND[:5]), extra=("--strict",))
    assert result.code == 2
    assert out.read_text(encoding="utf-8") == "old"
    assert not (folder / "findings" / "imported.rejects.csv").exists()
    assert result.err.splitlines()[:2] == [
        "export.csv:5: error: no item rule matches the category `地漏` or the description `地漏返味`",
        "export.csv:6: error: the status `作废` is not listed under `statuses` in the map",
    ]
    ok = do_import(run, folder, source(folder, EVERY_KIND[:3]), extra=("--strict",))
    assert ok.code == 0
    assert len(read_csv(out)) == 3


# Sources that cannot be read, outputs that cannot be written ------------------------------


def _nothing_written(folder: Path) -> bool:
    return sorted(p.name for p in (folder / "findings").iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("export.pdf", b"%PDF-1.4", "export.pdf: error: `export.pdf` is not a table journey "
         "reads; use a .csv (UTF-8) or .xlsx file"),
        ("export.xlsx", b"PK\x03\x04 not really", "export.xlsx: error: cannot read the workbook"),
        ("export.csv", b"", "export.csv:1: error: the file is empty; its first line must be the "
         "header, with at least 楼栋, 房号, 部位, 状态, 登记时间, 整改期限, 关闭时间, 责任单位, "
         "问题描述, 问题分类, 严重程度, 照片, 问题编号"),
        ("export.csv", "问题编号,楼栋,状态\nQ1,1#楼,待整改\n".encode(),
         "export.csv:1: error: 登记时间: the header has no `登记时间` column"),
        ("export.csv", csv_text([row(问题描述="客厅\x1b墙面")]).encode(),
         "export.csv:2: error: 问题描述: the cell holds the control character U+001B; delete it"),
        ("export.csv", csv_text([row()]).encode() + b"Q2,\xff\n",
         "export.csv:3: error: this line is not UTF-8 text"),
    ],
)  # fmt: skip
def test_a_source_that_cannot_be_read_is_an_error_with_its_place(
    tmp_path: Path, run: Runner, name: str, content: bytes, message: str
) -> None:
    folder = project(tmp_path)
    path = folder.parent / name
    path.write_bytes(content)
    result = do_import(run, folder, path)
    assert result.code == 2
    assert message in result.err
    assert _nothing_written(folder)


def test_a_missing_source_and_a_header_row_past_the_end(tmp_path: Path, run: Runner) -> None:
    from importkit import MAP

    folder = project(tmp_path, MAP.replace("id: app\n", "id: app\nheader_row: 4\n"))
    result = do_import(run, folder, folder.parent / "nope.csv", source(folder, [row()]))
    assert result.code == 2
    assert "nope.csv: error: no such file or folder" in result.err
    assert "export.csv:4: error: no header row: nothing from row 4 on" in result.err
    assert _nothing_written(folder)


def test_outputs_are_refused_where_journey_never_writes(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    export = source(folder, [row()])
    for target, message in [
        (folder / "findings" / "out.xlsx", "the output"),
        (tmp_path / "missing" / "out.csv", "does not exist"),
        (export, "it is an input file"),
        (folder / "map.yaml.csv", None),  # fine: not an input
    ]:
        args = ("--map", str(folder / "map.yaml"), "--project", str(folder), "-o", str(target))
        result = run("import", str(export), *args)
        if message is None:
            assert result.code == 0, result.err
        else:
            assert result.code == 2 and message in result.err, result.err
    before = export.read_bytes()
    assert export.read_bytes() == before


def test_both_files_or_neither(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    out = folder / "findings" / "imported.csv"
    out.write_text("old findings", encoding="utf-8")
    (folder / "findings" / "imported.rejects.csv").mkdir()  # the rejects cannot be written
    result = do_import(run, folder, source(folder, EVERY_KIND))
    assert result.code == 2
    assert "imported.rejects.csv: it is a folder" in result.err
    assert out.read_text(encoding="utf-8") == "old findings"
    assert sorted(p.name for p in (folder / "findings").iterdir()) == [
        "imported.csv", "imported.rejects.csv"
    ]  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_never_written_over(tmp_path: Path, run: Runner) -> None:
    folder = project(tmp_path)
    os.mkfifo(folder / "findings" / "imported.rejects.csv")
    result = do_import(run, folder, source(folder, [row()]))
    assert result.code == 2
    assert "it is not a regular file" in result.err
    assert not (folder / "findings" / "imported.csv").exists()


# The map named by id, from the catalog ------------------------------------------------------


def test_a_map_kept_in_the_catalog_is_named_by_its_id(tmp_path: Path, run: Runner) -> None:
    import shutil

    from journey.catalog import bundled_root

    catalog = tmp_path / "catalog"
    shutil.copytree(bundled_root(), catalog, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    folder = project(tmp_path)
    (catalog / "maps").mkdir()
    shutil.move(folder / "map.yaml", catalog / "maps" / "app.yaml")
    export = source(folder, [row()])
    out = folder / "findings" / "imported.csv"
    args = ("--project", str(folder), "-o", str(out))
    result = run("--catalog", str(catalog), "import", str(export), "--map", "app", *args)
    assert result.code == 0, result.err
    assert read_csv(out)[0]["id"] == "MY-Q01"
    result = run("--catalog", str(catalog), "import", str(export), "--map", "ap", *args)
    assert result.code == 2
    assert result.err == (
        "journey: error: `ap` is neither a map file nor the id of a map in the catalog (its "
        "maps: app) (did you mean `app`?)\n"
    )


def test_a_large_import_spills_and_gives_the_same_bytes(
    tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journey.importing import sorting

    folder = project(tmp_path)
    rows = [row(问题编号=f"Q{(n * 37) % 400:03d}", 房号=f"{n}") for n in range(400)]
    rows += [row(问题编号="Q007", 房号="dup"), row(问题编号="Q123", 房号="dup")]
    path = source(folder, rows)
    do_import(run, folder, path)
    names = ("imported.csv", "imported.rejects.csv")
    in_memory = [(folder / "findings" / n).read_bytes() for n in names]
    monkeypatch.setattr(sorting, "BUDGET", 3_000)
    monkeypatch.setattr(sorting, "MAX_RUNS", 5)
    result = do_import(run, folder, path)
    assert "402 rows from 1 file: 400 imported, 2 rejected" in result.err
    assert [(folder / "findings" / n).read_bytes() for n in names] == in_memory


def test_the_fast_path_and_the_reference_agree_on_every_row(
    tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journey.importing import mapper

    folder = project(tmp_path)
    rows = [*EVERY_KIND]
    for n, cells in enumerate(EVERY_KIND):  # each kind again: now every text is known
        again = list(cells)
        again[0] = f"R{n:02d}" if cells[0] else ""
        rows.append(again)
    rows += [row(问题编号="S1", 状态="已复验", 关闭时间="2026-10-04"),  # closed before found
             row(问题编号="S2", 状态="VERIFIED", 关闭时间="2026-10-06"),  # a word by its case
             row(问题编号="S3", 整改期限="待定")]  # fmt: skip
    path = source(folder, rows)
    names = ("imported.csv", "imported.rejects.csv")
    assert do_import(run, folder, path).code == 0
    fast = [(folder / "findings" / n).read_bytes() for n in names]
    monkeypatch.setattr(mapper, "CACHE_LIMIT", 0)  # nothing remembered: every row the slow way
    assert do_import(run, folder, path).code == 0
    assert [(folder / "findings" / n).read_bytes() for n in names] == fast
    assert len(read_csv(folder / "findings" / "imported.csv")) == 8  # Q01–03, R00–02, R14, S2
