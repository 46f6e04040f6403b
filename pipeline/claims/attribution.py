"""Who a claim is attributed to: 'said', 'according to', 'X found that', 'says CRESC', 'a report by X'."""

from __future__ import annotations

import bisect
import re

from .lexicon import GENERIC_SOURCES, MONTHS, NOT_SPEAKERS, ROLE_WORDS, SOURCE_NOUNS, SPEECH_VERBS, WEEKDAYS

_CAP = r"[A-Z][\w’'&.\-]*"
_NAME = rf"(?:{_CAP}(?:[\s\u00a0]+(?:(?:of|for|and|on|the|in|&|de|van|von)[\s\u00a0]+)?{_CAP})*)"
_VERBS = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(SPEECH_VERBS, key=len, reverse=True))
_SOURCES = "|".join(sorted(SOURCE_NOUNS, key=len, reverse=True))
_GENERIC = "|".join(sorted(GENERIC_SOURCES, key=len, reverse=True))
_ADJ = r"(?:(?:new|latest|recent|own|annual|official|latest|independent|the|a|an)\s+)*"

PATTERNS = [
    re.compile(rf"\b[Aa]ccording\s+to\s+{_ADJ}(?:(?:{_SOURCES})\s+(?:by|from|of)\s+{_ADJ})?(?P<name>{_NAME})"),
    re.compile(rf"\b(?i:{_SOURCES}),?\s+(?:(?:published|commissioned|conducted|carried\s+out|compiled|produced)"
               rf"\s+)?(?:by|from|for|of)\s+{_ADJ}(?P<name>{_NAME})"),
    re.compile(rf"(?P<name>{_NAME})(?:['’]s?)\s+{_ADJ}(?:{_SOURCES})\b"),
    re.compile(rf"(?P<name>{_NAME}|\b(?:[Hh]e|[Ss]he|[Tt]hey)\b)(?:\s*\([^)]{{1,40}}\))?(?:,[^,]{{1,150}},|,)?[\s\u00a0]+"
               rf"(?:(?:has|have|had|also|previously|recently|then|today|yesterday|last\s+week|now)[\s\u00a0]+)*"
               rf"(?:{_VERBS})\b"),
    re.compile(rf"[,”\"’][\s\u00a0]*(?:{_VERBS})[\s\u00a0]+(?:the[\s\u00a0]+)?(?P<name>{_NAME})"),
    # an unnamed body or a role, as written: "the council said", "a government spokesperson said"
    re.compile(rf"\b(?P<name>(?:[Tt]he|[Aa]n?)[\s\u00a0]+(?:[a-z]+(?:['’]s)?[\s\u00a0]+)?(?:{_GENERIC}))"
               rf"(?:,[^,]{{1,150}},)?[\s\u00a0]+(?:(?:has|have|had|also)[\s\u00a0]+)*(?:{_VERBS})\b"),
]
# every attribution pattern holds one of these words
_CUE_WORDS = frozenset(w for phrase in SPEECH_VERBS + SOURCE_NOUNS + ["according"] for w in phrase.split()[:1])
_WORD_RE = re.compile(r"[a-z]+")
_VERB_CUES = frozenset(v.split()[0] for v in SPEECH_VERBS)
_SOURCE_CUES = frozenset(SOURCE_NOUNS)
# the words each of PATTERNS needs (lower-cased): "according", a source noun, or a speech verb
_PATTERN_CUES = [frozenset({"according"}), _SOURCE_CUES, _SOURCE_CUES, _VERB_CUES, _VERB_CUES, _VERB_CUES]
_HONORIFICS = re.compile(r"^(?:The|the|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Baroness|Prof|"
                         r"Professor|Rt|Hon|Rev)\.?[\s\u00a0]+")
_NOT_NAMES = {
    "it", "this", "that", "there", "these", "those", "but", "and", "however", "i", "we", "they", "he", "she",
    "in", "on", "at", "as", "if", "so", "yet", "also", "while", "when", "what", "which", "who", "a", "an",
    "its", "our", "their", "his", "her", "for", "with", "one", "some", "many", "most", "all", "both",
    "indeed", "overall", "finally", "first", "second", "third", "despite", "although", "meanwhile",
} | {m.lower() for m in MONTHS + WEEKDAYS}


