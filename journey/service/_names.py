"""What a register writes for a catalog entry — its id, or its title in either language —
resolved to the entry, with one error naming the cell when it is neither.

A Chinese team's export says `磨合期` or `渗漏` where journey says `run-in` or `leakage`;
both are accepted. Look-ups are one dictionary access per cell (a register has a
million rows); the error path says what is allowed and suggests the nearest name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Generic, TypeVar

from journey.messages import OneOf
from journey.types import LocalisedText
from journey.validation import suggest

T = TypeVar("T")
Error = Callable[..., bool]  # TableReader.error(line, column, code, **params)
LISTED = 12  # at most this many allowed values are listed in a message


class Names(Generic[T]):
    """Texts a register may write for each entry (id, titles, extra synonyms) → the value."""

    def __init__(
        self,
        what: str,
        entries: Iterable[tuple[str, LocalisedText | None, T]],
        synonyms: Mapping[str, str] | None = None,
    ) -> None:
        self.what = what
        listed = list(entries)
        self.ids = [entry_id for entry_id, _, _ in listed]
        by_id = {entry_id: value for entry_id, _, value in listed}
        self._by_text: dict[str, T] = dict(by_id)  # an id wins over another entry's title
        for _, title, value in listed:
            if title is not None:
                for text in (title.get("en"), title.get("zh")):
                    self._by_text.setdefault(text, value)
                    self._by_text.setdefault(text.casefold(), value)
        for text, entry_id in (synonyms or {}).items():
            self._by_text.setdefault(text.casefold(), by_id[entry_id])
        self._titles = [t for t in self._by_text if t not in by_id]

    def get(self, text: str) -> T | None:
        """The entry `text` names, or None."""
        found = self._by_text.get(text)
        return found if found is not None else self._by_text.get(text.casefold())

    def unknown(self, error: Error, line: int, column: str, text: str) -> None:
        """Report `text` as naming no entry, with the allowed ids and a suggestion."""
        hint = suggest(text, self.ids) or suggest(text, self._titles)
        if len(self.ids) > LISTED:
            error(line, column, "table.unknown_value", value=text, what=self.what, suggestion=hint)
            return
        error(
            line, column, "table.unknown_in", value=text, what=self.what,
            choices=OneOf(self.ids), suggestion=hint,
        )  # fmt: skip


__all__ = ["Names"]
