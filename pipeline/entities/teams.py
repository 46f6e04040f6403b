"""Sports teams: on a sports page a town, county or state in a team's position is its club, not the place.

"Leicestershire beat Somerset by an innings", "CHICAGO 70 53 .569", "Ajax 2 PSV 1": the name next to a score,
a result verb or "v" names a team. Once a name is a team on a page, its other mentions there are the team too,
except after a locative word ("in Leicester", "at Chicago"). Countries stay places (national sides are
conventionally tagged as the country).
"""
from __future__ import annotations

import re

from .rules import (
    INDIVIDUAL_SPORT_LABELS,
    LEADING_NOISE,
    LOCATIVE_CUES,
    NOT_TEAM_WORDS,
    SPORT_CUES,
    SPORT_LABELS,
)
from .tokens import Token

_LABEL = re.compile(r"\s*([A-Z][A-Z ]{2,30}?)\s+-\s")
_SCORE_AFTER = re.compile(r"\s+\d{1,3}(?:-\d{1,3})?(?:\s|[,.;)]|$)")
_GOALS_AFTER = re.compile(r"\s+\d{1,2}\s+[A-Z]")  # "Vitesse Arnhem 2 Ajax 1": the other side follows
_TABLE_ROW_AFTER = re.compile(r"(?:\s+\.?\d{1,3}){3}")  # a standings row: "Vitesse Arnhem 3 2 1 0 6 2 7"
_GOALS_BEFORE = re.compile(r"[A-Za-z]\s+\d{1,2}\s+$")
_RESULT_AFTER = re.compile(r"\s+(?:beat|beats|drew|draw|lost|won|defeated|edged|routed|thrashed|v|vs\.?)\s")
_RESULT_BEFORE = re.compile(r"(?:\bbeat|\bdefeated|\bv|\bvs\.?|\bagainst|\bdrew with|\blost to)\s+$")
_FIXTURE = re.compile(r"([A-Z][A-Z .]*[A-Z]) AT ([A-Z][A-Z .]*[A-Z])")
# a dateline ("LONDON 1996-08-30") or a venue's date in a list of records ("Berlin 17.8.90"): a place, not a team
_DATELINE = re.compile(r"(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s+\d{4}-\d\d-\d\d|\s+\d{1,2}\.\d{1,2}\.\d\d(?:\d\d)?\b")
_LOCATIVE_BEFORE = re.compile(r"\b(" + "|".join(sorted(LOCATIVE_CUES)) + r")\s+(?:the\s+)?$")
_LOCATIVE_BEFORE_ANY_CASE = re.compile(_LOCATIVE_BEFORE.pattern, re.IGNORECASE)
# cue words as bytes; a byte table that blanks everything but a-z
_SPORT_CUE_BYTES = frozenset(w.encode() for w in SPORT_CUES if w.isascii())
_BLANK_NON_LOWER = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def sports_page(text: str) -> bool:
    """A "SOCCER - ..." headline, or three different sports words in the text."""
    m = _LABEL.match(text)
    if m and set(m.group(1).lower().split()) & SPORT_LABELS:
        return True
    return len(_SPORT_CUE_BYTES.intersection(_lower_runs(text[:4000]))) >= 3


def _lower_runs(text: str) -> list[bytes]:
    """The maximal runs of a-z in ``text`` (what ``re.findall("[a-z]+")`` finds), as bytes: encoding (any other
    character becomes one "?"), blanking and splitting run in C, with no match object per word."""
    return text.encode("ascii", "replace").translate(_BLANK_NON_LOWER).split()


def individual_sport(text: str) -> bool:
    """A "CRICKET - ...", "TENNIS - ..." page: names beside numbers there are players and their figures."""
    m = _LABEL.match(text)
    return bool(m) and bool(set(m.group(1).lower().split()) & INDIVIDUAL_SPORT_LABELS)


