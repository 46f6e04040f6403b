"""Source kind `files`: one document per file (plain-text scrapes and HTML pages).

Also the folder walk every kind shares. Nothing outside a source's own folder is read: a symbolic link is
followed only to a file inside it; a link out, a loop, a dangling link, a file that is not a regular file and a
folder that cannot be listed are each reported (a `read` row), never silently skipped or followed.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .record import SourceRecord, too_large
from .spec import SourceSpec

# a file modified this recently may change again within its file system's timestamp granularity without a new
# mtime (git's "racily clean" case): its signature is not recorded, so the next run hashes it again
RACY_NS = 2_000_000_000
Unchanged = Callable[[str, str], bool]  # (rel, stat signature) -> the manifest holds this very signature for it

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class Found:
    """One entry of a source's folder: a file to read (`path`) or a `problem` with it.

    `rel` is the path relative to the source's path with `/` separators (a folder's ends with `/`); `folder`
    marks a folder that could not be listed, whose published documents stay as they are.
    """

    rel: str
    path: Path | None = None
    problem: str | None = None
    folder: bool = False


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A source's glob as a regex over relative paths: `**` is any number of folders, `*` and `?` stay within
    one name, `[...]` is a set (`[!...]` negated)."""
    parts = [p for p in pattern.split("/") if p not in ("", ".")] or ["**"]
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".+" if last else "(?:[^/]+/)*")
        else:
            out.append(_segment(part) + ("" if last else "/"))
    return re.compile("".join(out) + r"\Z", re.S)


def _segment(part: str) -> str:
    out, i = [], 0
    while i < len(part):
        c = part[i]
        end = part.find("]", i + 2) if c == "[" else -1
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif end > 0:
            body = part[i + 1:end]
            neg = body.startswith("!")
            body = (body[1:] if neg else body).replace("\\", "\\\\").replace("^", "\\^")  # ranges stay ranges
            out.append("[" + ("^" if neg else "") + body + "]")
            i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _link(root: str, rel: str, link: str, pattern: re.Pattern[str]) -> Iterator[Found]:
    """A symbolic link: its target file when that lies inside the source's folder, else a problem."""
    try:
        real = os.path.realpath(link, strict=True)
    except OSError as exc:
        if pattern.match(rel):
            if exc.errno == errno.ELOOP:
                yield Found(rel, problem="the symbolic link loops (its chain of links never reaches a file); "
                                         "remove the link or point it at a file inside the source's folder")
            else:
                yield Found(rel, problem=f"the symbolic link is dangling: its target {os.readlink(link)!r} does "
                                         "not exist; remove the link or restore its target")
        return
    is_dir = os.path.isdir(real)
    if not _inside(real, root):
        if is_dir or pattern.match(rel):
            yield Found(rel + ("/" if is_dir else ""),
                        problem=f"the symbolic link leads outside the source's folder (to {real}); Claimhouse "
                                "reads only inside it: copy what it points to in, or make that place a source")
    elif is_dir:
        if _inside(os.path.dirname(link), real):
            yield Found(rel + "/", problem="the symbolic link leads back to a folder that contains it (a loop); "
                                           "it is not followed: remove it")
        # a link to another folder inside the source is not followed: its files are read where they are
    elif pattern.match(rel):
        yield _file(Path(real), rel)


def _file(path: Path, rel: str, mode: int | None = None) -> Found:
    mode = path.stat().st_mode if mode is None else mode
    if stat.S_ISREG(mode):
        return Found(rel, path)
    return Found(rel, problem="not a regular file (a named pipe, socket or device), so it is not read; remove "
                              "it from the source's folder or exclude it with 'glob'")


