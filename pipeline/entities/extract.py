"""One document: collect candidates from every recogniser, settle overlaps longest-first, link people."""
from __future__ import annotations

import bisect
import gc
import re
from dataclasses import dataclass
from operator import attrgetter

from . import evidence, gazetteer, registers
from . import teams as teams_mod
from .acronym_bodies import read_acronyms
from .acronyms import acronym_starts, acronym_uses, bare_acronyms, speaking_acronyms
from .body_info import BodyInfo, dictionary_body_ok, from_entry, from_shape
from .model import BodyMention, DocEntities, PersonMention, PlaceMention, make
from .org_shapes import OrgShape, acting_orgs, described_orgs, role_of_orgs, shapes_in_run, short_form_ok
from .people import PersonCandidate, find_people, link_surnames
from .places import MetonymBody, compass_regions, from_hit
from .rules import (
    ABBREVIATED_SUFFIXES,
    NOT_ORG_ABBREVIATIONS,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    REFERRING_HEADS,
    SHORT_FORM_TYPES,
)
from .textutil import is_sentence_start, slug
from .tokens import Run, Token, capital_runs, tokenize_caps

# priorities at equal span length (higher wins)
P_PERSON_CUED, P_REGISTER, P_ACRONYM, P_PLACE, P_PERSON_NAME = 70, 60, 60, 50, 45
P_SHAPE, P_ACTING, P_SURNAME = 40, 30, 20
P_ENTRANT_TEAM = 65  # "(USA) Motorola 0:08": the team, whatever else the word could be
P_TRADED = 47  # a name whose shares, stock or profits are spoken of: a company, not a person of that name
_LONGEST_NAME = 200  # characters; longer names are not looked for around a span
_OWNED_HEADS = {"board", "committee", "panel", "unit", "team", "group", "network", "forum", "council", "executive",
                "commission", "taskforce", "office", "service", "secretariat"}


@dataclass(slots=True)
class _Cand:
    sort_key: tuple
    start: int
    end: int
    kind: str  # body | place | person
    payload: object


_SORT_KEY = attrgetter("sort_key")
_new = object.__new__


def _cand(start: int, end: int, kind: str, prio: int, payload: object) -> _Cand:
    c = _new(_Cand)  # slots set here: the dataclass __init__ would be a second Python call per candidate
    c.sort_key = (-(end - start), -prio, start)
    c.start = start
    c.end = end
    c.kind = kind
    c.payload = payload
    return c


def extract_entities(body_text: str, title: str | None = None) -> DocEntities:
    """Bodies, people and places mentioned in ``body_text`` (the title only informs recognition)."""
    # Many short-lived objects and no reference cycles: the cyclic collector would only rescan them.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(body_text, title)
    finally:
        if was_enabled:
            gc.enable()


def _extract(body_text: str, title: str | None) -> DocEntities:
    text = body_text or ""
    if not text.strip():
        return DocEntities([], [], [])
    tokens, caps = tokenize_caps(text)
    runs = capital_runs(tokens, caps)
    cands: list[_Cand] = []
    register_bodies, register_names = _dictionary_candidates(text, cands)
    shapes = _shape_candidates(text, runs, register_bodies, cands)
    sports = teams_mod.sports_page(text)
    cands = _acronym_candidates(text, title, register_bodies, register_names, shapes, cands, sports)
    if sports:
        for s, e in teams_mod.entrant_teams(text):
            cands.append(_cand(s, e, "body", P_ENTRANT_TEAM, _team_info(text[s:e])))
    found_people = find_people(text, tokens, caps)
    surnames = {p.name.split()[-1] for p in found_people if " " in p.name}
    if surnames:  # "Neumann said it would ...": Adam Neumann again, not a company that acts
        cands = [c for c in cands if not (c.sort_key[1] == -P_ACTING and text[c.start:c.end] in surnames)]
    for s, e in teams_mod.scorecard_players(text) + (teams_mod.goal_scorers(text) if sports else []):
        found_people.append(PersonCandidate(s, e, " ".join(text[s:e].split()), True, None, None, None))
    for p in found_people:
        cands.append(_cand(p.start, p.end, "person", P_PERSON_CUED if p.strong else P_PERSON_NAME, p))
    chosen = _settle(cands)
    _keep_abbreviation_stops(text, chosen)
    chosen = _link_people(text, tokens, caps, chosen)
    chosen = _national_prefixes(text, chosen)
    chosen = _short_forms(text, tokens, caps, chosen)
    chosen = _head_references(text, tokens, caps, chosen)
    if sports:
        chosen = _teams(text, runs, chosen)
        chosen = _nicknamed_teams(text, tokens, chosen)
    return _build(text, chosen)


