"""Every match of a Whoosh query with its score, a posting block at a time (numpy).

Whoosh's matchers walk the postings one Python call per document and per clause; a query
of three words is an And of three Ors of up to five terms, and a collection of thousands of
long documents matches most of them, so the full search path spent its time there. Here a
term's postings are read block by block (ids and weights as arrays), scored with the same
BM25F formula and statistics Whoosh's scorer uses (idf and average length of the whole
index, the field length byte of each document), and the query tree is combined over dense
arrays: And sums the scores where every part matches, Or where any does, a boost
multiplies, Not keeps what its part does not match (Whoosh's inverse matcher adds a weight of
1). Any other node (phrases, ranges, Every) is walked with its own Whoosh matcher. Documents
come out in Whoosh's order for an unlimited search: score descending, then document number.

What is read from a segment (a term's ids and weights, from the segment's scoring file when
it has one, see scoring_codec.py; phrase matches; field lengths) is kept in a
`SegmentCache` across searchers: a segment never changes once written (a commit adds
segments, a merge replaces some, a deletion only marks documents, masked at each search),
so a commit does not make the next searches read every common word again. Scores are
worked out at each search from these and the searcher's statistics (idf, average length).
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np
from whoosh import query as q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, W3PerDocReader, _lenfield
from whoosh.matching import FilterMatcher
from whoosh.util.numeric import byte_to_length

from theodoi.search.scoring_codec import ScoringDirectory

NOT_WEIGHT = 1.0  # the score Whoosh's InverseMatcher gives a document for a Not clause
CACHE_BYTES = 96 * 2**20  # decoded postings and phrase matches kept across searchers


class PostingsCache:
    """Decoded postings (and phrase matches, filters), least recently used dropped past
    `limit` bytes: the common words of a query are read once, not once per search."""

    def __init__(self, limit: int = CACHE_BYTES):
        self.limit, self.size, self.items = limit, 0, OrderedDict()

    def get(self, key, read):
        if key in self.items:
            self.items.move_to_end(key)
            return self.items[key]
        value = self.items[key] = read()
        self.size += sum(array.nbytes for array in value)
        while self.size > self.limit and len(self.items) > 1:
            _, dropped = self.items.popitem(last=False)
            self.size -= sum(array.nbytes for array in dropped)
        return value

    def keep_only(self, wanted) -> None:
        """Drop the entries whose key fails `wanted(key)`."""
        for key in [key for key in self.items if not wanted(key)]:
            self.size -= sum(array.nbytes for array in self.items.pop(key))


class SegmentCache:
    """What is read from segments, by segment id, for as long as the segments live:
    postings and phrase matches (LRU), field lengths, scoring-file directories, columns."""

    def __init__(self, limit: int = CACHE_BYTES):
        self.postings = PostingsCache(limit)
        self.lengths: dict = {}  # (segment id, field) → length per document
        self.directories: dict = {}  # segment id → ScoringDirectory, or None without a scoring file
        self.columns: dict = {}  # (segment id, column) → values per document (index.py)

    def keep_only(self, segment_ids: set) -> None:
        """Forget the segments not in `segment_ids` (merged away or replaced)."""
        self.postings.keep_only(lambda key: key[1] in segment_ids)
        for table in (self.lengths, self.directories, self.columns):
            for key in [key for key in table if (key if isinstance(key, str) else key[0]) not in segment_ids]:
                del table[key]


class Matches:
    """Matches of a query in one searcher: `docnums` (sorted) and their `scores`."""

    def __init__(self, docnums: np.ndarray, scores: np.ndarray):
        self.docnums, self.scores = docnums, scores

    def __len__(self) -> int:
        return len(self.docnums)

    def by_score(self) -> np.ndarray:
        """Document numbers, best score first, ties by document number."""
        return self.docnums[np.lexsort((self.docnums, -self.scores))]

    def by_key(self, keys: np.ndarray) -> np.ndarray:
        """Document numbers by `keys` (indexed by document number), then best score, then
        document number: Whoosh's order for a sort on a column then on the score."""
        return self.docnums[np.lexsort((self.docnums, -self.scores, keys[self.docnums]))]


def segment_id(leaf) -> str:
    """The id of a leaf searcher's segment (its index name and random id)."""
    return leaf.reader().segment().segment_id()


def segment_ids(searcher) -> set[str]:
    """The ids of a searcher's segments (none for an index without any)."""
    return {segment_id(leaf) for leaf, _ in searcher.leaf_searchers() if leaf.reader().segment() is not None}


