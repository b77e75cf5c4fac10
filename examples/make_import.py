"""Generate the inspection-system export that `harbour-view/import/` holds.

Harbour View Phase 2 (海景二期) had a third-party assessment (第三方交付评估) walk its
towers from 2026-10-13 to 10-17, ahead of the open day. The assessors record in their
own inspection app and the team receives its export as it always does: an `.xlsx` with
Chinese headers under a title and an export line, a summary sheet before the list, the
app's own categories (空鼓, 开裂, 渗漏, 门窗, 插座 …) and severities (一般, 严重, 重大),
towers written `1#楼`, statuses 待整改 / 已整改 / 已复验 / 返修 / 非质量问题, a photo link
for every finding, and dates as such exports hold them — real date cells, text typed as
2026/10/14, 2026年10月14日 or 2026.10.14, and Excel serial numbers where a cell lost
its date format.

Some rows are what every real export holds and no map should guess at: categories the
map has no rule for (地漏, 栏杆, 其他), findings in the basement car park (地库, which is
no tower of the project), two records the app marks 已作废 (voided), a due date typed as
待定. `journey import` sends them to the rejects file with their reasons.

Deterministic: a fixed seed, and the workbook's timestamps are pinned, so running it again
writes the same bytes (with the same openpyxl); tests/test_import_example.py checks that
the committed workbook holds what this script makes. Needs openpyxl (the `xlsx` extra).

    python examples/make_import.py
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
OUT = HERE / "harbour-view" / "import" / "海景二期-第三方评估-问题清单-20261020.xlsx"
SEED = 20261013
START = dt.date(2026, 10, 13)  # the walk: five days
AS_OF = dt.date(2026, 10, 20)
PINNED = dt.datetime(2026, 10, 20, 9, 12)  # the export's time, in the file and its archive
HEADER = [
    "序号", "问题编号", "项目", "楼栋", "单元", "房号", "楼层", "部位", "问题分类", "问题描述",
    "严重程度", "状态", "登记时间", "整改期限", "关闭时间", "责任单位", "检查人", "照片", "备注",
]  # fmt: skip
TOWERS = ("1#楼", "2#楼", "3#楼", "4#楼", "5#楼", "6#楼")
FLOORS = range(2, 32)
HOMES = 7
INSPECTORS = ("刘工", "陈工", "赵工", "黄工")
ROOMS = ("客厅", "餐厅", "主卧", "次卧", "书房", "厨房", "主卫", "次卫", "阳台", "玄关")
WET = ("厨房", "主卫", "次卫", "阳台")
LIVING = ("客厅", "主卧", "次卧", "书房")

MAIN, WATERPROOF, WINDOWS, MEP, FIRE, DECOR = (
    "宏建建设", "固安防水", "金华门窗", "安达机电", "天禾消防", "华信装饰",
)  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """A kind of finding as the app records it: its category, how it is described, where
    it is found, who fixes it, how often it comes up and how serious it is."""

    category: str
    texts: tuple[str, ...]  # `{room}` and `{n}` are filled in
    rooms: tuple[str, ...]
    contractor: str
    weight: int
    severity: str = "一般"
    item: str = ""  # the checklist item the example's map gives it ("" when no rule does)


KINDS = (
    Kind("空鼓", ("{room}墙面空鼓约{n}处", "{room}顶棚抹灰空鼓"), ROOMS, MAIN, 14,
         item="AC-CIV-001"),
    Kind("地面空鼓", ("{room}地面找平层空鼓", "{room}地面空鼓开裂"), ROOMS, MAIN, 5,
         item="AC-CIV-002"),
    Kind("开裂", ("{room}墙面与梁交接处裂缝", "{room}填充墙竖向裂缝长约{n}0cm"), LIVING, MAIN, 8,
         item="AC-CIV-004"),
    Kind("渗漏", ("{room}外墙内侧渗水印迹", "{room}窗台下墙面渗水"), ("客厅", "主卧", "次卧"),
         WATERPROOF, 4, "严重", item="AC-CIV-007"),
    Kind("门窗", ("{room}窗扇开启不顺", "{room}外窗限位器缺失", "{room}窗框密封胶条脱落"), LIVING,
         WINDOWS, 7, item="AC-INS-016"),
    Kind("入户门", ("入户门门锁开启不顺", "入户门门框变形"), ("玄关",), DECOR, 3,
         item="AC-INS-018"),
    Kind("插座", ("{room}插座极性接反", "{room}插座无接地", "{room}插座面板松动"), ROOMS, MEP, 6,
         "严重", item="AC-INS-001"),
    Kind("开关灯具", ("{room}开关面板松动", "{room}灯具不亮"), ROOMS, MEP, 5, item="AC-INS-006"),
    Kind("排水", ("{room}排水不畅",), WET, MEP, 3, item="AC-INS-009"),
    Kind("涂饰", ("{room}墙面涂料透底", "{room}顶棚涂料色差"), ROOMS, DECOR, 9, item="AC-FIN-001"),
    Kind("墙地砖", ("{room}墙砖空鼓{n}块", "{room}地砖高低差"), WET, DECOR, 6, item="AC-FIN-003"),
    Kind("木地板", ("{room}木地板起拱", "{room}踢脚线脱开"), LIVING, DECOR, 4, item="AC-FIN-004"),
    Kind("打胶", ("{room}台面打胶不饱满", "{room}阴角收口不顺直"), WET, DECOR, 5,
         item="AC-FIN-005"),
    Kind("洁具", ("{room}龙头松动", "{room}坐便器底部未打胶"), ("主卫", "次卫"), DECOR, 3,
         item="AC-FIN-006"),
    Kind("橱柜", ("橱柜门板不平", "台面与墙面缝隙过大"), ("厨房",), DECOR, 3, item="AC-FIN-007"),
    Kind("保洁", ("{room}建筑垃圾未清理", "{room}窗框污染未清洁"), ROOMS, DECOR, 4,
         item="AC-FIN-010"),
)  # fmt: skip
PUBLIC = (  # found once in each tower's public areas
    Kind("防火门", ("{n}层防火门闭门器缺失", "{n}层防火门顺序器失灵"), ("电梯厅", "楼梯间"), FIRE,
         1, "严重", item="AC-INS-023"),
    Kind("其他", ("{n}层电梯厅墙面渗水",), ("电梯厅",), WATERPROOF, 1, item="AC-CIV-007"),
)  # fmt: skip
# Rows no rule of the example's map takes: the summary suggests an item for the first two.
UNMAPPED = (
    Kind("地漏", ("{room}地漏返味", "{room}地漏周边积水"), WET, MEP, 4),
    Kind("栏杆", ("阳台栏杆立杆松动",), ("阳台",), MAIN, 2, "重大"),
    Kind("其他", ("业主咨询入户花园能否封闭", "{room}预留空调孔位置与图纸不符"), ROOMS, MAIN, 3),
)
STATUSES = (("待整改", 40), ("已整改", 25), ("已复验", 28), ("返修", 4), ("非质量问题", 3))


def homes(rng: random.Random) -> list[tuple[str, str, str]]:
    """The homes the assessors entered: seventeen a tower, always one on the top floor."""
    out = []
    for tower in TOWERS:
        every = [f"{f}{h:02d}" for f in FLOORS for h in range(1, HOMES + 1)]
        chosen = {f"{FLOORS[-1]}{rng.randint(1, HOMES):02d}", *rng.sample(every, 16)}
        out += [(tower, unit, unit[:-2]) for unit in every if unit in chosen]
    return out


def findings(rng: random.Random) -> list[dict[str, Any]]:
    """Every finding of the walk, in the order the app lists them (by tower and home)."""
    rows: list[dict[str, Any]] = []
    for tower, unit, floor in homes(rng):
        for _ in range(rng.randint(2, 7)):
            kind = rng.choices(KINDS, [k.weight for k in KINDS])[0]
            rows.append(_finding(rng, kind, tower, unit, floor))
    for tower in TOWERS:
        for kind in PUBLIC:
            rows.append(_finding(rng, kind, tower, "", str(rng.choice(FLOORS))))
    entered = [r for r in rows if r["unit"]]
    for kind in UNMAPPED:
        for _ in range(kind.weight):
            home = rng.choice(entered)
            row = _finding(rng, kind, home["tower"], home["unit"], home["floor"])
            rows.insert(rows.index(home) + 1, row)
    _oddities(rng, rows)
    return rows


def _finding(rng: random.Random, kind: Kind, tower: str, unit: str, floor: str) -> dict[str, Any]:
    room = rng.choice(kind.rooms)
    text = rng.choice(kind.texts).format(room=room, n=floor if not unit else rng.randint(1, 4))
    found = START + dt.timedelta(days=rng.randrange(5))
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    closed = found + dt.timedelta(days=rng.randint(2, 6)) if status == "已复验" else None
    return {
        "tower": tower, "unit": unit, "floor": floor, "room": room if unit else f"{floor}层{room}",
        "category": kind.category, "text": text, "severity": kind.severity, "status": status,
        "found": found, "due": found + dt.timedelta(days=7),
        "closed": min(closed, AS_OF) if closed else None, "contractor": kind.contractor,
        "item": kind.item, "note": "复验合格" if closed else "",
    }  # fmt: skip


def _oddities(rng: random.Random, rows: list[dict[str, Any]]) -> None:
    """What no map should guess at: two voided records, the basement, a due date 待定."""
    for row in rng.sample(rows, 2):
        row["status"], row["closed"], row["note"] = "已作废", None, "重复登记，作废"
    for row in rng.sample([r for r in rows if r["category"] == "渗漏"], 2):
        row.update(tower="地库", unit="", floor="-1", room="地下车库", text="地下车库顶板渗水")
    rng.choice([r for r in rows if r["status"] == "待整改"])["due"] = "待定"


# Writing the workbook -----------------------------------------------------------------------


def _date_cell(rng: random.Random, day: dt.date, *, with_time: bool) -> object:
    """A date as the export holds it: a date cell, text in one of three forms, or a serial."""
    form = rng.choices(("cell", "slash", "chinese", "dot", "serial"), (5, 3, 2, 1, 1))[0]
    if form == "cell":
        if with_time:
            return dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randrange(60)))
        return day
    if form == "serial":
        return (day - dt.date(1899, 12, 30)).days
    if form == "slash":
        return f"{day.year}/{day.month}/{day.day}"
    if form == "chinese":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.year}.{day.month:02d}.{day.day:02d}"


def sheet_rows(rng: random.Random, rows: list[dict[str, Any]]) -> list[list[object]]:
    """The rows of the 问题清单 sheet, numbered and given the app's ids."""
    out: list[list[object]] = []
    for n, row in enumerate(rows, start=1):
        found: dt.date = row["found"]
        ident = f"PG{found:%Y%m%d}-{n:04d}"
        due = (
            row["due"]
            if isinstance(row["due"], str)
            else _date_cell(rng, row["due"], with_time=False)
        )
        closed = _date_cell(rng, row["closed"], with_time=False) if row["closed"] else None
        out.append([
            n, ident, "海景二期", row["tower"], "1单元" if row["unit"] else "", row["unit"],
            int(row["floor"]), row["room"], row["category"], row["text"], row["severity"],
            row["status"], _date_cell(rng, found, with_time=True), due, closed,
            row["contractor"], rng.choice(INSPECTORS),
            f"https://photos.example.com/hv2/{found:%Y%m%d}/{ident}-1.jpg", row["note"],
        ])  # fmt: skip
    return out


