"""HTML pages: block elements in reading order with their markup features, and the page's own metadata.

Parsed with lxml's HTML parser (the parser BeautifulSoup would drive) and walked directly, for speed."""
from __future__ import annotations

import html as htmllib
import itertools
import json
import re
import sys
from collections.abc import Iterator
from functools import cache, lru_cache

from lxml import etree

from .candidates import THREAD_REASON, Candidate
from .dates import parse_iso
from .declared import read_declared
from .features import alnum_key
from .rules import _load

SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option",
                  "input", "textarea", "canvas", "object", "embed", "video", "audio", "map", "math", "link",
                  "meta", "title"})
BLOCK = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "caption",
                   "td", "th", "dt", "dd", "div", "section", "article", "header", "footer", "aside", "nav", "main",
                   "form", "table", "tr", "ul", "ol", "dl", "figure", "address", "summary", "details", "body",
                   "html", "hr", "br", "fieldset", "legend", "label", "button", "center", "menu", "dialog",
                   "tbody", "thead", "tfoot", "picture", "hgroup"})
SPACE = re.compile(r"\s+")
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
MAX_DEPTH = 20_000
COMMENT_CONTAINERS = frozenset({"section", "div", "ol", "ul", "aside"})
FIGCAPTION_REASON = "inside <figcaption>"
MARKUP_ATTRS = ("class", "id", "itemprop", "role", "name", "data-component")  # the order ``child`` reads them in
NO_MARKS = (None,) * len(MARKUP_ATTRS)
PLAIN_INLINE_EXCEPTIONS = frozenset({"time", "address", "button", "figcaption", "figure", "nav", "aside", "footer",
                                     "form", "dialog", "menu", "li"})  # tags that carry a role or state themselves
