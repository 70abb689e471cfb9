"""Entities: mentions → one Entity per real thing, within an article and then across articles."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Iterable

from .model import Article, Entity, Fact, Mention

ENTITY_KINDS = ("park", "enterprise", "organization", "policy")


def entity_id(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def resolve_entities(mentions: list[Mention]) -> list[Entity]:
    """One entity per (kind, key) of the article; its label the key (the same in every article), its names every
    surface used."""
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for m in mentions:
        if m.kind in ENTITY_KINDS:
            surface = m.key if m.kind == "policy" else m.surface
            names[(m.kind, m.key)][surface] += 1
    out = []
    for (kind, key), counter in names.items():
        out.append(Entity(kind, key, key, frozenset(counter) | {key}))
    return out


def enterprise_names(articles: Iterable[Article]) -> dict[str, set[str]]:
    """Every name of an enterprise known by more than one name → the keys (legal names) that carry it."""
    out: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        for e in a.entities:
            if e.kind == "enterprise" and len(e.names) > 1:
                for n in e.names:
                    out[n].add(e.key)
    return out


def merge_across_articles(articles: list[Article], known: dict[str, set[str]] | None = None) -> list[Article]:
    """Fold an enterprise known in one article only by a short name into the full legal name another article
    (or the store, through known) gives it, when exactly one legal name carries that short name."""
    by_name = enterprise_names(articles)
    for name, keys in (known or {}).items():
        by_name[name] |= keys
    alias = {n: next(iter(keys)) for n, keys in by_name.items() if len(keys) == 1}
    remap = {entity_id("enterprise", e.key): entity_id("enterprise", alias[e.key])
             for a in articles for e in a.entities if e.kind == "enterprise" and alias.get(e.key, e.key) != e.key}
    if not remap:
        return articles
    out = []
    for a in articles:
        entities = [replace(e, key=alias.get(e.key, e.key), label=alias.get(e.key, e.key)) if e.kind == "enterprise"
                    else e for e in a.entities]
        facts = [_remap_fact(f, remap) for f in a.facts]
        out.append(replace(a, entities=tuple(entities), facts=tuple(facts)))
    return out


def _remap_fact(f: Fact, remap: dict[str, str]) -> Fact:
    return replace(f, subject=remap.get(f.subject, f.subject), obj=remap.get(f.obj, f.obj) if f.obj else None)
