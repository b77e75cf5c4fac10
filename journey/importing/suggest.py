"""Which checklist item a source category most likely means, for the import's summary.

An export's categories are short words (空鼓, 地漏, `leak`) and the catalog's titles are
phrases (墙面及顶棚抹灰空鼓, `Floor fall to drains and trap seal`), so plain edit distance
finds nothing: a title that holds the word scores best (the shorter the title, the
better), then the longest run of characters the two share, then shared words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from difflib import SequenceMatcher

from journey.models import CheckItem

THRESHOLD = 0.5
_WORD = re.compile(r"[a-z0-9]{3,}")


def suggest_item(text: str, items: Mapping[str, CheckItem]) -> str | None:
    """The id of the item whose English or Chinese title best matches `text`, if any is
    close enough; the first in catalog order wins a tie."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    best, top = None, THRESHOLD
    for item_id, item in items.items():
        for title in (item.title.en, item.title.zh):
            if title:
                score = closeness(wanted, title.casefold())
                if score > top or (score == top and best is None):
                    best, top = item_id, score
    return best


def closeness(text: str, title: str) -> float:
    """How well `title` stands for `text` (both case-folded): above 1 when it holds it."""
    if text in title:
        return 1 + len(text) / len(title)
    longest = (
        SequenceMatcher(None, text, title, autojunk=False)
        .find_longest_match(0, len(text), 0, len(title))
        .size
    )
    run = longest / len(text) if longest >= 2 else 0.0
    words = set(_WORD.findall(text))
    shared = len(words & set(_WORD.findall(title))) / len(words) if words else 0.0
    return max(run * 0.9, shared)


__all__ = ["closeness", "suggest_item"]
