"""The build: a folder of articles → Articles (extracted in parallel processes) → a graph file or a store."""
from __future__ import annotations

import codecs
import hashlib
import shutil
import signal
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .clean import clean
from .entities import merge_across_articles, resolve_entities
from .errors import InputError
from .export import check_output, format_of, temp_path
from .facts import extract_facts
from .iterate import batched
from .mentions import find_mentions
from .model import Article
from .sentences import split_sentences

SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class BuildReport:
    articles: list[Article] = field(default_factory=list)     # kept only for a graph-file build
    skipped: list[Skipped] = field(default_factory=list)
    written: int = 0
    unchanged: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    tallied: int = 0                    # tallies a store build recounted
    tally_seconds: float = 0.0

    def count(self, a: Article) -> None:
        for e in a.entities:
            self.entities[e.kind] = self.entities.get(e.kind, 0) + 1
        for f in a.facts:
            self.facts[f.kind] = self.facts.get(f.kind, 0) + 1


def content_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def extract_article(source: str, raw: str) -> Article:
    """One article through every extraction stage."""
    doc = clean(raw)
    sentences = split_sentences(doc)
    mentions = find_mentions(doc, sentences)
    entities = resolve_entities(mentions)
    facts = extract_facts(doc, sentences, mentions)
    return Article(source, content_hash(raw), tuple(entities), tuple(facts))


