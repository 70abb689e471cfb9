"""Graph files: load by suffix, write atomically (temp file, then rename) so a failed write loses nothing."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from rdflib import Dataset, Graph

from .errors import FormatError, InputError

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}
QUAD_FORMATS = {"trig", "nquads"}


def format_of(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise FormatError(f"{path}: unknown graph format '{path.suffix}'; use one of {', '.join(FORMATS)}") from None


def load_graph(path: Path) -> Graph:
    """A graph file as one rdflib Graph (named graphs of quad formats are unioned)."""
    fmt = format_of(path)
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    try:
        if fmt in QUAD_FORMATS:
            ds = Dataset(default_union=True)
            ds.parse(path, format=fmt)
            g = Graph()
            for s, p, o, _ in ds.quads():
                g.add((s, p, o))
            for prefix, ns in ds.namespaces():
                g.bind(prefix, ns)
            return g
        return Graph().parse(path, format=fmt)
    except Exception as e:             # rdflib raises many parser types; all mean a bad file
        raise InputError(f"{path}: not a valid {fmt} file ({type(e).__name__}: {str(e).splitlines()[0][:120]})") from None


def write_graph(g: Graph, path: Path) -> int:
    """Serialise g to path in the format its suffix names; returns the number of triples."""
    fmt = format_of(path)
    if fmt in QUAD_FORMATS:
        ds = Dataset()
        for prefix, ns in g.namespaces():
            ds.bind(prefix, ns)
        for t in g:
            ds.default_context.add(t)
        data = ds.serialize(format=fmt, encoding="utf-8")
    else:
        data = g.serialize(format=fmt, encoding="utf-8")
    with atomic_open(path) as f:
        f.write(data)
    return len(g)


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
