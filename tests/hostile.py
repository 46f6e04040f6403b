"""A hostile corpus, made at test time (bad names, links, pipes and unlistable folders only exist on a real disk).

`build(root)` writes three sources (files, jsonl, warc) in which every hostile class of input sits next to good
documents, and returns what a run must publish and the one `ingest_errors` row each bad input must give.
"""
from __future__ import annotations

import gzip
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.helpers import news_page
from tests.warcs import write_warc

PATH_MAX = 4096
NESTING = 100_000


@dataclass
class Expected:
    """The documents (source, uri) a run must publish and, per bad input, (source, uri) → (stage, words)."""

    sources: list[dict] = field(default_factory=list)
    good: set[tuple[str, str]] = field(default_factory=set)
    bad: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    texts: dict[tuple[str, str], str] = field(default_factory=dict)  # a phrase its title or body must hold


def deep_folder(base: Path, length: int) -> Path:
    """Nested folders under `base` whose full path is `length` characters long (made with relative names, so
    it can be longer than PATH_MAX: such a folder cannot be listed by its path, even by root)."""
    names, total = [], len(str(base))
    while total < length:
        size = min(200, length - total - 1)
        names.append(f"n{len(names)}".ljust(max(size, 2), "x"))
        total += len(names[-1]) + 1
    fd = os.open(base, os.O_RDONLY)
    try:
        for name in names:
            os.mkdir(name, dir_fd=fd)
            child = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
        page = os.open("page.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(page, news_page(77).encode())
        os.close(page)
    finally:
        os.close(fd)
    return base.joinpath(*names)


def unlistable(deep: Path, base: Path) -> str:
    """The path, relative to `base` and ending in `/`, of the first folder on the way to `deep` that is too long."""
    first = next(p for p in [deep, *deep.parents] if len(str(p.parent)) < PATH_MAX <= len(str(p)))
    return str(first.relative_to(base)) + "/"


def _files(root: Path, exp: Expected) -> None:
    pages = root / "pages"
    (pages / "sub").mkdir(parents=True)
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_text(news_page(90))
    (pages / "good.txt").write_text(news_page(1))
    (pages / "sub" / "real.txt").write_text(news_page(2))
    with open(os.fsencode(pages) + b"/caf\xff\xfe.txt", "wb") as fh:  # not UTF-8: a key from the bytes
        fh.write(news_page(3).encode())
    os.mkdir(os.fsencode(pages) + b"/d\xe9p")  # a Latin-1 folder name
    with open(os.fsencode(pages) + b"/d\xe9p/page.txt", "wb") as fh:
        fh.write(news_page(6).encode())
    (pages / "utf16.txt").write_bytes(news_page(4).encode("utf-16-le"))  # no byte-order mark
    (pages / "huge-number.txt").write_text(news_page(5).replace("towns.", f"towns, with a debt of £{'9' * 400}.", 1))
    # inputs that once stalled a run or lost a page: each must now be an ordinary document
    (pages / "dots.txt").write_text(news_page(7) + "\n" + "." * 40_000 + "!" * 20_000 + "\u2026" * 20_000 + "\n")
    (pages / "honorifics.txt").write_text(news_page(8) + "\n" + "Mr " * 20_000 + "\n")
    (pages / "year-one.html").write_text(
        '<html><head><title>Budget gap widens</title><meta property="article:published_time" '
        'content="0001-01-01T00:00:00Z"></head><body><article><h1>Budget gap widens</h1><p>'
        + news_page(9).replace("\n", "</p><p>") + "</p></article></body></html>")
    (pages / "inside.txt").symlink_to("sub/real.txt")
    (pages / "out.txt").symlink_to(root / "outside" / "secret.txt")
    (pages / "etc").symlink_to("/etc")
    (pages / "loop1.txt").symlink_to("loop2.txt")
    (pages / "loop2.txt").symlink_to("loop1.txt")
    (pages / "dangling.txt").symlink_to("missing.txt")
    (pages / "self").symlink_to(".")
    os.mkfifo(pages / "pipe.txt")
    deep = deep_folder(pages, PATH_MAX + 100)
    exp.sources.append({"name": "pages", "kind": "files", "path": "pages"})
    exp.good |= {("pages", u) for u in ("good.txt", "sub/real.txt", "caf\\xff\\xfe.txt", "d\\xe9p/page.txt",
                                        "utf16.txt", "huge-number.txt", "inside.txt", "dots.txt", "honorifics.txt",
                                        "year-one.html")}
    exp.texts[("pages", "utf16.txt")] = "said on Tuesday that spending on"
    exp.texts[("pages", "huge-number.txt")] = "a debt of £" + "9" * 400
    exp.texts[("pages", "year-one.html")] = "said on Tuesday that spending on"
    exp.texts[("pages", "dots.txt")] = "said on Tuesday that spending on"
    exp.texts[("pages", "honorifics.txt")] = "said on Tuesday that spending on"
    exp.bad.update({
        ("pages", "out.txt"): ("read", ("outside the source's folder",)),
        ("pages", "etc/"): ("read", ("outside the source's folder",)),
        ("pages", "loop1.txt"): ("read", ("loops",)),
        ("pages", "loop2.txt"): ("read", ("loops",)),
        ("pages", "dangling.txt"): ("read", ("dangling", "missing.txt")),
        ("pages", "self/"): ("read", ("a loop",)),
        ("pages", "pipe.txt"): ("read", ("not a regular file",)),
        ("pages", unlistable(deep, pages)): ("read", ("cannot list the folder", "File name too long")),
    })


def _feed(root: Path, exp: Expected) -> None:
    feed = root / "feed"
    feed.mkdir()
    old, new = news_page(10), news_page(11)
    lines = [
        json.dumps({"id": "dup", "text": old}),
        json.dumps({"id": "good", "url": "https://ex.org/good", "text": news_page(12)}),
        json.dumps({"id": "dup", "text": new}),
        json.dumps({"id": "sur\ud800", "title": "Title \udfff", "author": "A\udc80", "text": news_page(13)}),
        json.dumps({"id": "few-halves", "text": news_page(14).replace("towns.", "towns \ud83d.", 1)}),
        json.dumps({"id": "halves", "text": "\ud800" * 50 + " a few words"}),
        "[" * NESTING + "]" * NESTING,
        json.dumps({"id": "huge", "text": "x " * (1_500_000)}),
        json.dumps({"id": "cross", "text": news_page(15)}),
    ]
    (feed / "a.jsonl").write_text("\n".join(lines) + "\n")
    (feed / "b.jsonl").write_text(json.dumps({"id": "cross", "text": news_page(16)}) + "\n")
    with open(os.fsencode(feed) + b"/c\xff.jsonl", "wb") as fh:
        fh.write(json.dumps({"text": "no id here"}).encode() + b"\n")
    exp.sources.append({"name": "feed", "kind": "jsonl", "path": "feed", "max_document_mb": 1})
    exp.good |= {("feed", u) for u in ("dup", "https://ex.org/good", "sur\\ud800", "few-halves", "cross")}
    exp.texts.update({("feed", "dup"): "spending on flood defences", ("feed", "cross"): "spending on skills",
                      ("feed", "few-halves"): "\ufffd"})
    exp.bad.update({
        ("feed", "halves"): ("decode", ("lone UTF-16 surrogates", "re-export")),
        ("feed", "a.jsonl:7"): ("parse", ("nested too deeply to read",)),
        ("feed", "a.jsonl:8"): ("read", ("2.9 MB", "max_document_mb")),
        ("feed", "c\\xff.jsonl:1"): ("parse", ("neither 'id' nor 'url'",)),
    })


def _bomb(path: Path, expanded: int) -> None:
    body = gzip.compress(b"<p>" + b"a" * expanded + b"</p>")
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                              ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://ex.org/bomb", "response", payload=io.BytesIO(body),
                                                      http_headers=headers))


