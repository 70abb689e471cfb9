"""Scale benchmark on a synthetic corpus (benchmarks/synthetic.py): build throughput per core and on both cores,
peak memory, incremental and idempotent builds, bulk load, export, and named-query latency on the persistent store
against rdflib at 10^5 and 10^6 triples — all measured in one run and printed as ratios to the targets of the project.

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
RDFLIB_TIMEOUT = 30         # seconds before rdflib is given up on, per query


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
print(json.dumps({{"seconds": secs, "written": r.written, "unchanged": r.unchanged, "quads": len(store), "rss_mb": rss / 1024,
                  "tallied": r.tallied, "tally_seconds": r.tally_seconds}}))
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
import json, signal, time
from rdflib import Graph, Literal, Variable
from rdflib.plugins.sparql import prepareQuery
from kg.namespace import PREFIXES
from kg.query import named_queries
def give_up(*_):
    raise TimeoutError
signal.signal(signal.SIGALRM, give_up)
t = time.perf_counter(); g = Graph().parse({path!r}); load = time.perf_counter() - t
out = {{"_load": load, "_triples": len(g)}}
for q in named_queries().values():
    pq = prepareQuery(q.text, initNs=PREFIXES)
    b = {{Variable("name"): Literal({name!r}, lang="zh")}} if "?name" in q.text else {{}}
    signal.alarm({timeout})
    t = time.perf_counter()
    try:
        list(g.query(pq, initBindings=b)); out[q.name] = time.perf_counter() - t
    except TimeoutError:
        out[q.name] = None
    signal.alarm(0)
print(json.dumps(out))
"""

PLAIN = """
import json, shutil, time, pyoxigraph as ox
n = {n}
with open({path!r}, "w") as f:
    for i in range(n):
        f.write(f"<http://example.com/s{{i // 5}}> <http://example.com/p{{i % 5}}> \\"value {{i}}\\" .\\n")
store = ox.Store({store!r})
t = time.perf_counter(); store.bulk_load(path={path!r}, format=ox.RdfFormat.N_TRIPLES)
print(json.dumps({{"rate": n / (time.perf_counter() - t)}}))
"""