def _dictionary_candidates(text: str, cands: list[_Cand]) -> tuple[dict[tuple[int, int], BodyInfo], set[str]]:
    """Register bodies and places (and compass regions); returns the register bodies by span and every register
    body name seen (also those the document gives no evidence for)."""
    register_bodies: dict[tuple[int, int], BodyInfo] = {}
    seen: set[str] = set()
    hits = gazetteer.find(text)
    uk: bool | None = None  # decided on the first register hit that needs the evidence
    for hit in hits:
        bodies = hit.bodies
        place = from_hit(text, hit) if hit.places else None
        if isinstance(place, MetonymBody):
            b = registers.bodies_by_key().get(place.body_key)
            if b is not None:
                info = BodyInfo(b.body_key, b.name, b.body_type, b.acronym, False, b.reference_id)
                cands.append(_cand(place.start, place.end, "body", P_REGISTER, info))
            continue
        if place is not None:
            cands.append(_cand(hit.start, hit.end, "place", P_PLACE, place))
        if not bodies:
            continue
        surface = text[hit.start:hit.end]
        if dictionary_body_ok(text, hit.start, hit.end, surface):
            seen.add(surface)
            needs = evidence.needs_evidence(bodies[0]) and evidence.ambiguous(surface)
            if uk is None and needs:
                uk = evidence.uk_context(text, hits)
            # the page's evidence counts only where it is needed, and not for a name glued to another
            uk_here = needs and bool(uk) and not evidence.inside_other_name(text, hit.start, hit.end)
            info = evidence.checked(from_entry(bodies[0]), bodies[0], surface, uk_here)
            if info is None:
                continue
            register_bodies[(hit.start, hit.end)] = info
            cands.append(_cand(hit.start, hit.end, "body", P_REGISTER, info))
    for pc in compass_regions(text):
        cands.append(_cand(pc.start, pc.end, "place", P_PLACE, pc))
    return register_bodies, seen


def _shape_candidates(text: str, runs: list[Run], register_bodies: dict[tuple[int, int], BodyInfo],
                      cands: list[_Cand]) -> dict[tuple[int, int], OrgShape]:
    """Organisation-shaped names, except those that cut through a register name; returns all shapes by span."""
    shapes: dict[tuple[int, int], OrgShape] = {}
    for r in runs:
        for o in shapes_in_run(r):
            shapes[(o.start, o.end)] = o
    for o in role_of_orgs(text, runs):
        shapes.setdefault((o.start, o.end), o)
    acting = {(o.start, o.end): o for o in acting_orgs(text, runs)}
    register_spans = sorted(register_bodies)
    register_starts = [sp[0] for sp in register_spans]
    for o in shapes.values():
        if not _crosses_register_name(o, register_spans, register_starts, text):
            cands.append(_cand(o.start, o.end, "body", P_SHAPE, from_shape(o)))
    for span, o in acting.items():
        if span not in shapes and span not in register_bodies:
            prio = P_TRADED if o.body_type == "company" else P_ACTING
            cands.append(_cand(o.start, o.end, "body", prio, from_shape(o)))
    for o, trade in described_orgs(text, runs):  # "the weekly Der Spiegel"; "insurer X": a person's name wins
        if (o.start, o.end) not in shapes and (o.start, o.end) not in register_bodies:
            cands.append(_cand(o.start, o.end, "body", P_SHAPE if trade else P_TRADED, from_shape(o)))
    return shapes


