"""Writing real WARC files for tests with warcio."""
from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def write_warc(path: Path, records: list[dict], gzip: bool = True) -> None:
    """records: {uri, body (bytes), date, type ('response'|'revisit'|'request'), content_type}."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for r in records:
            rtype = r.get("type", "response")
            headers = StatusAndHeaders("200 OK", [("Content-Type", r.get("content_type", "text/html; charset=utf-8"))],
                                       protocol="HTTP/1.1")
            payload = io.BytesIO(r.get("body", b""))
            warc_headers = {"WARC-Date": r.get("date", "2024-01-01T00:00:00Z")}
            if rtype == "revisit":
                rec = writer.create_revisit_record(r["uri"], digest="sha1:AAAA", refers_to_uri=r["uri"],
                                                   refers_to_date=r.get("date", "2024-01-01T00:00:00Z"),
                                                   http_headers=headers)
            elif rtype == "request":
                rec = writer.create_warc_record(r["uri"], "request", payload=payload)
            else:
                rec = writer.create_warc_record(r["uri"], "response", payload=payload, http_headers=headers,
                                                warc_headers_dict=warc_headers)
            writer.write_record(rec)
