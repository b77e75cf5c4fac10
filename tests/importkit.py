"""A project, a map and exports to import, built in a temporary folder (tests of import)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

PROJECT = """\
kind: project
id: test-project
name: Test
positioning: whole-process
stage: pre-delivery
buildings: [T1, T2, T3]
findings: [findings/imported.csv]
"""

MAP = """\
kind: import-map
id: app
columns:
  building: 楼栋
  unit: [房号, 房间号]
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
ids: {column: 问题编号, prefix: MY-}
items:
  - {equals: 墙面空鼓, item: AC-CIV-001}
  - {contains: [渗水, 渗漏, 漏水], item: AC-CIV-007}
  - {regex: '^门窗', item: AC-INS-016}
statuses: {待整改: open, 已整改: rectified, 已复验: verified, 返修: reopened, 非质量问题: disputed}
severities: {一般: minor, 严重: major}
buildings:
  - {equals: 一期1栋, building: T1}
  - {regex: '^(\\d+)#楼?$', building: 'T{1}'}
date_formats: ['%Y/%m/%d', '%Y年%m月%d日', '%Y.%m.%d']
"""

HEADER = [
    "问题编号", "楼栋", "房号", "部位", "问题分类", "问题描述", "状态", "登记时间", "整改期限",
    "关闭时间", "责任单位", "严重程度", "照片",
]  # fmt: skip
GOOD = ["Q01", "1#楼", "201", "客厅", "墙面空鼓", "客厅墙面空鼓", "待整改", "2026-10-05",
        "2026-10-12", "", "宏建建设", "一般", "photos/q01.jpg"]  # fmt: skip


def row(**changes: str) -> list[str]:
    """GOOD with some cells changed, by header name."""
    out = list(GOOD)
    for name, value in changes.items():
        out[HEADER.index(name)] = value
    return out


def csv_text(rows: list[list[str]], header: list[str] = HEADER) -> str:
    """A CSV export as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def xlsx(path: Path, rows: list[list[Any]], *, title: str = "问题清单") -> Path:
    """An .xlsx export: `rows` as they are (the header among them)."""
    pytest.importorskip("openpyxl")
    from workbooks import write_book

    return write_book(path, {title: rows})


def project(tmp_path: Path, map_text: str = MAP, project_text: str = PROJECT) -> Path:
    """A project folder with its project.yaml, an empty findings folder and `map.yaml`."""
    folder = tmp_path / "p"
    (folder / "findings").mkdir(parents=True)
    (folder / "project.yaml").write_text(project_text, encoding="utf-8")
    (folder / "map.yaml").write_text(map_text, encoding="utf-8")
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV the import wrote (a BOM is dropped)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))