def _clean(name: str, start: int) -> tuple[str, int] | None:
    """Drop leading honorifics and sentence words ('But', 'The') from a name; None when nothing is left."""
    while True:
        m = _HONORIFICS.match(name) or _LEADING_WORD.match(name)
        if not m or (m.re is _LEADING_WORD and m.group(1).lower() not in _NOT_NAMES):
            break
        name, start = name[m.end():], start + m.end()
    name = _TRAILING_DATE.sub("", name.rstrip(".’'"))      # "the Resolution Foundation on Tuesday"
    words = name.split()
    roles = [i for i, w in enumerate(words) if w.lower() in ROLE_WORDS]
    if roles and roles[-1] < len(words) - 1:            # "Health Secretary Steve Barclay" -> "Steve Barclay"
        cut = name.index(words[roles[-1] + 1], sum(len(w) + 1 for w in words[:roles[-1] + 1]) - 1)
        name, start = name[cut:], start + cut
    if not name or name.lower() in _NOT_NAMES:
        return None
    return name, start


_LEADING_WORD = re.compile(r"(\w+)[\s\u00a0]+")
_TRAILING_DATE = re.compile(r"[\s\u00a0]+(?:on|in)[\s\u00a0]+(?:" + "|".join(MONTHS + WEEKDAYS) + r")\b.*$")


class Attributor:
    """Finds the source of each sentence; remembers named speakers to resolve a later 'he said'."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.scanned = 0                                      # sentences read for speakers so far
        self.speakers: list[tuple[int, str, int]] = []      # (sentence start, name, name start)
        self.cache: dict[tuple[int, int], list[tuple[str, int, int, int]]] = {}

    def for_sentence(self, s: int, e: int, pos: int | None = None) -> tuple[str, int, int] | None:
        """(name, start, end) in the text of whoever the sentence at [s, e) cites, or None.

        With several sources in the sentence, the one whose cue is nearest `pos` (a claim) wins.
        """
        key = (s, e)
        if key not in self.cache:
            self.cache[key] = self._find(s, e)
        found = self.cache[key]
        if not found:
            return None
        if pos is None:
            return found[0][:3]
        return min(found, key=lambda f: (self._across_clauses(f, pos), _distance(f[3], f[1], f[2], pos), f[1]))[:3]

    def _across_clauses(self, found: tuple[str, int, int, int], pos: int) -> bool:
        """True when a contrast ("but", "while", ";") stands between a claim and a source's cue."""
        lo, hi = (pos, min(found[1], found[3])) if pos < found[1] else (found[2], pos)
        return bool(_CONTRAST.search(self.text, lo, hi))

    def _find(self, s: int, e: int) -> list[tuple[str, int, int, int]]:
        """Every source the sentence cites: (name, start, end, position of the whole cue)."""
        text = self.text
        words = set(_WORD_RE.findall(text[s:e].lower()))
        if _CUE_WORDS.isdisjoint(words):
            return []                       # no speech verb, source noun or "according": nobody is cited
        out: list[tuple[str, int, int, int]] = []
        taken: list[tuple[int, int]] = []
        for pat, cues in zip(PATTERNS, _PATTERN_CUES, strict=True):
            if cues.isdisjoint(words):
                continue                    # the pattern needs one of these words
            for m in pat.finditer(text, s, e):
                name, start = m.group("name"), m.start("name")
                if any(a < m.end("name") and start < b for a, b in taken):
                    continue                # an earlier pattern already read this name
                who = self._source(s, name, start, subject=pat is PATTERNS[3])
                if who:
                    taken.append((start, m.end("name")))
                    out.append((*who, m.start()))
        return out

    def _source(self, s: int, name: str, start: int, subject: bool = False) -> tuple[str, int, int] | None:
        """The speaker a pattern's name stands for, or None when it is no named source."""
        text = self.text
        if name.lower() in ("he", "she"):
            while self.scanned < len(self.sentences) and self.sentences[self.scanned][0] < s:
                self.for_sentence(*self.sentences[self.scanned])     # collect earlier speakers
                self.scanned += 1
            return self._last_person(s)
        if name.lower() == "they" or (subject and _not_the_subject(text, start)):
            return None                     # "head teachers in Cardiff say": a place, not the speaker
        if name[:1] in "TtAa" and name.split()[-1].lower() in GENERIC_SOURCES:
            return name, start, start + len(name)       # an unnamed body or role: kept as written
        got = _clean(name, start)
        if not got or (len(got[0].split()) <= 2 and got[0].split()[-1].lower() in NOT_SPEAKERS):
            return None                     # "the Paper announced", "TV": a document or medium speaks for no one
        name, start = got
        if len(name.split()) >= 2 and not any(n in _SOURCES for n in name.lower().split()):
            self.speakers.append((s, name, start))
        return name, start, start + len(name)

    def _last_person(self, before: int) -> tuple[str, int, int] | None:
        earlier = [sp for sp in self.speakers if sp[0] < before]
        if not earlier:
            return None
        _, name, start = max(earlier)
        return name, start, start + len(name)

    def for_claim(self, pos: int, s: int, e: int) -> tuple[str, int, int] | None:
        """Whoever the claim at `pos` in sentence [s, e) is attributed to.

        The sentence itself first; inside a quotation, the rest of its paragraph ('...,” he said.'), the
        words that open it ('Greg Clark said: “...'), or the paragraph before when a quote runs on.
        """
        who = self.for_sentence(s, e, pos)
        if who:
            return who
        text = self.text
        para_start = max(text.rfind("\n", 0, pos) + 1, pos - _QUOTE_REACH)
        if not _inside_quote(text[para_start:pos]):
            return None
        para_end = text.find("\n", pos, pos + _QUOTE_REACH)
        para_end = min(len(text), pos + _QUOTE_REACH) if para_end < 0 else para_end
        k = bisect.bisect_right(self.starts, s) - 1
        k_end = bisect.bisect_left(self.starts, para_end)
        k_start = bisect.bisect_left(self.starts, para_start)
        after = self.sentences[k + 1:k_end]
        before = self.sentences[k_start:k][::-1]
        if _inside_quote(text[para_start:para_end]):            # the quote runs on into the next paragraph
            next_end = text.find("\n", para_end + 2, para_end + _QUOTE_REACH)
            next_end = min(len(text), para_end + _QUOTE_REACH) if next_end < 0 else next_end
            after = after + self.sentences[k_end:bisect.bisect_left(self.starts, next_end)]
        for ps, pe in after + before:
            who = self.for_sentence(ps, pe)
            if who:
                return who
        if text[para_start:para_start + 1] in _OPEN_QUOTES and para_start > 1:
            prev_start = text.rfind("\n", 0, para_start - 2) + 1
            prev = text[prev_start:para_start].strip()
            if prev[:1] in _OPEN_QUOTES or ":" in prev[-3:]:
                for ps, pe in self.sentences[bisect.bisect_left(self.starts, prev_start):k_start]:
                    who = self.for_sentence(ps, pe) or who
                return who
        return None


