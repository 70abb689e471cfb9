"""Scale benchmark on a synthetic corpus (benchmarks/synthetic.py): build throughput per core and on both cores,
peak memory, incremental and idempotent builds, bulk load, export, and named-query latency on the persistent store
against rdflib — all measured in one run and printed as ratios to the targets of the project.

Run: .venv/bin/python benchmarks/scale.py [ARTICLES]   (default 2000 articles ≈ 10^6 triples; a few minutes)
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus  # noqa: E402

TARGET_CHARS = 250_000      # characters of article text per second per core
TARGET_LOAD = 200_000       # triples per second into the store
TARGET_EXPORT = 2.0         # seconds for 10^6 triples to Turtle
TARGET_QUERY = 1.0          # seconds, p50 of every named query


def run_py(code: str) -> dict:
    """Run code in a fresh interpreter (so its peak memory is its own); it prints one JSON object."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


BUILD = """
import json, resource, time, sys
from pathlib import Path
from kg.build import build_into_store, list_documents
from kg.store import GraphStore
paths = list_documents(Path({docs!r}))
t = time.perf_counter()
store = GraphStore(Path({store!r}))
r = build_into_store(paths, store, workers={workers})
secs = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"seconds": secs, "written": r.written, "unchanged": r.unchanged, "quads": len(store), "rss_mb": rss / 1024}}))
"""

EXTRACT = """
import json, time
from pathlib import Path
from kg.build import extract_corpus, list_documents
from kg.vocabulary import vocabulary
vocabulary()
paths = list_documents(Path({docs!r}))
chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
t = time.perf_counter()
extract_corpus(paths, workers={workers})
print(json.dumps({{"chars": chars, "seconds": time.perf_counter() - t}}))
"""

QUERIES = """
import json, statistics, time
from pathlib import Path
from kg.query import named_queries
from kg.sources import Param, open_source
src = open_source(Path({path!r}))
name = {name!r}
out = {{}}
for q in named_queries().values():
    params = [Param("name", name, language="zh")] if "?name" in q.text else []
    times = []
    for _ in range({repeat}):
        t = time.perf_counter(); src.select(q.text, params); times.append(time.perf_counter() - t)
    out[q.name] = statistics.median(times)
print(json.dumps(out))
"""

RDFLIB = """
import json, time
from rdflib import Graph, Literal, Variable
from rdflib.plugins.sparql import prepareQuery
from kg.namespace import PREFIXES
from kg.query import named_queries
t = time.perf_counter(); g = Graph().parse({path!r}); load = time.perf_counter() - t
out = {{"_load": load}}
for q in named_queries().values():
    pq = prepareQuery(q.text, initNs=PREFIXES)
    b = {{Variable("name"): Literal({name!r}, lang="zh")}} if "?name" in q.text else {{}}
    t = time.perf_counter(); list(g.query(pq, initBindings=b)); out[q.name] = time.perf_counter() - t
print(json.dumps(out))
"""


