"""Graph files: read and written through pyoxigraph (fast, streaming), written atomically (temp file, then
rename) so a failed or interrupted write leaves the previous file intact."""
from __future__ import annotations

import glob
import os
import re
import shutil
import stat
import tempfile
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import BinaryIO, Iterator

import pyoxigraph as ox
from rdflib import Graph

from .errors import FormatError, InputError, OutputError
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


def to_rdflib(store: ox.Store) -> Graph:
    """The union of a store's graphs as an rdflib Graph, for the view (networkx), which needs one."""
    data = ox.serialize(default_triples(store), format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def write_text(text: str, path: Path) -> None:
    with atomic_open(path) as f:
        f.write(text.encode("utf-8"))


def check_output(path: Path) -> Path:
    """The folder an output file goes to, after checking it can go there (before any work is done)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{folder}: output folder does not exist")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give the name of a file to write")
    return folder


def write_error(path: Path, e: OSError) -> OutputError:
    """The one-line error of a failed write (No space left on device, Read-only file system, …)."""
    reason = e.strerror or str(e).splitlines()[0][:160]
    return OutputError(f"{path}: cannot be written ({reason}); the previous file, if any, is unchanged")


_TEMP = re.compile(r"\.(\d+)\.[^.]+\.tmp$")


def temp_path(folder: Path, name: str, directory: bool = False) -> Path:
    """A new temporary file (or folder) in `folder` for `name`, its name holding this process's id; the ones
    that processes no longer running left for the same name (killed mid-write) are removed first."""
    for old in folder.glob(f".{glob.escape(name)}.*.tmp"):
        m = _TEMP.search(old.name)
        if m and not _alive(int(m.group(1))):
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    prefix = f".{name}.{os.getpid()}."
    try:
        if directory:
            return Path(tempfile.mkdtemp(dir=folder, prefix=prefix, suffix=".tmp"))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    except OSError as e:
        raise write_error(folder / name, e) from None
    os.close(fd)
    return Path(tmp)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """A binary file beside path that replaces path only when the block ends without error: readers never see
    half a file, a failed write leaves the old one, a file that exists keeps its permissions, and a write
    that fails on the file system is one OutputError."""
    tmp = temp_path(check_output(path), path.name)
    try:
        with open(tmp, "wb") as f:
            yield f
        if path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as e:
        raise write_error(path, e) from None
    finally:
        tmp.unlink(missing_ok=True)