def _acronym_candidates(text: str, title: str | None, register_bodies: dict[tuple[int, int], BodyInfo],
                        register_names: set[str], shapes: dict[tuple[int, int], OrgShape],
                        cands: list[_Cand], sports: bool) -> list[_Cand]:
    """Uses of acronyms defined in the text or title, and of undefined acronyms that speak ("CRESC said");
    drops dictionary hits of acronyms defined for non-bodies ("LIS") or for another body ("Voice of America
    (VOA)"), which is then the body."""
    reading = read_acronyms(text, title, register_bodies, shapes)
    known, suppressed, undecided = reading.known, reading.suppressed, reading.undecided
    for s, e, core in acronym_uses(text, known):
        cands.append(_cand(s, e, "body", P_ACRONYM, known[core]))
    redefined = {acr for acr in undecided if acr in register_names}  # "Voice of America (VOA)": not the register's
    if redefined:
        cands = [c for c in cands if not (c.kind == "body" and (c.start, c.end) in register_bodies
                                          and text[c.start:c.end] in redefined)]
    starts = acronym_starts(text)
    speaking = {acr for _s, _e, acr in speaking_acronyms(text, NOT_ORG_ACRONYMS, starts)} - set(known) - suppressed
    if not sports:  # results pages: "PSV", "GKS" start club names
        speaking |= bare_acronyms(text, NOT_ORG_ACRONYMS | NOT_ORG_ABBREVIATIONS, starts) - set(known) \
            - suppressed - register_names
    speaking |= redefined
    speaking_info: dict[str, BodyInfo] = {}
    for acr in sorted(speaking):
        long_form, span = undecided.get(acr, (None, None))
        if long_form:
            speaking_info[acr] = BodyInfo("org:" + slug(long_form), long_form, "other_org", acr, False, None)
            if span:
                cands.append(_cand(span[0], span[1], "body", P_ACRONYM, speaking_info[acr]))
        else:
            speaking_info[acr] = BodyInfo("org:" + slug(acr), acr, "other_org", acr, False, None)
    for s, e, acr in acronym_uses(text, speaking_info):
        cands.append(_cand(s, e, "body", P_SHAPE - 5, speaking_info[acr]))
    if not suppressed:
        return cands
    return [c for c in cands if not (c.kind == "body" and text[c.start:c.end].rstrip("s") in suppressed
                                     and text[c.start:c.end].rstrip("s") not in known)]


