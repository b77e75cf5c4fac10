"""An external sort: records in key order without holding them all in memory.

Records are `(key, text)` pairs of strings; keys are unique. They gather in memory up to
a budget of characters, are sorted and spilled to a temporary file (a run), and the runs
are merged back in one pass (`heapq.merge`). Past MAX_RUNS runs, the runs so far are
merged into one, so a merge never holds more than MAX_RUNS files open.

A run holds one record a line, `key US text`; neither may hold a line break or the unit
separator (U+001F) — the table reader refuses both in every cell, and what the import
writes besides comes from its map, whose texts are checked the same way.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

BUDGET = 2_000_000  # characters of records held in memory before a run is spilled
MAX_RUNS = 64
SEP = "\x1f"


class Sorter:
    """Collects `(key, text)` records; iterating gives them in key order, once."""

    def __init__(self, budget: int | None = None, folder: Path | None = None) -> None:
        self.budget = BUDGET if budget is None else budget
        self.records: list[tuple[str, str]] = []
        self.size = 0
        self.runs: list[Path] = []
        self.count = 0
        self._folder = folder
        self._temp: tempfile.TemporaryDirectory[str] | None = None

    def add(self, key: str, text: str) -> None:
        """Add one record: `text` is one line, ending with its line break."""
        self.records.append((key, text))
        self.size += len(key) + len(text)
        self.count += 1
        if self.size > self.budget:
            self._spill()

    def __iter__(self) -> Iterator[tuple[str, str]]:
        self.records.sort()
        if not self.runs:
            records, self.records = self.records, []
            yield from records
            return
        self._spill()
        yield from self._merge(self.runs)

    def close(self) -> None:
        """Remove the runs."""
        self.records = []
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    def __enter__(self) -> Sorter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # Runs ------------------------------------------------------------------------------

    def _spill(self) -> None:
        self.records.sort()
        path = self._new_run()
        with path.open("w", encoding="utf-8", newline="") as out:
            out.writelines(f"{key}{SEP}{text}" for key, text in self.records)
        self.records, self.size = [], 0
        self.runs.append(path)
        if len(self.runs) >= MAX_RUNS:
            merged = self._new_run()
            with merged.open("w", encoding="utf-8", newline="") as out:
                out.writelines(f"{key}{SEP}{text}" for key, text in self._merge(self.runs))
            for run in self.runs:
                run.unlink()
            self.runs = [merged]

    def _new_run(self) -> Path:
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="journey-sort-", dir=self._folder)
        return Path(self._temp.name) / f"run-{len(self.runs):04d}-{self.count}.txt"

    @staticmethod
    def _merge(runs: list[Path]) -> Iterator[tuple[str, str]]:
        handles: list[TextIO] = []
        try:
            for run in runs:
                handles.append(run.open(encoding="utf-8", newline=""))
            yield from heapq.merge(*(_records(handle) for handle in handles))
        finally:
            for handle in handles:
                handle.close()


def _records(handle: TextIO) -> Iterator[tuple[str, str]]:
    for line in handle:
        key, _, text = line.partition(SEP)
        yield key, text


__all__ = ["BUDGET", "Sorter"]
