"""Source kind `jsonl`: one document per line with fields id, url, text or html, and optional metadata."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from .files import matching_files
from .record import SourceRecord, too_large
from .spec import SourceSpec

HINT_FIELDS = ("title", "author", "published", "publisher")


def _record(line: bytes, where: str, spec: SourceSpec) -> SourceRecord | None:
    if not line.strip():
        return None
    if len(line) > spec.max_bytes:
        return SourceRecord(key=where, uri=where, location=where, problem=too_large(len(line), spec.max_bytes))
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return SourceRecord(key=where, uri=where, location=where, problem_stage="parse",
                            problem=f"not a JSON object: {exc}; fix or remove this line")
    if not isinstance(obj, dict):
        return SourceRecord(key=where, uri=where, location=where, problem_stage="parse",
                            problem="the line is JSON but not an object; each line must be {\"id\": …, \"text\": …}")
    key = obj.get("id") or obj.get("url")
    uri = str(obj.get("url") or obj.get("id") or where)
    if key is None:
        return SourceRecord(key=where, uri=uri, location=where, problem_stage="parse",
                            problem="the record has neither 'id' nor 'url'; add one so it can be identified")
    body, fmt = (obj.get("html"), "html") if obj.get("html") is not None else (obj.get("text"), "text")
    if not isinstance(body, str):
        return SourceRecord(key=str(key), uri=uri, location=where, problem_stage="parse",
                            problem="the record has no 'text' or 'html' string field")
    hints = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in HINT_FIELDS}
    return SourceRecord(key=str(key), uri=uri, location=where, payload=body.encode("utf-8", "surrogatepass"),
                        content_sha256=hashlib.sha256(line.rstrip(b"\r\n")).hexdigest(), charset="utf-8",
                        format_hint=fmt, hints=hints)


def read(spec: SourceSpec) -> Iterator[SourceRecord]:
    for path in matching_files(spec):
        rel = path.name if spec.path.is_file() else path.relative_to(spec.path).as_posix()
        try:
            with path.open("rb") as fh:
                for n, line in enumerate(fh, start=1):
                    rec = _record(line, f"{rel}:{n}", spec)
                    if rec is not None:
                        rec.order = f"{rel}:{n:012d}"
                        yield rec
        except OSError as exc:
            yield SourceRecord(key=rel, uri=rel, location=rel, problem=f"cannot read the file: {exc}")
