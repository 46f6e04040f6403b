"""Loads the cleaner's rule tables (``rules/*.yaml``) once and compiles them."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick
import yaml

from .starts import first_chars

RULES_DIR = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True)
class LineRule:
    """A pattern that gives a block a role when its words say so."""

    role: str
    reason: str
    pattern: re.Pattern[str]
    max_words: int
    stop: bool
    strong: bool
    weak: bool
    triggers: tuple[str, ...]
    final: bool = False  # the article ends here whatever follows (an agency's sign-off, 'About the author')


@dataclass(frozen=True)
class Vocabulary:
    """Word lists used as features."""

    stopwords: dict[str, frozenset[str]]
    navigation_words: frozenset[str]
    finite_verbs: frozenset[str]
    prose_words: frozenset[str]
    name_particles: frozenset[str]
    honorifics: frozenset[str]
    byline_titles: frozenset[str]
    months: frozenset[str]
    not_authors: frozenset[str]


def _load(name: str) -> dict:
    with (RULES_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


RULE_KEYS = frozenset({"role", "reason", "pattern", "max_words", "stop", "strong", "weak", "triggers", "final"})


@cache
def line_rules() -> tuple[LineRule, ...]:
    """The line rules in file order (the first match wins); a key the loader does not know is an error (a comma
    in an unquoted reason splits it into stray keys)."""
    out = []
    for raw in _load("lines.yaml")["rules"]:
        if unknown := set(raw) - RULE_KEYS:
            raise ValueError(f"lines.yaml: rule {raw.get('reason')!r} has unknown keys {sorted(map(str, unknown))}")
        out.append(LineRule(role=raw["role"], reason=raw["reason"],
                            pattern=re.compile(raw["pattern"], re.IGNORECASE),
                            max_words=int(raw.get("max_words", 10_000)), stop=bool(raw.get("stop", False)),
                            strong=bool(raw.get("strong", False)), weak=bool(raw.get("weak", False)),
                            triggers=tuple(str(t) for t in raw.get("triggers", ())),
                            final=bool(raw.get("final", False))))
    return tuple(out)


@cache
def vocabulary() -> Vocabulary:
    raw = _load("words.yaml")
    return Vocabulary(
        stopwords={lang: frozenset(str(w) for w in words) for lang, words in raw["stopwords"].items()},
        navigation_words=frozenset(raw["navigation_words"]),
        finite_verbs=frozenset(raw["finite_verbs"]),
        prose_words=frozenset(raw["prose_words"]),
        name_particles=frozenset(raw["name_particles"]),
        honorifics=frozenset(raw["honorifics"]),
        byline_titles=frozenset(raw["byline_titles"]),
        months=frozenset(raw["months"]),
        not_authors=frozenset(raw["not_authors"]),
    )


def anchored(pattern: str) -> bool:
    """True when every top-level alternative of a pattern starts with ^ (it can only match at the start)."""
    depth, escaped, in_class = 0, False, False
    alternatives = [0]
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternatives.append(i + 1)
    return all(pattern.startswith("^", a) for a in alternatives)


class _Screen:
    """The anchored rules, tried on a block by its first character: an ASCII one picks the few rules that can start
    with it (each rule's own compiled pattern, nothing compiled anew); any other tries one alternation of them all.
    Most blocks are rejected by a handful of matches at their start, not by the whole alternation."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self._patterns = [(p.match, first_chars(p.pattern)) for p in patterns]
        self._every = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE) if patterns else None
        self._by_char: dict[str, tuple[Callable[[str], re.Match[str] | None], ...]] = {}

    def match(self, text: str) -> bool:
        head = text[:1]
        if not head.isascii():
            return self._every is not None and self._every.match(text) is not None
        key = head.lower()
        matchers = self._by_char.get(key)
        if matchers is None:
            matchers = self._by_char[key] = tuple(m for m, chars in self._patterns if chars is None or key in chars)
        return any(m(text) is not None for m in matchers)


class _RuleSet:
    """The rules that apply to blocks of up to some number of words, in file order, as bits of a mask (bit i: the
    i-th rule): which get searched only when one of their trigger words occurs (all of a block's triggers found in
    one Aho-Corasick pass), which only when the block starts as one of the anchored ones can, and which always."""

    def __init__(self, rules: list[LineRule]) -> None:
        self.rules = tuple(rules)
        self.searches = tuple(r.pattern.search for r in rules)
        # a rule with trigger words is tried when one occurs, anchored or not; an anchored one without, when the
        # block's start passes the screen; any other (none ship: a test) on every block
        screened = [not r.triggers and anchored(r.pattern.pattern) for r in rules]
        self.screen = _Screen([r.pattern for r, a in zip(rules, screened, strict=True) if a])
        self.anchored = sum(1 << i for i, a in enumerate(screened) if a)
        self.always = sum(1 << i for i, (r, a) in enumerate(zip(rules, screened, strict=True))
                          if not a and not r.triggers)
        by_trigger: dict[str, int] = {}
        for i, r in enumerate(rules):
            for t in r.triggers:
                by_trigger[t] = by_trigger.get(t, 0) | 1 << i
        self.triggers: ahocorasick.Automaton | None = None
        if by_trigger:
            self.triggers = ahocorasick.Automaton()
            for t, bits in by_trigger.items():
                self.triggers.add_word(t, bits)
            self.triggers.make_automaton()

    def first_match(self, text: str) -> LineRule | None:
        """The first rule, in file order, whose pattern finds ``text``."""
        bits = self.always
        if self.triggers is not None:
            for _, found in self.triggers.iter(text.casefold()):
                bits |= found
        if self.anchored and self.screen.match(text):
            bits |= self.anchored
        searches = self.searches
        while bits:
            lowest = bits & -bits
            i = lowest.bit_length() - 1
            if searches[i](text) is not None:
                return self.rules[i]
            bits ^= lowest
        return None


@cache
def _rules_for(n_words: int) -> _RuleSet:
    """The rules that apply to a block of ``n_words`` words."""
    return _RuleSet([r for r in line_rules() if n_words <= r.max_words])


@cache
def _ceilings() -> tuple[int, ...]:
    return tuple(sorted({r.max_words for r in line_rules()}))


@lru_cache(maxsize=1 << 14)
def match_rule(text: str, n_words: int) -> LineRule | None:
    """The first line rule (in file order) that applies to a block, if any. Cached, as ``features``."""
    ceilings = _ceilings()
    k = bisect_left(ceilings, n_words)  # blocks between two ceilings share one rule set
    return _rules_for(ceilings[k] if k < len(ceilings) else ceilings[-1] + 1).first_match(text)


def strong_rule(flat: str, n_words: int) -> LineRule | None:
    """The line rule a (squashed) text matches if it is a strong one: chrome by its own words wherever it sits."""
    rule = match_rule(flat, n_words)
    return rule if rule is not None and rule.strong else None
