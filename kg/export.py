"""Graph files: read and written through pyoxigraph (fast, streaming), written atomically (temp file, then
rename) so a failed or interrupted write leaves the previous file intact."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph

from . import tallies
from .errors import FormatError, InputError
from .namespace import PREFIXES

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
           ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}
_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}


def format_of(path: Path) -> ox.RdfFormat:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise FormatError(f"{path}: unknown graph format '{path.suffix}'; use one of {', '.join(FORMATS)}") from None


def load_file(path: Path) -> ox.Store:
    """A graph file in pyoxigraph's memory store; the graphs of a quad file keep their names."""
    fmt = format_of(path)
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise InputError(f"{path}: not a valid {fmt.name} file ({str(e).splitlines()[0][:120]})") from None
    return store


def union_default(store: ox.Store) -> bool:
    """Whether queries must read the union of the named graphs: only when a file holds nothing in its default
    graph (a store and parkgraph's own files keep the union there)."""
    return next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None


def default_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """The triples queries read: the default graph, or the union of the named graphs when it is empty."""
    return iter(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=union_default(store)))


STABLE_ORDER_MAX = 100_000      # graphs up to this size are written sorted, so a rebuild gives the same bytes


def dump(store: ox.Store, path: Path) -> None:
    """Stream a store to a file: a quad format keeps the named graphs, a triple format gets the default graph.
    A small graph's triples are sorted first (the store's own order differs from run to run), so rebuilding the
    same documents rewrites the same file; larger ones stream in the store's order."""
    fmt = format_of(path)
    with atomic_open(path) as f:
        if fmt.supports_datasets:
            store.dump(f, fmt, prefixes=_PREFIXES) if fmt == ox.RdfFormat.TRIG else store.dump(f, fmt)
        elif sum(1 for _ in islice(store, STABLE_ORDER_MAX + 1)) <= STABLE_ORDER_MAX:   # bounded: no full count
            ox.serialize(sorted(default_triples(store), key=str), f, fmt, prefixes=_PREFIXES)
        elif not union_default(store):
            store.dump(f, fmt, from_graph=ox.DefaultGraph(), prefixes=_PREFIXES)
        else:
            ox.serialize(default_triples(store), f, fmt, prefixes=_PREFIXES)


def write_ntriples(lines: Iterable[str], path: Path, preamble: Iterable[Path] = ()) -> int:
    """N-Triples text (and Turtle files, such as the ontology) into one graph file, with its tallies; returns its
    triple count. The default graph is a set, so a triple that several articles repeat is written once."""
    store = ox.Store()
    for p in preamble:
        store.bulk_load(path=str(p), format=ox.RdfFormat.TURTLE)
    store.bulk_load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    tallies.add_all(store)
    dump(store, path)
    return len(store)


def to_rdflib(store: ox.Store) -> Graph:
    """The union of a store's graphs as an rdflib Graph, for the view (networkx), which needs one."""
    data = ox.serialize(default_triples(store), format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def write_text(text: str, path: Path) -> None:
    with atomic_open(path) as f:
        f.write(text.encode("utf-8"))


@contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """A binary file beside path that replaces path only when the block ends without error:
    readers never see half a file, and a failed write leaves the old one."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{folder}: output folder does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
