"""Source kinds read real files; the sources file is validated before anything is read."""
from __future__ import annotations

import hashlib
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from pipeline.sources import SourcesError, load_sources, make_doc_id, read_source
from tests.warcs import write_warc


def _spec(tmp_path: Path, entry: dict):
    path = tmp_path / "sources.yaml"
    import yaml

    path.write_text(yaml.safe_dump({"sources": [entry]}))
    return load_sources(path)[0]


def test_doc_id_is_the_contract_hash() -> None:
    assert make_doc_id("seeds", "a/b.txt") == hashlib.sha256(b"seeds\na/b.txt").hexdigest()[:16]


def test_files_kind_reads_every_file_with_relative_posix_keys(tmp_path: Path) -> None:
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_text("one")
    (tmp_path / "docs" / "sub" / "b.html").write_text("<p>two</p>")
    (tmp_path / "docs" / ".hidden").write_text("skip me")
    spec = _spec(tmp_path, {"name": "docs", "kind": "files", "path": "docs"})
    records = list(read_source(spec))
    assert [r.key for r in records] == ["a.txt", "sub/b.html"]
    assert records[0].content_sha256 == hashlib.sha256(b"one").hexdigest()


def test_files_kind_honours_glob_and_size_limit(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("x" * 2000)
    (tmp_path / "docs" / "b.md").write_text("y")
    spec = _spec(tmp_path, {"name": "docs", "kind": "files", "path": "docs", "glob": "*.txt",
                            "max_document_mb": 0.001})
    [rec] = list(read_source(spec))
    assert rec.key == "a.txt" and rec.payload is None and "max_document_mb" in rec.problem


def test_jsonl_kind_uses_id_then_url_and_hashes_the_line(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    lines = [{"id": "n1", "url": "https://ex.org/1", "text": "Body one", "title": "T1", "author": "A"},
             {"url": "https://ex.org/2", "html": "<p>Body two</p>"},
             "not json", {"text": "no id"}]
    raw = "\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines) + "\n"
    (tmp_path / "feed" / "items.jsonl").write_text(raw)
    spec = _spec(tmp_path, {"name": "feed", "kind": "jsonl", "path": "feed"})
    recs = list(read_source(spec))
    assert [r.key for r in recs[:2]] == ["n1", "https://ex.org/2"]
    assert recs[0].hints["title"] == "T1" and recs[0].format_hint == "text"
    assert recs[1].format_hint == "html" and recs[1].uri == "https://ex.org/2"
    assert recs[0].location == "items.jsonl:1"
    assert recs[0].content_sha256 == hashlib.sha256(raw.splitlines()[0].encode()).hexdigest()
    assert recs[2].problem_stage == "parse" and "JSON" in recs[2].problem
    assert "neither 'id' nor 'url'" in recs[3].problem


def test_warc_kind_reads_responses_skips_revisits_and_non_text(tmp_path: Path) -> None:
    (tmp_path / "crawl").mkdir()
    write_warc(tmp_path / "crawl" / "c.warc.gz", [
        {"uri": "https://ex.org/a", "body": b"<html><body><p>A</p></body></html>"},
        {"uri": "https://ex.org/a", "type": "revisit"},
        {"uri": "https://ex.org/img.png", "body": b"\x89PNG", "content_type": "image/png"},
        {"uri": "https://ex.org/b", "body": "caf\xe9".encode("cp1252"),
         "content_type": "text/plain; charset=windows-1252"},
    ])
    spec = _spec(tmp_path, {"name": "crawl", "kind": "warc", "path": "crawl"})
    recs = list(read_source(spec))
    assert [r.uri for r in recs] == ["https://ex.org/a", "https://ex.org/b"]
    assert recs[1].charset == "windows-1252" and recs[1].payload == "caf\xe9".encode("cp1252")
    assert recs[0].payload == b"<html><body><p>A</p></body></html>"
    assert recs[0].location.startswith("c.warc.gz@")


def test_a_truncated_warc_yields_a_read_problem(tmp_path: Path) -> None:
    (tmp_path / "crawl").mkdir()
    good = tmp_path / "good.warc.gz"
    write_warc(good, [{"uri": f"https://ex.org/{i}", "body": b"<p>x</p>" * 500} for i in range(3)])
    data = good.read_bytes()
    (tmp_path / "crawl" / "cut.warc.gz").write_bytes(data[: len(data) - 300])
    spec = _spec(tmp_path, {"name": "crawl", "kind": "warc", "path": "crawl"})
    recs = list(read_source(spec))
    assert recs[-1].problem and "truncated" in recs[-1].problem


@pytest.mark.parametrize("text,needle", [
    ("sources: [", "not valid YAML"),
    ("just a string", "'sources:' list"),
    ("sources:\n  - name: Bad Name\n    kind: files\n    path: x\n", "name"),
    ("sources:\n  - name: a\n    kind: ftp\n    path: x\n", "known kinds"),
    ("sources:\n  - name: a\n    kind: files\n    path: nowhere\n", "does not exist"),
    ("sources:\n  - name: a\n    kind: files\n    path: .\n    colour: blue\n", "colour"),
    ("sources:\n  - name: a\n    kind: files\n    path: .\n  - name: a\n    kind: files\n    path: .\n", "twice"),
    ("sources:\n  - name: a\n    kind: files\n    path: .\n    timezone: Mars/Base\n", "time zone"),
])
def test_a_broken_sources_file_names_the_problem(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(SourcesError, match=needle):
        load_sources(path)


def test_a_missing_sources_file_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="CLAIMHOUSE_SOURCES"):
        load_sources(tmp_path / "nope.yaml")


def test_disabled_source_with_missing_path_is_accepted(tmp_path: Path) -> None:
    spec = _spec(tmp_path, {"name": "old", "kind": "files", "path": "gone", "enabled": False})
    assert spec.enabled is False


def test_a_file_name_that_is_not_utf8_gets_a_key_from_its_bytes_and_a_readable_uri(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    for name in (b"caf\xff.txt", b"caf\xfe.txt"):
        (Path(os.fsdecode(os.fsencode(tmp_path / "docs") + b"/" + name))).write_text("text")
    spec = _spec(tmp_path, {"name": "docs", "kind": "files", "path": "docs"})
    recs = list(read_source(spec))
    assert [r.uri for r in recs] == ["caf\\xfe.txt", "caf\\xff.txt"]
    assert make_doc_id("docs", recs[1].key) == hashlib.sha256(b"docs\ncaf\xff.txt").hexdigest()[:16]
    assert make_doc_id("docs", "a\ud800") != make_doc_id("docs", "a\ud801")  # lone surrogates in a jsonl id


@pytest.mark.parametrize("pattern", ["**/*", "**/*.jsonl", "*.txt", "sub/*.html", "**/a?.txt", "[ab]*.txt",
                                     "[!a]*.txt", "**/sub/*", "sub/**/*.txt", "**/[a-b]?.txt", "[^b]*"])
def test_the_folder_walk_matches_what_pathlib_glob_matches(tmp_path: Path, pattern: str) -> None:
    from pipeline.sources.files import matching_files

    docs = tmp_path / "docs"
    for rel in ("a1.txt", "b.txt", "c.jsonl", "sub/a2.txt", "sub/x.html", "sub/deeper/a3.txt", "sub/deeper/y.jsonl",
                "sub/sub/z.html", "other/sub/w.txt"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("x")
    spec = _spec(tmp_path, {"name": "docs", "kind": "files", "path": "docs", "glob": pattern})
    expected = sorted(p.relative_to(docs).as_posix() for p in docs.glob(pattern) if p.is_file())
    assert [f.rel for f in matching_files(spec)] == expected


def test_a_jsonl_line_over_the_limit_is_measured_without_being_held(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    huge = json.dumps({"id": "huge", "text": "x" * (40 << 20)})
    (tmp_path / "feed" / "a.jsonl").write_text("\n".join([huge, json.dumps({"id": "ok", "text": "fine"})]) + "\n")
    spec = _spec(tmp_path, {"name": "feed", "kind": "jsonl", "path": "feed", "max_document_mb": 1})
    tracemalloc.start()
    try:
        recs = list(read_source(spec))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20  # the 40 MB line never sits in memory
    assert "the document is 40.0 MB" in recs[0].problem and recs[0].location == "a.jsonl:1"
    assert recs[1].key == "ok" and recs[1].payload == b"fine"


def test_lone_surrogates_in_any_jsonl_field_never_reach_storage(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "a.jsonl").write_text(json.dumps(
        {"id": "x\ud800", "url": "https://ex.org/\udfff", "title": "T\ud800", "author": ["A", "B\udc00"],
         "text": "Words " * 200 + "\ud83d"}) + "\n")
    spec = _spec(tmp_path, {"name": "feed", "kind": "jsonl", "path": "feed"})
    [rec] = list(read_source(spec))
    assert rec.uri == "https://ex.org/\\udfff" and rec.hints["title"] == "T\ufffd"
    assert rec.hints["author"] == "A, B\ufffd" and rec.payload.decode().endswith("\ufffd")


def test_every_kind_reads_only_inside_its_folder(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    (tmp_path / "elsewhere.jsonl").write_text(json.dumps({"id": "secret", "text": "not ours"}) + "\n")
    (tmp_path / "feed" / "link.jsonl").symlink_to(tmp_path / "elsewhere.jsonl")
    spec = _spec(tmp_path, {"name": "feed", "kind": "jsonl", "path": "feed"})
    [rec] = list(read_source(spec))
    assert rec.key == "link.jsonl" and rec.payload is None and "outside the source's folder" in rec.problem


def test_a_sources_file_that_is_not_utf8_or_is_a_folder_names_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("sources:\n  - name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(SourcesError, match="not UTF-8 text"):
        load_sources(bad)
    with pytest.raises(SourcesError, match="cannot read the sources file"):
        load_sources(tmp_path)


@pytest.mark.parametrize("gzip", [False, True])
def test_a_warc_cut_anywhere_reads_the_whole_records_and_says_from_which_byte(tmp_path: Path, gzip: bool) -> None:
    (tmp_path / "crawl").mkdir()
    starts, data = [0], b""
    for i in range(3):
        write_warc(tmp_path / "one.warc", [{"uri": f"https://ex.org/{i}", "body": b"<p>x</p>" * 100}], gzip=gzip)
        data += (tmp_path / "one.warc").read_bytes()
        starts.append(len(data))
    spec = _spec(tmp_path, {"name": "crawl", "kind": "warc", "path": "crawl"})
    for cut in range(1, len(data), 11):
        (tmp_path / "crawl" / "cut.warc").write_bytes(data[:cut])
        recs = list(read_source(spec))
        read = [r.uri for r in recs if not r.problem]
        assert read == [f"https://ex.org/{i}" for i in range(len(read))], cut
        assert all(r.payload == b"<p>x</p>" * 100 for r in recs if not r.problem), cut  # never a cut page
        if gzip:  # a member cut in its last bytes may still hold all of its record's content
            assert sum(cut >= end for end in starts[1:]) <= len(read) <= sum(cut > s for s in starts[:-1]), cut
        else:  # whole records only (a record may lack its closing blank lines)
            assert len(read) == sum(cut >= end - 4 for end in starts[1:]), cut
        if cut in starts or (not gzip and any(end - 4 <= cut < end for end in starts[1:])):
            continue  # at a record boundary: nothing is missing
        [problem] = [r for r in recs if r.problem]
        assert "truncated" in problem.problem, cut
        if not gzip:
            assert problem.location == f"cut.warc@{max(s for s in starts if s < cut)}", cut
