"""The data that flows between pipeline stages: nouns only, frozen, with offsets into the cleaned text."""
from __future__ import annotations

from dataclasses import dataclass, field


HEADING_END = "#"           # the mark clean() puts where a heading line ends, as a Markdown heading's "#" starts one
SECTION_MARKS = "▶#"        # marks of the page that end a sentence: a heading's end, a section's bullet
ROW_START = "|"             # the mark a table's row opens with, as a Markdown row does: each row is a sentence


@dataclass(frozen=True)
class CleanText:
    """An article's text with line breaks and stray spaces removed, doubled headlines undone,
    and for every character the index of the raw character it came from (evidence stays verbatim)."""
    text: str
    raw: str
    offsets: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> str:
        """The raw characters behind text[start:end], line breaks included."""
        if start >= end:
            return ""
        return self.raw[self.offsets[start]: self.offsets[end - 1] + 1]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of the cleaned text that names something: kind is park, enterprise, organization, policy,
    designation, anaphor; key is the resolution key (canonical name, or designation code)."""
    kind: str
    start: int
    end: int
    surface: str
    key: str
    sentence: int
    level: str | None = None          # for designations: level word in front of it
    confidence: float = 1.0


@dataclass(frozen=True)
class Entity:
    kind: str                         # park | enterprise | organization | policy
    key: str                          # canonical name, the IRI is derived from it
    label: str
    names: frozenset[str]


@dataclass(frozen=True)
class Fact:
    """Something the article reports: kind is located_in, issued_by, recognition, count, incentive."""
    kind: str
    subject: str                      # entity key (kind-qualified: "park:芜湖高新区")
    evidence: str                     # the raw sentence, verbatim
    rule: str
    confidence: float
    obj: str | None = None            # entity key for located_in / issued_by
    designation: str | None = None    # code, or OTHER
    honour: str | None = None         # Chinese name of an OTHER honour
    level: str | None = None
    year: int | None = None
    value: float | None = None


@dataclass(frozen=True)
class Article:
    """One document after extraction: what the RDF stage needs, and nothing of the earlier stages."""
    source: str
    content_hash: str
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...] = field(default=())
