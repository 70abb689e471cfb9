"""The one error hierarchy of parkgraph; the CLI prints a message as one line and exits non-zero."""


class KGError(Exception):
    """Base of every error a user can cause; its message says what went wrong and what to do."""


class InputError(KGError):
    """A document, graph file or folder that cannot be read."""


class QueryError(KGError):
    """A SPARQL query that is malformed, unknown or cannot be answered."""


class FormatError(KGError):
    """An RDF format that parkgraph does not know."""


class StoreError(KGError):
    """A store or endpoint that cannot be opened or written."""


class OutputError(KGError):
    """An output file that cannot be written: a full disk, a read-only file system, a folder in its place."""
