"""Importing 600,000 source rows (SPEC §10), from CSV and from xlsx.

Each measurement runs in fresh processes (the fastest of a few for time, the largest
peak memory seen), so that its peak resident memory is its own:

- the floor: the table reader alone reading the export (the import's own schema, every
  row's cells handed over, the cyclic collector off as the import has it) into a sink
  that does nothing — what any import must pay;
- the baseline: `journey import` of an export holding only its header (the catalog, the
  map and the project loaded);
- `import_findings`: every row mapped, the findings sorted by id (spilling sorted runs
  to a temporary folder past a few MiB) and written with their rejects.

The exports are generated into a temporary folder: 600,000 rows in twelve towers, the
dates in the mixed forms exports hold, one row in twenty with a category no rule maps.
The xlsx is written as Excel or WPS saves a workbook (a shared string table, date cells
styled as dates), by hand and streamed: openpyxl would take a minute to make it.

    .venv/bin/python -m benchmarks.bench_import [--quick]
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from benchmarks._timing import best_of, measure_or_main, peak_mib

ROWS = 600_000
TOWERS = 12
HEADER = ["问题编号", "楼栋", "房号", "部位", "问题分类", "问题描述", "状态", "登记时间", "整改期限",
          "关闭时间", "责任单位", "严重程度", "照片", "检查人"]  # fmt: skip
CATEGORIES = {
    "空鼓": "AC-CIV-001", "地面空鼓": "AC-CIV-002", "开裂": "AC-CIV-004", "渗漏": "AC-CIV-007",
    "门窗": "AC-INS-016", "入户门": "AC-INS-018", "插座": "AC-INS-001", "开关灯具": "AC-INS-006",
    "排水": "AC-INS-009", "涂饰": "AC-FIN-001", "墙地砖": "AC-FIN-003", "木地板": "AC-FIN-004",
    "打胶": "AC-FIN-005", "洁具": "AC-FIN-006", "橱柜": "AC-FIN-007", "保洁": "AC-FIN-010",
}  # fmt: skip
UNMAPPED = ("地漏", "栏杆", "其他")
ROOMS = ("客厅", "餐厅", "主卧", "次卧", "书房", "厨房", "主卫", "次卫", "阳台", "玄关")
STATUSES = ("待整改", "已整改", "已复验", "已复验", "已复验", "返修", "非质量问题")
CONTRACTORS = ("宏建建设", "固安防水", "金华门窗", "安达机电", "华信装饰")
MAP = (
    """\
kind: import-map
id: bench
columns:
  building: 楼栋
  unit: 房号
  room: 部位
  category: 问题分类
  description: 问题描述
  status: 状态
  found: 登记时间
  due: 整改期限
  closed: 关闭时间
  contractor: 责任单位
  severity: 严重程度
  photo: 照片
ids: {column: 问题编号, prefix: TPA-}
items:
"""
    + "".join(f"  - {{equals: {c}, item: {i}}}\n" for c, i in CATEGORIES.items())
    + """\
statuses: {待整改: open, 已整改: rectified, 已复验: verified, 返修: reopened, 非质量问题: disputed}
severities: {一般: minor, 严重: major, 重大: critical}
buildings:
  - {regex: '^(\\d+)#楼$', building: 'T{1}'}
