"""Whether spans are the exact text of the bodies they point at, compared in bulk with numpy.

The bodies of a group of documents become one array of characters (a byte each when they are all ASCII, else UTF-32
code points), where a span's character offsets are plain indices, so every short span of a batch is compared at
once by gathering its characters from that array; a long span (a whole paragraph block) is compared as one Python
slice, which costs its length and no index array. A span is a fault when it has no document, no body, a missing or
out-of-range offset, or text other than the body's slice (``text[start:end]``, as Python slices it).
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

LONG_SPAN = 64  # characters: a longer span is compared as one slice, not gathered character by character


def _characters(text: str) -> np.ndarray:
    """The text's characters as an array: a byte each when it is ASCII (`str.isascii` is free), else code points."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


class Bodies:
    """The bodies of a group of documents, as one array of characters and each document's place in it."""

    def __init__(self, bodies: dict[str, str | None]) -> None:
        self.ids = pa.array(list(bodies), pa.string())
        self.texts = [t or "" for t in bodies.values()]
        self.has_body = np.array([t is not None for t in bodies.values()], dtype=bool)
        self.lengths = np.array([len(t) for t in self.texts], dtype=np.int64)
        self.offsets = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)
        self.chars = _characters("".join(self.texts))

    def faulty_rows(self, spans: pa.RecordBatch) -> np.ndarray:
        """Row numbers of the spans in `spans` (doc_id, char_start, char_end, surface) that are not the exact
        text of their document's body in this group."""
        n = spans.num_rows
        if not len(self.ids):
            return np.arange(n)
        doc = pc.index_in(spans["doc_id"], value_set=self.ids)
        surface = spans["surface"]
        ok = np.ones(n, dtype=bool)
        for column in (doc, spans["char_start"], spans["char_end"], surface):
            ok &= column.is_valid().to_numpy(zero_copy_only=False)
        d = doc.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
        start = spans["char_start"].fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
        end = spans["char_end"].fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
        size = np.maximum(end - start, 0)
        ok &= self.has_body[d] & (start >= 0) & (end <= self.lengths[d])
        ok &= pc.utf8_length(surface).fill_null(-1).to_numpy(zero_copy_only=False) == size
        bad = ~ok
        long_rows = np.flatnonzero(ok & (size > LONG_SPAN))
        texts = self.texts
        bad[long_rows] = [texts[k][a:b] != x for k, a, b, x in zip(
            d[long_rows].tolist(), start[long_rows].tolist(), end[long_rows].tolist(),
            surface.take(pa.array(long_rows)).to_pylist(), strict=True)]
        short = np.flatnonzero(ok & (size <= LONG_SPAN) & (size > 0))
        bad[short[self._differ(surface.take(pa.array(short)), self.offsets[d[short]] + start[short],
                               size[short])]] = True
        return np.flatnonzero(bad)

    def _differ(self, surfaces: pa.Array, at: np.ndarray, size: np.ndarray) -> np.ndarray:
        """For each surface, whether its code points differ from the `size` ones of the bodies from `at`."""
        if not len(surfaces):
            return np.zeros(0, dtype=bool)
        joined = pc.binary_join(pa.ListArray.from_arrays(pa.array([0, len(surfaces)], pa.int32()), surfaces), "")
        wanted = _characters(joined[0].as_py())
        first = np.cumsum(size) - size  # where each surface starts in `wanted`
        index = np.repeat(at - first, size) + np.arange(len(wanted), dtype=np.int64)
        mismatch = np.flatnonzero(self.chars[index] != wanted)
        differ = np.zeros(len(surfaces), dtype=bool)
        differ[np.searchsorted(first, mismatch, side="right") - 1] = True
        return differ
