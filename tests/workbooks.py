"""Workbooks written and read with openpyxl, the consumer Excel files are checked with."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import IO, Any

import openpyxl
import yaml

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "harbour-view"
EXAMPLE_AS_OF = dt.date(2026, 10, 20)


def write_book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A workbook with one worksheet per entry, rows as given (the header first)."""
    book = openpyxl.Workbook()
    default = book.active
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    if default is not None:
        book.remove(default)
    book.save(path)
    return path


def sheets(source: Path | IO[bytes]) -> dict[str, list[tuple[Any, ...]]]:
    """Every worksheet's rows as values, the header first, by the worksheet's name."""
    book = openpyxl.load_workbook(source, read_only=True)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book}
    finally:
        book.close()


def rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    """Every row of a worksheet as values, the header first."""
    book = openpyxl.load_workbook(path)
    return [tuple(r) for r in book[sheet].iter_rows(values_only=True)]


def set_cell(path: Path, sheet: str, item_id: str, header: str, value: Any) -> None:
    """Change one cell, found by the row's id and the column's header."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == item_id:
            row[headers.index(header)].value = value
    book.save(path)


def copy_example(folder: Path) -> Path:
    """The Harbour View example copied into `folder`."""
    target = folder / "harbour-view"
    shutil.copytree(EXAMPLE, target)
    return target


def move_statuses_out(project: Path, workbook: str) -> None:
    """Take `risks`, `checks` and `tasks` out of project.yaml and name the workbook."""
    path = project / "project.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section in ("risks", "checks", "tasks"):
        data.pop(section, None)
    data["status"] = workbook
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
