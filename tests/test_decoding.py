"""Decoding keeps text as written: BOMs, declared charsets, detection, mojibake repair only, NFC, `\\n`."""
from __future__ import annotations

import codecs
import random
import unicodedata
from pathlib import Path

import ftfy
import pytest

from pipeline.decoding import _FTFY, DecodeProblem, ReadProblem, decode_document, detect_format, normalise_text


def test_utf8_text_is_kept_as_written_with_curly_quotes_and_ligatures() -> None:
    text = "The council’s “ﬁnal” budget — ＡＢＣ\n"
    assert decode_document(text.encode("utf-8")) == text


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                          (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks_pick_the_encoding_and_are_dropped(bom: bytes, encoding: str) -> None:
    assert decode_document(bom + "Café £30m".encode(encoding)) == "Café £30m"


def test_windows_1252_is_detected_when_not_utf8() -> None:
    raw = "The council’s budget fell by £30m – a cut of 4% this year, officials said.".encode("cp1252")
    assert decode_document(raw) == "The council’s budget fell by £30m – a cut of 4% this year, officials said."


def test_declared_latin1_means_windows_1252_as_browsers_read_it() -> None:
    raw = b'<html><head><meta charset="iso-8859-1"></head><body>\x93quoted\x94 \xa330m</body></html>'
    assert "“quoted” £30m" in decode_document(raw)


def test_mojibake_is_repaired_but_quotes_stay_curly() -> None:
    broken = "Derby’s reputation".encode().decode("cp1252")  # 'DerbyÃ¢â‚¬â„¢s'
    assert decode_document(broken.encode("utf-8")) == "Derby’s reputation"


def test_line_endings_become_newlines_and_text_is_nfc() -> None:
    assert decode_document("Cafe\u0301\r\nline two\rline three".encode()) == "Café\nline two\nline three"


def test_a_document_cut_inside_a_utf8_character_is_reported_truncated() -> None:
    raw = "A long enough article about £1.7bn of funding for transport.".encode() + "£".encode()[:1]
    with pytest.raises(DecodeProblem, match="truncated"):
        decode_document(raw)


@pytest.mark.parametrize("raw,needle", [
    (b"", "empty"),
    (b"  \n\t \n", "only whitespace"),
    (b"%PDF-1.7 binary stuff", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"text with a \x00 NUL byte", "NUL"),
])
def test_unreadable_input_is_a_read_problem_with_a_reason(raw: bytes, needle: str) -> None:
    with pytest.raises(ReadProblem, match=needle):
        decode_document(raw)


def test_a_bom_that_contradicts_the_bytes_is_a_decode_problem() -> None:
    with pytest.raises(DecodeProblem, match="byte-order mark"):
        decode_document(codecs.BOM_UTF8 + b"caf\xe9 au lait")


def test_a_declared_charset_that_contradicts_the_bytes_is_a_decode_problem() -> None:
    raw = b'<html><head><meta charset="utf-8"></head><body>caf\xe9 \xe9t\xe9 \xe0 la plage</body></html>'
    with pytest.raises(DecodeProblem, match="charset 'utf-8'"):
        decode_document(raw)


def test_too_many_control_characters_is_a_decode_problem() -> None:
    with pytest.raises(DecodeProblem, match="over 1%"):
        decode_document(("text \x01\x02\x03 " * 50).encode())


@pytest.mark.parametrize("text,fmt", [
    ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
    ("  <html lang='en'><head><title>x</title></head></html>", "html"),
    ("<div><p>one</p><p>two</p><p>three</p><a href='#'>x</a><span>y</span></div>", "html"),
    ("Plain scrape\n\nA paragraph that mentions <b> once.\n", "text"),
    ("Skip to main content\n\nTitle\n\nBody text here.", "text"),
])
def test_format_is_detected_from_content(text: str, fmt: str) -> None:
    assert detect_format(text) == fmt


def _mojibake_fragments() -> list[str]:
    words = ["café", "naïve", "£5m", "—", "“quoted”", "it’s", "€2bn", "½", "20°C", "Düsseldorf", "à la", "😀",
             "\u00a0", "Москва", "Ελλάδα", "عربي", "×²"]
    frags = list(words)
    for word in words:
        for enc in ("cp1252", "latin-1", "macroman", "cp1251", "cp1253", "cp1257", "cp437"):
            frags.append(word.encode("utf-8").decode(enc, errors="ignore"))
    return frags + ["\u00c2 ", "\u00c3 ", "a\x96b", "\x85"]


def test_repair_matches_ftfy_on_every_page_with_mojibake_spliced_anywhere() -> None:
    """The fast pre-check must never skip a text that ftfy itself would change."""
    pages = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "seeds").iterdir())]
    frags, rng = _mojibake_fragments(), random.Random(7)
    for _ in range(3000):
        page = rng.choice(pages)
        at = rng.randrange(len(page))
        text = (page[max(0, at - 150):at] + rng.choice(["", "\n", " ", "a", ". "]) + rng.choice(frags)
                + rng.choice(["", " ", "\n", "x"]) + page[at:at + 150])
        for _ in range(rng.choice([0, 0, 1, 2])):  # more of it, on the same line or another (repaired per line)
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(["", "\n", "\r\n"]) + rng.choice(frags) + text[at:]
        expected = unicodedata.normalize("NFC", ftfy.fix_text(text, _FTFY).replace("\r\n", "\n").replace("\r", "\n"))
        assert normalise_text(text) == expected, repr(text)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_told_by_their_nul_bytes(encoding: str) -> None:
    text = "The council’s £30m plan — café owners object.\nSecond line."
    assert decode_document(text.encode(encoding)) == text


def test_cut_utf16_without_a_byte_order_mark_is_named() -> None:
    with pytest.raises(DecodeProblem, match="look like UTF-16-LE without a byte-order mark"):
        decode_document("A page about £30m of funding.".encode("utf-16-le")[:-1])
