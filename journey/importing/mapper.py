"""An import map made ready to use: each source text to the findings value it means.

Exports repeat a few texts endlessly — a category, a status, a building, a date — so
every answer is remembered by its text (up to a bound), and a row usually costs a few
dictionary look-ups. Texts are compared stripped; `equals` and `contains` and the words
for statuses and severities ignore case, a `regex` sees the text as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from typing import Generic, TypeVar

from journey.findings import FINDING_STATUSES, SEVERITIES
from journey.importmap import PLACEHOLDER, ImportMapFile, as_tuple

CACHE_LIMIT = 1 << 14  # distinct texts remembered per kind of answer
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel's (1900) date system
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?")  # 10000–99999: the years 1927 to 2173
_MISSING = object()
T = TypeVar("T")


class _Remembered(Generic[T]):
    """Answers by text, each worked out once and remembered in `cache` (which the fast
    path of journey.importing.rows reads directly) for up to CACHE_LIMIT texts."""

    def __init__(self) -> None:
        self.cache: dict[str, T | None] = {}

    def __call__(self, text: str) -> T | None:
        found = self.cache.get(text, _MISSING)
        if found is _MISSING:
            found = self.answer(text)
            if len(self.cache) < CACHE_LIMIT:
                self.cache[text] = found
        return found  # type: ignore[return-value]

    def answer(self, text: str) -> T | None:
        """The answer for `text`, worked out."""
        raise NotImplementedError


class Dates(_Remembered[dt.date]):
    """Reads a date in ISO form, as an Excel serial number, or in one of the map's formats;
    a time of day after the date is ignored (findings are dated by the day)."""

    def __init__(self, formats: Sequence[str]) -> None:
        super().__init__()
        self.formats = tuple(formats)

    def answer(self, text: str) -> dt.date | None:
        """The date `text` (stripped, not empty) means, or None when it is not a date."""
        iso = _ISO.fullmatch(text)
        if iso is not None:
            try:
                return dt.date.fromisoformat(iso.group(1))
            except ValueError:
                return None
        serial = _SERIAL.fullmatch(text)
        if serial is not None:
            return EXCEL_EPOCH + dt.timedelta(days=int(serial.group(1)))
        candidates = (text, text.split(None, 1)[0]) if " " in text else (text,)
        for candidate in candidates:
            for fmt in self.formats:
                try:
                    return dt.datetime.strptime(candidate, fmt).date()
                except ValueError:
                    continue
        return None


class Words:
    """A mapping of source words (case ignored) plus journey's own words, which need none."""

    def __init__(self, mapping: dict[str, str], own: Sequence[str]) -> None:
        self.exact = {word: word for word in own}
        self.exact.update({k.strip(): v for k, v in mapping.items()})
        self.folded = {k.casefold(): v for k, v in self.exact.items()}

    def __call__(self, text: str) -> str | None:
        """The journey word for `text`, or None; a word found by its case is remembered
        as written."""
        found = self.exact.get(text)
        if found is None:
            found = self.folded.get(text.casefold())
            if found is not None and len(self.exact) < CACHE_LIMIT:
                self.exact[text] = found
        return found


class Items(_Remembered[str]):
    """The item rules in order: the first that matches a text (stripped) names its item."""

    def __init__(self, model: ImportMapFile) -> None:
        super().__init__()
        self.rules: list[tuple[str, object, str]] = []
        for rule in model.items:
            if rule.equals is not None:
                self.rules.append(("equals", rule.equals.strip().casefold(), rule.item))
            elif rule.contains is not None:
                words = tuple(w.casefold() for w in as_tuple(rule.contains))
                self.rules.append(("contains", words, rule.item))
            elif rule.regex is not None:
                self.rules.append(("regex", re.compile(rule.regex), rule.item))

    def answer(self, text: str) -> str | None:
        """The item of the first rule that matches `text`, or None."""
        if not text:
            return None
        folded = text.casefold()
        for kind, test, item in self.rules:
            if kind == "equals":
                if folded == test:
                    return item
            elif kind == "contains":
                if any(word in folded for word in test):  # type: ignore[attr-defined]
                    return item
            elif test.search(text):  # type: ignore[attr-defined]
                return item
        return None


class Buildings(_Remembered[str]):
    """The export's building names to the project's: exact texts, then regexes whose
    groups fill the template's `{1}`, `{2}` …; a text no rule names stands for itself.
    A name the project does not have (when it lists its buildings) is None."""

    def __init__(self, model: ImportMapFile, known: Collection[str]) -> None:
        super().__init__()
        self.equals = {r.equals.strip().casefold(): r.building for r in model.buildings if r.equals}
        self.regexes = [
            (re.compile(r.regex), r.building) for r in model.buildings if r.regex is not None
        ]
        self.known = frozenset(known)

    def answer(self, text: str) -> str | None:
        """The project's building for `text` (stripped, not empty), or None."""
        found = self.match(text)
        return None if self.known and found not in self.known else found

    def match(self, text: str) -> str | None:
        """The name the rules give `text`, whether or not the project has it."""
        named = self.equals.get(text.casefold())
        if named is not None:
            return named
        for regex, template in self.regexes:
            found = regex.search(text)
            if found is not None:
                return fill(template, found.groups())
        return text


def fill(template: str, groups: tuple[str | None, ...]) -> str:
    """The template with `{1}`, `{2}` … replaced by the regex's groups."""
    return PLACEHOLDER.sub(lambda m: groups[int(m.group(1)) - 1] or "", template)


class Mapper:
    """Everything a row needs from the map, compiled once."""

    def __init__(self, model: ImportMapFile, buildings: Collection[str]) -> None:
        self.model = model
        self.items = Items(model)
        self.buildings = Buildings(model, buildings)
        self.statuses = Words(dict(model.statuses), FINDING_STATUSES)
        self.severities = Words(dict(model.severities), SEVERITIES)
        self.dates = Dates(model.date_formats)


__all__ = ["Buildings", "Dates", "Items", "Mapper", "Words"]
