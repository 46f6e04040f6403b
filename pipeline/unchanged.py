"""Whether a run would publish the very warehouse that is already published, so the rebuild can be skipped.

A publish is a function of the run's manifest (which documents, which staged rows), the scan's errors, and the
code that builds and checks the warehouse. Their fingerprint is recorded beside the manifest at each publish;
a run whose fingerprint is the recorded one, with the published file still the one that publish wrote, keeps
that file as it is: `warehouse_info` goes on describing the publish that built it (its `published_at` and
`run_id`), and the run itself is recorded in `<state>/published.json` (`last_run`, `last_run_at`).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow.parquet as pq

from .checks import CHECKS, Check, CheckOutcome, source_shrink_check
from .config import REPO_ROOT
from .versioning import PACKAGE_DIR, extractor_version, git_commit, pipeline_version

# what a rerun may change in the manifest without changing the warehouse: the stat signature of a touched file
_NOT_PUBLISHED = {"file_sig"}
# what the scan stamps with the run's time on an error that is otherwise the same
_ERROR_TIME = {"occurred_at"}


def _table_digest(path: Path, skip: set[str]) -> bytes:
    """A digest of a parquet file's rows but the `skip` columns, read 10,000 rows at a time (the whole manifest
    read at once left ~60 MiB more in the run process at 100,000 documents)."""
    parquet = pq.ParquetFile(path)
    columns = [c for c in parquet.schema_arrow.names if c not in skip]
    digest = hashlib.sha256(",".join(columns).encode())
    for batch in parquet.iter_batches(batch_size=10_000, columns=columns):
        for column in batch.columns:
            digest.update(repr(column.to_pylist()).encode())
    return digest.digest()


def code_digest() -> bytes:
    """The package's own code and the view SQL: a change to how the warehouse is built or checked rebuilds it."""
    digest = hashlib.sha256(f"{pipeline_version()}|{extractor_version()}|{git_commit()}".encode())
    for path in sorted([*PACKAGE_DIR.glob("*.py"), *PACKAGE_DIR.glob("*.sql"), *(REPO_ROOT / "sql").glob("*.sql")]):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def fingerprint(run_dir: Path) -> str:
    """The fingerprint of what a run would publish (its manifest, its scan errors, the building code)."""
    digest = hashlib.sha256(code_digest())
    digest.update(_table_digest(run_dir / "manifest_next.parquet", _NOT_PUBLISHED))
    digest.update(_table_digest(run_dir / "scan_errors.parquet", _ERROR_TIME))
    return digest.hexdigest()


def file_identity(path: Path) -> str | None:
    """The published file's stat signature: a file replaced or written behind the pipeline's back is rebuilt."""
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def still_published(previous: dict, warehouse: Path, print_: str) -> bool:
    """True when the last publish recorded this fingerprint, what a run shows of it, and its file is untouched."""
    return (bool(previous.get("fingerprint")) and previous["fingerprint"] == print_
            and previous.get("file") == file_identity(warehouse) and "tables" in previous and "previews" in previous)


def outcomes_as_json(outcomes: list[CheckOutcome]) -> list[dict]:
    return [{"name": o.check.name, "failures": o.failures,
             "sample": [{k: str(v) for k, v in row.items()} for row in o.sample]} for o in outcomes]


def outcomes_from_json(saved: list[dict]) -> list[CheckOutcome]:
    """The check outcomes of the publish that built the file (it is the same file, so they still hold)."""
    by_name: dict[str, Check] = {c.name: c for c in CHECKS}
    shrink = source_shrink_check({}, {}).check
    by_name[shrink.name] = shrink
    return [CheckOutcome(by_name[o["name"]], o["failures"], o["sample"]) for o in saved if o["name"] in by_name]


def report_is_current(state_root: Path, warehouse: Path, report: Path) -> bool:
    """The report beside the warehouse was rendered, by this code, from this very warehouse file."""
    record = read_record(state_root / "report.json")
    return (report.exists() and record.get("warehouse") == file_identity(warehouse) is not None
            and record.get("report") == file_identity(report) and record.get("code") == code_digest().hex())


def record_report(state_root: Path, warehouse: Path, report: Path, figures: dict) -> None:
    (state_root / "report.json").write_text(json.dumps({
        "warehouse": file_identity(warehouse), "report": file_identity(report), "code": code_digest().hex(),
        "figures": {k: v for k, v in figures.items() if isinstance(v, int | float | str)}}))


def recorded_figures(state_root: Path) -> dict:
    return read_record(state_root / "report.json").get("figures", {})


def read_record(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