def find(searcher, query: q.Query, filter_query: q.Query | None, cache: dict, segments: SegmentCache) -> Matches:
    """Every document of `searcher` matching `query` and allowed by `filter_query`.
    `cache` keeps per-searcher arrays (filters) between calls: drop it with the searcher;
    `segments` what was read from its segments."""
    docnums, scores = [], []
    filters = cache.setdefault("filters", PostingsCache())
    allowed = None if filter_query is None else filters.get(repr(filter_query),
                                                            lambda: _allowed(searcher, filter_query))[0]
    for leaf, offset in searcher.leaf_searchers():
        size = leaf.doc_count_all()
        if not size:
            continue
        scope = _Leaf(leaf, searcher, size, segments)
        matched, score = scope.evaluate(query)
        matched &= scope.alive()
        if allowed is not None:
            matched &= allowed[offset:offset + size]
        found = np.flatnonzero(matched)
        docnums.append(found + offset)
        scores.append(score[found])
    if not docnums:
        return Matches(np.zeros(0, dtype=np.int64), np.zeros(0))
    return Matches(np.concatenate(docnums).astype(np.int64), np.concatenate(scores))


def _allowed(searcher, filter_query) -> tuple[np.ndarray]:
    """(which documents the filter allows,), as a cache entry."""
    mask = np.zeros(searcher.doc_count_all(), dtype=bool)
    mask[np.fromiter(searcher.docs_for_query(filter_query), dtype=np.int64)] = True
    return (mask,)


