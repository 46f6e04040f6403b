"""Source kind `warc`: the HTML or text `response` records of WARC files (gzip or not), read with warcio."""
from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .files import matching_files
from .record import SourceRecord, too_large
from .spec import SourceSpec

_TEXTUAL = re.compile(r"^(text/|application/(xhtml\+xml|xml|json))", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:\-]+)", re.I)


def _payload(record, limit: int) -> bytes | None:
    stream = record.content_stream()
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


class Truncated(ValueError):
    """The WARC ends before a record or the gzip stream does."""


def _check_complete(record) -> None:
    while record.raw_stream.read(1 << 20):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise Truncated("a record is shorter than its Content-Length")


def _check_gzip(path: Path) -> None:
    """warcio stops quietly at a cut gzip member; reading the stream to its end tells."""
    with path.open("rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            return
    try:
        with gzip.open(path) as fh:
            while fh.read(1 << 20):
                pass
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise Truncated(f"the gzip stream is cut short ({exc})") from None


def read(spec: SourceSpec) -> Iterator[SourceRecord]:
    for path in matching_files(spec):
        rel = path.name if spec.path.is_file() else path.relative_to(spec.path).as_posix()
        offset = 0
        try:
            with path.open("rb") as fh:
                iterator = ArchiveIterator(fh)
                for record in iterator:
                    if record.rec_type != "response":
                        offset = iterator.get_record_offset()
                        continue
                    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or \
                        record.rec_headers.get_header("Content-Type") or "text/html"
                    if not _TEXTUAL.match(ctype.strip()):
                        offset = iterator.get_record_offset()
                        continue
                    charset = _CHARSET.search(ctype)
                    date = record.rec_headers.get_header("WARC-Date") or ""
                    data = _payload(record, spec.max_bytes)
                    _check_complete(record)
                    offset = iterator.get_record_offset()  # reads the record to its end: payload first
                    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{rel}@{offset}"
                    where = f"{rel}@{offset}"
                    if data is None:
                        yield SourceRecord(key=uri, uri=uri, location=where, order=date,
                                           problem=too_large(spec.max_bytes + 1, spec.max_bytes))
                        continue
                    yield SourceRecord(key=uri, uri=uri, location=where, payload=data, order=date,
                                       charset=charset.group(1) if charset else None,
                                       format_hint="html" if "html" in ctype.lower() else None)
            _check_gzip(path)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield SourceRecord(key=f"{rel}@{offset}", uri=rel, location=f"{rel}@{offset}",
                               problem=f"the WARC file cannot be read past byte {offset} ({exc}); it is probably "
                                       "truncated or not a WARC: re-download or re-write it")
