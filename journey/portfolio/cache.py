"""The portfolio's cache: a project whose files have not changed is not read again.

`OUT/portfolio.cache.json` keeps, for every valid project of the last run, the stamps of
its input files (size, modification time, SHA-256) and its summary. A project is taken
from the cache when every file still has its size and its modification time, or, when
only the time moved, still has its content hash; a reading that was racy is never
reused. The whole cache is for one journey version, one catalog (a hash of its files),
one as-of date and one set of gates; another of any of them rebuilds it.

A cache is never trusted: its body line is signed with HMAC-SHA256 under a key kept
outside the output folder (in the user's cache folder, readable by its owner only), then
read back through the same strict models as it was written and checked against the
catalog and the gates it claims, so that a cache someone edited, truncated or copied in
from elsewhere is ignored and rebuilt rather than believed. Without a usable key there
is no cache.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from pydantic import Field, ValidationError

from journey.portfolio.models import Entry, Key, Stamp
from journey.portfolio.workers import MARGIN_NS, digest
from journey.types import Model

if TYPE_CHECKING:
    from journey.catalog import Catalog

CACHE_FILE = "portfolio.cache.json"
SCHEMA = "journey-portfolio-cache/1"
KEY_FILE = "portfolio-cache.key"


class Body(Model):
    """What the signature covers."""

    key: Key
    entries: tuple[Entry, ...]


class Header(Model):
    """The file's first line: what it is, and the signature of the line after it."""

    schema_: Literal["journey-portfolio-cache/1"] = Field(alias="schema")
    mac: str


class Loaded(NamedTuple):
    """The usable entries by folder, and why none are usable when that is so (a message
    code, "" when the cache was used or there was none)."""

    entries: dict[str, Entry]
    note: str


def fingerprint(catalog: Catalog) -> str:
    """A hash of the catalog's files: their paths and their content."""
    h = hashlib.sha256()
    for path in sorted(doc.path for doc in catalog.documents):
        h.update(path.encode("utf-8") + b"\0" + digest(Path(path)).encode("ascii") + b"\0")
    return h.hexdigest()


def load(folder: Path, key: Key, catalog: Catalog) -> Loaded:
    """The cache in `folder` if it is sound, signed and made with `key`."""
    path = folder / CACHE_FILE
    if not path.is_file():
        return Loaded({}, "")
    secret = _secret()
    if secret is None:
        return Loaded({}, "portfolio.cache_no_key")
    try:
        head, _, text = path.read_bytes().partition(b"\n")
        header = Header.model_validate_json(head)
        if not hmac.compare_digest(header.mac, _mac(secret, text.rstrip(b"\n"))):
            return Loaded({}, "portfolio.cache_damaged")
        body = Body.model_validate(json.loads(text))
    except (OSError, ValueError, ValidationError):  # ValidationError is a ValueError too
        return Loaded({}, "portfolio.cache_damaged")
    if body.key != key:
        return Loaded({}, "portfolio.cache_other")
    if not all(_sound(e, key, catalog) for e in body.entries):
        return Loaded({}, "portfolio.cache_damaged")
    return Loaded({e.folder: e for e in body.entries}, "")


def _sound(entry: Entry, key: Key, catalog: Catalog) -> bool:
    """What the models cannot check: the entry belongs to its folder, to these gates
    and to this catalog."""
    s = entry.summary
    known = set(catalog.check_items) | set(catalog.points)
    first = Path(entry.stamps[0].path)
    return (
        Path(entry.folder).is_absolute()
        and first == Path(entry.folder) / "project.yaml"
        and all(Path(st.path).is_absolute() for st in entry.stamps)
        and tuple(s.gates) == key.gates
        and all(set(cell.batches) <= set(s.batches) for cell in s.gates.values())
        and all(set(src.by_item) <= known for src in s.sources.values())
        and all(line.point in catalog.points for line in s.red_lines)
        and s.stage in catalog.stages
    )


def fresh(entry: Entry) -> Entry | None:
    """The entry when none of its files changed (with stamps brought up to date where a
    file was only touched), else None."""
    stamps = []
    for old in entry.stamps:
        now = _unchanged(old)
        if now is None:
            return None
        stamps.append(now)
    return entry.model_copy(update={"stamps": tuple(stamps)})


def _unchanged(old: Stamp) -> Stamp | None:
    path = Path(old.path)
    try:
        info = path.stat()
        if info.st_size != old.size:
            return None
        if info.st_mtime_ns == old.mtime_ns:
            return old
        if digest(path) != old.sha256:
            return None
    except OSError:
        return None
    settled = info.st_mtime_ns < time.time_ns() - MARGIN_NS
    return old.model_copy(update={"mtime_ns": info.st_mtime_ns}) if settled else old


def save(folder: Path, key: Key, entries: Iterable[Entry], protected: Sequence[Path]) -> bool:
    """Write the cache (signed) into `folder`; False when there is no key to sign with."""
    from journey.writing import write_atomic

    secret = _secret()
    if secret is None:
        return False
    body = Body(key=key, entries=tuple(entries)).model_dump_json().encode("utf-8")
    header = json.dumps({"schema": SCHEMA, "mac": _mac(secret, body)})
    write_atomic(folder / CACHE_FILE, f"{header}\n{body.decode('utf-8')}\n", protected)
    return True


def _mac(secret: bytes, body: bytes) -> str:
    """HMAC-SHA256 of the body line, exactly as written."""
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def key_folder() -> Path:
    """Where the signing key lives: `$XDG_CACHE_HOME/journey` or `~/.cache/journey`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "journey"


def _secret() -> bytes | None:
    """The user's signing key, made on first use; None when it cannot be kept."""
    path = key_folder() / KEY_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            value = path.read_text("ascii").strip()
        else:
            value = secrets.token_hex(32)
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(value + "\n")
    except (OSError, UnicodeDecodeError, RuntimeError):  # RuntimeError: no home folder
        return None
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        return None
    return bytes.fromhex(value)
