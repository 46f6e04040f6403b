"""Whole-pipeline benchmark: full run and 1 % rerun over a synthetic corpus; prints figures, asserts nothing.

    .venv/bin/python bench/bench_pipeline.py [--sizes 10000 100000] [--words 1000]

For each size: documents/s of a full run (`python -m pipeline run`, in-process Dagster), of a rerun after
changing 1 % of the documents, the peak RSS of the run process, and the warehouse bulk-load rows/s.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import page, write_corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def _run(env: dict[str, str], *args: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and output of one `python -m pipeline run` in a fresh process."""
    start = time.perf_counter()
    with open(os.devnull, "w") as null, subprocess.Popen(
            [sys.executable, "-m", "pipeline", "run", *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
            stderr=null, text=True) as proc:
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"the run failed with exit code {proc.returncode}")
    return wall, usage.ru_maxrss / 1024, out


def bench(size: int, words: int, root: Path) -> None:
    corpus = root / f"corpus-{size}"
    if not corpus.exists():
        t = time.perf_counter()
        write_corpus(corpus, size, words)
        print(f"[{size}] generated corpus in {time.perf_counter() - t:.1f}s")
    out = root / f"run-{size}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "sources.yaml").write_text(f"sources:\n  - name: bench\n    kind: files\n    path: {corpus}\n")
    env = {**os.environ, "CLAIMHOUSE_SOURCES": str(out / "sources.yaml"),
           "CLAIMHOUSE_WAREHOUSE": str(out / "warehouse.duckdb")}
    env.pop("DAGSTER_HOME", None)
    wall, rss, text = _run(env)
    print(f"[{size}] full run: {wall:.1f}s, {size / wall:.0f} documents/s, peak RSS {rss:.0f} MiB")
    load = re.search(r"bulk load: (\d+) rows in ([\d.]+)s", text)
    if load:
        rows, secs = int(load.group(1)), float(load.group(2))
        print(f"[{size}] publish bulk load: {rows} rows in {secs:.1f}s = {rows / secs:,.0f} rows/s")
    changed = max(1, size // 100)
    files = sorted(corpus.rglob("*.txt"))
    for i, path in enumerate(files[:changed]):
        path.write_text(page(i, words, seed=int(time.time())))
    wall, rss, _ = _run(env)
    print(f"[{size}] rerun with {changed} changed: {wall:.1f}s, {size / wall:.0f} documents/s scanned, "
          f"{changed / wall:.1f} changed documents/s, peak RSS {rss:.0f} MiB")
    wall, _, _ = _run(env)
    print(f"[{size}] rerun with nothing changed: {wall:.1f}s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--root", type=Path, default=REPO / "bench" / "out")
    args = ap.parse_args()
    for size in args.sizes:
        bench(size, args.words, args.root)


if __name__ == "__main__":
    main()
