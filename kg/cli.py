"""The `kg` command: one verb per subcommand; each parses options, calls one library function, prints."""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

import click

from .errors import KGError

FORMAT_HELP = "Graph format from the suffix: .ttl .trig .nt .nq .jsonld"


def _fail(e: Exception) -> None:
    raise click.ClickException(str(e))


class KGGroup(click.Group):
    """Turns every KGError into a one-line error and exit 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as e:
            raise click.ClickException(str(e)) from None
        except KeyboardInterrupt:
            raise click.ClickException("interrupted; outputs were left as they were") from None


@click.group(cls=KGGroup)
@click.version_option(package_name="parkgraph")
def main():
    """parkgraph: Chinese articles about parks and high-tech zones → an RDF knowledge graph."""


def _graph_arg(f):
    return click.argument("graph", type=click.Path(path_type=Path))(f)


def _load(path: Path):
    from .export import load_graph
    return load_graph(path)


@main.command()
@click.argument("docs", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help=f"Graph file to write. {FORMAT_HELP}")
@click.option("--strict", is_flag=True, help="Stop at the first bad document instead of skipping it.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop facts whose rule confidence is below this.")
@click.option("--workers", type=click.IntRange(1), default=os.cpu_count() or 1, show_default=True,
              help="Processes that extract documents in parallel.")
@click.option("--shard", type=str, default=None, help="I/N: build only the I-th of N slices of the corpus.")
def build(docs, output, strict, min_confidence, workers, shard):
    """Extract every .txt/.md article of DOCS and write the graph.

    Example: kg build ../shared/seeds --output outputs/graph.ttl
    """
    from .build import extract_corpus, list_documents
    from .export import format_of, write_graph
    from .rdf import to_graph
    from .errors import InputError
    format_of(output)
    if not (output.parent if str(output.parent) else Path(".")).is_dir():
        raise InputError(f"{output.parent}: output folder does not exist")
    shard_t = None
    if shard:
        try:
            i, n = map(int, shard.split("/"))
            assert 1 <= i <= n
            shard_t = (i, n)
        except (ValueError, AssertionError):
            raise InputError(f"--shard '{shard}': expected I/N with 1 <= I <= N") from None
    start = time.perf_counter()
    paths = list_documents(docs, shard_t)
    show = sys.stderr.isatty()
    with click.progressbar(length=len(paths), label="articles", file=sys.stderr if show else open(os.devnull, "w")) as bar:
        articles, skipped = extract_corpus(paths, workers=workers, strict=strict, on_progress=lambda: bar.update(1),
                                           min_confidence=min_confidence)
    for s in skipped:
        click.echo(f"skipped {s.reason}", err=True)
    if not articles:
        raise InputError(f"{docs}: no document could be read")
    triples = write_graph(to_graph(articles), output)
    entities = Counter(e.kind for a in articles for e in a.entities)
    facts = Counter(f.kind for a in articles for f in a.facts)
    click.echo(f"{len(articles)} documents ({len(skipped)} skipped); entities: "
               + ", ".join(f"{k} {v}" for k, v in sorted(entities.items())) + "; facts: "
               + ", ".join(f"{k} {v}" for k, v in sorted(facts.items()))
               + f"; {triples} triples → {output} in {time.perf_counter() - start:.1f}s")


@main.command()
@_graph_arg
@click.argument("query", required=False)
@click.option("-e", "--expression", help="SPARQL text instead of a QUERY file or name.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME (or $NAME) to VALUE as an RDF literal; repeatable.")
def query(graph, query, expression, fmt, params):
    """Run a SPARQL query (a .rq file, a named query, or -e TEXT) over GRAPH; common prefixes are bound.

    Example: kg query outputs/graph.ttl recognitions_of --param name=星澜光电
    """
    from .errors import QueryError
    from .query import format_result, parse_params, resolve_query, run_query
    if bool(query) == bool(expression):
        raise QueryError("give either a QUERY (file or name) or -e 'SPARQL', not both or neither")
    text = expression or resolve_query(query)
    bound = parse_params(params)
    click.echo(format_result(run_query(_load(graph), text, bound), fmt))


@main.command("queries")
def list_queries():
    """List the named queries of queries/ with their descriptions.

    Example: kg queries
    """
    from .query import named_queries
    qs = named_queries()
    width = max(map(len, qs))
    for q in qs.values():
        click.echo(f"{q.name:<{width}}  {q.description}")


@main.command()
@_graph_arg
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help=f"File to write. {FORMAT_HELP}")
def export(graph, output):
    """Convert GRAPH to another RDF format, chosen by the output suffix.

    Example: kg export outputs/graph.ttl --output outputs/graph.nq
    """
    from .export import format_of, write_graph
    format_of(output)
    n = write_graph(_load(graph), output)
    click.echo(f"{n} triples → {output}")


@main.command()
@_graph_arg
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="HTML file to write.")
@click.option("--focus", help="Show only the neighbourhood of the park or enterprise of this name.")
@click.option("--depth", type=click.IntRange(1), default=1, show_default=True, help="Hops around --focus.")
def viz(graph, output, focus, depth):
    """Write an interactive, offline HTML view of GRAPH (legend, search, evidence tooltips).

    Example: kg viz outputs/graph.ttl --output outputs/graph.html --focus 芜湖高新区 --depth 2
    """
    from .errors import InputError
    from .export import write_text
    from .viz import render_html
    if output.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"{output}: the view is HTML; name it .html")
    write_text(render_html(_load(graph), focus, depth), output)
    click.echo(f"→ {output}")


@main.command()
@_graph_arg
def stats(graph):
    """Counts per class and fact kind, top parks and enterprises, connected components.

    Example: kg stats outputs/graph.ttl
    """
    from .stats import format_stats, graph_stats
    click.echo(format_stats(graph_stats(_load(graph))))


@main.command()
@_graph_arg
def validate(graph):
    """Check GRAPH against the SHACL shapes of ontology/shapes.ttl; exit 1 on violations.

    Example: kg validate outputs/graph.ttl
    """
    from .validate import validate_graph
    problems = validate_graph(_load(graph))
    for p in problems:
        click.echo(p)
    if problems:
        raise click.ClickException(f"{len(problems)} SHACL violations in {graph}")
    click.echo(f"{graph}: conforms to the parkgraph shapes")


@main.command()
@_graph_arg
@click.argument("name")
def explain(graph, name):
    """Print every fact about the entity NAME with its evidence sentence and article.

    Example: kg explain outputs/graph.ttl 芜湖高新区
    """
    from .explain import explain as explain_entity
    click.echo(explain_entity(_load(graph), name))
