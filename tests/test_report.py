"""The HTML report (`pipeline.report.render_report`) on the seeds, an empty warehouse and hostile text; and in
headless Chromium, where its charts must be drawn."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from pipeline.report import CLAIMS_BY_BODY_TYPE, fmt_money, render_report, unit_label
from tests.browser import ARTIFACTS, render
from tests.helpers import Workspace

SEED_CHARTS = ["Claims by unit", "Claims by type of body named in the sentence", "Most mentioned bodies",
               "Share of page text removed as boilerplate, by source", "Top reasons text was removed"]


def self_contained(page: str) -> None:
    """No script, stylesheet link, image or any other reference the page would have to fetch."""
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "<img" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//|file:)""", page, re.I)
    assert "@import" not in page and not re.search(r"url\((?!#)", page)  # only references inside the page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "element ids repeat across charts"


def test_report_on_the_seeds(seeds_workspace: Workspace, tmp_path: Path) -> None:
    ws = seeds_workspace
    outcome = ws.run()
    assert outcome.code == 0, outcome.err
    out = ws.warehouse.with_suffix(".report.html")  # where the `report` asset writes it
    before = ws.warehouse.stat().st_mtime_ns
    result = render_report(ws.warehouse, out)
    assert ws.warehouse.stat().st_mtime_ns == before  # read-only: the warehouse is untouched
    assert not ws.warehouse.with_name(ws.warehouse.name + ".wal").exists()

    page = out.read_text(encoding="utf-8")
    assert result["path"] == str(out)
    assert result["documents"] == ws.scalar("SELECT count(*) FROM documents") == 5
    assert result["claims"] == ws.scalar("SELECT count(*) FROM numeric_claims") > 0
    assert result["bodies"] == ws.scalar("SELECT count(*) FROM bodies") > 0
    assert result["errors"] == ws.scalar("SELECT count(*) FROM ingest_errors") == 0
    assert result["charts"] == page.count("<svg") == len(SEED_CHARTS)
    for title in SEED_CHARTS:
        assert f">{title}<" in page, title
    self_contained(page)

    # the largest money claims, biggest first, each with its sentence
    money = ws.query("SELECT value, currency, sentence FROM money_claims ORDER BY value DESC LIMIT 3")
    assert money
    positions = [page.index(f'<span class="money">{fmt_money(v, c)}</span>') for v, c, _ in money]
    assert positions == sorted(positions)
    for _, _, sentence in money:
        assert "<mark>" in page and sentence.split()[-1].rstrip(".") in page
    # the most mentioned body and every unit are named
    top_body = ws.scalar("SELECT name FROM body_mention_counts ORDER BY mentions DESC, documents DESC, name LIMIT 1")
    assert top_body in page
    for (unit,) in ws.query("SELECT unit FROM claims_by_unit"):
        assert f"<td>{unit_label(unit)}</td>" in page
    assert "No errors" in page
    # the body-type section counts what the claims_with_bodies view holds (its own query keys pairs by row number)
    by_view = ws.query("""SELECT body_type, unit, count(DISTINCT claim_id), count(DISTINCT claim_id) FILTER (WHERE
                          is_attributed) FROM claims_with_bodies GROUP BY ALL ORDER BY ALL""")
    by_report = ws.query(f"SELECT body_type, unit, claims, stated FROM ({CLAIMS_BY_BODY_TYPE}) ORDER BY ALL")
    assert by_report == by_view and len(by_view) >= 3
    bodies = ws.query("SELECT body_type, count(DISTINCT body_id) FROM claims_with_bodies GROUP BY ALL ORDER BY ALL")
    assert ws.query(f"SELECT DISTINCT body_type, bodies FROM ({CLAIMS_BY_BODY_TYPE}) ORDER BY ALL") == bodies
    # a second rendering replaces the page in place and is quick (matplotlib is imported by now); CPU time, so that
    # other tests running beside this one do not count
    cpu = time.process_time()
    again = render_report(ws.warehouse, out)
    assert time.process_time() - cpu < 2.0, again
    assert list(out.parent.glob(out.name + ".*.tmp")) == []


