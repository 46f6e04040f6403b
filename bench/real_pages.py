"""Write real HTML pages for `bench_pipeline.py --pages` into a folder (never commit them).

    .venv/bin/python bench/real_pages.py bench/out/pages [--git DIR] [--under PATH]

Reads them with git from a local clone or bare mirror: by default trafilatura's own test pages
(`tests/cache/*.html` of /work/.mirror/adbar+trafilatura, real news and blog pages in several languages), then
the project's page tests (`tests/pages/cleaning/html`).
"""
from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GIT = Path("/work/.mirror/adbar+trafilatura")


def _git_dir(path: Path) -> Path:
    return path / "repo" if (path / "repo").is_dir() else path


def from_git(git_dir: Path, under: str, out: Path) -> int:
    """Every .html/.htm blob under `under` at HEAD of `git_dir`, written into `out`; how many."""
    listing = subprocess.run(["git", "--git-dir", str(git_dir), "ls-tree", "-r", "HEAD", "--", under],
                             capture_output=True, text=True, check=True).stdout
    n = 0
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        if not path.lower().endswith((".html", ".htm")):
            continue
        blob = subprocess.run(["git", "--git-dir", str(git_dir), "cat-file", "blob", meta.split()[2]],
                              capture_output=True, check=False)
        if blob.returncode == 0 and blob.stdout:
            (out / Path(path).name).write_bytes(blob.stdout)
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--git", type=Path, default=DEFAULT_GIT)
    ap.add_argument("--under", default="tests/cache")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    n = from_git(_git_dir(args.git), args.under, args.out) if args.git.exists() else 0
    for page in sorted((REPO / "tests" / "pages" / "cleaning" / "html").glob("*.htm*")):
        (args.out / f"claimhouse-{page.name}").write_bytes(page.read_bytes())
        n += 1
    print(f"{n} pages in {args.out}")


if __name__ == "__main__":
    main()
