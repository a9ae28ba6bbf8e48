"""A data directory of N generated documents for the load benchmark (bench_load.py): the
documents of bench_search's generator written straight into the store (a file row, the
document, two tasks with a lead body and a deadline; one document in four tracked), and the
search index of the same documents copied from a `bench_search.py --keep` folder (building a
Whoosh index of 20,000 documents takes most of an hour on two cores; the copy is the same index).

    .venv/bin/python bench/load_data.py DATA_DIR --docs 20000 --index-from KEEP_DIR
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import sys
import time
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_search import generate  # noqa: E402

from theodoi.config import Settings  # noqa: E402
from theodoi.store.db import Store  # noqa: E402
from theodoi.store.models import Document, StoredFile, Task, TaskBody  # noqa: E402

AGENCIES = ["Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông", "Công an tỉnh",
            "Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải", "Ủy ban nhân dân các huyện"]
BATCH = 1000


def fill(data_dir: Path, docs: int, index_from: Path | None, seed: int = 11) -> float:
    """Write the store (and copy the index); returns the seconds it took."""
    started = time.perf_counter()
    settings = Settings.load(data_dir)
    store = Store(settings)
    rng = random.Random(seed)
    now = dt.datetime(2026, 12, 1)
    batch: list = []
    task_id = 0
    for doc in generate(docs, (300, 2000)):
        batch.append(doc)
        if len(batch) == BATCH or doc.id == docs:
            files, documents, tasks, bodies = [], [], [], []
            for item in batch:
                sha = hashlib.sha256(f"bench-{item.id}".encode()).hexdigest()
                files.append(dict(id=item.id, sha256=sha, original_name=f"{item.id}.txt", source_path=f"/bench/{item.id}.txt",
                                  stored_path=f"originals/{sha[:2]}/{sha}.txt", size=len(item.text), status="done"))
                documents.append(dict(id=item.id, file_id=item.id, kind=item.kind, number=item.number, issuer=item.issuer,
                                      date=item.date, title=item.title, text=item.text, index_state="indexed",
                                      tracked_at=now if rng.random() < 0.25 else None))
                for ordinal in range(2):
                    task_id += 1
                    text = f"Giao {rng.choice(AGENCIES)} chủ trì thực hiện nhiệm vụ {ordinal + 1} của văn bản {item.number}."
                    tasks.append(dict(id=task_id, document_id=item.id, ordinal=ordinal, text=text, start=0, end=len(text),
                                      due=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 900)),
                                      deadline_kind="date", component="bench"))
                    bodies.append(dict(task_id=task_id, role="lead", position=0, text=rng.choice(AGENCIES)))
                    bodies[-1]["canonical"] = bodies[-1]["text"]
            with store.transaction() as session:
                for model, rows in ((StoredFile, files), (Document, documents), (Task, tasks), (TaskBody, bodies)):
                    session.execute(insert(model), rows)
            batch = []
    store.dispose()
    if index_from is not None:
        if settings.index_dir.exists():
            shutil.rmtree(settings.index_dir)
        shutil.copytree(index_from, settings.index_dir)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--index-from", type=Path, help="the index folder of a bench_search.py --keep run (KEEP/whoosh/index)")
    args = parser.parse_args()
    if args.data_dir.exists():
        raise SystemExit(f"{args.data_dir} exists: give a new folder")
    seconds = fill(args.data_dir, args.docs, args.index_from)
    print(f"{args.docs} documents in {args.data_dir} ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
