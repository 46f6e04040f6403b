"""The sources file (CONTRACT section 3): parsed and validated before anything is read or written."""
from __future__ import annotations

import difflib
import hashlib
import json
import re
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

DEFAULT_GLOBS = {"files": "**/*", "jsonl": "**/*.jsonl", "warc": "**/*.warc*"}


class SourcesError(ValueError):
    """The sources file cannot be used; nothing has been read or written."""


class SourceSpec(BaseModel):
    """One named place documents come from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    kind: str
    path: Path
    glob: str | None = None
    format: Literal["text", "html", "auto"] = "auto"
    publisher: str | None = None
    timezone: str = "Europe/London"
    max_document_mb: float = Field(default=25, gt=0)
    clean: bool = True
    enabled: bool = True

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Europe/London)") from None
        return value

    @property
    def effective_glob(self) -> str:
        return self.glob or DEFAULT_GLOBS.get(self.kind, "**/*")

    @property
    def max_bytes(self) -> int:
        return int(self.max_document_mb * 1024 * 1024)

    def settings_hash(self) -> str:
        """What about this source changes its documents' output (not the path, glob or enabled flag)."""
        keys = {"format": self.format, "publisher": self.publisher, "timezone": self.timezone,
                "clean": self.clean, "kind": self.kind}
        return hashlib.sha256(json.dumps(keys, sort_keys=True).encode()).hexdigest()[:16]


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[SourceSpec]


def _explain(exc: ValidationError, raw: dict) -> str:
    lines = []
    for err in exc.errors():
        loc = list(err["loc"])
        where = "sources file"
        if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
            entries = raw.get("sources") or []
            name = entries[loc[1]].get("name") if loc[1] < len(entries) and isinstance(entries[loc[1]], dict) \
                else None
            where = f"source {name!r}" if name else f"source #{loc[1] + 1}"
            loc = loc[2:]
        field = ".".join(str(x) for x in loc) or "entry"
        lines.append(f"{where}: {field}: {_message(err, loc)}")
    return "; ".join(lines)


def _message(err: dict, loc: list) -> str:
    """Pydantic's message, with the nearest known key suggested for an unknown one."""
    if err["type"] != "extra_forbidden" or not loc:
        return err["msg"]
    known = SourceSpec.model_fields if len(err["loc"]) > 2 else SourcesFile.model_fields
    nearest = difflib.get_close_matches(str(loc[-1]), list(known), n=1, cutoff=0.6)
    hint = f"did you mean {nearest[0]!r}?" if nearest else f"known keys: {', '.join(known)}"
    return f"unknown key; {hint}"


def _yaml_problem(path: Path, exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = str(getattr(exc, "problem", exc))
    if "\\t" in problem or "\t" in problem:
        problem = "a tab character: YAML takes spaces, not tabs, for indentation and alignment; use spaces"
    return f"{path} is not valid YAML{at}: {problem}"


def _check_reachable(spec: SourceSpec, sources_file: Path) -> None:
    try:
        exists = spec.path.exists()
    except OSError as exc:
        raise SourcesError(f"source {spec.name!r}: path {spec.path} cannot be reached ({exc.strerror or exc}); make "
                           f"it readable by the user running Claimhouse, or fix 'path' in {sources_file}") from None
    if not exists:
        raise SourcesError(f"source {spec.name!r}: path {spec.path} does not exist; fix 'path' in {sources_file} "
                           "or set 'enabled: false'")


def load_sources(path: Path, kinds: set[str]) -> list[SourceSpec]:
    """Parse and validate the sources file; resolve paths against it; check every enabled path exists."""
    if not path.exists():
        raise SourcesError(f"no sources file at {path}: create it (see README 'Wiring in a new source') or set "
                           "CLAIMHOUSE_SOURCES to its path")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else (exc.strerror or str(exc))
        raise SourcesError(f"cannot read the sources file {path}: {why}; point CLAIMHOUSE_SOURCES at a readable "
                           "UTF-8 YAML file") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SourcesError(_yaml_problem(path, exc)) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
        raise SourcesError(f"{path} must hold a mapping with a 'sources:' list (see README)")
    try:
        parsed = SourcesFile.model_validate(raw)
    except ValidationError as exc:
        raise SourcesError(f"{path}: {_explain(exc, raw)}") from None
    specs: list[SourceSpec] = []
    seen: set[str] = set()
    for spec in parsed.sources:
        if spec.name in seen:
            raise SourcesError(f"{path}: source {spec.name!r} is named twice; names must be unique")
        seen.add(spec.name)
        if spec.kind not in kinds:
            raise SourcesError(f"{path}: source {spec.name!r} has kind {spec.kind!r}; known kinds: "
                               f"{', '.join(sorted(kinds))}")
        resolved = spec.path if spec.path.is_absolute() else (path.parent / spec.path)
        spec = spec.model_copy(update={"path": resolved.resolve()})
        if spec.enabled:
            _check_reachable(spec, path)
        specs.append(spec)
    if not re.search(r"\S", text):
        raise SourcesError(f"{path} is empty")
    return specs
