"""Schema validation of a composed YAML document, with every error placed in the file."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from journey import messages
from journey.problems import MAX_PER_FILE, Place, Problem, key_text
from journey.yamlio import Document

M = TypeVar("M", bound=BaseModel)

_TYPE_CODES = {
    "string_type": "schema.text",
    "int_parsing": "schema.int",
    "int_type": "schema.int",
    "int_from_float": "schema.int",
    "float_parsing": "schema.number",
    "float_type": "schema.number",
    "bool_parsing": "schema.bool",
    "bool_type": "schema.bool",
    "list_type": "schema.list",
    "tuple_type": "schema.list",
    "dict_type": "schema.mapping",
    "model_type": "schema.mapping",
    "model_attributes_type": "schema.mapping",
    "too_short": "schema.too_short",
    "greater_than_equal": "schema.ge",
    "less_than_equal": "schema.le",
    "string_too_short": "schema.empty_text",
}


def suggest(value: str, choices: Iterable[str]) -> str:
    """The closest known name to `value`, or "" when nothing is close."""
    options = [c for c in choices if isinstance(c, str)]
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in options}
        close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
        close = [lowered[c] for c in close]
    return close[0] if close else ""


def path_text(doc: Document, loc: Sequence[str | int]) -> str:
    """A readable path such as `risks[3].owner`, skipping union tags."""
    out = ""
    node: Any = doc.data
    last = len(loc) - 1
    for i, step in enumerate(loc):
        if isinstance(node, list) and isinstance(step, int):
            out += f"[{step}]"
            node = node[step] if 0 <= step < len(node) else None
        elif isinstance(step, str) and ((isinstance(node, dict) and step in node) or i == last):
            shown = step if step == "[key]" else key_text(step)  # pydantic's mark of a key
            out += f".{shown}" if out else shown
            node = node.get(step) if isinstance(node, dict) else None
    return out or "(file)"


def validate(
    doc: Document, model: type[M], base: Sequence[str | int] = ()
) -> tuple[M | None, list[Problem]]:
    """Validate the document (or the part of it at `base`) against `model`."""
    data: Any = doc.data
    for step in base:
        data = data[step]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        count = exc.error_count()
        errors = _first_errors(model, data, exc)
        problems = [_convert(doc, model, tuple(base) + tuple(err["loc"]), err) for err in errors]
        if count > MAX_PER_FILE:  # the rest are only counted
            more = count - len(problems)
            problems.append(Problem(Place(doc.path), "", "file.more", {"count": more}))
        return None, problems


def _first_errors(model: type[BaseModel], data: Any, exc: ValidationError) -> list[Any]:
    """At most MAX_PER_FILE errors, without building all of them: a file of a million
    bad entries would take seconds and a gigabyte. Validating the data with every long
    list and mapping cut to its first entries gives the first errors cheaply."""
    if exc.error_count() > MAX_PER_FILE:
        try:
            model.model_validate(_head(data))
        except ValidationError as small:
            exc = small
    return _meaningful(exc.errors(include_url=False))[:MAX_PER_FILE]


def _meaningful(errors: list[Any]) -> list[Any]:
    """The errors less a list's "too short" when its entries have errors of their own:
    pydantic reports both when every entry is invalid, and the entries say it better."""
    inside = {tuple(err["loc"][:-k]) for err in errors for k in range(1, len(err["loc"]))}
    return [e for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in inside)]


def _head(data: Any) -> Any:
    if isinstance(data, list):
        return [_head(v) for v in data[:MAX_PER_FILE]]
    if isinstance(data, dict):
        items = list(data.items())
        if len(items) > MAX_PER_FILE:  # a model has fewer fields: this is a mapping of ids
            items = items[:MAX_PER_FILE]
        return {k: _head(v) for k, v in items}
    return data


def _convert(
    doc: Document, model: type[BaseModel], loc: tuple[str | int, ...], err: Any
) -> Problem:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    raw = err.get("input")
    shown_input = raw if isinstance(raw, (str, int, float)) else ""
    params: dict[str, object] = {}
    if kind == "extra_forbidden":
        line, col = doc.key_mark(loc)
        field = str(loc[-1])
        code = "schema.extra"
        params = {"field": field, "suggestion": suggest(field, allowed_fields(model, loc[:-1]))}
        return Problem(Place(doc.path, line, col), path_text(doc, loc), code, params)
    line, col = doc.locate(loc)
    if kind == "missing":
        code, params = "schema.missing", {"field": loc[-1]}
    elif messages.has(kind):
        code, params = kind, dict(ctx)
    elif kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", ""))
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",")]
        code = "schema.choice"
        params = {"input": shown_input, "expected": messages.OneOf(c for c in choices if c)}
        if isinstance(raw, str):
            params["suggestion"] = suggest(raw, [c for c in choices if c])
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        tag = ctx.get("discriminator", "").strip("'")
        code = "ref.unknown" if kind == "union_tag_invalid" else "schema.missing"
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        if kind == "union_tag_invalid":
            params = {"what": "what.rule", "value": ctx.get("tag", "")}
            params["suggestion"] = suggest(str(ctx.get("tag", "")), expected.split(", "))
            line, col = doc.locate((*loc, tag))
        else:
            params = {"field": tag}
    elif kind == "string_pattern_mismatch":
        code, params = "schema.pattern", {"input": shown_input, "pattern": ctx.get("pattern", "")}
    elif kind.startswith("date") or kind.startswith("datetime"):
        code = "schema.date"
        params = {"input": shown_input, "detail": ctx.get("error", err["msg"])}
    elif kind in _TYPE_CODES:
        code = _TYPE_CODES[kind]
        params = {"input": shown_input, **dict(ctx.items())}
        if kind in ("greater_than_equal", "less_than_equal"):
            params["limit"] = ctx.get("ge", ctx.get("le"))
        if kind == "too_short":
            params["min"] = ctx.get("min_length", 1)
    else:
        code, params = "schema.other", {"detail": err["msg"]}
    return Problem(Place(doc.path, line, col), path_text(doc, loc), code, params)


def allowed_fields(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The field names accepted at `loc` inside `model` (for did-you-mean)."""
    current: Any = model
    for step in loc:
        current = _descend(current, step)
        if current is None:
            return []
    models = _models_in(current)
    return sorted({f.alias or name for m in models for name, f in m.model_fields.items()})


def _descend(tp: Any, step: str | int) -> Any:
    for candidate in _models_in(tp):
        if isinstance(step, str) and step in candidate.model_fields:
            return candidate.model_fields[step].annotation
        if isinstance(step, str):
            for name in ("rule", "kind"):
                field = candidate.model_fields.get(name)
                if field is not None and step in typing.get_args(field.annotation):
                    return candidate
    for arg in _unwrap(tp):
        origin = typing.get_origin(arg)
        if isinstance(step, int) and origin in (list, tuple):
            return typing.get_args(arg)[0]
        if isinstance(step, str) and origin is dict:  # e.g. `risks: {RS-001: {...}}`
            return typing.get_args(arg)[1]
    return None


def _unwrap(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [x for arg in typing.get_args(tp) for x in _unwrap(arg)]
    return [tp]


def _models_in(tp: Any) -> list[type[BaseModel]]:
    return [t for t in _unwrap(tp) if isinstance(t, type) and issubclass(t, BaseModel)]
