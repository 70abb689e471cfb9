"""The build: a folder of articles → Articles (extracted in parallel processes) → one graph."""
from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from .clean import clean
from .entities import merge_across_articles, resolve_entities
from .errors import InputError
from .facts import extract_facts
from .mentions import find_mentions
from .model import Article
from .sentences import split_sentences

SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def extract_article(source: str, raw: str) -> Article:
    """One article through every extraction stage."""
    doc = clean(raw)
    sentences = split_sentences(doc)
    mentions = find_mentions(doc, sentences)
    entities = resolve_entities(mentions)
    facts = extract_facts(doc, sentences, mentions)
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    return Article(source, digest, tuple(entities), tuple(facts))


def read_document(path: Path) -> str:
    """The UTF-8 text of a document, or an InputError saying why it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: empty document")
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary file, not a UTF-8 text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 (byte {e.start}); convert it with iconv -t UTF-8") from None


def list_documents(folder: Path, shard: tuple[int, int] | None = None) -> list[Path]:
    if not folder.exists():
        raise InputError(f"{folder}: no such file or folder")
    paths = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    if shard:
        i, n = shard
        paths = [p for k, p in enumerate(paths) if k % n == i - 1]
    if not paths:
        raise InputError(f"{folder}: no .txt or .md documents")
    return paths


def _extract_path(path: str) -> Article | Skipped:
    p = Path(path)
    try:
        return extract_article(p.name, read_document(p))
    except InputError as e:
        return Skipped(path, str(e))


def extract_corpus(paths: list[Path], workers: int = 1, strict: bool = False,
                   on_progress: Callable[[], None] | None = None,
                   min_confidence: float = 0.0) -> tuple[list[Article], list[Skipped]]:
    """Every document extracted (in worker processes when workers > 1), then entities merged across articles."""
    articles, skipped = [], []
    results: Iterable
    if workers > 1 and len(paths) > 4:
        pool = ProcessPoolExecutor(workers)
        results = pool.map(_extract_path, map(str, paths), chunksize=8)
    else:
        pool, results = None, map(_extract_path, map(str, paths))
    try:
        for r in results:
            if isinstance(r, Skipped):
                if strict:
                    raise InputError(r.reason)
                skipped.append(r)
            else:
                articles.append(r)
            if on_progress:
                on_progress()
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    if min_confidence > 0:
        articles = [replace(a, facts=tuple(f for f in a.facts if f.confidence >= min_confidence)) for a in articles]
    return merge_across_articles(articles), skipped