def _listing_fix(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "its path is longer than the system allows: shorten the folder names or move the source up"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "make it readable by the user running Claimhouse"
    return "check the disk or network share it is on"


def _walk(root: str, rel_dir: str, pattern: re.Pattern[str]) -> Iterator[Found]:
    folder = os.path.join(root, rel_dir) if rel_dir else root
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Found(f"{rel_dir}/" if rel_dir else "./", folder=True,
                    problem=f"cannot list the folder ({exc.strerror or exc}): its documents stay as last published "
                            f"until it can be read; {_listing_fix(exc)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
        try:
            if entry.is_symlink():
                yield from _link(root, rel, entry.path, pattern)
            elif entry.is_dir(follow_symlinks=False):
                yield from _walk(root, rel, pattern)
            elif pattern.match(rel):
                yield _file(Path(entry.path), rel, entry.stat(follow_symlinks=False).st_mode)
        except OSError as exc:
            yield Found(rel, problem=f"cannot read it ({exc.strerror or exc}); make it readable by the user "
                                     "running Claimhouse")


def matching_files(spec: SourceSpec) -> Iterator[Found]:
    """The files a source covers, in a stable order (hidden names skipped), and the problems met on the way."""
    if spec.path.is_file():
        yield Found(spec.path.name, spec.path)
        return
    yield from _walk(str(spec.path), "", glob_regex(spec.effective_glob))


def open_found(found: Found) -> BinaryIO:
    """Open a found file for reading; never through a link swapped in since the walk, never a pipe."""
    assert found.path is not None
    fd = os.open(found.path, _OPEN_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def problem_record(found: Found, container: bool = True) -> SourceRecord:
    """The `read` row of a problem found while walking a source's folder (its location: the container file)."""
    return SourceRecord(key=found.rel, uri=found.rel, location=found.rel if container else None, problem=found.problem,
                        keeps=("" if found.rel == "./" else found.rel.rstrip("/")) if found.folder else None)


def cannot_read(exc: OSError) -> str:
    return (f"cannot read the file ({exc.strerror or exc}); make it readable by the user running Claimhouse, or "
            "remove it from the source's folder")


def container_records(spec: SourceSpec, found: Iterator[Found],
                      read_file: Callable[[BinaryIO, str, SourceSpec], Iterator[SourceRecord]]
                      ) -> Iterator[SourceRecord]:
    """The records of every container file (jsonl, WARC) a source covers, and a row per file that cannot be read."""
    for f in found:
        if f.problem:
            yield problem_record(f)
            continue
        try:
            with open_found(f) as fh:
                yield from read_file(fh, f.rel, spec)
        except OSError as exc:
            yield SourceRecord(key=f.rel, uri=f.rel, location=f.rel, problem=cannot_read(exc))


def signature(st: os.stat_result, now_ns: int | None = None) -> str | None:
    """A file's stat signature (size, mtime_ns, inode), as git's index and rsync compare them; None when the file
    was modified within RACY_NS of now, so a same-tick rewrite could go unseen."""
    now_ns = time.time_ns() if now_ns is None else now_ns
    if now_ns - st.st_mtime_ns < RACY_NS:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def stat_signatures(spec: SourceSpec) -> dict[str, str] | None:
    """The stat signature of every file a source covers ({relative path: signature}), or None when one cannot be
    signed: a problem met on the walk, a file that cannot be stat-ed, or one modified within RACY_NS of now."""
    sigs: dict[str, str] = {}
    for f in matching_files(spec):
        if f.problem or f.path is None:
            return None
        try:
            sig = signature(os.stat(f.path))
        except OSError:
            return None
        if sig is None:
            return None
        sigs[f.rel] = sig
    return sigs


def _unread(f: Found, unchanged: Unchanged | None) -> SourceRecord | None:
    """The record of a file whose signature is the one the manifest holds for it: not opened, not hashed."""
    if unchanged is None:
        return None
    try:
        sig = signature(os.stat(f.path))
    except OSError:
        return None  # reading it reports the problem
    if sig is None or not unchanged(f.rel, sig):
        return None
    return SourceRecord(key=f.rel, uri=f.rel, signature=sig, unread=True)


def _read_one(f: Found, spec: SourceSpec) -> SourceRecord:
    try:
        with open_found(f) as fh:
            st = os.fstat(fh.fileno())
            size = st.st_size
            if size > spec.max_bytes:
                return SourceRecord(key=f.rel, uri=f.rel, problem=too_large(size, spec.max_bytes))
            data = fh.read(spec.max_bytes + 1)
        if len(data) > spec.max_bytes:  # it grew while being read
            return SourceRecord(key=f.rel, uri=f.rel, problem=too_large(len(data), spec.max_bytes))
        return SourceRecord(key=f.rel, uri=f.rel, payload=data, signature=signature(st))
    except OSError as exc:
        return SourceRecord(key=f.rel, uri=f.rel, problem=cannot_read(exc))


def read(spec: SourceSpec, unchanged: Unchanged | None = None) -> Iterator[SourceRecord]:
    """One record per file. With `unchanged`, a file whose stat signature it accepts is not read (`unread`)."""
    for f in matching_files(spec):
        if f.problem:
            yield problem_record(f, container=False)
        else:
            yield _unread(f, unchanged) or _read_one(f, spec)