def scorecard_sport(text: str) -> bool:
    """A "CRICKET - ..." page: a team sport whose scorecards set players' names beside figures."""
    m = _LABEL.match(text)
    return bool(m) and "cricket" in m.group(1).lower().split()


_DISMISSAL = re.compile(r"(?:^|\s)(?:c|b|st|lbw b|c & b|c and b|run out \()\s+((?:[A-Z]\.\s?)*[A-Z][a-z'\u2019-]+"
                        r"(?:\s[A-Z][a-z'\u2019-]+)?)")


def scorecard_players(text: str) -> list[tuple[int, int]]:
    """On a cricket page, the fielders and bowlers of a scorecard: "c Croft b Mullally 54"."""
    m = _LABEL.match(text)
    if not m or "cricket" not in m.group(1).lower().split():
        return []
    return [d.span(1) for d in _DISMISSAL.finditer(text)]


_ENTRANT_TEAM = re.compile(
    r"[A-Z][\w'.-]+ \((?:[A-Z][\w.]*)(?: [A-Z][\w.]*){0,2}\) ([A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]*)?)"
    r"(?=[ \t]*$|\s+(?:\d|same time|all same time|one lap|\+))(?!\s+\d{1,2}\.\d{1,2}\.\d{2}\b)", re.MULTILINE)


def entrant_teams(text: str) -> list[tuple[int, int]]:
    """In a results list, the team an entrant rides or drives for, after the entrant's country and before the time:
    "6. Lance Armstrong (USA) Motorola 0:08", "2. Bob Moore (U.S.) Yamaha". A venue with a date after it
    ("(Germany) Berlin 17.8.90") is a place."""
    return [m.span(1) for m in _ENTRANT_TEAM.finditer(text) if m.group(1).lower() not in NOT_TEAM_WORDS]


_CLUB_IN_BRACKETS = re.compile(r"[A-Za-z][\w'.-]+ \(([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})\)(?! [A-Z])")


def bracketed_clubs(text: str) -> list[tuple[int, int]]:
    """On a team-sport page, the club in brackets after a player's name: "Enzo Scifo (Monaco)", "Vladimir Smicer
    (Lens)" (a country there is the national side, left to the caller); not a name's part: "(Tom) Seaver"."""
    if individual_sport(text):
        return []
    return [m.span(1) for m in _CLUB_IN_BRACKETS.finditer(text) if m.end(1) - m.start(1) > 2]


_SCORER_NAME = r"((?:[A-Z][\w'\u2019-]*\.? |(?:de|van|der|la|di|da|dos|von|le) ){0,3}[A-Z][\w'\u2019-]+)"
_SCORER_MINUTE_AFTER = re.compile(r"(?:\(|, )" + _SCORER_NAME + r" \d{1,3}(?:st|nd|rd|th)\b")
_SCORER_MINUTE_IN_BRACKETS = re.compile(r"(?:^|, |: |- )" + _SCORER_NAME + r" \(\d{1,3}(?:st|nd|rd|th)\b",
                                        re.MULTILINE)


def goal_scorers(text: str) -> list[tuple[int, int]]:
    """On a sports page, the scorers of a result line, each with the minute of the goal: "Leeds 1 (Sharpe 58th
    minute)", "(Korneev 15th, Hansma 24th)", "Ronaldo (5th and 89th minutes), Pizzi (73rd)"."""
    return [m.span(1) for pat in (_SCORER_MINUTE_AFTER, _SCORER_MINUTE_IN_BRACKETS) for m in pat.finditer(text)]


_NOT_NICKNAMES = frozenset({"games", "olympics", "masters", "championships", "finals", "series", "times", "news",
                            "airlines", "airways", "police", "democrats", "republicans", "officials", "says", "is",
                            "was", "has", "as", "its", "this", "his", "us"})


