"""HTML pages: block elements in reading order with their markup features, and the page's own metadata."""
from __future__ import annotations

import json
import re
from functools import cache

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag

from .candidates import Candidate
from .dates import parse_iso
from .rules import _load

SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option",
                  "input", "textarea", "canvas", "object", "embed", "video", "audio", "map", "math", "link",
                  "meta"})
BLOCK = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "caption",
                   "td", "th", "dt", "dd", "div", "section", "article", "header", "footer", "aside", "nav", "main",
                   "form", "table", "tr", "ul", "ol", "dl", "figure", "address", "summary", "details", "body",
                   "html", "hr", "br", "fieldset", "legend", "label", "button", "center", "menu", "dialog",
                   "tbody", "thead", "tfoot", "picture", "hgroup"})
SPACE = re.compile(r"\s+")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
SPLIT = re.compile(r"[-_\s:/.]+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@cache
def _markup() -> tuple[dict[str, str], dict[str, list[tuple[tuple[str, ...], str]]], dict[str, list[tuple[str, ...]]]]:
    """Tag roles, class-word sequences by first word (longest first), content-container sequences by first word."""
    raw = _load("markup.yaml")
    classes: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for role, entries in raw["classes"].items():
        for e in entries:
            seq = tuple(SPLIT.split(e.lower()))
            classes.setdefault(seq[0], []).append((seq, role))
    for seqs in classes.values():
        seqs.sort(key=lambda x: -len(x[0]))
    content: dict[str, list[tuple[str, ...]]] = {}
    for e in raw["content"]:
        seq = tuple(SPLIT.split(e.lower()))
        content.setdefault(seq[0], []).append(seq)
    return raw["tags"], classes, content


def _words(tag: Tag) -> tuple[str, ...]:
    parts: list[str] = []
    attrs = tag.attrs
    for attr in ("class", "id", "itemprop", "role", "data-component"):
        v = attrs.get(attr)
        if not v:
            continue
        for item in v if isinstance(v, list) else [v]:
            parts.extend(w for w in SPLIT.split(CAMEL.sub(" ", item).lower()) if w)
    return tuple(parts)


def _find_seq(words: tuple[str, ...], index: dict) -> object | None:
    """The first entry of ``index`` (by first word) whose word sequence occurs in ``words``."""
    for i, w in enumerate(words):
        for entry in index.get(w, ()):
            seq = entry[0] if isinstance(entry[0], tuple) else entry
            if words[i:i + len(seq)] == seq:
                return entry
    return None


class _Context:
    """What the ancestors of the current position say."""

    __slots__ = ("role", "reason", "in_article", "in_container", "is_list_item", "heading", "tag", "author")

    def __init__(self) -> None:
        self.role: str | None = None
        self.reason: str | None = None
        self.in_article = False
        self.in_container = False
        self.is_list_item = False
        self.heading = 0
        self.tag = ""
        self.author = False

    def child(self, tag: Tag) -> _Context:
        c = _Context()
        c.role, c.reason, c.in_article, c.in_container = self.role, self.reason, self.in_article, self.in_container
        c.is_list_item, c.heading, c.tag, c.author = self.is_list_item, self.heading, self.tag, self.author
        name = tag.name
        if name in BLOCK:
            c.tag = name
        if name == "li":
            c.is_list_item = True
        if len(name) == 2 and name[0] == "h" and name[1] in "123456":
            c.heading = int(name[1])
        tags, classes, content = _markup()
        words = _words(tag) if tag.attrs and name not in ("html", "body", "main") else ()
        container = bool(words) and _find_seq(words, content) is not None
        if container or name in ("article", "main"):
            c.in_article = True
        if container:
            c.in_container = True
        if not container and (c.role is None or c.role in ("byline", "dateline")):
            role = reason = None
            if name in tags:
                role, reason = tags[name], f"inside <{name}>"
            elif words:
                hit = _find_seq(words, classes)
                if hit is not None:
                    seq, role = hit
                    reason = f"inside a '{' '.join(seq)}' block of the page"
            if role == "comment" and c.in_article and name not in ("section", "div", "ol", "ul", "aside"):
                role = None
            if role is not None:
                c.role, c.reason = role, reason
        if c.role == "comment" and words and ("author" in words or "fn" in words or "username" in words):
            c.author = True
        return c


def _hidden(tag: Tag) -> bool:
    a = tag.attrs
    return "hidden" in a or a.get("aria-hidden") == "true" or bool(HIDDEN_STYLE.search(a.get("style", "") or ""))


def html_candidates(html: str) -> tuple[list[Candidate], dict]:
    """Candidate blocks in reading order and the page's metadata (title, author, published, publisher, ...)."""
    soup = BeautifulSoup(html, "lxml")
    meta = page_metadata(soup)
    out: list[Candidate] = []
    buf: list[str] = []
    link_chars = [0]
    times: list = []
    state: dict = {"ctx": None}

    def flush() -> None:
        text = SPACE.sub(" ", "".join(buf)).strip()
        if text:
            ctx: _Context = state["ctx"] or _Context()
            total = max(1, len(text))
            out.append(Candidate(text=text, gap_before=1, tag=ctx.tag, heading=ctx.heading,
                                 link_density=min(1.0, link_chars[0] / total), markup_role=ctx.role,
                                 markup_reason=ctx.reason, in_article=ctx.in_article,
                                 in_text_container=ctx.in_container,
                                 is_list_item=ctx.is_list_item, times=list(times),
                                 comment_author=text if ctx.author and len(text.split()) <= 6 else None))
        buf.clear()
        link_chars[0] = 0
        times.clear()

    def walk(node: Tag, ctx: _Context, in_link: bool) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, (Comment, Doctype)) or type(child).__name__ in ("CData", "ProcessingInstruction",
                                                                                   "Declaration"):
                    continue
                s = str(child)
                if not buf:
                    state["ctx"] = ctx
                buf.append(s)
                if in_link:
                    link_chars[0] += len(SPACE.sub(" ", s).strip())
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in SKIP or _hidden(child):
                continue
            if name == "br":
                flush()
                continue
            if name == "img":
                continue
            block = name in BLOCK
            if block:
                flush()
            sub = ctx.child(child)
            if name == "time":
                dt = child.get("datetime")
                if dt:
                    parsed = parse_iso(dt)
                    if parsed is not None:
                        times.append(parsed)
                if not buf:
                    state["ctx"] = sub
            walk(child, sub, in_link or name == "a")
            if block:
                flush()

    root = soup.body or soup
    walk(root, _Context(), False)
    flush()
    return out, meta


