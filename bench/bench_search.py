"""Search benchmark: theodoi's Whoosh, tantivy and PostgreSQL indexes beside SQLite FTS5 on one corpus.

    .venv/bin/python bench/bench_search.py --docs 100000 [--words 300 2000] [--queries 100]
                                           [--backends whoosh tantivy postgres fts5] [--keep DIR]
                                           [--postgres-url URL]

Generates N synthetic Vietnamese documents (fixed seed; administrative phrases drawn
Zipf-like plus random syllable pairs for a long tail), builds the chosen indexes in a
temporary directory, and prints build time, size, and query latency (median / p95 in ms)
for 1-, 2- and 3-word queries, with and without diacritics, and filtered queries, with
each engine's ratio to FTS5 (median).

Whoosh, tantivy and postgres are measured through the real search path (theodoi.search:
SearchIndex.search with facets, highlights and spelling help, page of 20), each built
the way `theodoi reindex` builds it (batches of 1,000, then optimize). FTS5 uses an external-content table
with `unicode61 remove_diacritics 2` and đ→d folded by hand; each FTS5 query fetches the
top 20 by bm25 with a snippet and counts all matches.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from theodoi.config import Settings
from theodoi.search import IndexDocument, open_index
from theodoi.vietnamese import fold

PHRASES = """chuyển đổi số; ủy ban nhân dân; hội đồng nhân dân; đảng ủy; tỉnh ủy; ban thường vụ;
cải cách hành chính; dịch vụ công trực tuyến; phòng chống tham nhũng; thực hành tiết kiệm;
xây dựng nông thôn mới; giảm nghèo bền vững; bảo vệ môi trường; phòng chống thiên tai;
tiêm chủng mở rộng; an toàn giao thông; quốc phòng an ninh; đầu tư công; giải ngân vốn;
kinh tế xã hội; nghị quyết; kế hoạch; chỉ thị; quyết định; báo cáo; hướng dẫn; thông báo;
tổ chức thực hiện; chủ trì phối hợp; các sở ban ngành; ủy ban mặt trận tổ quốc;
sở thông tin và truyền thông; sở kế hoạch và đầu tư; sở tài chính; sở y tế; công an tỉnh;
chính quyền điện tử; cơ sở dữ liệu; hạ tầng số; nhân lực; đào tạo bồi dưỡng; cán bộ công chức;
đơn vị sự nghiệp; ngân sách nhà nước; thu ngân sách; doanh nghiệp; khởi nghiệp; du lịch;
giáo dục và đào tạo; y tế cơ sở; bảo hiểm xã hội; bảo hiểm y tế; lao động việc làm;
an sinh xã hội; dân tộc thiểu số; tôn giáo; văn hóa; thể dục thể thao; khoa học công nghệ;
tài nguyên nước; đất đai; quy hoạch; xây dựng đô thị; giao thông vận tải; nông nghiệp;
thủy lợi; lâm nghiệp; thủy sản; công nghiệp; thương mại; xuất khẩu; kiểm tra giám sát;
thanh tra; tiếp công dân; giải quyết khiếu nại tố cáo; tuyên truyền; học tập và làm theo;
tư tưởng đạo đức phong cách hồ chí minh; công tác cán bộ; đại hội đảng bộ; nhiệm kỳ;
đến năm 2025; đến năm 2030; trước ngày; hằng năm; định kỳ; kịp thời; nghiêm túc; hiệu quả""".replace("\n", " ")
PHRASE_LIST = [p.strip() for p in PHRASES.split(";") if p.strip()]
SYLLABLES = sorted({s for p in PHRASE_LIST for s in p.split()} | set(
    "an bình cao dài đẹp hương lâm minh nam phú quang sơn thanh trung vĩnh xuân yên".split()))
KINDS = ["Nghị quyết", "Kế hoạch", "Chỉ thị", "Quyết định", "Báo cáo", "Hướng dẫn", "Thông báo"]
ISSUERS = ["Tỉnh ủy Long An", "Ủy ban nhân dân tỉnh Long An", "Sở Y tế", "Sở Tài chính",
           "Hội đồng nhân dân tỉnh Long An", "Sở Thông tin và Truyền thông"]
CODES = {"Nghị quyết": "NQ", "Kế hoạch": "KH", "Chỉ thị": "CT", "Quyết định": "QĐ", "Báo cáo": "BC",
         "Hướng dẫn": "HD", "Thông báo": "TB"}


def generate(n: int, words: tuple[int, int], seed: int = 20261127):
    """N synthetic documents (deterministic for a seed)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(PHRASE_LIST))]
    for doc_id in range(1, n + 1):
        target = rng.randint(*words)
        parts, count = [], 0
        while count < target:
            if rng.random() < 0.15:
                piece = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
            else:
                piece = rng.choices(PHRASE_LIST, weights)[0]
            parts.append(piece)
            count += piece.count(" ") + 1
            if rng.random() < 0.08:
                parts[-1] += "."
        kind = rng.choice(KINDS)
        date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 11))
        yield IndexDocument(
            id=doc_id, text=" ".join(parts), number=f"{doc_id}-{CODES[kind]}/TU", kind=kind,
            issuer=rng.choice(ISSUERS), date=date, title=" ".join(rng.choices(PHRASE_LIST, weights, k=3)),
            agencies=[rng.choice(ISSUERS)], task_statuses=[rng.choice(["open", "done"])])


