"""Source kind `warc`: the HTML or text `response` records of WARC files (gzip or not), read with warcio."""
from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .files import container_records, matching_files
from .record import SourceRecord, too_large
from .spec import SourceSpec

_TEXTUAL = re.compile(r"^(text/|application/(xhtml\+xml|xml|json))", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:\-]+)", re.I)


COUNT_CAP = 1 << 30  # an over-large payload is measured up to this size (a compression bomb could go on)


def _payload(record, limit: int) -> tuple[bytes | None, int]:
    """(payload, size), or (None, its expanded size up to COUNT_CAP) when it is over `limit` bytes: read a MiB
    at a time, so an over-large or compression-bomb payload never sits in memory."""
    stream = record.content_stream()
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return data, len(data)
    size = len(data)
    del data
    while size <= COUNT_CAP and (chunk := stream.read(1 << 20)):
        size += len(chunk)
    return None, size


def _over_limit(record, size: int, limit: int) -> str:
    coding = (record.http_headers.get_header("Content-Encoding") if record.http_headers else None) or ""
    what = f"over {COUNT_CAP >> 20} MB" if size > COUNT_CAP else f"{size / 1048576:.1f} MB"
    if not coding.strip() or coding.strip().lower() == "identity":
        return too_large(min(size, COUNT_CAP), limit, at_least=size > COUNT_CAP)
    return (f"the payload is {coding.strip()}-compressed and expands to {what}, over the source's max_document_mb "
            f"of {limit / 1048576:g} MB: a compression bomb, or a page larger than the limit (then raise "
            "max_document_mb for this source)")


class Truncated(ValueError):
    """The WARC ends before a record or the gzip stream does."""


def _check_complete(record) -> None:
    while record.raw_stream.read(1 << 20):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise Truncated("a record is shorter than its Content-Length")


def _check_end(fh: BinaryIO, offset: int) -> None:
    """warcio stops quietly at a record header cut short; anything but blank lines after the last record tells."""
    fh.seek(offset)
    if fh.read(4096).strip():
        raise Truncated("the file ends inside a record header")


def _check_gzip(fh: BinaryIO) -> None:
    """warcio stops quietly at a cut gzip member; reading the stream to its end tells."""
    fh.seek(0)
    if fh.read(2) != b"\x1f\x8b":
        return
    fh.seek(0)
    try:
        with gzip.GzipFile(fileobj=fh) as gz:
            while gz.read(1 << 20):
                pass
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise Truncated(f"the gzip stream is cut short ({exc})") from None


def _records(fh: BinaryIO, rel: str, spec: SourceSpec) -> Iterator[SourceRecord]:
    """The text responses of one WARC file; a cut or unreadable file ends with a row saying from which byte."""
    iterator = ArchiveIterator(fh)
    offset = 0
    try:
        for record in iterator:
            offset = iterator.offset  # where this record starts
            if not record.rec_headers.get_header("Content-Length"):
                raise Truncated("a record header is cut short: it has no Content-Length")
            rec = _response(record, rel, offset, spec)
            _check_complete(record)  # every record, also those that are not documents
            if rec is not None:
                yield rec
        offset = iterator.offset
        _check_end(fh, offset)
        _check_gzip(fh)
    except Exception as exc:  # noqa: BLE001 - warcio raises anything (AttributeError, too) at a damaged header
        offset = max(offset, iterator.offset)  # past the last whole record when the next one's header is bad
        why = str(exc) if isinstance(exc, ArchiveLoadFailed | OSError | EOFError | ValueError) else \
            f"{type(exc).__name__}: {exc}"
        yield SourceRecord(key=f"{rel}@{offset}", uri=rel, location=f"{rel}@{offset}",
                           problem=f"the WARC file cannot be read from byte {offset} on ({why}): it is probably "
                                   "truncated or not a WARC; the records before it were read; re-download or "
                                   "re-write it")


def _response(record, rel: str, offset: int, spec: SourceSpec) -> SourceRecord | None:
    """One record as a document, or None when it is not a text or HTML response."""
    if record.rec_type != "response":
        return None
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or \
        record.rec_headers.get_header("Content-Type") or "text/html"
    if not _TEXTUAL.match(ctype.strip()):
        return None
    charset = _CHARSET.search(ctype)
    date = record.rec_headers.get_header("WARC-Date") or ""
    data, size = _payload(record, spec.max_bytes)
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{rel}@{offset}"
    where = f"{rel}@{offset}"
    if data is None:
        return SourceRecord(key=uri, uri=uri, location=where, order=date,
                            problem=_over_limit(record, size, spec.max_bytes))
    return SourceRecord(key=uri, uri=uri, location=where, payload=data, order=date,
                        charset=charset.group(1) if charset else None,
                        format_hint="html" if "html" in ctype.lower() else None)


def read(spec: SourceSpec) -> Iterator[SourceRecord]:
    yield from container_records(spec, matching_files(spec), _records)