MAX_CONFIRM_WORK = 200_000_000
# an inline element's mark (a tooltip or glossary link <a class="popup">, a tag link) speaks for the block its first
# words sit in only when it holds more than this share of the block's text, in a block of at least this many words
INLINE_MARK_MAX_SHARE = 1 / 3
INLINE_MARK_MIN_WORDS = 15
# unmarked text between comment-marked lines: a comment's, in runs of at most this many blocks, seen this often
THREAD_MAX_RUN = 4
THREAD_MIN_COMMENTS = 3
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
SPLIT = re.compile(r"[-_\s:/.]+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# a script of these types holds markup the page renders in place (Blogger keeps a post's body in one)
TEMPLATE_SCRIPT_TYPES = frozenset({"text/template", "text/html", "text/x-template"})
TEMPLATE_PLACEHOLDERS = ("{{", "<%", "${")


@cache
def _modifiers() -> frozenset[str]:
    return frozenset(_load("markup.yaml")["modifiers"])


def _without_modified(words: list[str]) -> tuple[str, ...]:
    """Class/id words less each modifier and the word it modifies ("content with sidebar" -> "content")."""
    modifiers = _modifiers()
    if not modifiers.intersection(words):
        return tuple(words)
    out: list[str] = []
    skip = False
    for w in words:
        if skip:
            skip = False
        elif w in modifiers:
            skip = True
        else:
            out.append(w)
    return tuple(out)


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


def _in_page(href: str | None) -> bool:
    """A link to a named place on the same page: in a heading (a back-link to the contents, as documentation
    tools make every heading) its words are not counted as link text; a contents list's links still are, and a
    bare "#" is a script's button."""
    return href is not None and len(href) > 1 and href.startswith("#")


@cache
def _slug_rule() -> tuple[int, frozenset[str]]:
    rule = _load("markup.yaml")["heading_slug_ids"]
    return rule["min_words"], frozenset(rule["sentence_words"])


def heading_slug(value: str) -> bool:
    """An id made from a heading's text ("sharing-with-a-single-developer"): it marks no role (``markup.yaml``)."""
    min_words, sentence_words = _slug_rule()
    words = [w for w in SPLIT.split(value.lower()) if w]
    return len(words) >= min_words and any(w in sentence_words for w in words)


@lru_cache(maxsize=8192)
def _element_markup(name: str, marks: tuple[str | None, ...]) -> tuple[bool, str | None, str | None, bool]:
    """What one element's tag and class/id words say: (article-text container, role, reason, names an author).
    Cached: a page repeats the same few class names on many elements."""
    tags, classes, content = _markup()
    words: tuple[str, ...] = ()
    if name not in ("html", "body", "main"):
        parts: list[str] = []
        for v in marks:
            if v:
                parts.extend(w for w in SPLIT.split(CAMEL.sub(" ", v).lower()) if w)
        words = _without_modified(parts)
    if words and _find_seq(words, content) is not None:
        return True, None, None, False
    role = reason = None
    if name in tags:
        role, reason = tags[name], f"inside <{name}>"
    elif words and name != "article":
        hit = _find_seq(words, classes)
        if hit is not None:
            seq, role = hit
            reason = f"inside a block marked '{' '.join(seq)}'"
    authorish = any(w in ("author", "fn", "username") for w in words)
    return False, role, reason, authorish


def _find_seq(words: tuple[str, ...], index: dict) -> object | None:
    """The first entry of ``index`` (by first word) whose word sequence occurs in ``words``."""
    for i, w in enumerate(words):
        for entry in index.get(w, ()):
            seq = entry[0] if isinstance(entry[0], tuple) else entry
            if words[i:i + len(seq)] == seq:
                return entry
    return None


_NODES = itertools.count(1)


class _Context:
    """What the ancestors of the current position say."""

    __slots__ = ("role", "reason", "in_article", "in_container", "is_list_item", "in_table", "heading", "tag",
                 "author", "node", "parent")

    def __init__(self) -> None:
        self.role: str | None = None
        self.reason: str | None = None
        self.in_article = False
        self.in_container = False
        self.is_list_item = False
        self.in_table = False  # inside a table cell (<td>, <th>), whatever block holds the text inside it
        self.heading = 0
        self.tag = ""
        self.author = False
        self.node = 0    # the nearest block element around the text, numbered in reading order
        self.parent = 0  # the block element around that one

    def child(self, name: str, attrs: dict[str, str]) -> _Context:
        """The context inside element ``name`` with attributes ``attrs``."""
        if attrs:
            get = attrs.get
            anchor = get("id")
            marks = (get("class"), None if anchor and heading_slug(anchor) else anchor, get("itemprop"),
                     get("role"), get("name"), get("data-component"))
        else:
            marks = NO_MARKS
        if name not in BLOCK and name not in PLAIN_INLINE_EXCEPTIONS and marks == NO_MARKS:
            return self  # a plain inline element (<a href>, <span>, <em>) changes nothing
        container, own_role, own_reason, authorish = _element_markup(name, marks)
        c = _Context()
        c.role, c.reason, c.in_article, c.in_container = self.role, self.reason, self.in_article, self.in_container
        c.is_list_item, c.heading, c.tag, c.author = self.is_list_item, self.heading, self.tag, self.author
        c.node, c.parent = self.node, self.parent
        c.in_table = self.in_table or name in ("td", "th")
        if name in BLOCK:
            c.tag = name
            c.parent, c.node = self.node, next(_NODES)
        if name == "li":
            c.is_list_item = True
        if len(name) == 2 and name[0] == "h" and name[1] in "123456":
            c.heading = int(name[1])
        if container or name in ("article", "main"):
            c.in_article = True
        if container:
            c.in_container = True
            c.role = c.reason = None  # the article's own text, whatever its surroundings say
        elif own_role is not None and (c.role is None or c.role in ("byline", "dateline", "section")) \
                and not (own_role == "comment" and c.in_article and name not in COMMENT_CONTAINERS):
            c.role, c.reason = own_role, own_reason  # a comment class inside the article needs a container
        elif name == "figcaption" and c.role not in ("caption", "comment"):
            c.role, c.reason = "caption", FIGCAPTION_REASON  # a caption says what it is inside any box
        if c.role == "comment" and authorish:
            c.author = True
        return c


REACT_SEGMENT = re.compile(r"S:[0-9a-z]+")  # the id of a part React streams in hidden, then shows


def _hidden(attrs: dict[str, str]) -> bool:
    """Not rendered: the hidden attribute or an inline display:none (aria-hidden text is still seen). React's
    streamed segments are not hidden: a page rendered in parts sends each part in a hidden ``<div id="S:1">`` that
    its script moves into place at once (a whole article can sit in one)."""
    if "hidden" in attrs:
        return REACT_SEGMENT.fullmatch(attrs.get("id") or "") is None
    style = attrs.get("style")
    return bool(style) and HIDDEN_STYLE.search(style) is not None


TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
TITLE_CLOSE = re.compile(r"</title", re.IGNORECASE)
ROOT_SELF_CLOSED = re.compile(r"(<(?:html|head|body)\b[^<>]*?)\s*/>", re.IGNORECASE)
HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)
HEAD_CHARS = 4096  # where a start tag of <html>, <head> or <body> is looked for
HEAD_TAGS = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template", "basefont",
                       "bgsound"})  # what a browser lets stay in <head> (HTML's "in head" insertion mode)