def page(label: str, i: int) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in news_page(i).split("\n\n")[3:-3])
    return f"<html><body><h1>{label} capture of story {i}</h1>{paras}</body></html>".encode()


def _crawl(root: Path, exp: Expected) -> None:
    crawl = root / "crawl"
    crawl.mkdir()
    write_warc(crawl / "a.warc.gz", [
        {"uri": "https://ex.org/p", "body": page("NEWER", 20), "date": "2024-05-02T00:00:00Z"},
        {"uri": "https://ex.org/q", "body": page("OLDER", 21), "date": "2024-05-01T00:00:00Z"}])
    write_warc(crawl / "b.warc.gz", [
        {"uri": "https://ex.org/p", "body": page("OLDER", 20), "date": "2024-05-01T00:00:00Z"},
        {"uri": "https://ex.org/q", "body": page("NEWER", 21), "date": "2024-05-02T00:00:00Z"}])
    whole = root / "whole.warc"
    write_warc(whole, [{"uri": f"https://ex.org/cut{i}", "body": page("ONLY", 22 + i)} for i in range(3)],
               gzip=False)
    data = whole.read_bytes()
    (crawl / "cut.warc").write_bytes(data[: len(data) // 2])  # inside the second record
    _bomb(crawl / "bomb.warc.gz", 5 << 20)
    exp.sources.append({"name": "crawl", "kind": "warc", "path": "crawl", "max_document_mb": 1})
    exp.good |= {("crawl", u) for u in ("https://ex.org/p", "https://ex.org/q", "https://ex.org/cut0")}
    exp.texts.update({("crawl", "https://ex.org/p"): "NEWER", ("crawl", "https://ex.org/q"): "NEWER"})
    exp.bad.update({
        ("crawl", "https://ex.org/bomb"): ("read", ("expands to 5.0 MB", "compression bomb")),
        ("crawl", "cut.warc"): ("read", ("cannot be read from byte", "truncated")),
    })


def build(root: Path) -> Expected:
    """Write the hostile corpus under `root` and say what a run over it must give."""
    exp = Expected()
    _files(root, exp)
    _feed(root, exp)
    _crawl(root, exp)
    return exp