def main(n: int = 2000) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    docs, small, extra, dense = tmp / "docs", tmp / "small", tmp / "extra", tmp / "dense"
    write_corpus(docs, n, seed=1)
    write_corpus(small, max(1, n // 10), seed=2)
    write_corpus(extra, max(1, n // 100), seed=3)
    write_corpus(dense, max(1, n // 10), seed=4, dense=True)
    print(f"corpus: {n} synthetic articles in {docs}")

    one = run_py(EXTRACT.format(docs=str(small), workers=1))
    two = run_py(EXTRACT.format(docs=str(small), workers=2))
    worst = run_py(EXTRACT.format(docs=str(dense), workers=1))
    r1, r2, rd = (x["chars"] / x["seconds"] for x in (one, two, worst))
    print(f"extraction ({n // 10} articles, a fact in one sentence of six as on the sample pages): {r1:,.0f} chars/s "
          f"on one core (ratio to 250k: {r1 / TARGET_CHARS:.2f}); {r2:,.0f} chars/s on two processes (speed-up "
          f"{r2 / r1:.2f}x); dense pages (three sentences in four a fact): {rd:,.0f} chars/s on one core "
          f"(ratio {rd / TARGET_CHARS:.2f})")

    full = run_py(BUILD.format(docs=str(docs), store=str(tmp / "store"), workers=2))
    part = run_py(BUILD.format(docs=str(small), store=str(tmp / "store_small"), workers=2))
    print(f"store build: {n} articles in {full['seconds']:.1f}s (tallies {full['tally_seconds']:.1f}s of it), "
          f"{full['quads']:,} quads; peak memory {part['rss_mb']:.0f} MB at {n // 10} articles, {full['rss_mb']:.0f} MB "
          f"at {n} (ratio {full['rss_mb'] / part['rss_mb']:.2f} for 10x the corpus)")
    again = run_py(BUILD.format(docs=str(docs), store=str(tmp / "store"), workers=2))
    more = run_py(BUILD.format(docs=str(extra), store=str(tmp / "store"), workers=2))
    print(f"rebuild of the same {n}: {again['written']} written, {again['seconds']:.1f}s; adding {n // 100} new: "
          f"{more['written']} written in {more['seconds']:.1f}s, {more['tallied']} tallies "
          f"{more['tally_seconds']:.1f}s of it (ratio to the full build {more['seconds'] / full['seconds']:.3f}, "
          f"corpus ratio {(n // 100) / n:.3f})")

    import pyoxigraph as ox
    from kg.export import load_file
    from kg.store import GraphStore
    store = GraphStore(tmp / "store", read_only=True)
    quads = len(store)
    triples = int(next(iter(store.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    nq, ttl = tmp / "dump.nq", tmp / "dump.ttl"
    t = time.perf_counter(); store.dump(nq); dump_s = time.perf_counter() - t
    t = time.perf_counter(); store.dump(ttl); ttl_s = time.perf_counter() - t
    per_m = ttl_s * 1e6 / triples
    print(f"export of the store: {quads:,} quads to N-Quads in {dump_s:.1f}s; its {triples:,} triples to Turtle in "
          f"{ttl_s:.1f}s (= {per_m:.2f}s per 10^6 triples; ratio to the 2 s target {per_m / TARGET_EXPORT:.2f})")
    fresh = ox.Store(str(tmp / "loaded"))
    t = time.perf_counter(); fresh.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS); load_s = time.perf_counter() - t
    del fresh
    merged = GraphStore(tmp / "merged")            # kg load: the dump as a shard merged into an empty store
    t = time.perf_counter(); merged.load([nq]); merge_s = time.perf_counter() - t
    print(f"kg load of the dump into an empty store: {len(merged) / merge_s:,.0f} quads/s, tallies recounted "
          f"{merged.tally_seconds:.1f}s of {merge_s:.1f}s")
    del merged
    plain = run_py(PLAIN.format(n=quads, path=str(tmp / "plain.nt"), store=str(tmp / "plain")))
    print(f"bulk load of the dump into a new store: {quads / load_s:,.0f} quads/s (ratio to 200k: "
          f"{quads / load_s / TARGET_LOAD:.2f}); pyoxigraph's loader on {quads:,} plain short triples in the same run: "
          f"{plain['rate']:,.0f}/s (our data at {quads / load_s / plain['rate']:.2f} of that)")
    del store

    park = json.loads(subprocess.run([sys.executable, "-m", "kg.cli", "query", str(tmp / "store"), "-e",
                                      "SELECT ?l (COUNT(?o) AS ?n) WHERE { ?o kg:park ?p . ?p rdfs:label ?l } "
                                      "GROUP BY ?l ORDER BY DESC(?n) LIMIT 1", "--format", "json"],
                                     capture_output=True, text=True, check=True).stdout)[0]["l"]
    store_q = run_py(QUERIES.format(path=str(tmp / "store"), name=park, repeat=5))
    p50 = statistics.median(store_q.values())
    slowest = max(store_q, key=store_q.get)
    print(f"named queries on the on-disk store ({quads:,} quads), p50 of 5 runs each: median {p50 * 1000:.0f} ms, "
          f"slowest {slowest} {store_q[slowest] * 1000:.0f} ms (ratio of the slowest to 1 s: {store_q[slowest] / TARGET_QUERY:.2f})")
    for name in store_q:
        print(f"  {name:32} {store_q[name] * 1000:8.1f} ms")

    per_article = triples / n
    for target in (10**5, 10**6):                 # rdflib against pyoxigraph on the same graph files, same queries
        k = min(n, max(1, round(target / per_article)))
        if (tmp / f"first{k}").exists():
            continue
        part_docs = tmp / f"first{k}"
        part_docs.mkdir()
        for p in sorted(docs.glob("*.txt"))[:k]:
            (part_docs / p.name).symlink_to(p)
        graph = tmp / f"first{k}.ttl"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(part_docs), "--output", str(graph)], check=True,
                       capture_output=True)
        t = time.perf_counter(); mem = load_file(graph); ox_load = time.perf_counter() - t
        t = time.perf_counter(); mem.dump(str(tmp / "mem.ttl"), ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()); ox_ttl = time.perf_counter() - t
        size = len(mem)
        del mem
        ox_q = run_py(QUERIES.format(path=str(graph), name=park, repeat=3))
        rdf = run_py(RDFLIB.format(path=str(graph), name=park, timeout=RDFLIB_TIMEOUT))
        print(f"graph file of {k} articles, {size:,} triples: load pyoxigraph {ox_load:.1f}s, rdflib {rdf['_load']:.1f}s "
              f"({rdf['_load'] / ox_load:.0f}x); Turtle out of pyoxigraph's memory store {ox_ttl:.2f}s "
              f"(= {ox_ttl * 1e6 / size:.2f}s per 10^6)")
        for name in ox_q:
            r = rdf.get(name)
            shown = f"{r * 1000:9.1f} ms ({r / ox_q[name]:.0f}x)" if r is not None else f"> {RDFLIB_TIMEOUT} s (gave up)"
            print(f"  {name:32} pyoxigraph {ox_q[name] * 1000:7.1f} ms   rdflib {shown}")
    print(f"(temporary files in {tmp})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
