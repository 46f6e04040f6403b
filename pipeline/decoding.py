"""Bytes to text, kept as written: BOM, declared charset or detection; mojibake repair only; NFC; `\\n` lines.

`decode_document` raises `ReadProblem` (binary, empty) or `DecodeProblem` (charset contradicts the bytes,
too much replacement or control characters) with a message a person can act on.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
import ftfy
from ftfy.badness import is_bad

# ftfy fixes encoding damage only: quotes, ligatures, widths and HTML entities are left as written.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
)

_C1_OR_SURROGATE = re.compile("[\x80-\x9f\ud800-\udfff]")
_LINE_START_MOJIBAKE = re.compile("^[\u00c2\u00c3] ", re.M)  # ftfy's one anchored pattern, per line
_NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")
_LINES = re.compile("[^\n]*\n|[^\n]+")  # as ftfy cuts a text: each line with its end

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# File signatures of formats that are not documents.
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"BZh", "bzip2-compressed data"),
)
# WHATWG: these labels mean windows-1252 on the web.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""")
_BAD_CHARS = re.compile("[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_BAD_SHARE = 0.01


class ReadProblem(ValueError):
    """The input is not a readable document (stage `read`)."""


class DecodeProblem(ValueError):
    """The bytes cannot be turned into trustworthy text (stage `decode`)."""


def _codec(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes, http_charset: str | None = None) -> tuple[str, str] | None:
    """The charset the document (or its HTTP header) declares, with where it was declared."""
    if http_charset:
        return http_charset, "HTTP Content-Type header"
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if m:
        return m.group(1).decode("ascii", "replace"), "the page's own charset declaration"
    return None


def check_readable(data: bytes) -> None:
    """Raise `ReadProblem` for empty, whitespace-only or binary input."""
    if not data:
        raise ReadProblem("the document is empty (0 bytes); remove it from the source or re-fetch it")
    for sig, what in _BINARY_SIGNATURES:
        if data.startswith(sig):
            raise ReadProblem(f"binary content: the bytes are {what}, not text or HTML; remove it from the source "
                              "or convert it to text first")
    bom = any(data.startswith(b) for b, enc in _BOMS if enc.startswith("utf-16") or enc.startswith("utf-32"))
    if not bom and b"\x00" in data[:65536] and bomless_utf(data) is None:
        raise ReadProblem("binary content: NUL bytes in the data (not a text document); remove it from the "
                          "source or convert it to text first")


def _zero_shares(sample: bytes, unit: int) -> list[float]:
    return [sample[k::unit].count(0) / max(1, len(sample[k::unit])) for k in range(unit)]


def bomless_utf(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding of text saved without a byte-order mark, told by where its NUL bytes fall
    (Latin-script text: the high bytes of each code unit), else None."""
    sample = data[:65536]
    if len(sample) < 8:
        return None
    for unit, name in ((4, "utf-32"), (2, "utf-16")):
        shares = _zero_shares(sample[: len(sample) // unit * unit], unit)
        high = 0.9 if unit == 4 else 0.3
        if shares[0] < 0.02 and all(z > high for z in shares[unit // 2:]):
            return f"{name}-le"
        if shares[-1] < 0.02 and all(z > high for z in shares[: unit // 2]):
            return f"{name}-be"
    return None


def _decode_bytes(data: bytes, http_charset: str | None) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeProblem(f"the byte-order mark says {enc.upper()} but the bytes are not valid "
                                    f"{enc.upper()} (at byte {exc.start + len(bom)}); re-save the file with "
                                    "one encoding") from None
    if b"\x00" in data[:65536] and (enc := bomless_utf(data)):
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            raise DecodeProblem(f"the bytes look like {enc.upper()} without a byte-order mark but are not valid "
                                f"{enc.upper()} (at byte {exc.start}); re-save the file as UTF-8") from None
    declared = declared_charset(data, http_charset)
    if declared:
        label, where = declared
        codec = _codec(label)
        if codec is not None:
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeProblem(f"{where} says charset {label!r} but byte {exc.start} is not valid "
                                    f"{label}; correct the declaration or re-save the file in {label}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start > len(data) - 4:
            raise DecodeProblem(f"the document ends in the middle of a UTF-8 character (byte {exc.start}): it is "
                                "probably truncated; re-fetch it") from None
    guesses = charset_normalizer.from_bytes(data[:1_000_000])
    # English web text that is not UTF-8 is nearly always windows-1252; prefer it whenever it fits the bytes.
    if any(g.encoding == "cp1252" for g in guesses):
        return data.decode("cp1252", errors="replace")
    best = guesses.best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")


def _may_need_repair(text: str) -> bool:
    """Whether ftfy could change the text: it changes only mojibake, C1 controls and surrogates.

    ftfy's mojibake patterns read at most two ASCII characters beside a non-ASCII one and it tests each line
    (so its ``^`` is a line start); testing the merged neighbourhoods of the non-ASCII runs gives the same
    answer about ten times faster than ftfy's own line-by-line test.
    """
    if text.isascii():
        return False
    if _C1_OR_SURROGATE.search(text) or _LINE_START_MOJIBAKE.search(text):
        return True
    parts, start, end = [], 0, -1
    for m in _NON_ASCII_RUN.finditer(text):
        lo, hi = max(0, m.start() - 3), m.end() + 3
        if lo > end:
            if end >= 0:
                parts.append(text[start:end])
            start = lo
        end = hi
    parts.append(text[start:end])
    return is_bad("\n".join(parts))


def _repair(text: str) -> str:
    """ftfy's repair of the text, run on the lines that may need it only: ftfy fixes each line (up to a `\\n`) on
    its own and leaves one that `_may_need_repair` passes as it is, so the result is the whole text's, without
    ftfy's cost on every clean line of a page with one bad one (90 ms on a 240 KB page where nothing changed)."""
    lines = _LINES.findall(text)
    for i, line in enumerate(lines):
        if not line.isascii() and _may_need_repair(line):
            lines[i] = ftfy.fix_text(line, _FTFY)
    return "".join(lines)


def normalise_text(text: str) -> str:
    """Repair mojibake only, unify line endings to `\\n`, normalise to NFC."""
    if not text.isascii():
        text = _repair(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode_document(data: bytes, http_charset: str | None = None) -> str:
    """Decode and normalise one document's bytes, or raise `ReadProblem` / `DecodeProblem`."""
    check_readable(data)
    text = normalise_text(_decode_bytes(data, http_charset))
    if not text.strip():
        raise ReadProblem("the document holds only whitespace; remove it from the source or re-fetch it")
    bad = len(_BAD_CHARS.findall(text))
    if bad > MAX_BAD_SHARE * len(text):
        raise DecodeProblem(f"{bad} of {len(text)} characters ({bad / len(text):.1%}) are undecodable or control "
                            "characters (over 1%); the file is probably in an unexpected encoding or binary")
    return text


_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_TAG = re.compile(r"</?(p|div|span|a|br|li|ul|h[1-6]|table|tr|td|article|section|header|footer|nav|script|"
                  r"meta|link|img|title)\b[^>]*>", re.I)


def detect_format(text: str) -> str:
    """`html` when the content is markup, else `text` (by content, not by file extension)."""
    if _HTML_START.match(text[:2048]):
        return "html"
    sample = text[:20000]
    tags = _TAG.findall(sample)
    if len(tags) >= 5 and len(tags) * 40 > len(sample.split("\n")):
        return "html"
    return "text"
