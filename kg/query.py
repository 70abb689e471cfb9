"""Query: SPARQL over a graph, named queries from queries/, safe parameters, and result formatting."""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files

from .errors import QueryError
from .namespace import PREFIXES
from .sources import Param, Result

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """Every .rq file of queries/, its description the first comment line."""
    out = {}
    for entry in sorted(files("kg.queries").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            first = next((l[1:].strip() for l in text.splitlines() if l.startswith("#")), "")
            out[entry.name[:-3]] = NamedQuery(entry.name[:-3], first, text)
    return out


def resolve_query(spec: str) -> str:
    """A query given as a .rq path, or as the name of a named query."""
    from pathlib import Path
    path = Path(spec)
    if spec.endswith(".rq"):
        if path.is_file():
            return path.read_text(encoding="utf-8")
        spec = path.stem
    queries = named_queries()
    if spec in queries:
        return queries[spec].text
    raise QueryError(f"unknown query '{spec}': not a .rq file and not one of: {', '.join(queries)} (see 'kg queries')")


def parse_params(pairs: tuple[str, ...]) -> list[Param]:
    """NAME=VALUE pairs as RDF literals: an integer, Chinese text (@zh, as labels are), or a plain string."""
    out = []
    for pair in pairs:
        if "=" not in pair:
            raise QueryError(f"--param '{pair}': expected name=value")
        name, value = pair.split("=", 1)
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"--param '{pair}': '{name}' is not a variable name")
        if re.fullmatch(r"-?\d+", value):
            out.append(Param(name, value, integer=True))
        else:
            out.append(Param(name, value, language="zh" if re.search(r"[\u4e00-\u9fff]", value) else None))
    return out


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def format_result(r: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(r.columns, row)) for row in r.rows], ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(r.columns)
        w.writerows(r.rows)
        return buf.getvalue().rstrip("\n")
    rows = [[_short(c) for c in row] for row in r.rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in rows]) for i, c in enumerate(r.columns)]
    line = lambda cells: "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()
    out = [line(r.columns), line(["-" * w for w in widths])] + [line(row) for row in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _short(value: str) -> str:
    for prefix, ns in PREFIXES.items():
        if value.startswith(str(ns)):
            return f"{prefix}:{value[len(str(ns)):]}"
    return value
