"""The text of each page of a PDF that headless Chromium printed, without a PDF library.

Chromium (Skia) writes plain objects, Flate-compressed content streams and Type0 fonts
with a ToUnicode CMap. Each page's content stream is read in painting order; the text
of each `BT … ET` block is decoded through the CMap of the font it selects. That is
enough to find page numbers, running headers and what a page ends with.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj\s(.*?)endobj", re.S)
_REF = rb"(\d+) 0 R"


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJ.finditer(pdf)}


def _stream(obj: bytes) -> bytes:
    start = obj.index(b"stream") + len(b"stream")
    start += 2 if obj[start : start + 2] == b"\r\n" else 1
    raw = obj[start : obj.rindex(b"endstream")]
    return zlib.decompress(raw) if b"/FlateDecode" in obj[:start] else raw


def _cmap(data: bytes) -> dict[int, str]:
    """Glyph id -> text, from a ToUnicode CMap's bfchar and bfrange sections."""
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(dst, 16)
            for k, glyph in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[glyph] = chr(first + k)
    return out


def _fonts(objects: dict[int, bytes], page: bytes) -> dict[bytes, dict[int, str]]:
    """The page's font resources by name, each as its glyph -> text map."""
    found = re.search(rb"/Font\s*<<(.*?)>>", page, re.S)
    if found is None:
        return {}
    out = {}
    for name, ref in re.findall(rb"/(\w+)\s+" + _REF, found.group(1)):
        font = objects[int(ref)]
        uni = re.search(rb"/ToUnicode\s+" + _REF, font)
        out[name] = _cmap(_stream(objects[int(uni.group(1))])) if uni else {}
    return out


def _runs(content: bytes, fonts: dict[bytes, dict[int, str]]) -> list[str]:
    """The text of each BT … ET block, in painting order."""
    runs = []
    for block in re.findall(rb"BT(.*?)ET", content, re.S):
        cmap: dict[int, str] = {}
        text = []
        for token in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>", block):
            if token.group(1) is not None:
                cmap = fonts.get(token.group(1), {})
                continue
            hexed = token.group(2)
            for i in range(0, len(hexed), 4):
                text.append(cmap.get(int(hexed[i : i + 4], 16), ""))
        runs.append("".join(text))
    return [r for r in runs if r.strip()]


def pages(pdf: bytes) -> list[list[str]]:
    """Each page's text runs, in document page order."""
    objects = _objects(pdf)
    order = _page_order(objects)
    out = []
    for number in order:
        page = objects[number]
        refs = re.search(rb"/Contents\s+(?:\[(.*?)\]|" + _REF + rb")", page, re.S)
        assert refs is not None
        ids = re.findall(_REF, refs.group(1)) if refs.group(1) else [refs.group(2)]
        content = b"".join(_stream(objects[int(i)]) for i in ids)
        out.append(_runs(content, _fonts(objects, page)))
    return out


def _page_order(objects: dict[int, bytes]) -> list[int]:
    """Page objects in the order of the page tree (Kids arrays from the root Pages)."""
    root = next(
        n for n, o in objects.items() if re.search(rb"/Type\s*/Pages\b", o) and b"/Parent" not in o
    )

    def walk(number: int) -> list[int]:
        node = objects[number]
        if re.search(rb"/Type\s*/Page\b", node):
            return [number]
        kids = re.search(rb"/Kids\s*\[(.*?)\]", node, re.S)
        assert kids is not None
        return [p for ref in re.findall(_REF, kids.group(1)) for p in walk(int(ref))]

    return walk(root)