def make_queries(count: int, seed: int = 7) -> dict[str, list[str]]:
    """Query sets of 1, 2 and 3 syllables, with diacritics and folded."""
    rng = random.Random(seed)
    sets: dict[str, list[str]] = {}
    for size in (1, 2, 3):
        queries = []
        while len(queries) < count:
            phrase = rng.choice(PHRASE_LIST).split()
            if len(phrase) >= size:
                start = rng.randint(0, len(phrase) - size)
                queries.append(" ".join(phrase[start:start + size]))
        sets[f"{size} word"] = queries
        sets[f"{size} word, no diacritics"] = [fold(q) for q in queries]
    return sets


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(run, queries: list, warmup: int = 10) -> tuple[float, float]:
    for query in queries[:warmup]:
        run(query)
    durations = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations), percentile(durations, 0.95)


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def postgres_database(url: str) -> str:
    """`url`, its database created first if missing (the postgres engine's bench index)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                  {"name": target.database}).first():
            connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()
    return url


def postgres_size_mb(index) -> float:
    """Size of the live generation's tables and indexes."""
    from sqlalchemy import text

    from theodoi.search.postgres_backend import SCHEMA

    with index._engine.connect() as connection:
        return float(connection.execute(text(
            "SELECT sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))) FROM pg_tables "
            "WHERE schemaname = :schema"), {"schema": SCHEMA}).scalar_one()) / 1e6


def build_engine(root: Path, docs: list[IndexDocument], backend: str, batch: int = 1000,
                 postgres_url: str | None = None):
    """A theodoi search index of `backend` over the documents: (index, seconds, MB). An
    index of the same documents already in `root` (--keep) is reused (0 seconds). The
    postgres engine writes to `postgres_url` (a database of its own)."""
    folder = root / backend
    settings = Settings.load(folder).with_(search_backend=backend, search_database_url=postgres_url)
    index = open_index(settings)
    size = (lambda: postgres_size_mb(index)) if backend == "postgres" else (lambda: dir_size_mb(folder))
    if len(index) == len(docs) and not index.needs_rebuild:
        return index, 0.0, size()
    start = time.perf_counter()
    for offset in range(0, len(docs), batch):
        index.add(docs[offset:offset + batch])
    index.optimize()
    return index, time.perf_counter() - start, size()


def _fold_fts(text: str) -> str:
    return text.replace("đ", "d").replace("Đ", "D")


