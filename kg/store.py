"""Store: a persistent, embedded SPARQL store (pyoxigraph on disk) holding one named graph per article, and the
default graph kept as the union of them all.

An article's graph is named by its content hash, so building the same article twice adds nothing, and a changed
article (same file name, new hash) replaces its old facts. Entities keep IRIs derived from their canonical names,
so the graphs of different articles meet in the same nodes. Queries read the default graph: a set, so a triple
several articles state is seen once, and 3–15× faster to query than a union computed per query. Beside the
article graphs: the ontology, the tallies (kg/tallies.py) and the marks of entities whose tallies are pending,
each in a graph of its own.

Writes are all or nothing per article: the articles a write begins are marked in a journal graph (one transaction)
before their quads are bulk-loaded, and one SPARQL update (one transaction) then drops the versions they replace and
clears the marks. Opening a store for writing undoes whatever a killed process left marked."""
from __future__ import annotations

import functools
import io
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from . import tallies
from .errors import InputError, StoreError
from .export import dump, format_of
from .iterate import batched
from .model import Article
from .namespace import DCTERMS, KG, KGR, PREFIXES, RDF
from .rdf import article_iri, article_lines, entity_iri
from .vocabulary import ontology_path

ONTOLOGY_GRAPH = ox.NamedNode(str(KGR["graph/ontology"]))
PENDING_GRAPH = ox.NamedNode(str(KGR["graph/pending"]))
JOURNAL_GRAPH = ox.NamedNode(str(KGR["graph/journal"]))
_BOOKKEEPING = {ONTOLOGY_GRAPH, PENDING_GRAPH, JOURNAL_GRAPH, tallies.TALLY_GRAPH}
_PENDING, _TYPE, _TRUE = ox.NamedNode(str(KG.tallyPending)), ox.NamedNode(str(RDF.type)), ox.Literal(True)
_WRITING = ox.NamedNode(str(KG.writing))
_WHOLE = ox.NamedNode(str(KGR["journal/whole-load"]))    # journal mark: an empty store is being bulk-loaded
_ALL = ox.NamedNode(str(KGR["tallies/all"]))             # pending mark: every tally is to be recounted
_SOURCE = ox.NamedNode(str(DCTERMS.source))
_AGENTS = {ox.NamedNode(str(KG[c])) for c in ("Park", "Enterprise", "Organization")}
_OX_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}


def is_store(path: Path) -> bool:
    """A folder that holds a pyoxigraph store (RocksDB keeps a CURRENT file)."""
    return path.is_dir() and (path / "CURRENT").exists()


class _FileRange(io.RawIOBase):
    """Bytes [start, end) of a file as a stream, so two threads can bulk-load two halves of one N-Quads file."""

    def __init__(self, path: Path, start: int, end: int):
        self.file = open(path, "rb")
        self.file.seek(start)
        self.left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.file.readinto(memoryview(buffer)[: min(len(buffer), self.left)]) if self.left > 0 else 0
        self.left -= n
        return n

    def close(self) -> None:
        self.file.close()
        super().close()