def nickname_word(word: str, plural: bool = False) -> bool:
    """A word of a club's nickname ("Mariners", "White" of "White Sox"); ``plural``: one that can end it."""
    if not (word[:1].isupper() and word[1:].isalpha() and word[1:].islower()) or word.lower() in _NOT_NICKNAMES:
        return False
    return not plural or (word.endswith("s") and not word.endswith("ss")) or word == "Sox"


def _fixture_side(text: str, start: int, end: int) -> bool:
    """One side of a fixture line in capitals: "OAKLAND AT BOSTON"."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    m = _FIXTURE.fullmatch(text, ls, len(text) if le < 0 else le)
    return bool(m) and (m.span(1) == (start, end) or m.span(2) == (start, end))


def in_team_position(text: str, start: int, end: int, strict: bool = False) -> bool:
    """Next to a score, a result verb or "v" (``strict``: a bare goal count, not "4-38" bowling figures), or a
    side of a fixture line."""
    if text[end:end + 4] == " AT " or text[max(0, start - 4):start] == " AT ":
        return _fixture_side(text, start, end)
    if strict:
        return bool(_GOALS_AFTER.match(text, end) or _TABLE_ROW_AFTER.match(text, end)
                    or _GOALS_BEFORE.search(text, max(0, start - 30), start)
                    or _RESULT_AFTER.match(text, end) or _RESULT_BEFORE.search(text, max(0, start - 12), start))
    return bool(_SCORE_AFTER.match(text, end) or _RESULT_AFTER.match(text, end)
                or _RESULT_BEFORE.search(text, max(0, start - 12), start))


def club_spans(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """In each stretch of a run between numbers, its last one to three capitalised words: a club's name if it
    stands in a team's position ("NAC Breda 1 Sparta Rotterdam 0")."""
    out = []
    segment: list[Token] = []
    for t in (*tokens, None):
        if t is not None and not t.text[:1].isdigit():
            segment.append(t)
            continue
        toks = segment[-3:]
        while toks and (not toks[0].cap or toks[0].low in LEADING_NOISE):
            toks.pop(0)
        if toks and all(x.cap for x in toks) and not (len(toks) == 1 and toks[0].low in NOT_TEAM_WORDS):
            out.append((toks[0].start, toks[-1].end))
        segment = []
    return out


_SQUAD_WORD_AFTER = re.compile(r"(?:['\u2019]s)? (?:coach|manager|striker|midfielder|defender|goalkeeper|keeper|"
                               r"winger|forward|captain|skipper|fans|supporters|squad|side|players?|"
                               r"teammates?|team-mates?|chairman|president)\b")


def squad_word_after(text: str, end: int) -> bool:
    """"Milan coach Arrigo Sacchi", "Liverpool's striker": a town followed by a word of a club's squad."""
    return bool(_SQUAD_WORD_AFTER.match(text, end))


def not_placed(text: str, start: int, end: int) -> bool:
    """No dateline, no locative word ("in Leicester", "At Chicago") and no venue's colon opening a line
    ("Portsmouth: Middlesex 199") makes this name the place."""
    return not _DATELINE.match(text, end) and not _LOCATIVE_BEFORE_ANY_CASE.search(text, max(0, start - 12), start) \
        and not (text[end:end + 1] == ":" and (start == 0 or text[start - 1] == "\n"))


def team_spans(text: str, spans: list[tuple[int, int]], strict: frozenset[tuple[int, int]] = frozenset()
               ) -> set[tuple[int, int]]:
    """Of the candidate spans (towns, counties, states, unknown names), those that name a team on this (sports) page;
    ``strict`` spans (possible people) need a result word or a bare goal count."""
    if not spans:
        return set()
    teams = {text[s:e] for s, e in spans if in_team_position(text, s, e, (s, e) in strict)
             and not _DATELINE.match(text, e)}
    return {(s, e) for s, e in spans if text[s:e] in teams
            and not _DATELINE.match(text, e)
            and (in_team_position(text, s, e) or not _LOCATIVE_BEFORE.search(text, max(0, s - 12), s))}
