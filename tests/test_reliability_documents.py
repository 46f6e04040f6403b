"""No single document can fail a run: metadata that cannot be a date, and pathological runs of characters."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pipeline import cleaning
from pipeline.cleaning.dates import find_datetime, local_date, parse_iso

NOW = datetime(2024, 6, 1, tzinfo=UTC)
PAGE = ('<html><head><meta property="article:published_time" content="{when}"><title>Buses</title></head>'
        "<body><article><h1>Buses</h1><p>The council said it would spend £5m on buses in Derby next year, "
        "a rise of 4%.</p></article></body></html>")


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00Z", "0001-01-01", "9999-12-31T23:59:59-05:00",
                                  "1899-01-01T00:00:00Z", "2300-01-01"])
def test_placeholder_and_out_of_range_metadata_dates_are_no_date(when: str) -> None:
    doc = cleaning.clean_document(PAGE.format(when=when), "html", repeated={}, clean=True, hints={},
                                  publisher_default=None, timezone="Europe/London", now=NOW)
    assert doc.published_date is None
    assert "£5m on buses" in doc.body_text
    assert parse_iso(when) is None


def test_placeholder_date_in_hints_is_no_date() -> None:
    doc = cleaning.clean_document("Buses\n\nThe council said it would spend £5m on buses.", "text", repeated={},
                                  clean=True, hints={"published": "0001-01-01T00:00:00Z"}, publisher_default=None,
                                  timezone="Europe/London", now=NOW)
    assert doc.published_date is None and doc.body_text


def test_an_impossible_offset_keeps_the_date_and_drops_the_time() -> None:
    dt, has_time = find_datetime("Published 2019-06-21T10:30+99:00")
    assert dt is not None and dt.date() == date(2019, 6, 21) and not has_time


def test_the_first_instant_a_datetime_holds_does_not_overflow() -> None:
    assert local_date(datetime.min.replace(tzinfo=UTC), "Europe/London") == date(1, 1, 1)


def test_a_budget_interrupts_python_and_regex_work_and_restores_the_handler() -> None:
    import re
    import signal
    import time

    from pipeline.budget import OverBudget, time_budget

    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(OverBudget), time_budget(0.2):
        while True:
            time.sleep(0.01)
    with pytest.raises(OverBudget), time_budget(0.2):
        re.match(r"(a*)*b", "a" * 40)  # catastrophic backtracking: hours without the budget
    with pytest.raises(OverBudget), time_budget(0.2):
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001 - extractor code that swallows errors must not swallow the budget
            pass
    with time_budget(0):
        time.sleep(0.3)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _big_page(words: int) -> str:
    from tests.helpers import news_page

    return "\n\n".join(news_page(i, 300) for i in range(words // 300))


def test_a_document_over_the_clean_budget_is_an_error_row_and_the_run_goes_on(workspace, monkeypatch) -> None:
    from tests.helpers import news_page

    docs = workspace.folder("news")
    for i in range(3):
        (docs / f"good{i}.txt").write_text(news_page(i))
    (docs / "huge.txt").write_text(_big_page(900_000))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    monkeypatch.setenv("CLAIMHOUSE_DOC_TIMEOUT", "1")
    result = workspace.run()
    assert result.code == 0, result.err
    assert workspace.scalar("SELECT count(*) FROM documents") == 4
    assert workspace.scalar("SELECT body_text FROM documents WHERE uri = 'huge.txt'") is None
    assert workspace.scalar("SELECT count(*) FROM numeric_claims c JOIN documents d USING (doc_id) "
                            "WHERE d.uri LIKE 'good%'") > 0
    ((uri, stage, error),) = workspace.query("SELECT uri, stage, error FROM ingest_errors")
    assert (uri, stage) == ("huge.txt", "clean")
    assert error.startswith("the document took over 1 s to clean;") and "CLAIMHOUSE_DOC_TIMEOUT" in error


def test_a_document_over_the_extract_budget_keeps_its_body_and_gets_an_extract_row(workspace) -> None:
    from pipeline.batches import clean_batch, extract_batch
    from pipeline.publish import publish
    from pipeline.scan import scan
    from pipeline.sources import load_sources
    from pipeline.state import StateDir
    from tests.helpers import news_page

    docs = workspace.folder("news")
    (docs / "good.txt").write_text(news_page(1))
    (docs / "huge.txt").write_text(_big_page(120_000))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news", "clean": False}])
    state, specs = StateDir(workspace.state), load_sources(workspace.sources_file)
    scan(state, specs, "budgetrun", datetime.now(UTC).replace(tzinfo=None), 10)
    batch = clean_batch(state, "budgetrun", 0, {s.name: s.model_dump(mode="json") for s in specs},
                        doc_timeout=600)["batch"]
    assert extract_batch(state, batch, doc_timeout=0.5)["stage_errors"] == 1
    publish(state, workspace.warehouse, "budgetrun")
    ((uri, stage, error),) = workspace.query("SELECT uri, stage, error FROM ingest_errors")
    assert (uri, stage) == ("huge.txt", "extract") and error.startswith("the document took over 0.5 s to extract;")
    assert workspace.scalar("SELECT length(body_text) > 100000 FROM documents WHERE uri = 'huge.txt'")
    assert workspace.scalar("SELECT count(*) FROM numeric_claims c JOIN documents d USING (doc_id) "
                            "WHERE d.uri = 'good.txt'") > 0


def test_doc_timeout_setting_is_checked() -> None:
    from pipeline.config import Settings

    assert Settings.from_env({}).doc_timeout == 60
    assert Settings.from_env({"CLAIMHOUSE_DOC_TIMEOUT": "2.5"}).doc_timeout == 2.5
    assert Settings.from_env({"CLAIMHOUSE_DOC_TIMEOUT": "0"}).doc_timeout == 0
    for bad in ("abc", "-1", "inf", "nan"):
        with pytest.raises(ValueError, match="CLAIMHOUSE_DOC_TIMEOUT=.* is not a number of seconds"):
            Settings.from_env({"CLAIMHOUSE_DOC_TIMEOUT": bad})


_OLD_END_RE = (  # the splitter's pattern before runs of stops were matched once (quadratic on "....")
    r"(?P<stop>[.!?…]+)(?P<close>[\"”’')\]]*)"
    r"(?:(?P<gap>[\s\u00a0]+)(?=[\"“‘'(\[]?[A-Z0-9£$€])|(?<=[a-z]{2}[.!?])(?P<glued>)(?=[A-Z][a-z]))"
    r"|(?P<para>\n+)"
)


def test_sentence_splitter_matches_its_quadratic_predecessor_on_random_text(monkeypatch) -> None:
    import random
    import re

    from pipeline.claims import sentences

    rng = random.Random(11)
    alphabet = ["ab", "Cd", "Mr", "e.g", " ", "  ", "\n", "\n\n", ".", "...", "!", "?!", "…", "'", "”", ")", "(",
                "“", "5", "£", "A", "\u00a0"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    new = [sentences.split_sentences(t) for t in texts]
    monkeypatch.setattr(sentences, "_END_RE", re.compile(_OLD_END_RE))
    assert new == [sentences.split_sentences(t) for t in texts]


@pytest.mark.parametrize("run", [".", "!", "…", "?", "?!", ". "])
def test_long_runs_of_stops_split_and_extract(run: str) -> None:
    from pipeline.claims import extract_claims
    from pipeline.claims.sentences import split_sentences

    text = "The council spent £5m. " + run * (200_000 // len(run)) + " Then it spent £3m on roads."
    spans = split_sentences(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert text[spans[-1][0]:spans[-1][1]] == "Then it spent £3m on roads."
    assert [c.surface for c in extract_claims(text)] == ["£5m", "£3m"]


def test_a_long_run_of_honorifics_still_finds_the_person_after_it() -> None:
    from pipeline.entities import extract_entities

    text = "Mr " * 60_000 + "Mr John Smith said the Dr Mr Professor Dame Jane Smith agreed."
    people = {p.surface for p in extract_entities(text).people}
    assert {"John Smith", "Jane Smith"} <= {s.split("Mr ")[-1] for s in people} | people
    chained = extract_entities("Professor Dame Jane Smith said so.").people
    assert [p.surface for p in chained] == ["Jane Smith"]


def test_trafilatura_second_opinion_is_skipped_past_its_tag_bound() -> None:
    from pipeline.cleaning.fallback import MAX_FALLBACK_TAGS, trafilatura_text

    para = "<p>The council said it would spend more on buses and trains in the north of England next year.</p>"
    small = f"<html><body><article>{para * 3}</article></body></html>"
    assert "spend more on buses" in trafilatura_text(small)
    links = "<a href='/x'>x</a> " * (MAX_FALLBACK_TAGS // 2 + 1)
    assert trafilatura_text(f"<html><body><p>{links}</p></body></html>") is None
    doc = cleaning.clean_document(f"<html><body><article><p>{links * 10}</p></article></body></html>", "html",
                                  repeated={}, clean=True, hints={}, publisher_default=None,
                                  timezone="Europe/London", now=NOW)
    assert doc.blocks


def test_organisation_shapes_after_roles_and_shares_survive_long_capitalised_runs() -> None:
    from pipeline.entities import extract_entities

    def names(text: str) -> set[str]:
        return {m.surface for m in extract_entities(text).bodies}

    assert "Smith of Derby" in names("Jo Bloggs, Chief Executive of Smith of Derby, said the firm would grow.")
    assert "Acme Widgets" in names("He bought shares in Acme Widgets last year.")
    run = "Chief Executive Of Acme " * 20_000 + "Shares In Acme " * 20_000
    text = run + ". Jo Bloggs, Chief Executive of Smith of Derby, said shares in Acme Widgets rose."
    assert {"Smith of Derby", "Acme Widgets"} <= names(text)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the swallowed ring, by design
def test_a_budget_ring_swallowed_by_a_finaliser_rings_again() -> None:
    """Python only prints an exception raised inside a finaliser; the alarm repeats, so the document's own code is
    still interrupted."""
    import time

    from pipeline.budget import OverBudget, time_budget

    class SlowFinaliser:
        def __del__(self) -> None:
            time.sleep(0.3)  # the budget runs out in here, where the exception cannot propagate

    with pytest.raises(OverBudget), time_budget(0.1):
        SlowFinaliser()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pass


def test_a_repeated_ring_leaves_a_python_unraisable_hook_alone(monkeypatch) -> None:
    """A finaliser swallows the ring and a Python `sys.unraisablehook` (pytest's, a user's) reports it, taking
    longer than the gap between rings: the report is not broken by the next ring, and the document's own code is
    still interrupted after it."""
    import sys
    import time

    from pipeline.budget import RING_AGAIN, OverBudget, time_budget

    reports: list[str] = []

    def slow_hook(unraisable: sys.UnraisableHookArgs) -> None:
        time.sleep(4 * RING_AGAIN)  # several rings fall in here
        reports.append(type(unraisable.exc_value).__name__)

    class SlowFinaliser:
        def __del__(self) -> None:
            time.sleep(0.3)  # the budget runs out in here, where the exception cannot propagate

    monkeypatch.setattr(sys, "unraisablehook", slow_hook)
    with pytest.raises(OverBudget), time_budget(0.1):
        SlowFinaliser()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pass
    assert reports == ["OverBudget"]
