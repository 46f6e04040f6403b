"""Parquet files of the state folder are written whole or not at all, from a table or a stream of batches."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.state import write_parquet

SCHEMA = pa.schema([("doc_id", pa.string()), ("batch_no", pa.int32())])


def _batches(fail_after: int | None = None) -> Iterator[pa.RecordBatch]:
    for k in range(3):
        if fail_after is not None and k == fail_after:
            raise RuntimeError("the query failed half-way")
        yield pa.record_batch({"doc_id": [f"d{k}a", f"d{k}b"], "batch_no": pa.array([k, k], pa.int64())})


def test_a_stream_of_batches_is_written_cast_to_the_schema(tmp_path: Path) -> None:
    stream = pa.RecordBatchReader.from_batches(next(_batches()).schema, _batches())
    write_parquet(stream, tmp_path / "plan.parquet", SCHEMA)
    table = pq.read_table(tmp_path / "plan.parquet")
    assert table.schema == SCHEMA
    assert table.column("doc_id").to_pylist() == ["d0a", "d0b", "d1a", "d1b", "d2a", "d2b"]


def test_a_stream_that_fails_half_way_leaves_no_file(tmp_path: Path) -> None:
    stream = pa.RecordBatchReader.from_batches(next(_batches()).schema, _batches(fail_after=2))
    with pytest.raises(RuntimeError, match="half-way"):
        write_parquet(stream, tmp_path / "plan.parquet", SCHEMA)
    assert list(tmp_path.iterdir()) == []
