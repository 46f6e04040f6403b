"""What a source kind yields: one record per document, with its identity and its bytes (or a read problem)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

_SURROGATE = re.compile("[\ud800-\udfff]")


def key_bytes(key: str) -> bytes:
    """A key as bytes, whatever it holds: a file name's undecodable bytes (surrogate-escaped by the filesystem
    layer) as those very bytes, lone surrogates from JSON escapes (`\\ud800`) as their WTF-8 bytes."""
    try:
        return key.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return key.encode("utf-8", "surrogatepass")


def make_doc_id(source: str, key: str) -> str:
    """The contract's stable id: first 16 hex of sha256(source name + "\\n" + key)."""
    return hashlib.sha256(source.encode() + b"\n" + key_bytes(key)).hexdigest()[:16]


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xdc00:02x}" if 0xdc80 <= code <= 0xdcff else f"\\u{code:04x}"


def readable(text: str | None) -> str | None:
    """Text safe to store and show: an undecodable file-name byte becomes `\\xff`, a lone surrogate `\\ud800`."""
    return text if text is None or not _SURROGATE.search(text) else _SURROGATE.sub(_escape, text)


def lone_surrogates(text: str) -> int:
    """How many lone UTF-16 surrogates (half characters, e.g. from a JSON `\\ud800` escape) the text holds."""
    return len(_SURROGATE.findall(text))


def replace_surrogates(text: str | None) -> str | None:
    """Text with each lone surrogate replaced by U+FFFD, the mark of a character that could not be decoded."""
    return text if text is None or not _SURROGATE.search(text) else _SURROGATE.sub("\ufffd", text)


@dataclass
class SourceRecord:
    """One document as a source kind found it.

    `payload` is the document's bytes to decode; `content_sha256` hashes the document's own bytes (the file,
    the jsonl line, the WARC payload). `problem` is set instead when the record could not be read.
    `order` breaks ties between records with the same key: the greatest wins. `keeps` is set on the row of a
    folder that could not be listed: the published documents under that folder (`""`: the whole source) stay.
    """

    key: str
    uri: str
    location: str | None = None
    payload: bytes | None = None
    content_sha256: str | None = None
    problem: str | None = None
    problem_stage: str = "read"
    charset: str | None = None
    format_hint: str | None = None
    hints: dict[str, str | None] = field(default_factory=dict)
    order: str = ""
    keeps: str | None = None

    def __post_init__(self) -> None:
        self.uri = readable(self.uri) or ""
        self.location = readable(self.location)
        self.problem = readable(self.problem)
        self.hints = {k: replace_surrogates(v) for k, v in self.hints.items()}
        if self.payload is not None and self.content_sha256 is None:
            self.content_sha256 = hashlib.sha256(self.payload).hexdigest()


def too_large(size: int, limit: int, at_least: bool = False) -> str:
    """The `read` error of a document over its source's max_document_mb (`at_least`: it was measured no further)."""
    what = f"{'over ' if at_least else ''}{size / 1048576:.1f} MB"
    return (f"the document is {what}, over the source's max_document_mb of {limit / 1048576:g} MB; "
            "raise max_document_mb for this source or split the document")