class _Leaf:
    """The query tree evaluated over one segment's documents as dense arrays."""

    def __init__(self, leaf, top, size: int, segments: SegmentCache):
        self.leaf, self.top, self.size, self.segments = leaf, top, size, segments
        self.postings = segments.postings
        self.reader = leaf.reader()
        self.segment = segment_id(leaf)

    def evaluate(self, node) -> tuple[np.ndarray, np.ndarray]:
        """(matched: bool per document, score per document) of a query node."""
        if isinstance(node, q.Term):
            return self._term(node)
        if type(node) is q.Phrase and node.slop == 1 and len(node.words) > 1:
            return self._phrase(node)
        if isinstance(node, q.Not):
            matched, _ = self.evaluate(node.query)
            return ~matched, np.full(self.size, NOT_WEIGHT)
        if isinstance(node, (q.And, q.Or)) and type(node) in (q.And, q.Or) and node.subqueries:
            if len(node.subqueries) == 1:  # Whoosh drops a one-part compound's boost
                return self.evaluate(node.subqueries[0])
            parts = [self.evaluate(sub) for sub in node.subqueries]
            combine = np.logical_and if isinstance(node, q.And) else np.logical_or
            matched = combine.reduce([part[0] for part in parts])
            score = np.sum([np.where(part[0], part[1], 0.0) for part in parts], axis=0)
            return matched, score * node.boost if node.boost != 1.0 else score
        return self._walk(node.matcher(self.leaf))

    def alive(self) -> np.ndarray:
        """Which documents of the segment are not deleted (from the deleted ones: few)."""
        mask = np.ones(self.size, dtype=bool)
        if self.reader.has_deletions():
            mask[np.fromiter(self.reader.segment().deleted_docs(), dtype=np.int64)] = False
        return mask

    def _term(self, node: q.Term) -> tuple[np.ndarray, np.ndarray]:
        matched, score = np.zeros(self.size, dtype=bool), np.zeros(self.size)
        text = self._known(node.fieldname, node.text)
        if text is None:
            return matched, score
        if not self.top.schema[node.fieldname].scorable:
            return self._walk(node.matcher(self.leaf))
        ids, term_scores = self._scored(node.fieldname, text)
        matched[ids] = True
        score[ids] = term_scores * node.boost if node.boost != 1.0 else term_scores
        return matched, score

    def _phrase(self, node: q.Phrase) -> tuple[np.ndarray, np.ndarray]:
        """Whoosh's phrase: documents where the words stand one after another (checked on
        the documents that have them all); scored as the sum of the words' scores."""
        matched, score = np.zeros(self.size, dtype=bool), np.zeros(self.size)
        texts = [self._known(node.fieldname, word) for word in node.words]
        if any(text is None for text in texts):
            return matched, score
        key = ("phrase", self.segment, node.fieldname, tuple(texts))
        ids, = self.postings.get(key, lambda: self._read_phrase(node.fieldname, texts))
        phrase_scores = np.zeros(len(ids))
        for word_ids, term_scores in (self._scored(node.fieldname, text) for text in texts):
            phrase_scores += term_scores[np.searchsorted(word_ids, ids)]
        matched[ids] = True
        score[ids] = phrase_scores * node.boost if node.boost != 1.0 else phrase_scores
        return matched, score

    def _read_phrase(self, fieldname: str, texts: list[bytes]) -> tuple[np.ndarray]:
        """(the documents holding the phrase,), as a cache entry."""
        scored = [self._scored(fieldname, text) for text in texts]
        candidates = scored[0][0]
        for ids, _ in scored[1:]:
            candidates = np.intersect1d(candidates, ids, assume_unique=True)
        decode = self.top.schema[fieldname].format.decode_positions
        values = [_values_of(self.reader.postings(fieldname, text), ids, candidates)
                  for text, (ids, _) in zip(texts, scored)]
        found = np.array([_in_sequence([decode(per_word[i]) for per_word in values])
                          for i in range(len(candidates))], dtype=bool)
        return (candidates[found],)

    def _known(self, fieldname: str, word) -> bytes | None:
        """The term's bytes, or None when the field or the term is not in this segment."""
        if fieldname not in self.top.schema:
            return None
        try:
            text = self.top.schema[fieldname].to_bytes(word)
        except ValueError:
            return None
        return text if (fieldname, text) in self.reader else None

    def _scored(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, BM25F scores) of a term, as Whoosh's scorer gives them."""
        ids, weights = self.postings.get(("term", self.segment, fieldname, text),
                                         lambda: self._read_postings(fieldname, text))
        weighting = self.top.weighting
        b = weighting._field_B.get(fieldname, weighting.B)
        k1 = weighting.K1
        idf = self.top.idf(fieldname, text)
        average = self.top.avg_field_length(fieldname) or 1
        length = self._field_lengths(fieldname)[ids]
        return ids, idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * length / average)))

    def _read_postings(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """A term's (document numbers, weights): from the segment's scoring file, or
        decoded from Whoosh's blocks when the segment has none."""
        if self.segment not in self.segments.directories:
            self.segments.directories[self.segment] = ScoringDirectory.of(self.reader)
        directory = self.segments.directories[self.segment]
        found = directory.postings(self.reader, fieldname, text) if directory is not None else None
        return found if found is not None else _postings(self.reader.postings(fieldname, text))

    def _field_lengths(self, fieldname: str) -> np.ndarray:
        """The length Whoosh scores each document's field with (decoded from its length byte)."""
        key = (self.segment, fieldname)
        if key not in self.segments.lengths:
            codes = _length_bytes(self.reader, fieldname, self.size)
            if codes is not None:
                self.segments.lengths[key] = _BYTE_LENGTHS[codes]
            else:  # another codec: one document at a time
                read = self.reader.doc_field_length
                self.segments.lengths[key] = np.fromiter((read(docnum, fieldname, 0) or 0
                                                          for docnum in range(self.size)),
                                                         dtype=np.float64, count=self.size)
        return self.segments.lengths[key]

    def _walk(self, matcher) -> tuple[np.ndarray, np.ndarray]:
        """A node Whoosh matches itself (phrases, ranges): its matcher walked to the end."""
        matched, score = np.zeros(self.size, dtype=bool), np.zeros(self.size)
        while matcher.is_active():
            docnum = matcher.id()
            matched[docnum] = True
            score[docnum] = matcher.score()
            matcher.next()
        return matched, score


_BYTE_LENGTHS = np.array([byte_to_length(code) if code else 0 for code in range(256)], dtype=np.float64)


def _length_bytes(reader, fieldname: str, size: int) -> np.ndarray | None:
    """Each document's length byte of a field, read as one slice of the segment's length
    column (W3 codec; documents past the column's end have 0, as doc_field_length says);
    None when the segment is read another way."""
    perdoc = getattr(reader, "_perdoc", None)
    if not isinstance(perdoc, W3PerDocReader):
        return None
    codes = np.zeros(size, dtype=np.uint8)
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is not None:
        count = min(column._count, size)
        codes[:count] = np.frombuffer(column._dbfile.get(column._basepos, count), dtype=np.uint8)
    return codes


def _values_of(matcher, ids: np.ndarray, wanted: np.ndarray) -> list:
    """The stored values (positions) of a term's postings for the `wanted` document
    numbers (a subset of its `ids`), in their order."""
    matcher = _unfiltered(matcher)
    keep = np.zeros(len(ids), dtype=bool)
    keep[np.searchsorted(ids, wanted)] = True
    values, start = [], 0
    if not isinstance(matcher, W3LeafMatcher):  # another codec: one posting at a time
        while matcher.is_active():
            if keep[start]:
                values.append(matcher.value())
            start += 1
            matcher.next()
        return values
    while matcher.is_active():
        matcher._read_values()
        count = len(matcher._values)
        values += [value for value, kept in zip(matcher._values, keep[start:start + count]) if kept]
        start += count
        matcher._next_block()
    return values


def _in_sequence(positions: list[list[int]]) -> bool:
    """True when some position of the first word is followed by the others in turn."""
    starts = set(positions[0])
    for offset, later in enumerate(positions[1:], start=1):
        starts &= {position - offset for position in later}
        if not starts:
            return False
    return True


def _postings(matcher) -> tuple[np.ndarray, np.ndarray]:
    """(document numbers, weights) of a term's postings, a block at a time; deleted
    documents are left in (the caller masks them)."""
    matcher = _unfiltered(matcher)
    ids, weights = [], []
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.append(np.asarray(matcher._ids, dtype=np.int64))
            weights.append(np.asarray(matcher._weights, dtype=np.float64))
            matcher._next_block()
    else:  # another codec: one posting at a time
        while matcher.is_active():
            ids.append(np.array([matcher.id()], dtype=np.int64))
            weights.append(np.array([matcher.weight()], dtype=np.float64))
            matcher.next()
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(ids), np.concatenate(weights)


def _unfiltered(matcher):
    """A segment's postings matcher at its first posting, deleted documents included (a
    deletion filter skips them, and so moves its child past the leading ones)."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
        matcher.reset()
    return matcher