def repair_markup(html: str) -> str:
    """The page with three breakages a browser survives and libxml2 does not, each of which lost a whole page (from
    truncated, spliced or stitched-together pages): a ``<title>`` never closed (libxml2 takes the rest of the page
    for the title; it ends at the next tag, as older browsers ended it); an ``<html>``, ``<head>`` or ``<body>``
    start tag written self-closing (``<html .../>``: libxml2 ends the document there; a browser ignores the
    slash); and an ``</html>`` with more of the page after it (an include that brings its own document: libxml2
    drops everything after it; a browser reads on into the body)."""
    m = TITLE_OPEN.search(html)
    if m and not TITLE_CLOSE.search(html, m.end()):
        end = html.find("<", m.end())
        if end >= 0:
            html = f"{html[:end]}</title>{html[end:]}"
    head = html[:HEAD_CHARS]
    if "/>" in head and ROOT_SELF_CLOSED.search(head):
        html = ROOT_SELF_CLOSED.sub(r"\1>", head) + html[HEAD_CHARS:]
    m = HTML_END.search(html)
    if m and html[m.end():].strip():
        html = HTML_END.sub("", html)
    return html


def parse(html: str) -> etree._Element | None:
    """The page's element tree (lxml's HTML parser, plain elements for speed, after ``repair_markup``); None for a
    page with none."""
    try:
        root = etree.fromstring(repair_markup(html).encode("utf-8"), parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if root is not None:
        move_content_out_of_head(root)
    return root


def move_content_out_of_head(root: etree._Element) -> None:
    """Put in the body what libxml2 left in ``<head>``: a browser ends the head at the first tag that cannot be in
    it (a table row, a ``<div>``, a site's own ``<mbox>``) and reads it and all after it as the body; libxml2 keeps
    them in the head, which is never read (a page lost whole)."""
    head = root.find("head")
    if head is None:
        return
    stray = next((k for k, el in enumerate(head) if isinstance(el.tag, str) and el.tag not in HEAD_TAGS), None)
    if stray is None:
        return
    body = root.find("body")
    if body is None:
        body = etree.Element("body")
        head.addnext(body)
    for k, el in enumerate(head[stray:]):
        body.insert(k, el)


@cache
def _parser() -> etree.HTMLParser:
    return etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)