date_formats: ['%Y/%m/%d', '%Y年%m月%d日']
"""
)
PROJECT = f"""\
kind: project
id: bench
name: Bench
positioning: whole-process
stage: pre-delivery
buildings: [{", ".join(f"T{n}" for n in range(1, TOWERS + 1))}]
"""
EPOCH = dt.date(1899, 12, 30)


def rows(count: int) -> Any:
    """The export's rows: cells as text, numbers or dates, as an inspection app writes them."""
    rng = random.Random(2026)
    start = dt.date(2026, 7, 1)
    categories = list(CATEGORIES)
    for n in range(count):
        found = start + dt.timedelta(days=rng.randrange(100))
        status = rng.choice(STATUSES)
        category = rng.choice(UNMAPPED) if n % 20 == 7 else rng.choice(categories)
        room = rng.choice(ROOMS)
        form = n % 5
        found_cell: object = (
            found.isoformat() if form == 0 else f"{found.year}/{found.month}/{found.day}"
            if form == 1 else f"{found.year}年{found.month}月{found.day}日" if form == 2
            else found if form == 3 else (found - EPOCH).days  # a date cell; a bare serial
        )  # fmt: skip
        closed = (found + dt.timedelta(days=rng.randint(2, 20))).isoformat()
        yield [
            f"PG{n:08d}", f"{n % TOWERS + 1}#楼", f"{rng.randint(2, 31)}{rng.randint(1, 7):02d}",
            room, category, f"{room}{category}约{rng.randint(1, 9)}处", status, found_cell,
            (found + dt.timedelta(days=7)).isoformat(), closed if status == "已复验" else "",
            rng.choice(CONTRACTORS), "一般" if n % 9 else "严重",
            f"https://photos.example.com/{found:%Y%m%d}/PG{n:08d}.jpg", "刘工",
        ]  # fmt: skip


def write_csv(path: Path, count: int) -> None:
    """The export as CSV, UTF-8 with a BOM as Excel saves it."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(",".join(HEADER) + "\n")
        for cells in rows(count):
            out.write(",".join(str(c) for c in cells) + "\n")


def write_xlsx(path: Path, count: int) -> None:
    """The export as Excel or WPS saves it: a shared string table, a date style, the
    sheet's dimension at its head; the sheet is streamed, the strings written after it."""
    strings: dict[str, int] = {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in _PARTS.items():
            book.writestr(name, text)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(_SHEET_START.format(last=count + 1).encode())
            sheet.write(_xml_row(1, HEADER, strings).encode())
            batch: list[str] = []
            for n, cells in enumerate(rows(count), start=2):
                batch.append(_xml_row(n, cells, strings))
                if len(batch) == 2000:
                    sheet.write("".join(batch).encode())
                    batch.clear()
            sheet.write(("".join(batch) + "</sheetData></worksheet>").encode())
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as table:
            table.write(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{_NS}'
                f'/spreadsheetml/2006/main" uniqueCount="{len(strings)}">'.encode()
            )
            for text in strings:
                table.write(f"<si><t>{escape(text)}</t></si>".encode())
            table.write(b"</sst>")


def _xml_row(n: int, cells: list[Any], strings: dict[str, int]) -> str:
    out = [f'<row r="{n}">']
    for cell in cells:
        if isinstance(cell, dt.date):
            out.append(f'<c s="1"><v>{(cell - EPOCH).days}</v></c>')
        elif isinstance(cell, int):
            out.append(f"<c><v>{cell}</v></c>")
        elif cell:
            at = strings.setdefault(cell, len(strings))
            out.append(f'<c t="s"><v>{at}</v></c>')
        else:
            out.append("<c/>")
    out.append("</row>")
    return "".join(out)


_NS = "http://schemas.openxmlformats.org"
_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<worksheet xmlns="{_NS}/spreadsheetml/2006/main"><dimension ref="A1:N{{last}}"/>'
    "<sheetData>"
)
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Types xmlns="{_NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_MAIN}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_MAIN}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_MAIN}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_MAIN}.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{_NS}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_NS}/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{_NS}/spreadsheetml/2006/main" '
        f'xmlns:r="{_NS}/officeDocument/2006/relationships">'
        '<sheets><sheet name="问题清单" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{_NS}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_NS}/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_NS}/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/>'
        f'<Relationship Id="rId3" Type="{_NS}/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>'
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<styleSheet xmlns="{_NS}/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>"
    ),
}


# Measuring --------------------------------------------------------------------------------


