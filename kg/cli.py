"""The `kg` command: one verb per subcommand; each parses options, calls one library function, prints."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from .errors import KGError

FORMAT_HELP = "Graph format from the suffix: .ttl .trig .nt .nq .jsonld"


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
    return click.argument("graph", metavar="GRAPH_OR_STORE", type=click.Path(path_type=Path))(f)


def _source(path: Path):
    from .sources import open_source
    return open_source(path)


def _endpoint_options(f):
    """--user, --password (or the environment), --timeout and --deadline for a command that talks to an endpoint;
    credentials may also be in the URL or a netrc file, and are never printed."""
    for option in reversed((
            click.option("--user", envvar="KG_ENDPOINT_USER", help="User for HTTP digest or basic auth (or "
                         "$KG_ENDPOINT_USER, user:password@ in the URL, or a netrc entry for the host)."),
            click.option("--password", envvar="KG_ENDPOINT_PASSWORD", help="Password (or $KG_ENDPOINT_PASSWORD)."),
            click.option("--timeout", type=click.FloatRange(0, min_open=True), default=60, show_default=True,
                         help="Seconds to connect, and to wait for each part of an answer."),
            click.option("--deadline", type=click.FloatRange(0), default=3600, show_default=True,
                         help="Seconds the whole command may take talking to the endpoint (0: no deadline)."))):
        f = option(f)
    return f


def _parse_shard(shard: str | None):
    from .errors import InputError
    if not shard:
        return None
    try:
        i, n = map(int, shard.split("/"))
    except ValueError:
        i = n = 0
    if not 1 <= i <= n:
        raise InputError(f"--shard '{shard}': expected I/N with 1 <= I <= N")
    return i, n


@main.command()
@click.argument("docs", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), help=f"Graph file to write. {FORMAT_HELP}")
@click.option("--store", type=click.Path(path_type=Path), help="Persistent store folder to add the articles to.")
@click.option("--strict", is_flag=True, help="Stop at the first bad document instead of skipping it.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop facts whose rule confidence is below this.")
@click.option("--workers", type=click.IntRange(1), default=os.cpu_count() or 1, show_default=True,
              help="Processes that extract documents in parallel.")
@click.option("--shard", type=str, default=None, help="I/N: build only the I-th of N slices of the corpus.")
@click.option("--time-limit", type=click.FloatRange(0), default=60, show_default=True,
              help="Seconds a document may take to extract before it is skipped with a warning (0: no limit).")
def build(docs, output, store, strict, min_confidence, workers, shard, time_limit):
    """Extract every .txt/.md article of DOCS into a graph file (--output) or a persistent store (--store).

    Example: kg build ../shared/seeds --output outputs/graph.ttl
    """
    from .build import build_into_file, build_into_store, list_documents
    from .errors import InputError
    from .export import check_output, format_of
    if not output and not store:
        raise InputError("give --output GRAPH_FILE or --store FOLDER (or both)")
    if output:
        format_of(output)
        check_output(output)
    start = time.perf_counter()
    paths = list_documents(docs, _parse_shard(shard))
    show = sys.stderr.isatty()
    with click.progressbar(length=len(paths), label="articles", file=sys.stderr if show else open(os.devnull, "w")) as bar:
        kwargs = dict(workers=workers, strict=strict, on_progress=bar.update, min_confidence=min_confidence,
                      time_limit=time_limit)
        if store:
            from .store import GraphStore
            gs = GraphStore(store)
            report = build_into_store(paths, gs, **kwargs)
        else:
            report, statements = build_into_file(paths, output, **kwargs)
    for s in report.skipped:
        click.echo(f"skipped {s.reason}", err=True)
    counts = lambda d: ", ".join(f"{k} {v}" for k, v in sorted(d.items())) or "none new"
    summary = (f"{len(paths) - len(report.skipped)} documents ({len(report.skipped)} skipped); "
               f"entities: {counts(report.entities)}; facts: {counts(report.facts)}")
    if store:
        tallied = f"tallies updated in {report.tally_seconds:.1f}s; " if report.tally_seconds else ""
        click.echo(f"{summary}; {report.written} new or changed, {report.unchanged} unchanged; {tallied}"
                   f"{len(gs)} quads in {store} in {time.perf_counter() - start:.1f}s")
    if output and store:
        gs.dump(output)
        click.echo(f"{store} → {output}")
    elif output:
        click.echo(f"{summary}; {statements} {'quads' if format_of(output).supports_datasets else 'triples'} → "
                   f"{output} in {time.perf_counter() - start:.1f}s")


@main.command()
@click.argument("graph", metavar="GRAPH_OR_STORE", required=False, type=click.Path(path_type=Path))
@click.argument("query", required=False)
@click.option("-e", "--expression", help="SPARQL text instead of a QUERY file or name.")
@click.option("--endpoint", help="Query this SPARQL endpoint URL instead of a graph file or store.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME (or $NAME) to VALUE as an RDF literal; repeatable.")
@_endpoint_options
def query(graph, query, expression, endpoint, fmt, params, user, password, timeout, deadline):
    """Run a SPARQL query (a .rq file, a named query, or -e TEXT) over a graph file, a store or an endpoint.

    Example: kg query outputs/graph.ttl recognitions_of --param name=星澜光电
    """
    from .errors import QueryError
    from .query import format_result, parse_params, resolve_query
    from .sources import open_source
    if endpoint and graph and not query and not expression:
        graph, query = None, str(graph)          # kg query --endpoint URL NAME
    if not endpoint and not graph:
        raise QueryError("give a GRAPH_OR_STORE, or --endpoint URL")
    if bool(query) == bool(expression):
        raise QueryError("give either a QUERY (file or name) or -e 'SPARQL', not both or neither")
    text = expression or resolve_query(query)
    bound = parse_params(params)
    source = open_source(graph, endpoint=endpoint,
                         auth=dict(user=user, password=password, timeout=timeout, deadline=deadline))
    click.echo(format_result(source.select(text, bound), fmt))


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
    """Convert a graph file or a store to an RDF file, its format chosen by the output suffix (a store streams).

    Example: kg export outputs/graph.ttl --output outputs/graph.nq
    """
    from .export import dump, format_of
    format_of(output)
    source = _source(graph)
    dump(source.ox, output)
    click.echo(f"{len(source.ox)} statements → {output}")


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
    write_text(render_html(_source(graph), focus, depth), output)
    click.echo(f"→ {output}")


@main.command()
@_graph_arg
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback: this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--timeout", type=click.FloatRange(0.1), default=30.0, show_default=True,
              help="Seconds a SPARQL query may run before it is answered 503.")
def serve(graph, host, port, timeout):
    """Serve GRAPH read-only: a SPARQL 1.1 Protocol endpoint at /sparql and the explorer at /; Ctrl-C stops it.

    Example: kg serve corpus.db --port 8000
    """
    from .serve import serve as run
    source = _source(graph)
    run(source, host, port, timeout, announce=lambda url: click.echo(f"serving {graph} at {url} (SPARQL at {url}sparql); Ctrl-C stops"))
    click.echo("stopped")


@main.command()
@_graph_arg
def stats(graph):
    """Counts per class and fact kind, top parks and enterprises (SPARQL aggregates: flat memory on a store).

    Example: kg stats outputs/graph.ttl
    """
    from .stats import format_stats, graph_stats
    click.echo(format_stats(graph_stats(_source(graph))))


@main.command()
@_graph_arg
def validate(graph):
    """Check GRAPH against the SHACL shapes of ontology/shapes.ttl, and a store for triples no article states;
    exit 1 on violations.

    Example: kg validate outputs/graph.ttl
    """
    from .validate import validate_source
    problems = validate_source(_source(graph))
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
    click.echo(explain_entity(_source(graph), name))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", required=True, type=click.Path(path_type=Path), help="Persistent store folder to merge into.")
def load(files, store):
    """Merge datasets exported from other stores (shards built with --shard I/N) into a store.

    Example: kg export shard1.db --output part1.nq && kg load part1.nq part2.nq --store corpus.db
    """
    from .store import GraphStore, check_dataset
    for f in files:                      # every file checked before the store is opened
        check_dataset(f)
    start = time.perf_counter()
    gs = GraphStore(store)
    written, kept = gs.load(list(files))
    tallies = "tallies kept from the file" if gs.tallies_kept else f"tallies recounted in {gs.tally_seconds:.1f}s"
    click.echo(f"{written} articles merged, {kept} already in {store}; {tallies}; "
               f"{len(gs)} quads in {store} in {time.perf_counter() - start:.1f}s")


@main.command()
@_graph_arg
@click.option("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://host:8890/sparql-graph-crud-auth")
@click.option("--graph", "graph_iri", default="https://w3id.org/parkgraph/id/graph/main", show_default=True,
              help="Named graph to load into.")
@_endpoint_options
@click.option("--batch-size", type=click.IntRange(1), default=20000, show_default=True, help="Triples per request.")
@click.option("--state", type=click.Path(path_type=Path), help="Resume file (default: .kg-push-<id>.json here).")
def push(graph, endpoint, graph_iri, user, password, timeout, deadline, batch_size, state):
    """Load a graph file or a store into any SPARQL 1.1 engine through the Graph Store HTTP Protocol, in batches;
    run it again after an interruption and it resumes (the same data, endpoint and graph only).

    Example: kg push outputs/graph.ttl --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password dba
    """
    from .endpoint import push as push_lines
    from .sources import ntriples_lines
    lines, fingerprint = ntriples_lines(graph)
    r = push_lines(lines, fingerprint, endpoint, graph_iri, batch_size=batch_size, state=state, user=user,
                   password=password, timeout=timeout, deadline=deadline)
    if r.restarted:
        click.echo("the state file was of another push (endpoint, graph, data or batch size); started over", err=True)
    click.echo(f"{r.sent} batches sent, {r.skipped} already there → {r.url} <{graph_iri}>")


if __name__ == "__main__":
    main()
