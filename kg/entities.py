"""Entities: mentions → one Entity per real thing, within an article and then across articles."""
from __future__ import annotations

from collections import Counter, defaultdict

from .model import Article, Entity, Fact, Mention

ENTITY_KINDS = ("park", "enterprise", "organization", "policy")


def entity_id(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def resolve_entities(mentions: list[Mention]) -> list[Entity]:
    """One entity per (kind, key) of the article; its label the key, its names every surface used."""
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for m in mentions:
        if m.kind in ENTITY_KINDS:
            surface = m.key if m.kind == "policy" else m.surface
            names[(m.kind, m.key)][surface] += 1
    out = []
    for (kind, key), counter in names.items():
        label = key if kind in ("park", "policy", "enterprise") else counter.most_common(1)[0][0]
        out.append(Entity(kind, key, label, frozenset(counter) | {key}))
    return out


def merge_across_articles(articles: list[Article]) -> list[Article]:
    """Fold an enterprise known in one article only by a short name into the full legal name another article
    gives it, when exactly one legal name carries that short name."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        for e in a.entities:
            if e.kind == "enterprise" and e.key != e.label or e.kind == "enterprise" and len(e.names) > 1:
                for n in e.names:
                    by_name[n].add(e.key)
    alias = {n: next(iter(keys)) for n, keys in by_name.items() if len(keys) == 1}
    remap = {}
    for a in articles:
        for e in a.entities:
            if e.kind == "enterprise" and e.key in alias and alias[e.key] != e.key:
                remap[entity_id("enterprise", e.key)] = entity_id("enterprise", alias[e.key])
    if not remap:
        return articles
    out = []
    for a in articles:
        entities = [Entity(e.kind, alias.get(e.key, e.key) if e.kind == "enterprise" else e.key,
                           alias.get(e.key, e.label) if e.kind == "enterprise" else e.label, e.names)
                    for e in a.entities]
        facts = [_remap_fact(f, remap) for f in a.facts]
        out.append(Article(a.source, a.content_hash, tuple(entities), tuple(facts)))
    return out


def _remap_fact(f: Fact, remap: dict[str, str]) -> Fact:
    from dataclasses import replace
    return replace(f, subject=remap.get(f.subject, f.subject), obj=remap.get(f.obj, f.obj) if f.obj else None)
