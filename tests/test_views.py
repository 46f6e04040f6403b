"""The five views of CONTRACT.md section 5 against answers computed by hand from a small corpus written here.

The corpus is three sources: `news` (one plain-text file, `clean: false`, so every line is body and the extractors
see exactly the text below), `api` (a jsonl file with two clean records that carry title, author, publisher and
date) and `web` (one scraped page with navigation and footer lines, cleaned as usual). Every expected value below was
worked out from the text by hand (the arithmetic is in the comments), never read back from the pipeline.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from tests.helpers import Workspace

NEWS = """\
Leeds City Council said it would spend £5m on new buses.

The Local Government Association said 40% of councils expected to cut library hours.

Leeds City Council added that 12 libraries would close.

Leeds City Council and Derby City Council will share a £3m grant.

Derby City Council said 25% of the Derby City Council budget went on adult social care.

Rail fares rose by 8% in the spring.
"""

RECORDS = [
    {"id": "derby-1", "url": "https://example.org/derby-1", "title": "Derby budget", "author": "Jane Smith",
     "publisher": "Example Times", "published": "2024-03-05",
     "text": "The Local Government Association said councils faced a gap of £2.5bn.\n\n"
             "The European Investment Bank lent €20m to the scheme."},
    {"id": "quiet-1", "url": "https://example.org/quiet-1", "title": "A quiet week", "published": "2024-04-10",
     "text": "Nothing much happened at the town hall this week.\n\n"
             "The Local Government Association welcomed the news."},
]

PAGE = """\
Skip to main content
Home | News | Council | Contact
Council approves new library plan
Leeds City Council approved a plan to reopen two libraries in the city centre next year, after a long \
consultation with residents and local groups.
The plan was welcomed by readers and by staff at the libraries, who had campaigned for the change for several years.
Share this page
Subscribe to our newsletter
© Example News 2024
"""

LEEDS, DERBY = "Leeds City Council", "Derby City Council"
LGA, EIB = "Local Government Association", "European Investment Bank"


def doc_id(source: str, key: str) -> str:
    """CONTRACT.md section 3: the first 16 hex characters of sha256(source + "\\n" + key)."""
    return hashlib.sha256(f"{source}\n{key}".encode()).hexdigest()[:16]


NEWS_DOC = doc_id("news", "leeds.txt")
DERBY_DOC = doc_id("api", "derby-1")
QUIET_DOC = doc_id("api", "quiet-1")
PAGE_DOC = doc_id("web", "page.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = Workspace(tmp_path_factory.mktemp("views"))
    (ws.folder("news") / "leeds.txt").write_text(NEWS, encoding="utf-8")
    (ws.folder("api") / "records.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    (ws.folder("web") / "page.txt").write_text(PAGE, encoding="utf-8")
    ws.write_sources([{"name": "news", "kind": "files", "path": "news", "clean": False},
                      {"name": "api", "kind": "jsonl", "path": "api", "clean": False},
                      {"name": "web", "kind": "files", "path": "web"}])
    with pytest.MonkeyPatch.context() as mp:
        for key in [k for k in os.environ if k.startswith("CLAIMHOUSE_") or k == "DAGSTER_HOME"]:
            mp.delenv(key)
        for key, value in ws.env().items():
            mp.setenv(key, value)
        outcome = ws.run()
    assert outcome.code == 0, outcome.err
    return ws


def rows(ws: Workspace, sql: str) -> list[dict]:
    import duckdb

    con = duckdb.connect(str(ws.warehouse), read_only=True)
    try:
        cur = con.execute(sql)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def test_views_exist_with_a_header_comment_saying_what_one_row_is(corpus: Workspace) -> None:
    sql_dir = Path(__file__).resolve().parents[1] / "sql"
    for name in ["document_summary", "claims_by_unit", "body_mention_counts", "claims_with_bodies",
                 "money_claims"]:
        (path,) = sql_dir.glob(f"*_{name}.sql")
        assert path.read_text().startswith(f"-- {name}: one row per"), path
        assert corpus.query(f"SELECT count(*) FROM {name}")[0][0] >= 1


def test_document_summary(corpus: Workspace) -> None:
    got = {r["doc_id"]: r for r in rows(corpus, "SELECT * FROM document_summary")}
    assert set(got) == {NEWS_DOC, DERBY_DOC, QUIET_DOC, PAGE_DOC}

    news = got[NEWS_DOC]
    assert (news["source"], news["uri"], news["title"], news["author"], news["published_date"]) == \
        ("news", "leeds.txt", None, None, None)
    # six lines, six blocks, all body (clean: false); words 11 + 13 + 9 + 12 + 16 + 8
    assert (news["blocks"], news["boilerplate_share"], news["word_count"]) == (6, 0.0, 69)
    # £5m, 40%, 12, £3m, 25%, 8%; bodies Leeds, LGA, Derby (Derby named three times counts once); no people
    assert (news["claims"], news["bodies"], news["people"], news["errors"]) == (6, 3, 0, 0)

    derby = got[DERBY_DOC]
    assert (derby["source"], derby["uri"], derby["title"], derby["author"], derby["publisher"]) == \
        ("api", "https://example.org/derby-1", "Derby budget", "Jane Smith", "Example Times")
    assert derby["published_date"] == dt.date(2024, 3, 5)
    # words 11 + 9; £2.5bn and €20m; LGA and the European Investment Bank
    assert (derby["blocks"], derby["boilerplate_share"], derby["word_count"]) == (2, 0.0, 20)
    assert (derby["claims"], derby["bodies"], derby["people"], derby["places"], derby["errors"]) == (2, 2, 0, 0, 0)

    quiet = got[QUIET_DOC]
    assert (quiet["title"], quiet["author"], quiet["published_date"]) == ("A quiet week", None, dt.date(2024, 4, 10))
    assert (quiet["blocks"], quiet["word_count"], quiet["claims"], quiet["bodies"]) == (2, 16, 0, 1)
    assert (quiet["people"], quiet["places"]) == (0, 0)

    page = got[PAGE_DOC]
    assert page["title"] == "Council approves new library plan"
    # eight lines; removed: "Skip to main content" 20 + "Home | News | Council | Contact" 31 + "Share this page" 15
    # + "Subscribe to our newsletter" 27 + "© Example News 2024" 19 = 112 characters; kept: headline 33 + the two
    # paragraphs 147 + 116 = 296; share 112 / 408 = 0.27451 (the view rounds to four places)
    assert page["blocks"] == 8
    assert page["boilerplate_share"] == pytest.approx(112 / 408, abs=1e-4)
    # "two libraries"; Leeds City Council
    assert (page["claims"], page["bodies"], page["people"]) == (1, 1, 0)


def test_claims_by_unit(corpus: Workspace) -> None:
    got = {r["unit"]: r for r in rows(corpus, "SELECT * FROM claims_by_unit")}
    assert set(got) == {"GBP", "EUR", "percent", "count"}
    expected = {
        # £5m and £3m (news), £2.5bn (api): median of 3e6, 5e6, 2.5e9 is 5e6
        "GBP": (3, 2, 3e6, 5e6, 2.5e9),
        # €20m
        "EUR": (1, 1, 2e7, 2e7, 2e7),
        # 40%, 25%, 8%, all in the news file
        "percent": (3, 1, 8.0, 25.0, 40.0),
        # 12 libraries (news), two libraries (web): the median of two values is their mean, 7
        "count": (2, 2, 2.0, 7.0, 12.0),
    }
    for unit, (claims, documents, lo, mid, hi) in expected.items():
        r = got[unit]
        assert (r["claims"], r["documents"]) == (claims, documents), unit
        assert (r["min_value"], r["median_value"], r["max_value"]) == pytest.approx((lo, mid, hi)), unit
    # "Rail fares rose by 8%": the one claim that is the size of a stated rise; nothing falls
    assert {u: (r["increases"], r["decreases"]) for u, r in got.items()} == {
        "GBP": (0, 0), "EUR": (0, 0), "percent": (1, 0), "count": (0, 0)}


def test_body_mention_counts(corpus: Workspace) -> None:
    got = {r["name"]: r for r in rows(corpus, "SELECT * FROM body_mention_counts")}
    assert set(got) == {LEEDS, DERBY, LGA, EIB}
    assert len(rows(corpus, "SELECT * FROM body_mention_counts")) == 4  # one row per body
    # Leeds: three times in the news file, once on the web page; neither states a date
    assert (got[LEEDS]["documents"], got[LEEDS]["mentions"]) == (2, 4)
    assert (got[LEEDS]["first_document_date"], got[LEEDS]["last_document_date"]) == (None, None)
    assert (got[LEEDS]["body_type"], got[LEEDS]["reference_id"]) == ("local_authority", "E08000035")
    # Derby: three times, all in the news file (twice in one sentence)
    assert (got[DERBY]["documents"], got[DERBY]["mentions"]) == (1, 3)
    assert (got[DERBY]["body_type"], got[DERBY]["reference_id"]) == ("local_authority", "E06000015")
    # LGA: once in each of three documents; the dated ones are 2024-03-05 and 2024-04-10
    lga = got[LGA]
    assert (lga["documents"], lga["mentions"], lga["acronym"]) == (3, 3, "LGA")
    assert (lga["first_document_date"], lga["last_document_date"]) == (dt.date(2024, 3, 5), dt.date(2024, 4, 10))
    # EIB: once, in the 2024-03-05 record
    eib = got[EIB]
    assert (eib["documents"], eib["mentions"]) == (1, 1)
    assert (eib["first_document_date"], eib["last_document_date"]) == (dt.date(2024, 3, 5), dt.date(2024, 3, 5))


def test_claims_with_bodies(corpus: Workspace) -> None:
    got = rows(corpus, "SELECT * FROM claims_with_bodies")
    pairs = sorted((r["surface"], r["body_name"]) for r in got)
    assert pairs == sorted([
        ("£5m", LEEDS), ("40%", LGA), ("12", LEEDS),
        ("£3m", LEEDS), ("£3m", DERBY),          # two bodies in one sentence: two rows
        ("25%", DERBY),                          # one body named twice in one sentence: one row
        ("two", LEEDS),
        ("£2.5bn", LGA), ("€20m", EIB),
    ])                                           # "8%" has no body in its sentence: no row
    by_pair = {(r["surface"], r["body_name"]): r for r in got}
    for said in [("£5m", LEEDS), ("40%", LGA), ("12", LEEDS), ("25%", DERBY), ("£2.5bn", LGA)]:
        assert by_pair[said]["is_attributed"] is True, said
    assert by_pair[("£3m", LEEDS)]["is_attributed"] is False
    assert by_pair[("£3m", DERBY)]["is_attributed"] is False
    assert by_pair[("£3m", DERBY)]["sentence"] == "Leeds City Council and Derby City Council will share a £3m grant."
    assert by_pair[("£3m", DERBY)]["body_surface"] == DERBY
    assert by_pair[("25%", DERBY)]["body_mentions_in_sentence"] == 2
    assert by_pair[("£5m", LEEDS)]["unit"] == "GBP" and by_pair[("£5m", LEEDS)]["value"] == 5e6
    assert by_pair[("£5m", LEEDS)]["doc_id"] == NEWS_DOC


def test_money_claims(corpus: Workspace) -> None:
    got = {r["surface"]: r for r in rows(corpus, "SELECT * FROM money_claims")}
    assert set(got) == {"£5m", "£3m", "£2.5bn", "€20m"}  # not 40%, 25%, 8%, 12 or two
    five = got["£5m"]
    assert (five["currency"], five["value"], five["qualifier"], five["change"]) == ("GBP", 5e6, "exact", None)
    assert (five["attributed_body_name"], five["doc_id"], five["uri"], five["source"]) == \
        (LEEDS, NEWS_DOC, "leeds.txt", "news")
    assert five["sentence"] == "Leeds City Council said it would spend £5m on new buses."
    gap = got["£2.5bn"]
    assert (gap["currency"], gap["value"], gap["attributed_body_name"]) == ("GBP", 2.5e9, LGA)
    assert (gap["document_title"], gap["published_date"], gap["doc_id"]) == \
        ("Derby budget", dt.date(2024, 3, 5), DERBY_DOC)
    euro = got["€20m"]
    assert (euro["currency"], euro["value"], euro["document_title"]) == ("EUR", 2e7, "Derby budget")
    grant = got["£3m"]  # shared by two councils, stated by nobody
    assert (grant["currency"], grant["value"], grant["attributed_body_id"]) == ("GBP", 3e6, None)


def test_views_agree_with_the_tables_on_the_seeds(seeds_workspace: Workspace) -> None:
    """On real pages the answers are not known by hand, but each view must still add up to its tables."""
    ws = seeds_workspace
    assert ws.run().code == 0
    assert ws.scalar("SELECT count(*) FROM document_summary") == ws.scalar("SELECT count(*) FROM documents") == 5
    assert ws.scalar("SELECT sum(claims) FROM document_summary") == ws.scalar("SELECT count(*) FROM numeric_claims")
    assert ws.scalar("SELECT count(*) FROM document_summary WHERE boilerplate_share NOT BETWEEN 0 AND 1") == 0
    assert ws.scalar("SELECT max(boilerplate_share) FROM document_summary") > 0  # the seeds are raw scrapes
    assert ws.scalar("SELECT sum(claims) FROM claims_by_unit") == ws.scalar("SELECT count(*) FROM numeric_claims")
    assert ws.scalar("SELECT count(*) FROM claims_by_unit WHERE NOT (min_value <= median_value "
                     "AND median_value <= max_value)") == 0
    assert ws.scalar("SELECT count(*) FROM body_mention_counts") == ws.scalar("SELECT count(*) FROM bodies")
    assert ws.scalar("SELECT sum(mentions) FROM body_mention_counts") == \
        ws.scalar("SELECT count(*) FROM body_mentions")
    assert ws.scalar("SELECT count(*) FROM (SELECT claim_id, body_id FROM claims_with_bodies "
                     "GROUP BY ALL HAVING count(*) > 1)") == 0
    assert ws.scalar("SELECT count(*) FROM claims_with_bodies WHERE strpos(sentence, body_surface) = 0") == 0
    assert ws.scalar("SELECT count(*) FROM money_claims") == \
        ws.scalar("SELECT count(*) FROM numeric_claims WHERE unit IN ('GBP', 'USD', 'EUR')")
    assert ws.scalar("SELECT count(*) FROM money_claims") >= 1