def html_candidates(html: str) -> tuple[list[Candidate], dict]:
    """Candidate blocks in reading order and the page's metadata (title, author, published, publisher, ...)."""
    root = parse(html)
    if root is None:
        return [], {}
    meta = page_metadata(root)
    out: list[Candidate] = []
    buf: list[str] = []
    link_chars = [0]
    times: list = []
    # the context of the block's first visible text; whether it has any yet; an image since the last text; the
    # block element a <br> last broke
    state: list = [None, False, False, None]
    role_chars: dict[str | None, list] = {}  # markup role of the block's text -> [its characters, its first context]

    def add(text: str, ctx: _Context, in_link: bool) -> None:
        n = len(text.strip(" \t\n\r\f"))
        if not n:  # layout whitespace: it joins words inside a block, and says nothing before its first text
            if state[1]:
                buf.append(text)
            return
        if not state[1] and not text.isspace():
            state[0], state[1] = ctx, True
        buf.append(text)
        if in_link:
            link_chars[0] += n
        seen = role_chars.get(ctx.role)
        if seen is None:
            role_chars[ctx.role] = [n, ctx]
        else:
            seen[0] += n

    def flush() -> None:
        if not state[1]:  # nothing but layout whitespace (or nothing) since the last block: no candidate
            if buf:
                buf.clear()
                role_chars.clear()
                link_chars[0] = 0
            state[0] = None
            if times:
                times.clear()
            return
        text = HTML_SPACE.sub(" ", "".join(buf)).strip()  # HTML collapses these; an inner no-break space stays
        if text:
            ctx: _Context = _block_context(state[0] or _Context(), role_chars, text)
            out.append(Candidate(text=text, gap_before=1, tag=ctx.tag, heading=ctx.heading,
                                 link_density=min(1.0, link_chars[0] / max(1, len(text))), markup_role=ctx.role,
                                 markup_reason=ctx.reason, in_article=ctx.in_article,
                                 in_text_container=ctx.in_container, is_list_item=ctx.is_list_item,
                                 in_table=ctx.in_table, parent=ctx.parent,
                                 times=list(times), after_image=state[2], after_break=state[3] == ctx.node,
                                 comment_author=text if ctx.author and len(text.split()) <= 6 else None))
            state[2], state[3] = False, None
        buf.clear()
        role_chars.clear()
        state[0], state[1] = None, False
        link_chars[0] = 0
        times.clear()

    def walk(el, ctx: _Context, in_link: bool) -> None:
        if el.text:
            add(el.text, ctx, in_link)
        for child in el:
            name = child.tag
            if not isinstance(name, str):
                pass  # comment or processing instruction: only its tail is text
            elif name == "script" and ctx.in_container and _template_script(child):
                walk(_template_root(child.text), ctx, in_link)  # the article's own markup, kept in a template
            elif name in SKIP or ((attrs := dict(child.items())) and _hidden(attrs)):  # one read of them
                pass
            elif name == "br" or name == "hr":
                flush()
                state[3] = ctx.node if name == "br" else None
            elif name == "img":
                if not state[1]:
                    state[2] = True
            else:
                block = name in BLOCK
                if block:
                    flush()
                sub = ctx.child(name, attrs)
                if name == "time":
                    dt = attrs.get("datetime")
                    parsed = parse_iso(dt) if dt else None
                    if parsed is not None:
                        times.append(parsed)
                    if not state[1]:
                        state[0] = sub
                walk(child, sub, in_link or (name == "a" and not (ctx.heading and _in_page(attrs.get("href")))))
                if block:
                    flush()
            if child.tail:
                add(child.tail, ctx, in_link)

    bodies = [child for child in root if child.tag == "body"] or [root]  # stitched pages: a body per document
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, MAX_DEPTH))  # broken pages nest thousands of unclosed tags
    try:
        for body in bodies:
            walk(body, _Context(), False)
            flush()
    finally:
        sys.setrecursionlimit(limit)
    _thread_texts(out)
    declared = meta.pop("article_body", None)
    if declared:
        confirm(out, declared)
        read_declared(out, declared)
    return out, meta


def _thread_texts(cands: list[Candidate]) -> None:
    """A comment thread that marks only each comment's chrome (its author, date and buttons): the unmarked text
    (at most THREAD_MAX_RUN blocks) under a comment's marked header lines (two or more: author, date) and up to its
    next marked line is a comment's, where the page shows the pattern at least THREAD_MIN_COMMENTS times (not an
    article under a lone comment counter)."""
    runs: list[range] = []
    start = None
    for i, c in enumerate(cands):
        if c.markup_role == "comment":
            if start is not None and start > 1 and cands[start - 1].markup_role == cands[start - 2].markup_role \
                    == "comment" and i - start <= THREAD_MAX_RUN:
                runs.append(range(start, i))
            start = None
        elif c.markup_role is None and start is None:
            start = i
        elif c.markup_role is not None:
            start = None
    if len(runs) >= THREAD_MIN_COMMENTS:
        for run in runs:
            for i in run:
                cands[i].markup_role, cands[i].markup_reason = "comment", THREAD_REASON