def _line_ranges(path: Path, parts: int) -> list[tuple[int, int]]:
    """A line-based file cut into `parts` byte ranges at line breaks."""
    size = path.stat().st_size
    cuts = [0]
    with open(path, "rb") as f:
        for k in range(1, parts):
            f.seek(max(cuts[-1], size * k // parts))
            f.readline()
            cuts.append(f.tell())
    return [(a, b) for a, b in zip(cuts, cuts[1:] + [size]) if b > a]


def check_dataset(path: Path) -> ox.RdfFormat:
    """The format of a file `load` can merge: an existing N-Quads or TriG export of a store."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = format_of(path)
    if not fmt.supports_datasets:
        raise InputError(f"{path}: a {fmt.name} file holds no article graphs; export a store as .nq or .trig")
    return fmt


def _read_only(path: Path, attempts: int = 5) -> ox.Store:
    """The store opened for reading. A writer in another process may be deleting the files a compaction replaced
    while they are listed: that open fails ("No such file") and is tried again, a few times."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as e:
            if attempt == attempts - 1 or "No such file" not in str(e):
                raise
            time.sleep(0.2)


def _writes(method):
    """A store write that fails on the file system (disk full, read-only) as one StoreError."""
    @functools.wraps(method)
    def write(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OSError as e:
            raise StoreError(f"{self.path}: cannot write the store ({str(e).splitlines()[0][:160]}); what was written "
                             f"before is kept and an unfinished write is undone when the store is next opened") from None
    return write


class GraphStore:
    """The persistent graph of a corpus: add articles, look them up, query, dump."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = path
        self.tally_seconds = 0.0         # spent keeping the tallies up to date, for the build report
        self.tallies_kept = False        # a load kept the tallies of the one export it read
        try:
            if read_only:
                if not is_store(path):
                    raise StoreError(f"{path}: not a parkgraph store (build one with 'kg build DOCS --store {path}')")
                self.ox = _read_only(path)
            else:
                if path.exists() and not path.is_dir():
                    raise StoreError(f"{path}: exists and is not a folder")
                if path.is_dir() and any(path.iterdir()) and not is_store(path):
                    raise StoreError(f"{path}: folder is not empty and holds no store; choose a new folder")
                self.ox = ox.Store(str(path))
        except (OSError, RuntimeError) as e:
            if "lock" in str(e).lower():
                raise StoreError(f"{path}: another kg process holds the store (a build or load that is "
                                 f"still running); wait for it to finish, then run again") from None
            raise StoreError(f"{path}: cannot open the store ({str(e).splitlines()[0][:160]})") from None
        if not read_only:
            self._prepare()

    @_writes
    def _prepare(self) -> None:
        """A store opened for writing: the ontology added to a new one, an interrupted write undone."""
        if not self.ox.contains_named_graph(ONTOLOGY_GRAPH):
            self._add_ontology()
        self._recover()

    def _add_ontology(self) -> None:
        """The ontology in its own graph and in the default graph (queries read its labels)."""
        self.ox.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
        self.ox.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)

    # ------------------------------------------------------------ all-or-nothing writes

    def _begin(self, graphs: Iterable[ox.NamedNode], pending: Iterable[ox.NamedNode] = ()) -> None:
        """Mark the graphs about to be written in the journal, and entities whose tallies they change, in one
        transaction: from here until `_commit` an interruption undoes them."""
        self.ox.extend([ox.Quad(g, _WRITING, _TRUE, JOURNAL_GRAPH) for g in graphs] +
                       [ox.Quad(e, _PENDING, _TRUE, PENDING_GRAPH) for e in pending])

    def _commit(self, drop: Iterable[ox.NamedNode] = ()) -> None:
        """One transaction: drop the article graphs `drop` (replaced or unfinished versions; their entities marked
        pending, and from the default graph what no other graph states) and clear the journal."""
        drop = sorted(set(drop), key=str)
        ops = []
        if drop:
            olds = " ".join(map(str, drop))
            agents = " ".join(map(str, _AGENTS))
            ops += [f"INSERT {{ GRAPH {PENDING_GRAPH} {{ ?e {_PENDING} true }} }} WHERE {{ VALUES ?old {{ {olds} }} "
                    f"VALUES ?c {{ {agents} }} GRAPH ?old {{ ?e {_TYPE} ?c }} }}",
                    f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?old {{ {olds} }} GRAPH ?old {{ ?s ?p ?o }} "
                    f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({', '.join(map(str, drop))})) }} }}"]
            ops += [f"DROP SILENT GRAPH {g}" for g in drop]
        ops.append(f"DROP SILENT GRAPH {JOURNAL_GRAPH}")
        self.ox.update(" ;\n".join(ops))

    def _recover(self) -> None:
        """Undo the writes a killed build or load left in the journal: an interrupted load into an empty store
        empties it again, unfinished article graphs are dropped (their earlier versions were never removed)."""
        marks = {q.subject for q in self.ox.quads_for_pattern(None, _WRITING, None, JOURNAL_GRAPH)}
        if _WHOLE in marks:
            self.ox.clear()
            self._add_ontology()
        elif marks:
            self._commit(marks)
            self.ox.flush()

    # ------------------------------------------------------------ incremental writes

    def has_article(self, content_hash: str) -> bool:
        return self.ox.contains_named_graph(ox.NamedNode(str(article_iri(content_hash))))

    def graphs_of_source(self, source: str) -> list[ox.NamedNode]:
        """The named graphs of earlier versions of an article (same file name): one index lookup."""
        return [q.graph_name for q in self.ox.quads_for_pattern(None, _SOURCE, ox.Literal(source), None)
                if not isinstance(q.graph_name, ox.DefaultGraph)]

    def names_known(self, names: Iterable[str]) -> dict[str, set[str]]:
        """For each name, the legal names (labels) of stored enterprises that carry it: one indexed query a batch."""
        out: dict[str, set[str]] = {}
        for chunk in batched(sorted(names), 500):
            values = " ".join(str(ox.Literal(n, language="zh")) for n in chunk)   # serialised terms, not pasted text
            q = f"SELECT ?name ?key WHERE {{ VALUES ?name {{ {values} }} ?e skos:altLabel ?name ; a kg:Enterprise ; rdfs:label ?key }}"
            for s in self.ox.query(q, prefixes=_OX_PREFIXES):
                out.setdefault(s["name"].value, set()).add(s["key"].value)
        return out

    @_writes
    def optimize(self) -> None:
        """Compact the files a series of bulk loads left, so reads and dumps stay fast."""
        self.ox.optimize()

    @_writes
    def add_articles(self, articles: Iterable[Article], delta: bool = False) -> int:
        """Write each article into its own named graph and the default graph, replacing earlier versions, all or
        nothing: the journal and the entities whose tallies must be redone are marked first (one transaction), the
        articles go in one bulk load, and one update drops the versions they replace and clears the journal
        (`_commit`). With `delta` (a small increment
        to a large store) the tallies are brought up to date at once, by the change in what each entity contributes,
        and the marks cleared; otherwise `refresh_tallies` redoes them when the build ends. Returns the number of
        articles written."""
        new = [a for a in articles if not self.has_article(a.content_hash)]
        if not new:
            return 0
        graphs = [ox.NamedNode(str(article_iri(a.content_hash))) for a in new]
        replaced = [g for a in new for g in self.graphs_of_source(a.source)]
        entities = {ox.NamedNode(str(entity_iri(f"{e.kind}:{e.key}"))) for a in new for e in a.entities}
        delta = delta and not replaced and next(self.ox.quads_for_pattern(None, _PENDING, None, PENDING_GRAPH), None) is None
        started = time.perf_counter()
        before = tallies.contributions(self.ox, entities) if delta else None
        self.tally_seconds += time.perf_counter() - started
        self._begin(graphs, entities)
        self._bulk("".join(article_lines(a, graph=True) for a in new))
        self._commit(replaced)
        if delta:
            started = time.perf_counter()
            tallies.apply_delta(self.ox, before, tallies.contributions(self.ox, entities), graphs)
            self.ox.clear_graph(PENDING_GRAPH)          # no marks were there before: all are this increment's
            self.tally_seconds += time.perf_counter() - started
        self.ox.flush()
        return len(new)

    @_writes
    def load(self, paths: list[Path]) -> tuple[int, int]:
        """Merge datasets exported from other stores (shards: `kg export SHARD --output part.nq`) into this one, and
        recount the tallies. Into an empty store each file goes whole through pyoxigraph's loader, two at once
        (shards hold disjoint articles, and an export's default graph is the union of its article graphs); into a
        store with articles, quad by quad (`_merge`). One export into an empty store keeps its own tallies when it
        has them and no pending marks (they are then that store's, complete). Returns (articles written, articles
        already here)."""
        formats = [check_dataset(p) for p in paths]
        if self.articles() == 0:
            written, kept = self._load_whole(paths, formats), 0
            self.tallies_kept = bool(written) and len(paths) == 1 and self._own_tallies_complete()
            if written and not self.tallies_kept:
                self._begin([], [_ALL])
        else:
            merged = [self._merge(p, f) for p, f in zip(paths, formats)]
            written, kept = sum(m[0] for m in merged), sum(m[1] for m in merged)
        self._commit()
        self.refresh_tallies()
        return written, kept

    def _own_tallies_complete(self) -> bool:
        """Whether the store holds tallies of this version and no entity marked pending."""
        return next(self.ox.quads_for_pattern(None, None, None, PENDING_GRAPH), None) is None and tallies.complete(self.ox)

    def _load_whole(self, paths: list[Path], formats: list[ox.RdfFormat]) -> int:
        """Every file into the empty store by the bulk loader, two parts at once (it releases the GIL; an N-Quads
        file is cut in two at a line break, a TriG file goes whole); on a bad file the store is emptied again."""
        parts = [(p, f, r) for p, f in zip(paths, formats)
                 for r in (_line_ranges(p, 2) if f == ox.RdfFormat.N_QUADS else [None])]
        self._begin([_WHOLE])
        with ThreadPoolExecutor(2) as pool:
            jobs = [pool.submit(self.ox.bulk_load, path=str(p), format=f) if r is None else
                    pool.submit(self.ox.bulk_load, io.BufferedReader(_FileRange(p, *r), 1 << 20), f)
                    for p, f, r in parts]
            errors = [(p, j.exception()) for (p, _, _), j in zip(parts, jobs) if j.exception()]
        if errors:
            path, e = errors[0]
            self.ox.clear()
            self._add_ontology()
            raise InputError(f"{path}: not a valid file ({str(e).splitlines()[0][:120]}); nothing was kept") from None
        return self.articles()

    def _merge(self, path: Path, fmt: ox.RdfFormat, chunk: int = 200_000) -> tuple[int, int]:
        """One dataset into a store that holds articles: graphs it holds already are skipped, an article whose file
        name it holds under another hash replaces it, the others are written with their default-graph copies
        (the file's default graph and bookkeeping are derived, so not read). Parsed here, written in chunks by two
        threads. Each graph is marked in the journal before its first quad is written, and the versions it
        replaces are dropped only when the whole file is in (`_commit`), so an interruption or a bad file leaves
        the store as it was."""
        begun: set[ox.NamedNode] = set()
        replaced: set[ox.NamedNode] = set()
        seen, kept = set(), 0
        pool, pending, lines = ThreadPoolExecutor(2), [], []
        try:
            for q in ox.parse(path=str(path), format=fmt):
                g = q.graph_name
                if isinstance(g, ox.DefaultGraph) or g in _BOOKKEEPING:
                    continue
                if g not in seen:
                    seen.add(g)
                    if self.ox.contains_named_graph(g):
                        kept += 1
                    else:
                        begun.add(g)
                        self._begin([g], [_ALL])        # a merge touches every park: all tallies recounted
                if g not in begun:
                    continue
                if q.predicate == _SOURCE:
                    replaced.update(old for old in self.graphs_of_source(q.object.value) if old not in begun)
                lines.append(f"{q} .\n{q.subject} {q.predicate} {q.object} .\n")
                if len(lines) >= chunk:
                    pending.append(pool.submit(self._bulk, "".join(lines)))
                    lines = []
            pending.append(pool.submit(self._bulk, "".join(lines)))
            for f in pending:
                f.result()
            self._commit(replaced)
        except (SyntaxError, ValueError, OSError) as e:
            for f in pending:
                f.exception()
            self._commit(begun)
            raise InputError(f"{path}: not a valid {fmt.name} file ({str(e).splitlines()[0][:120]}); "
                             f"nothing of it was kept") from None
        finally:
            pool.shutdown()
        return len(begun), kept

    def _bulk(self, data: str) -> None:
        """N-Quads text into the store through the bulk loader."""
        if data:
            self.ox.bulk_load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)

    @_writes
    def refresh_tallies(self) -> int:
        """Redo the tallies of every entity marked pending (by this build, or by one that was interrupted);
        returns how many tallies were written."""
        if next(self.ox.quads_for_pattern(None, _PENDING, None, PENDING_GRAPH), None) is None:
            return 0
        started = time.perf_counter()
        everything = ox.Quad(_ALL, _PENDING, _TRUE, PENDING_GRAPH) in self.ox
        written = tallies.refresh(self.ox, [] if everything else
                                  (q.subject for q in self.ox.quads_for_pattern(None, _PENDING, None, PENDING_GRAPH)))
        self.ox.clear_graph(PENDING_GRAPH)
        self.ox.flush()
        self.tally_seconds += time.perf_counter() - started
        return written

    # ------------------------------------------------------------ reads

    def articles(self) -> int:
        return sum(1 for g in self.ox.named_graphs() if g not in _BOOKKEEPING)

    def __len__(self) -> int:
        return len(self.ox)

    def triples(self) -> int:
        """The triples of the default graph, which queries read (counted in the store)."""
        return int(next(iter(self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)

    def dump(self, path: Path) -> None:
        dump(self.ox, path)