def workbook(rows: list[list[object]]) -> bytes:
    """The export: a summary sheet, then the list under a title and an export line."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "汇总"
    summary.append(["楼栋", "问题数", "待整改", "已复验"])
    for tower in TOWERS:
        mine = [r for r in rows if r[3] == tower]
        summary.append([tower, len(mine), sum(r[11] == "待整改" for r in mine),
                        sum(r[11] == "已复验" for r in mine)])  # fmt: skip
    sheet = book.create_sheet("问题清单")
    sheet.append(["海景二期 第三方交付评估 问题清单"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        ["评估单位：示例工程咨询有限公司", None, None, f"导出时间：{PINNED:%Y-%m-%d %H:%M}"]
    )
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row][12:15]:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    book.properties.creator = "示例工程咨询有限公司"
    book.properties.created = PINNED
    raw = io.BytesIO()
    book.save(raw)
    return _pinned(raw.getvalue())


def _pinned(data: bytes) -> bytes:
    """The archive with every timestamp set to the export's time, so that it is the same
    bytes each time it is made."""
    stamp = PINNED.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            body = old.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp.encode(), body)
            pinned = zipfile.ZipInfo(info.filename, date_time=PINNED.timetuple()[:6])
            pinned.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(pinned, body)
    return out.getvalue()


def build() -> tuple[bytes, list[dict[str, Any]]]:
    """The workbook's bytes, and the findings it holds (each with the item it means)."""
    rng = random.Random(SEED)
    rows = findings(rng)
    return workbook(sheet_rows(rng, rows)), rows


def write(path: Path = OUT) -> int:
    """Write the export; return the number of rows in its list."""
    data, rows = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(rows)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(f"wrote {write(target)} rows to {target}")