def _block_context(first: _Context, role_chars: dict[str | None, list], text: str) -> _Context:
    """The context a block speaks from: its first words' (where its date, author or label would be), unless they sit
    in a marked inline element holding a small share of a long block's text, as a tooltip or glossary link
    (``<p><a class="popup">I</a> am a rather elderly man ...</p>``) does: the rest of the text's context then."""
    if first.role is None or len(role_chars) < 2:
        return first
    total = sum(n for n, _ in role_chars.values())
    if role_chars.get(first.role, (0,))[0] > INLINE_MARK_MAX_SHARE * total \
            or len(text.split()) < INLINE_MARK_MIN_WORDS:
        return first
    return max((v for r, v in role_chars.items() if r != first.role), key=lambda v: v[0])[1]


def _template_script(el) -> bool:
    """A script that holds markup rendered in place: a template with a paragraph in it, no placeholders of a
    client-side template ({{...}}, <%...%>, ${...}), right inside the element its markup names the article's text
    (the post's body itself), as that element's only visible text."""
    text = el.text or ""
    if (el.get("type") or "").strip().lower() not in TEMPLATE_SCRIPT_TYPES or "<p" not in text \
            or any(mark in text for mark in TEMPLATE_PLACEHOLDERS):
        return False
    parent = el.getparent()
    return parent is not None and _element_markup(parent.tag, _marks(parent))[0] and not _has_visible_text(parent)


def _marks(el) -> tuple[str | None, ...]:
    """An element's markup attributes in the order ``_Context.child`` reads them."""
    return tuple(el.get(a) for a in MARKUP_ATTRS)


def _has_visible_text(el) -> bool:
    """Whether an element shows any text of its own (not inside scripts, <noscript> fallbacks or other skipped
    elements)."""
    if el.text and el.text.strip():
        return True
    for child in el:
        if isinstance(child.tag, str) and child.tag not in SKIP and _has_visible_text(child):
            return True
        if child.tail and child.tail.strip():
            return True
    return False


def _template_root(markup: str | None) -> etree._Element:
    """The body of a template's markup, parsed as its own fragment (an empty element when it does not parse)."""
    root = parse(f"<html><body>{markup or ''}</body></html>")
    body = root.find("body") if root is not None else None
    return body if body is not None else etree.Element("div")


def confirm(cands: list[Candidate], article_text: str, min_words: int = 4) -> int:
    """Mark the candidates whose text occurs in an article text known from elsewhere; how many matched."""
    haystack = " ".join(article_text.split()).casefold()
    hits = 0
    if len(cands) * len(haystack) > MAX_CONFIRM_WORK:  # a giant page: not worth a quadratic search
        return 0
    for c in cands:
        if len(c.text.split()) >= min_words and " ".join(c.text.split()).casefold() in haystack:
            c.confirmed = True
            hits += 1
    return hits


def page_metadata(root) -> dict:
    """Title, author, published, publisher, section and language the page declares in its markup."""
    out: dict = {}
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        out["language"] = lang.split("-")[0].split("_")[0].strip().lower() or None
    metas: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or m.get("value") or "").strip()  # "value": a non-standard spelling some sites use
        if key and val and key not in metas:
            metas[key] = val
    ld = _json_ld(root)
    sites = _site_names(root, ld, metas)
    title = ld.get("headline") or metas.get("og:title") or metas.get("twitter:title")
    if title:
        title = _without_site(title, sites)
    site = None
    t = root.find(".//title")
    title_text = " ".join("".join(t.itertext()).split()) if t is not None else ""
    if title_text:
        page_title, site = _split_site(title_text)
        title = title or _without_site(page_title, sites)
    out["title"] = SPACE.sub(" ", title).strip() if title else None
    author = ld.get("author") or metas.get("author") or metas.get("article:author") or metas.get("parsely-author") \
        or _catalogue_name(metas.get("dc.creator") or metas.get("citation_author")) or metas.get("sailthru.author")
    if author and ("://" in author or author.startswith("@") or len(author.split()) > 6):
        author = None
    out["author"] = author
    out["published"] = ld.get("datePublished") or next((metas[k] for k in PUBLISHED_KEYS if k in metas), None)
    if not out["published"]:
        for el in root.iterfind('.//*[@itemprop="datePublished"]'):
            out["published"] = el.get("datetime") or el.get("content")
            if out["published"]:
                break
    out["publisher"] = ld.get("publisher") or metas.get("og:site_name") or metas.get("application-name") or site
    out["section"] = ld.get("articleSection") or metas.get("article:section") or metas.get("parsely-section")
    out["article_body"] = ld.get("articleBody")
    for key in ("title", "author", "publisher", "section"):
        out[key] = _unescaped(out[key])
    return out


ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)


