"""Cross-document canonicalisation: one body_id per real body, whatever order the candidates come in."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from . import registers
from .gazetteer import is_acronym_like
from .model import BodyCandidate, BodyResolution
from .textutil import norm_name, slug


@cache
def _register_names() -> dict[str, str]:
    """Loose name key -> register body key, for names and aliases that point at exactly one body."""
    seen: dict[str, set[str]] = {}
    for b in registers.bodies():
        for a in (b.name, *b.aliases):
            seen.setdefault(norm_name(a), set()).add(b.body_key)
    return {k: min(v) for k, v in seen.items() if len(v) == 1 and k}


def _is_register(key: str) -> bool:
    return key in registers.bodies_by_key()


class _Groups:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def anchor(self, root: str) -> str | None:
        return root if _is_register(root) else None

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if _is_register(ra) and _is_register(rb):
            return  # two register bodies never merge
        # the register key (else the smaller key) becomes the root: deterministic
        if _is_register(rb) or (not _is_register(ra) and rb < ra):
            ra, rb = rb, ra
        self.parent[rb] = ra


def resolve_bodies(candidates: Iterable[BodyCandidate]) -> BodyResolution:
    """Merge provisional keys into final body ids (register ids where known), with names and aliases."""
    by_key: dict[str, list[BodyCandidate]] = {}
    for c in candidates:
        by_key.setdefault(c.body_key, []).append(c)
    reg_names = _register_names()
    reg = registers.bodies_by_key()
    for k in list(by_key):
        # an org: key whose name is a register name or alias is that register body
        if not _is_register(k):
            target = reg_names.get(norm_name(by_key[k][0].name))
            if target:
                by_key.setdefault(target, [])
    groups = _Groups(by_key)
    acronym_owner: dict[str, list[str]] = {}
    loose: dict[str, list[str]] = {}
    for k in sorted(by_key):
        cs = by_key[k]
        rb = reg.get(k)
        acronyms = {c.acronym for c in cs if c.acronym} | ({rb.acronym} if rb and rb.acronym else set())
        for a in acronyms:
            acronym_owner.setdefault(a.upper(), []).append(k)
        if not _is_register(k):
            names = {c.name for c in cs}
            for n in names:
                loose.setdefault(norm_name(n), []).append(k)
                target = reg_names.get(norm_name(n))
                if target:
                    groups.union(target, k)
    for keys in loose.values():
        for k in keys[1:]:
            groups.union(keys[0], k)
    # acronym-only keys ("org:cresc") join the body that owns that acronym elsewhere
    for k in sorted(by_key):
        if _is_register(k):
            continue
        names = {c.name for c in by_key[k]}
        for n in names:
            if is_acronym_like(n) or (n.isupper() and " " not in n):
                owners = sorted(o for o in acronym_owner.get(n.rstrip("s").upper(), []) +
                                acronym_owner.get(n.upper(), []) if o != k and
                                not all(c.name == n for c in by_key.get(o, [])))
                if owners:
                    owners.sort(key=lambda o: (not _is_register(o), o))
                    groups.union(owners[0], k)
    members: dict[str, list[str]] = {}
    for k in by_key:
        members.setdefault(groups.find(k), []).append(k)
    bodies, aliases, key_to_id = [], [], {}
    for root, keys in sorted(members.items()):
        cands = [c for k in sorted(keys) for c in by_key[k]]
        rb = reg.get(root)
        if rb is not None:
            name, btype, acronym, ref = rb.name, rb.body_type, rb.acronym, rb.reference_id
            generic = rb.is_generic or any(c.is_generic for c in cands)
            body_id = root
            known = {rb.name, *rb.aliases} | ({rb.acronym} if rb.acronym else set())
        else:
            names = sorted({c.name for c in cands},
                           key=lambda n: (is_acronym_like(n) or n.isupper(), -len(n), n))
            name = names[0]
            # types said by full names outrank guesses from a bare acronym; "other_org" is the last resort
            full = [c for c in cands if not (is_acronym_like(c.name) or c.name.isupper())] or cands
            types = Counter(c.body_type for c in full)
            btype = sorted(types.items(), key=lambda t: (t[0] == "other_org", -t[1], t[0]))[0][0]
            acr = sorted({c.acronym for c in cands if c.acronym} |
                         {n for n in names if is_acronym_like(n) or (n.isupper() and " " not in n)})
            acronym = acr[0] if acr else None
            generic = any(c.is_generic for c in cands)
            ref = None
            body_id = "org:" + slug(name)
            known = set(names)
        for k in keys:
            key_to_id[k] = body_id
        bodies.append({"body_id": body_id, "name": name, "body_type": btype, "acronym": acronym,
                       "is_generic": generic, "reference_id": ref})
        seen = set(known) | {s for c in cands for s in c.surfaces} | ({acronym} if acronym else set())
        for a in sorted(x for x in seen if x and x.strip()):
            aliases.append({"body_id": body_id, "alias": a})
    # two groups may still land on one org: id (same slug); keep one row each
    uniq: dict[str, dict] = {}
    for b in bodies:
        uniq.setdefault(b["body_id"], b)
    alias_rows = sorted({(a["body_id"], a["alias"]) for a in aliases})
    return BodyResolution(sorted(uniq.values(), key=lambda b: b["body_id"]),
                          [{"body_id": b, "alias": a} for b, a in alias_rows], key_to_id)