def _loaded(folder: Path) -> tuple[Any, Any, tuple[str, ...]]:
    from journey.catalog import load_catalog
    from journey.importing import load_map, project_buildings

    catalog = load_catalog()
    buildings, _ = project_buildings(folder)
    return catalog, load_map(str(folder / "map.yaml"), catalog, buildings).model, buildings


def measure_floor(path: Path) -> dict[str, float]:
    """The table reader alone: the import's schema, every row's cells, a sink doing nothing."""
    from journey.importing.rows import source_columns
    from journey.tables import TableReader

    _, model, _ = _loaded(path.parent)
    columns = source_columns(model)
    count = [0]

    def sink(batch: list[tuple[Any, ...]]) -> None:
        count[0] += len(batch)

    begin = time.perf_counter()
    gc.disable()  # as the import (and the findings reader) reads: no cyclic collector
    reader = TableReader(columns.schema, columns.take, sink, model.sheet, model.header_row,
                         cells=True)  # fmt: skip
    reader.read(path, path.name)
    problems = reader.finish()
    seconds = time.perf_counter() - begin
    gc.enable()
    assert not [p for p in problems if p.is_error], problems[:3]
    return {"seconds": seconds, "rows": count[0], "peak_mib": peak_mib()}


def measure_import(path: Path) -> dict[str, float]:
    """`import_findings`: map every row, sort the findings by id, write them and the rejects."""
    from journey.importing import import_findings

    catalog, model, buildings = _loaded(path.parent)
    out = path.parent / f"{path.stem}-findings.csv"
    begin = time.perf_counter()
    result = import_findings([path], model, catalog.check_items, buildings, out)
    seconds = time.perf_counter() - begin
    rejected = sum(result.rejected.values())
    assert result.imported + rejected == result.read
    return {"seconds": seconds, "rows": result.read, "imported": result.imported,
            "rejected": rejected, "peak_mib": peak_mib()}  # fmt: skip


MEASURES = {"--floor": measure_floor, "--import": measure_import}


def _run(kind: str, path: Path, runs: int) -> dict[str, float]:
    return best_of("benchmarks.bench_import", kind, str(path), runs=runs)


def main() -> None:
    count = 60_000 if "--quick" in sys.argv else ROWS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "project.yaml").write_text(PROJECT, encoding="utf-8")
        (folder / "map.yaml").write_text(MAP, encoding="utf-8")
        empty = folder / "empty.csv"
        write_csv(empty, 0)
        baseline = _run("--import", empty, runs=1)["peak_mib"]
        print(
            f"baseline (catalog, map and project loaded, an empty export): peak {baseline:.1f} MiB"
        )
        for suffix, write, runs in ((".csv", write_csv, 3), (".xlsx", write_xlsx, 2)):
            path = folder / f"export{suffix}"
            begin = time.perf_counter()
            write(path, count)
            made = time.perf_counter() - begin
            size = path.stat().st_size / 1e6
            print(f"export {suffix}: {count:,} rows, {size:.1f} MB (made in {made:.0f} s)")
            floor = _run("--floor", path, runs)
            ours = _run("--import", path, runs)
            print(
                f"  table reader alone: {floor['seconds']:6.2f} s  peak {floor['peak_mib']:6.1f} MiB"
            )
            print(f"  import_findings:    {ours['seconds']:6.2f} s  peak {ours['peak_mib']:6.1f} MiB"
                  f"  ({int(ours['imported']):,} imported, {int(ours['rejected']):,} rejected)")  # fmt: skip
            print(f"  ratio to the floor: {ours['seconds'] / floor['seconds']:.2f}×; "
                  f"{ours['peak_mib'] - baseline:.1f} MiB above the baseline, "
                  f"{ours['peak_mib'] - floor['peak_mib']:+.1f} MiB over the floor's peak")  # fmt: skip
            path.unlink()


if __name__ == "__main__":
    measure_or_main(MEASURES, main)