def _unescaped(value: str | None) -> str | None:
    """A markup value escaped twice over (a CMS that escapes its titles before the page escapes them again:
    'Arnault&#8217;s', 'B&amp;B') as it reads: 'Arnault’s', 'B&B'."""
    return htmllib.unescape(value) if value and ENTITY.search(value) else value


PUBLISHED_KEYS = ("article:published_time", "datepublished", "og:article:published_time", "parsely-pub-date",
                  "publish-date", "publishdate", "pubdate", "dc.date.issued", "dc.date", "date", "sailthru.date",
                  "dcterms.date", "dcterms.created", "govuk:first-published-at")


_SITE_SEPARATORS = (" | ", " :: ", " – ", " — ", " - ")
_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\d?\.|m\.)?([^/:?#]+)", re.IGNORECASE)


def _site_names(root, ld: dict, metas: dict[str, str]) -> frozenset[str]:
    """What the page calls its site (squashed: 'Sportsnet.ca' -> 'sportsnetca'): og:site_name and its parts, the
    application and publisher names, and the first label of its host ('postlight.com' -> 'postlight')."""
    names = {metas.get("og:site_name"), metas.get("application-name"), ld.get("publisher")}
    for name in list(names):
        for sep in _SITE_SEPARATORS if name else ():
            names.update(name.split(sep))
    link = next((el.get("href") for el in root.iterfind(".//link[@rel='canonical']")), None)
    for url in (link, metas.get("og:url")):
        if url and (m := _URL_HOST.match(url.strip())):
            host = m.group(1).lower()
            names.update((host, host.split(".")[0]))
    return frozenset(filter(None, (alnum_key(n) for n in names if n)))


def _without_site(title: str, sites: frozenset[str]) -> str:
    """The title without trailing parts that name the site ('Headline — Postlight' -> 'Headline'); a title that is
    the site's whole name stays."""
    while alnum_key(title) not in sites:
        for sep in _SITE_SEPARATORS:
            head, found, tail = title.rpartition(sep)
            if found and len(head.split()) >= 2 and alnum_key(tail) in sites:
                title = head.strip()
                break
        else:
            break
    return title


def _split_site(title: str) -> tuple[str, str | None]:
    """'Headline | Site Name' -> ('Headline', 'Site Name'); the title unchanged when it names no site."""
    for sep in _SITE_SEPARATORS:
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if 1 <= len(tail.split()) <= 5 and len(head.split()) >= 3:
                return head.strip(), tail.strip()
    return title, None


CATALOGUE_NAME = re.compile(r"^(?P<surname>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?), "
                            r"(?P<forenames>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)$")


def _catalogue_name(value: str | None) -> str | None:
    """A name as a library catalogues it, surname first ('Brazil, Rachel', as Dublin Core and citation metadata
    give it), in reading order: 'Rachel Brazil'."""
    m = CATALOGUE_NAME.match(value.strip()) if value else None
    return f"{m['forenames']} {m['surname']}" if m else value


ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "report", "pressrelease", "webpage", "scholarlyarticle", "techarticle")


def _json_ld(root) -> dict:
    found: dict = {}
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "")
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
            for key in ("headline", "datePublished", "articleSection", "articleBody"):
                v = obj.get(key)
                if isinstance(v, list):
                    v = v[0] if v else None
                if isinstance(v, str) and v.strip():
                    found[key] = v.strip()
            found["author"] = _name(obj.get("author"))
            found["publisher"] = _name(obj.get("publisher"))
    return found


def _objects(data: object) -> Iterator[dict]:
    """Every JSON-LD object, including those in a list, an @graph or a page's mainEntity."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):  # a page's objects, or the article a WebPage is about
            if key in data:
                yield from _objects(data[key])


def _name(value: object) -> str | None:
    """A person's or organisation's name from a JSON-LD value (a string, an object or a list of them)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None
