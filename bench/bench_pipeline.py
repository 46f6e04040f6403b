"""Whole-pipeline benchmark: full run, reruns, publish, memory, and trafilatura side by side; asserts nothing.

    .venv/bin/python bench/bench_pipeline.py [--sizes 10000 100000] [--words 1000]
    .venv/bin/python bench/bench_pipeline.py --pages DIR [--sizes 1000]
    .venv/bin/python bench/real_pages.py bench/out/pages        # real pages to run it on (never committed)

For each size, in one run: a full run (`python -m pipeline run`, in-process Dagster, a fresh process), a rerun
with nothing changed, a rerun with 1 % of the documents changed, the peak RSS of each run process and the
warehouse bulk-load rows/s. With `--pages`, the corpus is that folder's real HTML pages replicated with a small
edit each to the size asked, and trafilatura's extraction alone runs on the very same pages in this process.

Per core: documents per CPU second of the run process, its forkserver and its workers (sampled from /proc, so
Linux only), next to documents/s of wall time divided by the workers used. The CPU figure is the one to compare on a
loaded machine; both are printed.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import page, write_corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PAGE_SUFFIXES = (".html", ".htm")


@dataclass
class Run:
    wall: float
    cpu: float  # user + system seconds of the run process and every worker it reaped
    rss_mib: float
    out: str

    def extracted(self) -> str:
        found = re.search(r"extracted (\d+) documents", self.out)
        return f"{found.group(1) if found else 0} documents extracted"

    def rows_per_second(self) -> tuple[int, float] | None:
        load = re.search(r"bulk load: (\d+) rows in ([\d.]+)s", self.out)
        return (int(load.group(1)), float(load.group(2))) if load else None


def _session_cpu(sid: int, seen: dict[tuple[int, str], float]) -> None:
    """Record the CPU seconds of every process in session `sid` (the run, its forkserver and its workers, which
    `wait4` does not count: the forkserver's children are never reaped by the run). Linux /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid:  # fields after the name: state ppid pgrp session ...
            seen[(int(entry.name), fields[19].decode())] = (int(fields[11]) + int(fields[12])) / tick


def _run(env: dict[str, str], *args: str) -> Run:
    """One `python -m pipeline run` in a fresh process: wall and CPU seconds, peak RSS (MiB), output."""
    start = time.perf_counter()
    seen: dict[tuple[int, str], float] = {}
    with tempfile.TemporaryFile("w+") as err, subprocess.Popen(
            [sys.executable, "-m", "pipeline", "run", *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
            stderr=err, text=True, start_new_session=True) as proc:
        chunks = []
        reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()), daemon=True)
        reader.start()
        while reader.is_alive():
            _session_cpu(proc.pid, seen)
            reader.join(0.2)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        errors = [line for line in err.read().split("\n") if "\r" not in line][-40:]  # no progress bars
    out = "".join(chunks)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"the run failed with exit code {proc.returncode}:\n{out}\n" + "\n".join(errors))
    seen[(proc.pid, "")] = 0.0  # the run process itself: wait4 has its final figure
    cpu = usage.ru_utime + usage.ru_stime + sum(v for (pid, _), v in seen.items() if pid != proc.pid)
    return Run(wall, cpu, usage.ru_maxrss / 1024, out)


def _real_pages(folder: Path) -> list[bytes]:
    pages = [p.read_bytes() for p in sorted(folder.rglob("*")) if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()]
    if not pages:
        raise SystemExit(f"no .html or .htm pages under {folder}; make some with bench/real_pages.py")
    return pages


def _letters(n: int) -> str:
    """A number as letters: the repetition fingerprint of a line is blind to digits, not to words."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = chr(97 + r) + out
        if not n:
            return out


def _edited(html: bytes, n: int, edit: int = 0) -> bytes:
    """Page `n` of the corpus with one small edit: a short paragraph before </body> naming it (and the edit), a
    line no other page has, so editing one page changes no other page's repeated-line verdicts through it."""
    note = f"<p>Copy {_letters(n)} of this page{f', edition {_letters(edit)}' if edit else ''}.</p>".encode()
    at = html.lower().rfind(b"</body>")
    return html[:at] + note + html[at:] if at >= 0 else html + note


