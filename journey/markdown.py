"""Making text from catalogs and projects inert in Markdown.

Used by the gate's Markdown output and the Markdown reports alike: no title or note
can break a table, start a heading, emphasise, link, or inject HTML into a page that
renders the Markdown.
"""

from __future__ import annotations

import re

from journey.chars import printable

_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_LEADING = re.compile(r"^(\s*)(#|[+\-=](?=\s|$))")
_SPACE = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(value: object) -> str:
    """`|`, `<`, `>`, backticks, emphasis, links and a leading `#` escaped, on one line."""
    text = _SPACE.sub(" ", printable(str(value)))  # a newline would end a table row
    text = _ENTITY.sub("&amp;", text)
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _LEADING.sub(r"\1\\\2", text)