def main(n: int = 2000) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    docs, small, extra = tmp / "docs", tmp / "small", tmp / "extra"
    write_corpus(docs, n, seed=1)
    write_corpus(small, max(1, n // 10), seed=2)
    write_corpus(extra, max(1, n // 100), seed=3)
    print(f"corpus: {n} synthetic articles in {docs}")

    one = run_py(EXTRACT.format(docs=str(docs), workers=1))
    two = run_py(EXTRACT.format(docs=str(docs), workers=2))
    r1, r2 = one["chars"] / one["seconds"], two["chars"] / two["seconds"]
    print(f"extraction: {r1:,.0f} chars/s on one core (ratio to 250k: {r1 / TARGET_CHARS:.2f}); "
          f"{r2:,.0f} chars/s on two processes (speed-up {r2 / r1:.2f}x)")

    full = run_py(BUILD.format(docs=str(docs), store=str(tmp / "store"), workers=2))
    part = run_py(BUILD.format(docs=str(small), store=str(tmp / "store_small"), workers=2))
    print(f"store build: {n} articles in {full['seconds']:.1f}s, {full['quads']:,} quads; peak memory "
          f"{part['rss_mb']:.0f} MB at {n // 10} articles, {full['rss_mb']:.0f} MB at {n} "
          f"(ratio {full['rss_mb'] / part['rss_mb']:.2f} for 10x the corpus)")
    again = run_py(BUILD.format(docs=str(docs), store=str(tmp / "store"), workers=2))
    more = run_py(BUILD.format(docs=str(extra), store=str(tmp / "store"), workers=2))
    print(f"rebuild of the same {n}: {again['written']} written, {again['seconds']:.1f}s; adding {n // 100} new: "
          f"{more['written']} written in {more['seconds']:.1f}s (ratio to the full build {more['seconds'] / full['seconds']:.3f}, "
          f"corpus ratio {(n // 100) / n:.3f})")

    import pyoxigraph as ox
    from kg.store import GraphStore
    store = GraphStore(tmp / "store", read_only=True)
    nq, ttl = tmp / "dump.nq", tmp / "dump.ttl"
    t = time.perf_counter(); store.dump(nq); dump_s = time.perf_counter() - t
    t = time.perf_counter(); store.dump(ttl); ttl_s = time.perf_counter() - t
    quads = len(store)
    per_m = ttl_s * 1e6 / quads
    print(f"export: {quads:,} quads to N-Quads in {dump_s:.2f}s, to Turtle in {ttl_s:.2f}s "
          f"(= {per_m:.2f}s per 10^6; ratio to the 2 s target {per_m / TARGET_EXPORT:.2f})")
    fresh = ox.Store(str(tmp / "loaded"))
    t = time.perf_counter(); fresh.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS); load_s = time.perf_counter() - t
    print(f"bulk load: {quads / load_s:,.0f} quads/s (ratio to 200k: {quads / load_s / TARGET_LOAD:.2f})")
    del fresh, store

    park = json.loads(subprocess.run([sys.executable, "-m", "kg.cli", "query", str(tmp / "store"), "-e",
                                      "SELECT ?l (COUNT(?o) AS ?n) WHERE { ?o kg:park ?p . ?p rdfs:label ?l } "
                                      "GROUP BY ?l ORDER BY DESC(?n) LIMIT 1", "--format", "json"],
                                     capture_output=True, text=True, check=True).stdout)[0]["l"]
    store_q = run_py(QUERIES.format(path=str(tmp / "store"), name=park, repeat=5))
    small_ttl = tmp / "small.ttl"
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(small), "--output", str(small_ttl)], check=True,
                   capture_output=True)
    small_q = run_py(QUERIES.format(path=str(small_ttl), name=park, repeat=5))
    try:
        rdf = json.loads(subprocess.run([sys.executable, "-c", RDFLIB.format(path=str(small_ttl), name=park)],
                                        capture_output=True, text=True, check=True, timeout=900).stdout)
    except subprocess.TimeoutExpired:
        rdf = {}
    p50 = statistics.median(store_q.values())
    print(f"named queries on the on-disk store ({quads:,} quads): p50 {p50 * 1000:.0f} ms, slowest "
          f"{max(store_q, key=store_q.get)} {max(store_q.values()) * 1000:.0f} ms (ratio of p50 to 1 s: {p50 / TARGET_QUERY:.2f})")
    for name in store_q:
        ratio = rdf.get(name, float("nan")) / small_q[name] if small_q[name] else float("nan")
        print(f"  {name:32} store {store_q[name] * 1000:8.1f} ms   1/10 corpus: pyoxigraph {small_q[name] * 1000:7.1f} ms, "
              f"rdflib {rdf.get(name, float('nan')) * 1000:9.1f} ms (rdflib/pyoxigraph {ratio:.0f}x)")
    print(f"(temporary files in {tmp})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