def write_real_corpus(pages: list[bytes], folder: Path, size: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(size):
        path = folder / f"{i // 1000:03d}" / f"page-{i:06d}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(_edited(pages[i % len(pages)], i))
        paths.append(path)
    return paths


def trafilatura_alone(paths: list[Path]) -> tuple[float, float]:
    """trafilatura's extraction alone over the same files, in this process: (wall, CPU seconds)."""
    import trafilatura

    wall, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        trafilatura.extract(path.read_bytes())
    return time.perf_counter() - wall, time.process_time() - cpu


def _workers() -> int:
    return int(os.environ.get("CLAIMHOUSE_WORKERS") or os.cpu_count() or 1)


def bench(size: int, words: int, root: Path, pages: list[bytes] | None) -> dict:
    corpus = root / (f"pages-{size}" if pages else f"corpus-{size}")
    if pages:
        shutil.rmtree(corpus, ignore_errors=True)
        files = write_real_corpus(pages, corpus, size)
    else:
        if not corpus.exists():
            t = time.perf_counter()
            write_corpus(corpus, size, words)
            print(f"[{size}] generated corpus in {time.perf_counter() - t:.1f}s")
        files = sorted(corpus.rglob("*.txt"))
    out = root / f"run-{size}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "sources.yaml").write_text(f"sources:\n  - name: bench\n    kind: files\n    path: {corpus}\n")
    env = {**os.environ, "CLAIMHOUSE_SOURCES": str(out / "sources.yaml"),
           "CLAIMHOUSE_WAREHOUSE": str(out / "warehouse.duckdb")}
    env.pop("DAGSTER_HOME", None)
    time.sleep(2.1)  # past the racy window: files written this instant are hashed again on the next run

    full = _run(env)
    docs = len(files)
    print(f"[{size}] full run: {full.wall:.1f}s wall, {docs / full.wall:.1f} documents/s "
          f"({docs / full.wall / _workers():.1f} per worker), {docs / full.cpu:.1f} documents per CPU second; "
          f"peak RSS {full.rss_mib:.0f} MiB")
    figures = {"full": full.wall, "rss": full.rss_mib}
    if (load := full.rows_per_second()) is not None:
        rows, secs = load
        figures["rows_per_s"] = rows / secs
        print(f"[{size}] publish bulk load: {rows} rows in {secs:.2f}s = {rows / secs:,.0f} rows/s")
    if pages:
        t_wall, t_cpu = trafilatura_alone(files)
        figures["ratio_trafilatura"] = (docs / full.cpu) / (docs / t_cpu)
        print(f"[{size}] trafilatura.extract alone, same pages, one process: {t_wall:.1f}s wall, "
              f"{docs / t_cpu:.1f} documents per CPU second")
        print(f"[{size}] pipeline / trafilatura per core (CPU): {figures['ratio_trafilatura']:.2f} (goal >= 2)")

    nothing = _run(env)
    figures["rerun_nothing"] = nothing.wall / full.wall
    rss = max(full.rss_mib, nothing.rss_mib)
    print(f"[{size}] rerun with nothing changed: {nothing.wall:.1f}s = {100 * figures['rerun_nothing']:.1f} % "
          f"of the full run (goal <= 5 %); {nothing.extracted()}")
    changed = max(1, size // 100)
    stamp = int(time.time())
    for i, path in enumerate(files[:changed]):
        if pages:
            path.write_bytes(_edited(pages[i % len(pages)], i, edit=stamp))
        else:
            path.write_text(page(i, words, seed=stamp))
    time.sleep(2.1)
    one = _run(env)
    figures["rerun_1pct"] = one.wall / full.wall
    figures["rss"] = max(rss, one.rss_mib)
    print(f"[{size}] rerun with {changed} changed: {one.wall:.1f}s = {100 * figures['rerun_1pct']:.1f} % of the "
          f"full run (goal <= 10 %); {one.extracted()} (pages whose repeated-line verdicts changed with "
          "them are reprocessed too)")
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=None)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--pages", type=Path, default=None, help="a folder of real HTML pages to replicate")
    ap.add_argument("--root", type=Path, default=REPO / "bench" / "out")
    args = ap.parse_args()
    pages = _real_pages(args.pages) if args.pages else None
    sizes = args.sizes or ([1000] if pages else [10000])
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {_workers()} workers")
    results = {size: bench(size, args.words, args.root, pages) for size in sizes}
    print("\nsize      pipeline/trafilatura  rerun-nothing/full  rerun-1%/full  publish rows/s  peak RSS MiB")
    for size, f in results.items():
        ratio = f"{f['ratio_trafilatura']:.2f}" if "ratio_trafilatura" in f else "-"
        print(f"{size:<9} {ratio:>20}  {100 * f['rerun_nothing']:>17.1f}%  {100 * f['rerun_1pct']:>12.1f}%  "
              f"{f.get('rows_per_s', 0):>14,.0f}  {f['rss']:>12.0f}")
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        print(f"peak memory {large} / {small}: {results[large]['rss'] / results[small]['rss']:.2f} (goal <= 1.2)")


if __name__ == "__main__":
    main()
