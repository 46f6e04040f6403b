"""Source kind `files`: one document per file (plain-text scrapes and HTML pages)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .record import SourceRecord, too_large
from .spec import SourceSpec


def matching_files(spec: SourceSpec) -> Iterator[Path]:
    """The files a source covers, in a stable order, hidden files skipped."""
    if spec.path.is_file():
        yield spec.path
        return
    for path in sorted(spec.path.glob(spec.effective_glob)):
        rel = path.relative_to(spec.path)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            yield path


def read(spec: SourceSpec) -> Iterator[SourceRecord]:
    for path in matching_files(spec):
        key = path.name if spec.path.is_file() else path.relative_to(spec.path).as_posix()
        try:
            size = path.stat().st_size
            if size > spec.max_bytes:
                yield SourceRecord(key=key, uri=key, problem=too_large(size, spec.max_bytes))
                continue
            yield SourceRecord(key=key, uri=key, payload=path.read_bytes())
        except OSError as exc:
            yield SourceRecord(key=key, uri=key, problem=f"cannot read the file: {exc.strerror or exc}; check its "
                                                         "permissions")
