"""What a source kind yields: one record per document, with its identity and its bytes (or a read problem)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def make_doc_id(source: str, key: str) -> str:
    """The contract's stable id: first 16 hex of sha256(source name + "\\n" + key)."""
    return hashlib.sha256(f"{source}\n{key}".encode()).hexdigest()[:16]


@dataclass
class SourceRecord:
    """One document as a source kind found it.

    `payload` is the document's bytes to decode; `content_sha256` hashes the document's own bytes (the file,
    the jsonl line, the WARC payload). `problem` is set instead when the record could not be read.
    `order` breaks ties between records with the same key: the greatest wins.
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

    def __post_init__(self) -> None:
        if self.payload is not None and self.content_sha256 is None:
            self.content_sha256 = hashlib.sha256(self.payload).hexdigest()


def too_large(size: int, limit: int) -> str:
    return (f"the document is {size / 1048576:.1f} MB, over the source's max_document_mb of {limit / 1048576:g} MB; "
            "raise max_document_mb for this source or split the document")