def test_report_on_an_empty_warehouse(workspace: Workspace, tmp_path: Path) -> None:
    docs = workspace.folder("notes")
    (docs / "quiet.txt").write_text("nothing much happened at the town hall this week.\n\n"
                                    "the meeting was adjourned early and everyone went home.\n")
    workspace.write_sources([{"name": "notes", "kind": "files", "path": "notes", "clean": False}])
    assert workspace.run().code == 0
    assert workspace.scalar("SELECT count(*) FROM numeric_claims") == 0
    assert workspace.scalar("SELECT count(*) FROM bodies") == 0

    result = render_report(workspace.warehouse, tmp_path / "report.html")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert (result["documents"], result["claims"], result["money_claims"], result["bodies"]) == (1, 0, 0, 0)
    for message in ["No numeric claims in this warehouse yet.", "No claim has a named body in its sentence.",
                    "No money claims in this warehouse yet.", "No bodies are named in this warehouse yet.",
                    "Nothing was removed as boilerplate.", "No errors"]:
        assert message in page, message
    # one chart is still worth drawing: the (zero) share of boilerplate of the one source
    assert result["charts"] == page.count("<svg") == 1
    assert ">Share of page text removed as boilerplate, by source<" in page
    self_contained(page)


def test_report_escapes_text_and_shows_errors(workspace: Workspace, tmp_path: Path) -> None:
    api = workspace.folder("api")
    record = {"id": "x-1", "url": "https://example.org/x?a=1&b=2", "title": "Budget <script>alert('t')</script>",
              "text": "Leeds City Council said it would spend £5m on <b>buses</b> & trams."}
    (api / "records.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (api / "broken.jsonl").write_bytes(b"")  # zero bytes: a `read` error
    workspace.write_sources([{"name": "api", "kind": "jsonl", "path": "api", "clean": False}])
    assert workspace.run().code == 0
    assert workspace.scalar("SELECT count(*) FROM money_claims") == 1
    errors = workspace.scalar("SELECT count(*) FROM ingest_errors")

    result = render_report(workspace.warehouse, tmp_path / "report.html")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<b>buses" not in page
    assert "Budget &lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;buses&lt;/b&gt; &amp; trams" in page
    assert '<span class="money">£5m</span>' in page and "<mark>£5m</mark>" in page
    if errors:  # the errors section: a chart per stage and the latest errors in a table
        assert ">Errors by stage<" in page
        assert result["errors"] == errors
        (error,) = workspace.query("SELECT error FROM ingest_errors LIMIT 1")[0]
        assert error.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split("'")[0] in page


def test_report_of_a_missing_warehouse_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make run"):
        render_report(tmp_path / "nowhere.duckdb", tmp_path / "report.html")
    assert not (tmp_path / "report.html").exists()


def test_money_is_written_the_way_people_write_it() -> None:
    assert fmt_money(1.7e9, "GBP") == "£1.7bn"
    assert fmt_money(30e6, "GBP") == "£30m"
    assert fmt_money(2.25e6, "USD") == "$2.25m"
    assert fmt_money(4.70, "GBP") == "£4.70"
    assert fmt_money(950, "EUR") == "€950"
    assert fmt_money(1000, "GBP") == "£1,000"
    assert fmt_money(12_000, "CHF") == "CHF 12k"
    assert fmt_money(-5e6, "GBP") == "-£5m"


@pytest.mark.browser
@pytest.mark.xdist_group("heavy")
def test_report_charts_are_drawn_in_chromium(seeds_workspace: Workspace, tmp_path: Path) -> None:
    assert seeds_workspace.run().code == 0
    out = tmp_path / "report.html"
    result = render_report(seeds_workspace.warehouse, out)
    started = time.monotonic()
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    dom = render(out.as_uri(), screenshot=shot, budget_ms=2000, size="1400,2600")
    assert dom, f"chromium rendered nothing in {time.monotonic() - started:.0f}s"
    assert dom.count("<svg") == result["charts"] == len(SEED_CHARTS)
    for title in SEED_CHARTS:
        assert f">{title}<" in dom, title
    # every chart has drawn marks (bars are paths in matplotlib's SVG), not just an empty frame
    for svg in re.findall(r"<svg.*?</svg>", dom, re.S):
        assert svg.count("<path") >= 5
    assert "Claimhouse report" in dom and "Largest money claims" in dom
    assert shot.exists() and shot.stat().st_size > 50_000


def test_chart_labels_are_drawn_as_written() -> None:
    from pipeline.report import Charts

    charts = Charts()
    svg = charts.hbar("Funds <named> & $-sized", ["The $5m Fund", "A & B <Partnership>", "$x^2$ Trust"], [3, 2, 1],
                      "mentions", annotations=["1 doc", "2 docs", "$"], legend=[("a & b", "#123456")])
    assert charts.count == 1 and svg.startswith("<svg")
    for text in ["The $5m Fund", "A &amp; B &lt;Partnership&gt;", "$x^2$ Trust", "Funds &lt;named&gt; &amp; $-sized"]:
        assert text in svg, text
    assert "<Partnership>" not in svg
