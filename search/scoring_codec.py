"""Whoosh's codec plus a flat copy of each term's document numbers and weights.

Whoosh stores a term's postings in pickled, zlib-compressed blocks of 128 that carry the
positions too, so the first search that scores a common word decodes every block with
every position (about 20 ms per word in all of 20,000 documents, several times that on a
loaded machine): the p95 of queries typed with diacritics, whose exact spellings are terms
of their own, was this cold read. `ScoringCodec` writes the same postings as Whoosh's codec
and, beside them in the segment, a scoring file: for every term of a scorable field its
document numbers (uint32) and weights (float32, as Whoosh keeps them), so scoring reads two
flat arrays. Segments merged by a commit or an optimize get one too; a segment written
without it (an older index) is read through Whoosh's blocks as before.

Scoring file layout (little-endian): the terms' arrays one after another (ids, then
weights), then a directory of three arrays over the terms in the order written (postings
offset in the segment's postings file, which grows term by term, so the directory is
sorted by it; position of the ids in this file; posting count), then a trailer (term count,
directory position, MAGIC).

Whoosh records a segment's codec in the index's table of contents by class name: moving or
renaming `ScoringCodec` makes existing indexes unreadable (IndexCorruptError: reindex).
"""
from __future__ import annotations

import struct
from array import array

import numpy as np
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import OverlayStorage

EXTENSION = ".sco"
MAGIC = b"TDS1"
_TRAILER = struct.Struct("<QQ4s")
_IDS, _WEIGHTS, _OFFSETS, _COUNTS = np.dtype("<u4"), np.dtype("<f4"), np.dtype("<u8"), np.dtype("<u4")


class ScoringCodec(W3Codec):
    """W3Codec whose segments carry a scoring file (see the module docstring)."""

    def field_writer(self, storage, segment):
        return _ScoringFieldWriter(self, storage, segment)


class _ScoringFieldWriter(W3FieldWriter):
    """Writes the postings as W3FieldWriter does, and each scorable term's ids and
    weights to the scoring file as the term finishes."""

    def __init__(self, codec, storage, segment):
        super().__init__(codec, storage, segment)
        self._scoring = self._create_file(EXTENSION)
        self._offsets, self._positions, self._counts = array("Q"), array("Q"), array("I")
        self._recording = False
        self._ids, self._weights = array("I"), array("f")

    def start_field(self, fieldname, fieldobj):
        super().start_field(fieldname, fieldobj)
        self._recording = bool(fieldobj.scorable)

    def start_term(self, btext):
        if self._recording:
            self._offsets.append(self._postfile.tell())  # where W3's postings of the term start
            self._ids, self._weights = array("I"), array("f")
        super().start_term(btext)

    def add(self, docnum, weight, vbytes, length):
        super().add(docnum, weight, vbytes, length)
        if self._recording:
            self._ids.append(docnum)
            self._weights.append(weight)

    def finish_term(self):
        super().finish_term()
        if self._recording:
            self._positions.append(self._scoring.tell())
            self._counts.append(len(self._ids))
            self._scoring.write(np.frombuffer(self._ids, dtype=np.uint32).astype(_IDS).tobytes())
            self._scoring.write(np.frombuffer(self._weights, dtype=np.float32).astype(_WEIGHTS).tobytes())

    def close(self):
        directory = self._scoring.tell()
        for values, dtype in ((self._offsets, _OFFSETS), (self._positions, _OFFSETS), (self._counts, _COUNTS)):
            self._scoring.write(np.asarray(values).astype(dtype).tobytes())
        self._scoring.write(_TRAILER.pack(len(self._counts), directory, MAGIC))
        self._scoring.close()
        super().close()


class ScoringDirectory:
    """Where each term's arrays lie in one segment's scoring file (read once per segment;
    it holds no file handle, so it outlives the searcher that read it)."""

    def __init__(self, name: str, offsets: np.ndarray, positions: np.ndarray, counts: np.ndarray):
        self.name, self.offsets, self.positions, self.counts = name, offsets, positions, counts

    @classmethod
    def of(cls, reader) -> "ScoringDirectory | None":
        """The directory of a segment reader's scoring file; None when the segment has none."""
        name = reader.segment().make_filename(EXTENSION)
        storage = reader.storage()
        if not storage.file_exists(name):
            return None
        length = storage.file_length(name)
        terms, start, magic = _TRAILER.unpack(_read(storage, name, length - _TRAILER.size, _TRAILER.size))
        if magic != MAGIC:
            return None
        data = _read(storage, name, start, terms * (_OFFSETS.itemsize * 2 + _COUNTS.itemsize))
        offsets = np.frombuffer(data, dtype=_OFFSETS, count=terms)
        positions = np.frombuffer(data, dtype=_OFFSETS, count=terms, offset=terms * _OFFSETS.itemsize)
        counts = np.frombuffer(data, dtype=_COUNTS, count=terms, offset=2 * terms * _OFFSETS.itemsize)
        return cls(name, offsets.astype(np.int64), positions.astype(np.int64), counts.astype(np.int64))

    def postings(self, reader, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """(document numbers, weights as float64) of a term of the segment (deleted documents
        left in, as Whoosh's blocks have them); None when the file lacks the term."""
        offset = reader.term_info(fieldname, text).extent()[0]
        if offset is None:  # postings inlined in the term info: not in the file
            return None
        at = int(np.searchsorted(self.offsets, offset))
        if at == len(self.offsets) or self.offsets[at] != offset:
            return None
        position, count = int(self.positions[at]), int(self.counts[at])
        data = _read(reader.storage(), self.name, position, count * (_IDS.itemsize + _WEIGHTS.itemsize))
        ids = np.frombuffer(data, dtype=_IDS, count=count).astype(np.int64)
        weights = np.frombuffer(data, dtype=_WEIGHTS, count=count, offset=count * _IDS.itemsize).astype(np.float64)
        return ids, weights


def _read(storage, name: str, position: int, length: int) -> bytes:
    """`length` bytes at `position` of a segment's file. In a compound segment they are
    sliced from its memory map: Whoosh's open_file there copies the whole file first."""
    for part in (storage.a, storage.b) if isinstance(storage, OverlayStorage) else (storage,):
        source = getattr(part, "_source", None)
        if isinstance(part, CompoundStorage) and source is not None and part.file_exists(name):
            start = part.range(name)[0] + position
            return source[start:start + length]
    file = storage.open_file(name)
    try:
        return file.get(position, length)
    finally:
        file.close()
