"""Peak memory of a store build as the corpus grows: builds N synthetic articles into a new store and prints, at
every tenth of the way, the articles written and the peak resident memory so far of the build process and its
worker processes together (read from /proc), so a bound independent of corpus size shows as a flat column.

Run: .venv/bin/python benchmarks/memory.py [ARTICLES] [FOLDER]   (default 100000; about 80 minutes on 2 cores)
FOLDER resumes an earlier run's folder (its docs and store): the articles already stored are skipped unread, so
the peak is that of a build into a store already holding them.
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus  # noqa: E402


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, StopIteration):
            continue
    return total / 1024


def main(n: int = 100_000, folder: str | None = None) -> None:
    from kg.build import build_into_store, list_documents
    from kg.store import GraphStore
    tmp = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="kg-mem-"))
    if not folder:
        write_corpus(tmp / "docs", n, seed=7)
    paths = list_documents(tmp / "docs")
    peak, done, stop = [0.0], [0], threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss_mb(os.getpid()))
            time.sleep(1)

    threading.Thread(target=sample, daemon=True).start()
    step, start = max(1, n // 10), time.perf_counter()

    def progress(k: int) -> None:
        before = done[0]
        done[0] = min(n, done[0] + k)          # the build reports stored articles again, as unchanged, at its end
        if done[0] // step > before // step:
            print(f"{done[0]:>8} articles  {time.perf_counter() - start:7.0f}s  peak memory so far {peak[0]:6.0f} MB",
                  flush=True)

    store = GraphStore(tmp / "store")
    done[0] = store.articles()
    print(f"{done[0]:>8} articles already stored", flush=True)
    build_into_store(paths, store, workers=2, on_progress=progress)
    stop.set()
    print(f"done: {n} articles, {len(store):,} quads in {time.perf_counter() - start:.0f}s; peak memory {peak[0]:.0f} MB "
          f"(temporary files in {tmp})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, *sys.argv[2:3])