def page_metadata(soup: BeautifulSoup) -> dict:
    """Title, author, published, publisher, section and language the page declares in its markup."""
    out: dict = {}
    html = soup.find("html")
    if isinstance(html, Tag) and html.get("lang"):
        out["language"] = str(html["lang"]).split("-")[0].split("_")[0].lower() or None
    metas: dict[str, str] = {}
    for m in soup.find_all("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in metas:
            metas[key] = val
    ld = _json_ld(soup)
    title = ld.get("headline") or metas.get("og:title") or metas.get("twitter:title")
    if not title and soup.title and soup.title.string:
        title = _strip_site(soup.title.string.strip())
    out["title"] = SPACE.sub(" ", title).strip() if title else None
    author = ld.get("author") or metas.get("author") or metas.get("article:author") or metas.get("parsely-author") \
        or metas.get("dc.creator") or metas.get("sailthru.author")
    if author and ("://" in author or author.startswith("@") or len(author.split()) > 6):
        author = None
    out["author"] = author
    out["published"] = ld.get("datePublished") or next(
        (metas[k] for k in ("article:published_time", "datepublished", "og:article:published_time",
                            "parsely-pub-date", "publish-date", "publishdate", "pubdate", "dc.date.issued",
                            "dc.date", "date", "sailthru.date", "dcterms.date", "dcterms.created")
         if k in metas), None)
    for t in soup.find_all(attrs={"itemprop": "datePublished"}):
        if not out["published"]:
            out["published"] = t.get("datetime") or t.get("content")
    out["publisher"] = ld.get("publisher") or metas.get("og:site_name") or metas.get("application-name")
    out["section"] = ld.get("articleSection") or metas.get("article:section") or metas.get("parsely-section")
    return out


def _strip_site(title: str) -> str:
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if len(tail.split()) <= 5 and len(head.split()) >= 2:
                return head.strip()
    return title


ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "report", "pressrelease", "webpage", "scholarlyarticle", "techarticle")


def _json_ld(soup: BeautifulSoup) -> dict:
    found: dict = {}
    for script in soup.find_all("script", attrs={"type": re.compile("ld\\+json", re.I)}):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        for obj in _objects(data):
            kinds = obj.get("@type")
            kinds = [k.lower() for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)]
            if not any(k in ARTICLE_TYPES for k in kinds):
                continue
            rank = 0 if any(k != "webpage" for k in kinds) else 1
            if found and found.get("_rank", 9) <= rank:
                continue
            found = {"_rank": rank}
            for key in ("headline", "datePublished", "articleSection"):
                v = obj.get(key)
                if isinstance(v, list):
                    v = v[0] if v else None
                if isinstance(v, str) and v.strip():
                    found[key] = v.strip()
            found["author"] = _name(obj.get("author"))
            found["publisher"] = _name(obj.get("publisher"))
    return found


def _objects(data):
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"])


def _name(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None