def build_fts5(root: Path, docs: list[IndexDocument]):
    path = root / "fts.db"
    for old in root.glob("fts.db*"):  # rebuilt each run (seconds)
        old.unlink()
    db = sqlite3.connect(path)
    start = time.perf_counter()
    db.executescript("""
        PRAGMA journal_mode=WAL;
        CREATE TABLE docs(rid INTEGER PRIMARY KEY, title TEXT, content TEXT, kind TEXT, year INT);
        CREATE INDEX docs_kind_year ON docs(kind, year);
        CREATE VIRTUAL TABLE fts USING fts5(title, content, content='docs', content_rowid='rid',
                                            tokenize='unicode61 remove_diacritics 2');""")
    with db:
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                       ((d.id, _fold_fts(d.title or ""), _fold_fts(d.text), d.kind, d.date.year) for d in docs))
        db.execute("INSERT INTO fts(rowid, title, content) SELECT rid, title, content FROM docs")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db, time.perf_counter() - start, sum(p.stat().st_size for p in root.glob("fts.db*")) / 1e6


def fts_query(db: sqlite3.Connection, text: str, kind: str | None = None) -> list:
    match = " ".join(f'"{w}"' for w in _fold_fts(text).split())
    where, args = "fts MATCH ?", [match]
    if kind:
        where += " AND docs.kind = ? AND docs.year >= ?"
        args += [kind, 2020]
    rows = db.execute(f"SELECT fts.rowid, snippet(fts, 1, '<mark>', '</mark>', '…', 24) FROM fts "
                      f"JOIN docs ON docs.rid = fts.rowid WHERE {where} ORDER BY rank LIMIT 20", args).fetchall()
    db.execute(f"SELECT count(*) FROM fts JOIN docs ON docs.rid = fts.rowid WHERE {where}", args).fetchone()
    return rows


ENGINES = ("whoosh", "tantivy", "postgres", "fts5")
FILTER = {"kind": "Kế hoạch", "date_from": "2020-01-01"}


def query_rows(sets: dict[str, list[str]]) -> list[tuple[str, list[str], dict, str]]:
    """(name, queries, SearchIndex.search filters, sort) for every measured query set."""
    rows = [(name, queries, {}, "relevance") for name, queries in sets.items()]
    filtered = sets["2 word, no diacritics"]
    rows.append(("2 word + kind & year filter", filtered, FILTER, "relevance"))
    rows.append(("2 word, sorted by date", filtered, {}, "date"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--words", type=int, nargs=2, default=(300, 2000))
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--backends", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--keep", type=Path, help="build the indexes in this folder and reuse them next time")
    parser.add_argument("--build-only", action="store_true", help="build (or check) the indexes, run no query")
    parser.add_argument("--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/theodoi_bench_search",
                        help="database of the postgres engine's index (created if missing)")
    args = parser.parse_args()
    engines = [name for name in ENGINES if name in args.backends]

    started = time.perf_counter()
    docs = list(generate(args.docs, tuple(args.words)))
    print(f"generated {len(docs)} documents ({sum(len(d.text) for d in docs) / 1e6:.1f} MB of text) "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        runners = {}
        for engine in engines:
            if engine == "fts5":
                db, seconds, size = build_fts5(root, docs)
                runners[engine] = lambda q, filters, sort, db=db: fts_query(db, q, kind=filters.get("kind"))
            else:
                url = postgres_database(args.postgres_url) if engine == "postgres" else None
                index, seconds, size = build_engine(root, docs, engine, postgres_url=url)
                runners[engine] = lambda q, filters, sort, index=index: index.search(q, filters=filters, sort=sort)
            print(f"build {engine}: {seconds:.1f} s, {size:.1f} MB" + (" (text included)" if engine == "fts5" else ""),
                  flush=True)
        if args.build_only:
            return
        header = f"{'query set':30}" + "".join(f" {engine + ' med/p95 ms':>20}" for engine in engines)
        if "fts5" in engines:
            header += "".join(f" {engine + '/fts5':>13}" for engine in engines if engine != "fts5")
        print(header, flush=True)
        for name, queries, filters, sort in query_rows(make_queries(args.queries)):
            timings = {engine: timed(lambda q, run=runners[engine], f=filters, s=sort: run(q, f, s), queries)
                       for engine in engines}
            line = f"{name:30}" + "".join(f" {med:9.1f} / {p95:8.1f}" for med, p95 in timings.values())
            if "fts5" in timings:
                line += "".join(f" {timings[engine][0] / timings['fts5'][0]:12.2f}x"
                                for engine in engines if engine != "fts5")
            print(line, flush=True)


if __name__ == "__main__":
    main()