_OPEN_QUOTES = {"“", '"'}
_CONTRAST = re.compile(r";|,?[\s\u00a0]+(?:but|while|whereas|although|though|however|yet)\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(in|of|for|at|from|on|to|with|by|across|near|outside)[\s\u00a0]+(?:the[\s\u00a0]+)?$")


def _not_the_subject(text: str, start: int) -> bool:
    """True when the name before a speech verb sits in a prepositional phrase of an unnamed subject.

    "Head teachers in Cardiff say": Cardiff does not speak; "the leader of Kent County Council said" and "a
    spokesperson for Network Rail said" speak for the body a role names.
    """
    m = _PREPOSITION_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    if m.group(1).lower() in ("of", "for"):
        before = text[max(0, m.start() - 30):m.start()].split()
        return not (before and before[-1].lower().strip(",") in ROLE_WORDS | GENERIC_SOURCES)
    return True


def _distance(cue: int, start: int, end: int, pos: int) -> int:
    """How far a claim at `pos` stands from a source read at [cue or start, end)."""
    lo = min(cue, start)
    return lo - pos if pos < lo else max(0, pos - end)
_QUOTE_REACH = 3000          # how far a quotation is followed, in characters


def _inside_quote(segment: str) -> bool:
    """True when `segment` (a paragraph up to a claim) leaves a quotation open."""
    return segment.count("“") > segment.count("”") or segment.count('"') % 2 == 1