def read_document(path: Path) -> str:
    """The UTF-8 text of a document, or an InputError saying why it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: empty document")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(f"{path}: starts as {encoding} but is not (byte {e.start + len(bom)}); "
                                 f"convert it with iconv -t UTF-8") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary file, not a UTF-8 text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        text = _chinese_legacy(data)
        if text is None:
            raise InputError(f"{path}: neither UTF-8 (byte {e.start}) nor GB18030/GBK Chinese text; "
                             f"convert it with iconv -t UTF-8") from None
        return text


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),     # UTF-32 first: its LE
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))     # mark opens as UTF-16's


def _chinese_legacy(data: bytes) -> str | None:
    """Text in China's legacy encoding (GB18030, of which GBK and GB2312 are subsets), as older newspaper
    archives are: accepted when it decodes and its non-ASCII characters are mostly Chinese."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [c for c in text if ord(c) > 127]
    chinese = sum(1 for c in wide if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return text if wide and chinese >= 0.9 * len(wide) else None


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


class _Overtime(Exception):
    """Raised inside an extraction that ran past the time limit."""


def _raise_overtime(signum, frame):
    raise _Overtime


def _extract_pair(pair: tuple[str, str], time_limit: float = 0) -> Article | Skipped:
    """One document through extraction; given up as Skipped when it takes longer than time_limit seconds (a timer
    signal, so it works in the worker processes, whose main thread this is), so one page never stalls a build."""
    if not time_limit or threading.current_thread() is not threading.main_thread():
        return extract_article(*pair)
    previous = signal.signal(signal.SIGALRM, _raise_overtime)
    signal.setitimer(signal.ITIMER_REAL, time_limit)
    try:
        try:
            return extract_article(*pair)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Overtime:                    # also when the timer fired as the extraction ended
        return Skipped(pair[0], f"{pair[0]}: extraction took longer than {time_limit:g}s (--time-limit)")
    finally:
        signal.signal(signal.SIGALRM, previous)


def _warm_up() -> None:
    """Load the vocabulary and compile the rules (a one-line document), so a time limit measures documents."""
    extract_article("warm-up", "高新区。")


def _read_all(paths: Iterable[Path], report: BuildReport, strict: bool,
              seen: Callable[[str], bool] = lambda h: False) -> Iterator[tuple[str, str]]:
    """(file name, text) of every readable document not already built; bad ones reported (or fatal); a file with
    the same content as an earlier one is one article, recorded once under the first file's name."""
    first: dict[str, str] = {}
    for p in paths:
        try:
            raw = read_document(p)
        except InputError as e:
            if strict:
                raise
            report.skipped.append(Skipped(str(p), str(e)))
            continue
        h = content_hash(raw)
        if h in first:
            report.skipped.append(Skipped(str(p), f"{p}: same content as {first[h]}, recorded once"))
            continue
        first[h] = str(p)
        if seen(h):
            report.unchanged += 1
            continue
        yield p.name, raw


def _extracted(pairs: Iterable[tuple[str, str]], workers: int, report: BuildReport, time_limit: float) -> Iterator[Article]:
    """Articles in document order, extracted in worker processes when there is more than one; documents over the
    time limit go to the report's skipped. A window of documents stays in flight (bounded: never the whole
    corpus), so the workers go on extracting while the caller writes what they returned."""
    if workers <= 1:
        _warm_up()
        results = (_extract_pair(pair, time_limit) for pair in pairs)
    else:
        results = _in_pool(pairs, workers, time_limit)
    for r in results:
        if isinstance(r, Skipped):
            report.skipped.append(r)
        else:
            yield r


def _in_pool(pairs: Iterable[tuple[str, str]], workers: int, time_limit: float) -> Iterator[Article | Skipped]:
    with ProcessPoolExecutor(workers, initializer=_warm_up) as pool:
        window: deque = deque()
        for pair in pairs:
            window.append(pool.submit(_extract_pair, pair, time_limit))
            if len(window) >= IN_FLIGHT * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _filtered(a: Article, min_confidence: float) -> Article:
    if min_confidence <= 0:
        return a
    return replace(a, facts=tuple(f for f in a.facts if f.confidence >= min_confidence))


def extract_corpus(paths: list[Path], workers: int = 1, strict: bool = False,
                   on_progress: Callable[[int], None] | None = None, min_confidence: float = 0.0,
                   time_limit: float = 0) -> BuildReport:
    """Every document extracted, then entities merged across articles: the articles of a graph-file build."""
    report = BuildReport()
    for a in _extracted(_read_all(paths, report, strict), workers, report, time_limit):
        report.articles.append(_filtered(a, min_confidence))
        if on_progress:
            on_progress(1)
    report.articles = merge_across_articles(report.articles)
    for a in report.articles:
        report.count(a)
    return report


IN_FLIGHT = 384         # documents per worker process queued ahead of the writer (more than a write batch)
DELTA_MAX = 2000        # articles a build adds by deltas to the tallies, into a store DELTA_SHARE times as large;
DELTA_SHARE = 10        # beyond, the tallies are recounted once when the build ends


def build_into_store(paths: list[Path], store, workers: int = 1, strict: bool = False,
                     on_progress: Callable[[int], None] | None = None, min_confidence: float = 0.0,
                     batch: int = 256, time_limit: float = 0) -> BuildReport:
    """Add the documents to a store in batches (memory bounded by the batch, not the corpus): unchanged documents
    are skipped before extraction, new names are merged into the entities the store already holds."""
    report = BuildReport()
    before = len(report.skipped)
    pairs = _read_all(paths, report, strict, seen=store.has_article)
    stored = store.articles()
    for articles in batched((_filtered(a, min_confidence) for a in _extracted(pairs, workers, report, time_limit)), batch):
        names = {n for a in articles for e in a.entities if e.kind == "enterprise" for n in e.names}
        articles = merge_across_articles(articles, known=store.names_known(names))
        increment = report.written + len(articles)
        report.written += store.add_articles(articles, delta=increment <= DELTA_MAX and stored >= DELTA_SHARE * increment)
        for a in articles:
            report.count(a)
        if on_progress:
            on_progress(len(articles))
    report.tallied = store.refresh_tallies()
    report.tally_seconds = store.tally_seconds
    if report.written * 10 >= store.articles():
        store.optimize()                 # compaction costs the whole store: only after a large share is new
    if on_progress:
        on_progress(report.unchanged + len(report.skipped) - before)
    return report


def build_into_file(paths: list[Path], output: Path, **options) -> tuple[BuildReport, int]:
    """The documents into a graph file, through a temporary store beside it (so memory is bounded by the batch,
    not the corpus, and the file is streamed out of the store); returns the report and the statements written.
    The temporary store is removed, or by the next build of the same file if this one is killed."""
    from .store import GraphStore
    tmp = temp_path(check_output(output), output.name, directory=True)
    store = None
    try:
        store = GraphStore(tmp)
        report = build_into_store(paths, store, **options)
        if not report.written:
            raise InputError("no document could be read")
        store.dump(output)
        return report, len(store) if format_of(output).supports_datasets else store.triples()
    finally:
        del store                        # the store is closed before its folder goes
        shutil.rmtree(tmp, ignore_errors=True)
