"""A claim's attributed body and person: found in the batch by the mentions' keys, and again by the publish from
the published mentions when ids move; both readings must agree (the first mention inside the attributed span)."""
from __future__ import annotations

import duckdb

from pipeline.batches import attribute, claim_rows, entity_rows
from pipeline.publish import _attribution

TEXT = ("Spending will rise by £3m next year, according to Mark Hawthorne of Gloucestershire County Council and "
        "the Local Government Association.")


def _rows() -> tuple[list[dict], dict[str, list[dict]]]:
    claims = claim_rows("d1", TEXT)
    ents = entity_rows("d1", TEXT, None)
    attribute(claims, ents["body_mentions"], ents["person_mentions"])
    return claims, ents


def test_the_first_body_and_person_inside_the_attributed_span_are_the_claims():
    claims, ents = _rows()
    (claim,) = [c for c in claims if c["attributed_start"] is not None]
    said = TEXT[claim["attributed_start"]:claim["attributed_end"]]
    assert "Mark Hawthorne" in said and "Gloucestershire County Council" in said
    first_body = min((m for m in ents["body_mentions"] if m["char_start"] >= claim["attributed_start"]),
                     key=lambda m: m["char_start"])
    assert TEXT[first_body["char_start"]:first_body["char_end"]] == "Gloucestershire County Council"
    assert claim["attributed_body_key"] == first_body["body_key"]
    assert claim["attributed_person_id"] == ents["person_mentions"][0]["person_id"]


def test_the_publishs_sql_reading_agrees_with_the_batchs():
    claims, ents = _rows()
    con = duckdb.connect()
    con.execute("CREATE TABLE c AS SELECT * FROM (VALUES (?, ?, ?, ?)) t(claim_id, doc_id, attributed_start, "
                "attributed_end)", [claims[0]["claim_id"], "d1", claims[0]["attributed_start"],
                                    claims[0]["attributed_end"]])
    con.execute("CREATE TABLE body_mentions (doc_id VARCHAR, body_id VARCHAR, char_start INT, char_end INT)")
    con.execute("CREATE TABLE person_mentions (doc_id VARCHAR, person_id VARCHAR, char_start INT, char_end INT)")
    for m in ents["body_mentions"]:  # the published id of a body is its key here: one document, no merging
        con.execute("INSERT INTO body_mentions VALUES ('d1', ?, ?, ?)", [m["body_key"], m["char_start"],
                                                                         m["char_end"]])
    for m in ents["person_mentions"]:
        con.execute("INSERT INTO person_mentions VALUES ('d1', ?, ?, ?)", [m["person_id"], m["char_start"],
                                                                           m["char_end"]])
    got = con.execute(_attribution("SELECT * FROM c")).fetchall()
    assert got == [(claims[0]["claim_id"], claims[0]["attributed_body_key"], claims[0]["attributed_person_id"])]
