"""The characters a match of a regular expression can start with, read from the pattern's parse tree, so a block
is tried only against the rules that can match its first character (the line rules' screen, ``rules.py``).

Over-approximates, never under: anything it does not follow (a negated set, ``\\w``, ``.``, a back-reference, a
pattern that can match the empty string) gives None, "any character". ``\\d`` and ``\\s`` give their ASCII
characters only: the screen tries a block that starts with any other character on every rule."""
from __future__ import annotations

try:  # the parser ``re`` compiles with (CPython 3.11 to 3.13); without it every rule is tried on every block
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - another Python
    sre_parse = None

REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
# the ASCII characters of two categories (a block that starts with any other character is tried on every rule)
CATEGORIES = {"CATEGORY_DIGIT": {c for c in map(chr, range(128)) if c.isdigit()},
              "CATEGORY_SPACE": {c for c in map(chr, range(128)) if c.isspace()}}
ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


class _Any(Exception):  # noqa: N818 - a control-flow signal, not an error
    """The match can start with any character."""


def first_chars(pattern: str) -> frozenset[str] | None:
    """Lower-cased characters a match of ``pattern`` (compiled case-insensitive) can start with; None when any."""
    if sre_parse is None:
        return None
    try:
        chars, nullable = _seq(list(sre_parse.parse(pattern)))
    except _Any:
        return None
    return None if nullable else frozenset(chars)


def _fold(code: int) -> set[str]:
    ch = chr(code)
    return {ch.lower(), ch.upper().lower(), ch.casefold()}  # what case-insensitive matching equates with it


def _seq(items: list) -> tuple[set[str], bool]:
    """First characters of a sequence, and whether all of it can match empty."""
    out: set[str] = set()
    for op, arg in items:
        chars, nullable = _item(str(op), arg)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: str, arg) -> tuple[set[str], bool]:
    if op in ZERO_WIDTH:
        return set(), True  # an anchor or look-around: the next item starts the match (a superset, never less)
    if op == "LITERAL":
        return _fold(arg), False
    if op == "IN":
        out: set[str] = set()
        for kind, value in arg:
            if str(kind) == "LITERAL":
                out |= _fold(value)
            elif str(kind) == "RANGE" and value[1] - value[0] < 256:
                for code in range(value[0], value[1] + 1):
                    out |= _fold(code)
            elif str(kind) == "CATEGORY" and str(value) in CATEGORIES:
                out |= CATEGORIES[str(value)]
            else:  # NEGATE, another category, a wide range
                raise _Any
        return out, False
    if op == "BRANCH":
        out, nullable = set(), False
        for branch in arg[1]:
            chars, empty = _seq(list(branch))
            out |= chars
            nullable |= empty
        return out, nullable
    if op == "SUBPATTERN":
        return _seq(list(arg[-1]))
    if op in REPEATS:
        chars, nullable = _seq(list(arg[2]))
        return chars, nullable or arg[0] == 0
    raise _Any  # ANY, GROUPREF, CATEGORY outside a set, ...

