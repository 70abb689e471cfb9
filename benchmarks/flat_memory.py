"""Memory at scale: the peak resident memory (the process and its workers, sampled from /proc) of kg build --output,
kg build --store, kg stats, kg validate and kg export as the synthetic corpus grows, with the ratio to the smallest
size: a column of ratios near 1 is memory that does not grow with the corpus.

Run: .venv/bin/python benchmarks/flat_memory.py 1000 10000 [100000] [--folder DIR]
(10^3 ≈ 2 minutes and 10^4 ≈ 25 minutes on 2 cores; 10^5 ≈ 4 hours)
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from memory import tree_rss_mb  # noqa: E402
from synthetic import write_corpus  # noqa: E402

COMMANDS = {
    "build --output": lambda d: ["build", d / "docs", "--output", d / "graph.nt", "--workers", 2],
    "build --store": lambda d: ["build", d / "docs", "--store", d / "store", "--workers", 2],
    "stats (store)": lambda d: ["stats", d / "store"],
    "validate (store)": lambda d: ["validate", d / "store"],
    "export (store)": lambda d: ["export", d / "store", "--output", d / "dump.nq"],
}


def peak(args: list) -> tuple[float, float]:
    """(peak MB, seconds) of one kg command run in its own process."""
    started = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "kg.cli", *map(str, args)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    top = 0.0
    while p.poll() is None:
        top = max(top, tree_rss_mb(p.pid))
        time.sleep(0.2)
    if p.returncode:
        raise SystemExit(f"kg {' '.join(map(str, args))}: {p.stderr.read().decode()}")
    return top, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--folder", type=Path, help="keep corpora and stores here (default: a temporary folder)")
    a = ap.parse_args()
    root = a.folder or Path(tempfile.mkdtemp(prefix="kg-flat-"))
    results: dict[str, dict[int, tuple[float, float]]] = {name: {} for name in COMMANDS}
    for n in a.sizes:
        d = root / str(n)
        if not (d / "docs").exists():
            write_corpus(d / "docs", n, seed=7)
        for name, command in COMMANDS.items():
            results[name][n] = peak(command(d))
            mb, s = results[name][n]
            print(f"{n:>7} articles  {name:<18} {mb:7.0f} MB  {s:7.1f} s", flush=True)
    first = a.sizes[0]
    print(f"\npeak memory (MB) and its ratio to {first} articles ({a.sizes[-1] // first}× the articles at the end):")
    for name, by_size in results.items():
        cells = "  ".join(f"{n}: {mb:.0f} MB ×{mb / by_size[first][0]:.2f}" for n, (mb, _) in by_size.items())
        print(f"  {name:<18} {cells}")


if __name__ == "__main__":
    main()
