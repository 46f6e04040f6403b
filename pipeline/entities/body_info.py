"""Building a body's provisional identity (``BodyInfo``) from a dictionary entry or a name's shape."""
from __future__ import annotations

import re
from functools import lru_cache

from . import gazetteer
from .model import BodyInfo
from .org_shapes import OrgShape
from .rules import AMBIGUOUS_BODY_WORDS, CUE_REQUIRED_BODY_WORDS, NOT_BEFORE, ORG_CUES, SENTENCE_INITIAL_OK
from .textutil import is_sentence_start, slug

# id(entry) -> (entry, its body); holding the entry keeps its id from being reused
_BY_ENTRY: dict[int, tuple[gazetteer.Entry, BodyInfo]] = {}


def from_entry(e: gazetteer.Entry) -> BodyInfo:
    """The body a dictionary entry names (one shared, immutable ``BodyInfo`` per entry)."""
    known = _BY_ENTRY.get(id(e))
    if known is not None and known[0] is e:
        return known[1]
    if len(_BY_ENTRY) > 65536:
        _BY_ENTRY.clear()
    info = BodyInfo(e.key, e.name, e.etype, e.acronym, e.is_generic, e.reference_id)
    _BY_ENTRY[id(e)] = (e, info)
    return info


def from_shape(o: OrgShape) -> BodyInfo:
    """A provisional body for an organisation-shaped name; a council of a register area is that council."""
    return _shape_body(o.name, o.body_type, o.is_generic, o.area)


@lru_cache(maxsize=65536)
def _shape_body(name: str, body_type: str, is_generic: bool, area: str | None) -> BodyInfo:
    if area:
        council = gazetteer.council_for_area(area)
        if council is not None:
            return BodyInfo(council.body_key, council.name, council.body_type, council.acronym, False,
                            council.reference_id)
    return BodyInfo("org:" + slug(name), name, body_type, None, is_generic, None)


def dictionary_body_ok(text: str, start: int, end: int, surface: str) -> bool:
    """Single-word names that are ordinary words ("Shelter", "Reform") need a position or a cue."""
    low = surface.lower()
    if low not in AMBIGUOUS_BODY_WORDS:
        return True
    following = _NEXT_WORD.match(text, end)
    if low in NOT_BEFORE and following and following.group(1).lower() in NOT_BEFORE[low]:
        return False  # "labour market", "Conservative estimates", "Treasury yields"
    if low in CUE_REQUIRED_BODY_WORDS:
        before = _SENTENCE_BREAK.split(text[max(0, start - 60):start])[-1]
        after = _SENTENCE_BREAK.split(text[end:end + 60])[0]
        window = (before + " " + after).lower()
        return any(c in window for c in ORG_CUES)
    return low in SENTENCE_INITIAL_OK or not is_sentence_start(text, start)


_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z]+)")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
