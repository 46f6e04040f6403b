"""Source kind `jsonl`: one document per line with fields id, url, text or html, and optional metadata."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import BinaryIO

from .files import container_records, matching_files
from .record import SourceRecord, lone_surrogates, replace_surrogates, too_large
from .spec import SourceSpec

HINT_FIELDS = ("title", "author", "published", "publisher")
MAX_SURROGATE_SHARE = 0.01  # as decoding's MAX_BAD_SHARE: more lone surrogates than this is not a document
_SKIP_CHUNK = 1 << 20
_TOO_DEEP = ("the JSON on this line is nested too deeply to read (over about 1,000 levels); flatten the record or "
             "remove this line")


def lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over `limit` bytes, its size), holding at most `limit` bytes at a time:
    an over-long line is measured while it is skipped, never read whole."""
    n = 0
    while line := fh.readline(limit + 1):
        n += 1
        size = len(line)
        if size <= limit or line.endswith(b"\n"):
            yield n, line, size
            continue
        while rest := fh.readline(_SKIP_CHUNK):
            size += len(rest)
            if rest.endswith(b"\n"):
                break
        yield n, None, size


def _hint(value: object) -> str | None:
    """A metadata field as text: strings and numbers as written, a list of strings joined; anything else none."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return None


def _parse_problem(where: str, uri: str, key: str, problem: str) -> SourceRecord:
    return SourceRecord(key=key, uri=uri, location=where, problem_stage="parse", problem=problem)


def _body(obj: dict, where: str, key: str, uri: str) -> tuple[str, str] | SourceRecord:
    """(text, format) of a record, or the problem record: a body is mostly whole characters, lone surrogates
    (half characters from JSON escapes such as `\\ud800`) become U+FFFD."""
    body, fmt = (obj.get("html"), "html") if obj.get("html") is not None else (obj.get("text"), "text")
    if not isinstance(body, str):
        return _parse_problem(where, uri, key, "the record has no 'text' or 'html' string field")
    halves = lone_surrogates(body)
    if halves > MAX_SURROGATE_SHARE * len(body):
        return SourceRecord(key=key, uri=uri, location=where, problem_stage="decode",
                            problem=f"the record's '{fmt}' holds {halves} lone UTF-16 surrogates (JSON escapes "
                                    f"such as \\ud800 that are half a character) in {len(body)} characters, over "
                                    "1%; re-export the feed with whole characters")
    return replace_surrogates(body) or "", fmt


def _record(line: bytes, where: str, spec: SourceSpec) -> SourceRecord | None:
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return _parse_problem(where, where, where, f"not a JSON object: {exc}; fix or remove this line")
    except RecursionError:
        return _parse_problem(where, where, where, _TOO_DEEP)
    if not isinstance(obj, dict):
        return _parse_problem(where, where, where,
                              "the line is JSON but not an object; each line must be {\"id\": …, \"text\": …}")
    raw_key = obj.get("id") or obj.get("url")
    uri = str(obj.get("url") or obj.get("id") or where)
    if raw_key is None:
        return _parse_problem(where, uri, where, "the record has neither 'id' nor 'url'; add one so it can be "
                                                 "identified")
    key = str(raw_key)
    body = _body(obj, where, key, uri)
    if isinstance(body, SourceRecord):
        return body
    text, fmt = body
    return SourceRecord(key=key, uri=uri, location=where, payload=text.encode("utf-8"),
                        content_sha256=hashlib.sha256(line.rstrip(b"\r\n")).hexdigest(), charset="utf-8",
                        format_hint=fmt, hints={k: _hint(obj.get(k)) for k in HINT_FIELDS})


def _order(rel: str, n: int) -> str:
    """Sorts as the walk reads (folder by folder, names in order, then line numbers): the greatest wins."""
    return "\0".join([*rel.split("/"), f"{n:012d}"])


def _read_file(fh: BinaryIO, rel: str, spec: SourceSpec) -> Iterator[SourceRecord]:
    for n, line, size in lines(fh, spec.max_bytes):
        where = f"{rel}:{n}"
        if line is None or len(line.rstrip(b"\r\n")) > spec.max_bytes:
            rec = SourceRecord(key=where, uri=where, location=where, problem=too_large(size, spec.max_bytes))
        else:
            try:
                rec = _record(line, where, spec)
            except RecursionError:  # a value nested too deeply to turn into text
                rec = _parse_problem(where, where, where, _TOO_DEEP)
        if rec is not None:
            rec.order = _order(rel, n)
            yield rec


def read(spec: SourceSpec) -> Iterator[SourceRecord]:
    yield from container_records(spec, matching_files(spec), _read_file)