def _link_people(text: str, tokens: list[Token], caps: list[int], chosen: list[_Cand]) -> list[_Cand]:
    """"Cllr Hawthorne" is the Mark Hawthorne named in full; bare surnames in free space join their person."""
    kept_people = [c.payload for c in chosen if c.kind == "person"]
    full_by_surname = {p.name.split()[-1]: p.name for p in kept_people if " " in p.name}
    for c in chosen:
        if c.kind == "person" and " " not in c.payload.name and c.payload.name in full_by_surname:
            p = c.payload
            c.payload = PersonCandidate(p.start, p.end, full_by_surname[p.name], p.strong, p.role,
                                        p.role_start, p.role_end)
    occupied = bytearray(len(text) + 1)
    for c in chosen:  # a town is no obstacle: "Crawley" after "John Crawley" is the person
        if not (c.kind == "place" and c.payload.place_type != "country"):
            occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    linked = [_cand(s.start, s.end, "person", P_SURNAME, s) for s in link_surnames(text, tokens, kept_people, caps)
              if not any(occupied[s.start:s.end])]
    if linked:
        person_at = bytearray(len(text) + 1)
        for c in linked:
            person_at[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen = [c for c in chosen if c.kind != "place" or not any(person_at[c.start:c.end])] + linked
    chosen.sort(key=lambda c: c.start)
    return chosen


def _short_forms(text: str, tokens: list[Token], caps: list[int], chosen: list[_Cand]) -> list[_Cand]:
    """"Acme Mining Corp." ... "Acme": the first word of a company or organisation name found on the page,
    standing alone elsewhere on it, is that body (a short form starts with a capital: only ``caps`` are looked
    at)."""
    short: dict[str, BodyInfo] = {}
    for c in chosen:
        if c.kind != "body" or c.payload.is_generic or c.payload.body_type not in SHORT_FORM_TYPES:
            continue
        first = text[c.start:c.end].split(" ", 1)
        if short_form_ok(first[0]) and (len(first) == 2 or c.payload.body_type == "company"):
            short.setdefault(first[0], c.payload)  # "Zenith's stock soared": the company Zenith, a word alone
    if not short:
        return chosen
    for c in chosen:  # "Zenith said" made a one-word person of it: the page shows it is the company
        if c.kind == "person" and " " not in c.payload.name and text[c.start:c.end] in short:
            c.kind, c.payload = "body", short[text[c.start:c.end]]
    occupied = bytearray(len(text) + 1)
    for c in chosen:
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        if c.kind == "body" and c.payload.body_key.startswith("org:") and text[c.start:c.end] in short:
            c.payload = short[text[c.start:c.end]]  # "Acme shares fell": the Acme named in full
    added = []
    for k in [k for k in caps if tokens[k].text in short]:
        t = tokens[k]
        info = short[t.text]
        if occupied[t.start] or (t.end < len(text) and occupied[t.end - 1]):
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and nxt.cap and not t.hard_break_after:
            continue  # the start of another name
        added.append(_cand(t.start, t.end, "body", P_SURNAME, info))
    if not added:
        return chosen
    return sorted(chosen + added, key=lambda c: c.start)


def _head_references(text: str, tokens: list[Token], caps: list[int], chosen: list[_Cand]) -> list[_Cand]:
    """"European Commission" ... "the Commission's spokesman": a capitalised head word standing alone is the one
    body on the page named with that head (two bodies with the head: it is neither)."""
    by_head: dict[str, BodyInfo | None] = {}
    for c in chosen:
        if c.kind == "body" and not c.payload.is_generic:
            words = text[c.start:c.end].split()
            if len(words) >= 2 and words[-1].lower() in REFERRING_HEADS:
                head = words[-1].capitalize()
                known = by_head.get(head, c.payload)
                by_head[head] = c.payload if known is not None and known.body_key == c.payload.body_key else None
    heads = {h: info for h, info in by_head.items() if info is not None}
    at_head = [k for k in caps if tokens[k].text in heads] if heads else []
    if not at_head:
        return chosen
    starts = [c.start for c in chosen]  # sorted: a token is taken when the candidate before it reaches it
    added = []
    for k in at_head:
        t = tokens[k]
        i = bisect.bisect_right(starts, t.start) - 1
        if i >= 0 and chosen[i].end > t.start:
            continue
        info = heads[t.text]
        prev = tokens[k - 1] if k else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if (nxt is not None and nxt.cap and not t.hard_break_after) or (
                prev is not None and prev.cap and not prev.hard_break_after and not is_sentence_start(text, t.start)):
            continue  # part of another name: "Commission President", "Security Council"
        added.append(_cand(t.start, t.end, "body", P_SURNAME, info))
    if not added:
        return chosen
    return sorted(chosen + added, key=lambda c: c.start)


def _teams(text: str, runs: list[Run], chosen: list[_Cand]) -> list[_Cand]:
    """On a sports page, towns, counties, states and unknown names in a team's position are clubs ("Essex beat
    Kent", "Juventus 2 Ajax 1", "Seattle Mariners 5")."""
    players = teams_mod.individual_sport(text)  # "CRICKET - ...": names beside figures are players
    places = {(c.start, c.end): c for c in chosen if (c.kind == "place" and c.payload.place_type != "country")
              or (c.kind == "person" and c.payload.plain and not players)}
    occupied = bytearray(len(text) + 1)
    for c in chosen:
        if (c.start, c.end) not in places:
            occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    found = _found_teams(text, runs, places, occupied, players)
    if not found:
        return chosen
    outer: list[tuple[int, int]] = []
    for s, e in sorted(found, key=lambda sp: (sp[0], -sp[1])):  # "Sparta Rotterdam", not also "Rotterdam"
        if not outer or s >= outer[-1][1]:
            outer.append((s, e))
    covered = bytearray(len(text) + 1)
    for s, e in outer:
        covered[s:e] = b"\x01" * (e - s)
    kept = [c for c in chosen if not (covered[c.start:c.end].count(1)
                                      and ((c.start, c.end) in places or not covered[c.start:c.end].count(0)))]
    for s, e in outer:
        kept.append(_cand(s, e, "body", P_SHAPE, _team_info(text[s:e])))
    kept.sort(key=lambda c: c.start)
    return kept


def _found_teams(text: str, runs: list[Run], places: dict[tuple[int, int], _Cand], occupied: bytearray,
                 players: bool) -> set[tuple[int, int]]:
    """The spans that name a team: ``places`` (towns, counties, plain names) and free capitalised words in a
    team's position, clubs in brackets after a scorer, towns before a squad word; then the page's other counties
    and other mentions of a found name, wherever no locative word places them."""
    scorecards = players and teams_mod.scorecard_sport(text)
    free = [] if players and not scorecards else [sp for r in runs for sp in teams_mod.club_spans(r.tokens)
                                                   if sp not in places and not any(occupied[sp[0]:sp[1]])]
    people = frozenset(sp for sp, c in places.items() if c.kind == "person")
    # a cricket page's names beside figures are players: an unknown name is a team by a result word only
    # ("Glamorgan beat Durham")
    found = teams_mod.team_spans(text, [*places, *free], people | frozenset(free) if scorecards else people)
    club_names = {text[s:e] for s, e in people if teams_mod.in_team_position(text, s, e, strict=True)}
    found = {sp for sp in found if sp not in people or text[sp[0]:sp[1]] in club_names}
    found.update(sp for sp in teams_mod.bracketed_clubs(text) if sp in places or not any(occupied[sp[0]:sp[1]]))
    towns = {sp: c for sp, c in places.items() if c.kind == "place"}
    found.update(sp for sp in towns if teams_mod.squad_word_after(text, sp[1]))  # "Milan coach"
    # the page's teams are counties: its other counties are too ("title rivals Essex, Derbyshire and Surrey");
    # towns on a results page are as often the venues
    kinds = {towns[sp].payload.place_type for sp in found if sp in towns} & {"county_or_area"}
    found.update(sp for sp, c in towns.items() if c.payload.place_type in kinds and teams_mod.not_placed(text, *sp))
    names = {text[s:e] for s, e in found}  # a club found by any of these is that club elsewhere on the page too
    found.update(sp for sp in towns if text[sp[0]:sp[1]] in names and teams_mod.not_placed(text, *sp))
    return found


def _team_info(surface: str) -> BodyInfo:
    """A club or team found by its position on a sports page (a name in capitals is given in title case)."""
    name = surface.title() if surface.isupper() else surface
    return BodyInfo("org:" + slug(name), name, "other_org", None, False, None)


def _nicknamed_teams(text: str, tokens: list[Token], chosen: list[_Cand]) -> list[_Cand]:
    """On a sports page, a town or state and a plural nickname are one club ("Seattle Mariners", "New York
    Yankees", "Chicago White Sox"), wherever it stands; the nickname alone is that club too ("the Mariners")."""
    index = {t.start: k for k, t in enumerate(tokens)}
    teams: dict[str, BodyInfo] = {}
    found: list[tuple[int, int, BodyInfo]] = []
    for c in chosen:
        if c.kind == "body" and c.payload.body_key.startswith("org:"):
            words = text[c.start:c.end].split(" ")
            for j in (1, 2):  # a club found already ("the Seattle Mariners beat ..."): its nickname
                if len(words) > j and gazetteer.is_place_name(" ".join(words[:-j])) \
                        and all(teams_mod.nickname_word(w) for w in words[-j:]) \
                        and teams_mod.nickname_word(words[-1], plural=True):
                    teams.setdefault(" ".join(words[-j:]), c.payload)
                    break
        if not (c.kind == "place" and c.payload.place_type != "country"
                or c.kind == "body" and c.payload.body_key.startswith("org:")
                and gazetteer.is_place_name(text[c.start:c.end])):
            continue
        k = index.get(c.end + 1)
        if k is None or text[c.end] != " " or tokens[k - 1].end != c.end or tokens[k - 1].hard_break_after:
            continue
        nick = [tokens[k]] if teams_mod.nickname_word(tokens[k].text) else []
        if nick and not tokens[k].hard_break_after and k + 1 < len(tokens) \
                and teams_mod.nickname_word(tokens[k + 1].text, plural=True):
            nick.append(tokens[k + 1])
        while nick and not teams_mod.nickname_word(nick[-1].text, plural=True):
            nick.pop()
        if not nick:
            continue
        name = text[c.start:nick[-1].end]
        info = teams.setdefault(text[nick[0].start:nick[-1].end],
                                BodyInfo("org:" + slug(name), name, "other_org", None, False, None))
        found.append((c.start, nick[-1].end, info))
    if not teams:
        return chosen
    for nickname, info in teams.items():
        for m in re.finditer(r"(?<![\w&.-])" + re.escape(nickname) + r"(?![\w&-])", text):
            found.append((m.start(), m.end(), info))
    claimed = bytearray(len(text) + 1)  # what the page's other mentions hold
    for c in chosen:
        claimed[c.start:c.end] = b"\x01" * (c.end - c.start)
    covered = bytearray(len(text) + 1)
    outer = []
    for s, e, info in sorted(found, key=lambda f: (f[0], -f[1])):
        if any(covered[s:e]) or any(c.start < s < c.end or c.start < e < c.end for c in chosen
                                    if claimed[s] or claimed[e - 1]):
            continue  # nested in a team already taken, or cutting through another name
        covered[s:e] = b"\x01" * (e - s)
        outer.append((s, e, info))
    kept = [c for c in chosen if not any(covered[c.start:c.end])]
    kept += [_cand(s, e, "body", P_SHAPE, info) for s, e, info in outer]
    kept.sort(key=lambda c: c.start)
    return kept


_SENTENCE_GOES_ON = re.compile(r"\.[ \u00a0]*[a-z0-9,;(]")


def _keep_abbreviation_stops(text: str, chosen: list[_Cand]) -> None:
    """"Acme Corp. said" keeps its full stop: a name ending in an abbreviated suffix takes the period after it
    where the sentence goes on; at a sentence's end ("analyst at McDonald & Co.") the stop is the sentence's."""
    for c in chosen:
        if c.kind == "body" and text[c.end:c.end + 1] == "." and _SENTENCE_GOES_ON.match(text, c.end) and \
                text[c.start:c.end].rsplit(" ", 1)[-1].lower() in ABBREVIATED_SUFFIXES:
            c.end += 1


_NATIONAL_PREFIXES = frozenset({"U.S.", "US", "U.N.", "UN", "EU", "E.U."})


def _national_prefixes(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """"U.S. Treasury", "U.N. Security Council", "U.S. Navy": a national or union prefix right before a body is
    part of its name, and makes it that country's body, never a UK register one."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        if c.kind == "body" and prev is not None and prev.end + 1 == c.start and text[prev.end] == " " \
                and text[prev.start:prev.end] in _NATIONAL_PREFIXES and not c.payload.is_generic:
            name = f"{text[prev.start:prev.end]} {text[c.start:c.end].removeprefix('The ')}"
            if c.payload.body_key.startswith("org:") or c.payload.acronym != text[c.start:c.end]:
                c.payload = BodyInfo("org:" + slug(name), name, c.payload.body_type, None, False, None)
            c.start = prev.start
            c.sort_key = (-(c.end - c.start), *c.sort_key[1:])
            out[-1] = c
            continue
        out.append(c)
    return out


def _crosses_register_name(o: OrgShape, spans: list[tuple[int, int]], starts: list[int], text: str) -> bool:
    """A shape that cuts through a register name, or glues one to another named body with "and", is wrong:
    "University of Manchester and Sheffield Hallam University". ``spans`` sorted, ``starts`` their starts."""
    lo = bisect.bisect_left(starts, o.start - _LONGEST_NAME)
    hi = bisect.bisect_left(starts, o.end)
    for s, e in spans[lo:hi]:
        if e <= o.start or (s, e) == (o.start, o.end):
            continue
        if " " not in text[s:e].removeprefix("The ").removeprefix("the "):
            continue  # a one-word name ("The Independent") may be the start of a longer one
        if s < o.start or e > o.end:
            return True
        if text[e:e + 5] == " and " and e < o.end and any(
                w.lower() in ORG_HEADS for w in text[e + 5:o.end].split()):
            return True  # not "Department of Health and Human Services": no second head after "and"
    return False


def _settle(cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then priority: a name inside a longer name is not a second mention."""
    cands.sort(key=_SORT_KEY)
    occupied = bytearray(max((c.end for c in cands), default=0) + 1)
    taken = occupied.find  # taken(1, s, e) != -1: something in s..e is taken (no slice copied)
    chosen = []
    for c in cands:
        if taken(1, c.start, c.end) != -1:
            continue
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return chosen


_POSSESSIVE_BEFORE = re.compile(r"['\u2019]s?\s+$")
_ROLE_PREFIX = re.compile(r"(?:['\u2019]s?)?(?:\s+[a-z][a-z\-]*)*\s+")


def _build(text: str, chosen: list[_Cand]) -> DocEntities:
    bodies: list[BodyMention] = []
    body_at_end: dict[int, BodyMention] = {}
    for c in chosen:
        if c.kind != "body":
            continue
        info: BodyInfo = c.payload
        if info.body_key.startswith("org:") and not info.is_generic:
            owner_m = _POSSESSIVE_BEFORE.search(text[max(0, c.start - 4):c.start])
            if owner_m:
                owner = body_at_end.get(c.start - len(owner_m.group(0)))
                if owner is not None and info.name.split()[-1].lower() in _OWNED_HEADS:
                    name = f"{owner.acronym or owner.name} {info.name}"  # "the LGA's People and Places Board"
                    info = BodyInfo("org:" + slug(name), name, owner.body_type, None, False, None)
        m = make(BodyMention, body_key=info.body_key, name=info.name, body_type=info.body_type, acronym=info.acronym,
                 is_generic=info.is_generic, reference_id=info.reference_id, surface=text[c.start:c.end],
                 char_start=c.start, char_end=c.end)
        bodies.append(m)
        body_at_end[c.end] = m
    places = [make(PlaceMention, surface=text[c.start:c.end], char_start=c.start, char_end=c.end,
                   place_id=c.payload.place_id, name=c.payload.name, place_type=c.payload.place_type,
                   reference_id=c.payload.reference_id)
              for c in chosen if c.kind == "place"]
    people: list[PersonMention] = []
    body_starts = [b.char_start for b in bodies]
    for c in chosen:
        if c.kind != "person":
            continue
        p: PersonCandidate = c.payload
        affiliation = None
        if p.role_start is not None:
            near = bodies[bisect.bisect_left(body_starts, p.role_start - _LONGEST_NAME):
                          bisect.bisect_left(body_starts, p.role_end)]
            inside = [b for b in near if p.role_start <= b.char_start and b.char_end <= p.role_end]
            if inside:
                affiliation = inside[-1].body_key
            else:  # "The Resolution Foundation's chief economist, ...", "Unison regional secretary ..."
                owner = [b for b in near if 0 <= p.role_start - b.char_end <= 25
                         and _ROLE_PREFIX.fullmatch(text[b.char_end:p.role_start])]
                if owner:
                    affiliation = owner[-1].body_key
        people.append(make(PersonMention, surface=text[c.start:c.end], char_start=c.start, char_end=c.end,
                           person_id="person:" + slug(p.name), name=p.name, role=p.role,
                           affiliation_body_key=affiliation))
    return DocEntities(bodies, people, places)

