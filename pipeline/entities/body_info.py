"""Building a body's provisional identity (``BodyInfo``) from a dictionary entry or a name's shape."""
from __future__ import annotations

import re

from . import gazetteer
from .model import BodyInfo
from .org_shapes import OrgShape
from .rules import AMBIGUOUS_BODY_WORDS, CUE_REQUIRED_BODY_WORDS, NOT_BEFORE, ORG_CUES, SENTENCE_INITIAL_OK
from .textutil import is_sentence_start, slug


def from_entry(e: gazetteer.Entry) -> BodyInfo:
    """The body a dictionary entry names."""
    return BodyInfo(e.key, e.name, e.etype, e.acronym, e.is_generic, e.reference_id)


def from_shape(o: OrgShape) -> BodyInfo:
    """A provisional body for an organisation-shaped name; a council of a register area is that council."""
    if o.area:
        council = gazetteer.council_for_area(o.area)
        if council is not None:
            return BodyInfo(council.body_key, council.name, council.body_type, council.acronym, False,
                            council.reference_id)
    return BodyInfo("org:" + slug(o.name), o.name, o.body_type, None, o.is_generic, None)


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
