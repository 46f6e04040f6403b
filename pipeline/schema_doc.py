"""docs/schema.md, generated from `pipeline/tables.py` (tables) and `sql/` (views): `python -m pipeline.schema_doc`.

Column names and types come from the code; what each column means is written here once. The test suite checks
that docs/schema.md is what this module renders and that the published warehouse has exactly these columns.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import duckdb

from .tables import WAREHOUSE, create_sql

REPO = Path(__file__).resolve().parents[1]
SCHEMA_MD = REPO / "docs" / "schema.md"
SQL_DIR = REPO / "sql"

TABLES: dict[str, str] = {
    "warehouse_info": "one row: the publish that made this file",
    "documents": "one row per published document",
    "document_blocks": "every block of the original page (a line of a text scrape, a block element of HTML)",
    "comments": "reader comment found on a page, kept out of the body",
    "numeric_claims": "every number the body asserts about the world",
    "bodies": "distinct organisation, public body or named programme/fund across all documents",
    "body_aliases": "spelling under which a body is known or was seen",
    "body_mentions": "mention of a body in a document's body_text",
    "people": "person (one per name across documents)",
    "person_mentions": "mention of a person, with the role and affiliation the text states",
    "places": "place",
    "place_mentions": "mention of a place",
    "ingest_errors": "document or record that could not be read or processed (the current problem list)",
}

SPAN = "0-based, end-exclusive code-point offsets into documents.body_text"
COLUMNS: dict[str, str] = {
    "published_at": "when the warehouse was published (UTC)", "run_id": "the Dagster run id",
    "pipeline_version": "the package version", "extractor_version": "hash of the extractor code, rules and registers",
    "git_commit": "commit of the code that built it", "documents": "published documents",
    "sources": "JSON: documents per source",
    "doc_id": "first 16 hex of sha256(source name + newline + key)", "source": "the source's name",
    "uri": "path relative to the source's folder, or the record's URL",
    "location": "container file and line or byte offset (jsonl, warc)",
    "content_sha256": "sha256 of the document's own bytes", "format": "`text` or `html`",
    "title": "title", "author": "author as stated", "publisher": "publisher", "section": "section of the site",
    "published_date": "the date the document states for itself, in its own time zone",
    "language": "ISO 639-1 code", "body_text": "the body blocks in order, joined by a blank line; NULL when none",
    "word_count": "words in body_text (0 when none)", "ingested_at": "when this content was first read (UTC)",
    "processed_at": "when its rows were last produced (UTC)",
    "block_no": "reading order", "text": "the text", "role": "title, byline, section, dateline, body, caption, "
    "navigation, promo, comment, related or other_boilerplate", "is_boilerplate": "false exactly for title, byline, "
    "section, dateline and body", "reason": "why the block was kept or removed, in words",
    "char_start": f"start of the span ({SPAN})", "char_end": "end of the span (exclusive)",
    "comment_no": "order on the page", "posted_at": "when posted (UTC); NULL for relative times",
    "claim_id": "stable id of the claim", "surface": "the text as written",
    "value": "the number, scale applied (money in major units, percent as percent, fractions as a proportion)",
    "unit": "ISO 4217 code, percent, percentage_points, fraction, ratio, count, years, months, weeks, days, hours "
    "or other:<unit>", "qualifier": "exact, about, over, under, at_least, up_to or just",
    "measured": "what the number counts or measures, in the text's words", "period": "the time span it covers",
    "sentence": "the sentence holding the claim", "sentence_start": "start of the sentence in body_text",
    "sentence_end": "end of the sentence (exclusive)", "range_id": "shared by the two claims of a range",
    "attributed_to": "the person or body the text says states the number",
    "attributed_start": "start of the attribution in body_text", "attributed_end": "end of the attribution",
    "attributed_body_id": "the body mentioned in the attribution", "attributed_person_id": "the person mentioned "
    "in the attribution", "change": "`increase` or `decrease` when the number is the size of a stated rise or fall",
    "body_id": "register id, else `org:` + a slug of the canonical name", "name": "canonical name",
    "body_type": "central_government, local_authority, union, think_tank, ... (closed list, see README)",
    "acronym": "acronym", "is_generic": "a class named in Title Case (Local Enterprise Partnership)",
    "reference_id": "official id exactly as the register writes it (GSS code, govuk: slug, lep:, ukprn:)",
    "alias": "a spelling: acronym, short form, variant", "person_id": "`person:` + a slug of the full name",
    "affiliation_body_id": "the body the person is stated to speak for", "place_id": "register id, else `place:` "
    "+ slug", "place_type": "country, region, county_or_area, city_town, constituency or street",
    "stage": "read, decode, parse, clean or extract", "error": "what is wrong, in words a person can act on",
    "occurred_at": "when the problem was found (UTC)",
}


def view_columns() -> dict[str, list[tuple[str, str]]]:
    """The columns of every view in sql/, as DuckDB describes them over the empty tables."""
    con = duckdb.connect()
    try:
        for table in WAREHOUSE:
            con.execute(create_sql(table))
        views = []
        for path in sorted(SQL_DIR.glob("*.sql")):
            con.execute(path.read_text())
            views.append(re.search(r"CREATE OR REPLACE VIEW (\w+)", path.read_text()).group(1))
        return {v: [(r[0], r[1]) for r in con.execute(f"DESCRIBE {v}").fetchall()] for v in views}
    finally:
        con.close()


def _view_header(name: str) -> str:
    path = next(p for p in SQL_DIR.glob("*.sql") if re.search(rf"VIEW {name}\b", p.read_text()))
    comment = " ".join(line.removeprefix("--").strip() for line in path.read_text().splitlines()
                       if line.startswith("--"))
    comment = comment.removeprefix(f"{name}:").strip()
    return comment[:1].upper() + comment[1:]


def render() -> str:
    out = ["# The warehouse schema", "",
           "Generated by `python -m pipeline.schema_doc` from `pipeline/tables.py` and `sql/`; the test suite checks "
           "that it matches the code and the published warehouse. All TIMESTAMP columns hold UTC.", "", "## Tables"]
    for table, columns in WAREHOUSE.items():
        what = TABLES[table] if TABLES[table].startswith("one row") else f"one row per {TABLES[table]}"
        out += ["", f"### {table}", "", f"{what[0].upper()}{what[1:]}.", "",
                "| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{name}` | {typ} | {COLUMNS[name]} |" for name, typ in columns]
    out += ["", "## Views", "", "Defined in `sql/`, one file each, created in every published warehouse."]
    for view, columns in view_columns().items():
        out += ["", f"### {view}", "", _view_header(view), "", "| column | type |", "|---|---|"]
        out += [f"| `{name}` | {typ} |" for name, typ in columns]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    SCHEMA_MD.parent.mkdir(exist_ok=True)
    SCHEMA_MD.write_text(render())
    print(f"wrote {SCHEMA_MD}", file=sys.stderr)
