"""Extraction throughput on one core: characters of article text per second, against the 250k chars/s target.

Run: .venv/bin/python benchmarks/throughput.py [DOCS_DIR] [ROUNDS]
"""
import sys
import time
from pathlib import Path

from kg.build import extract_article
from kg.vocabulary import vocabulary

TARGET = 250_000


def main(folder: str = "../shared/seeds", rounds: int = 10) -> None:
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.txt"))]
    vocabulary()                                   # loading the vocabulary is start-up, not throughput
    for name, text in docs:                        # one warm-up pass: regex compilation is start-up too
        extract_article(name, text)
    chars = sum(len(t) for _, t in docs) * rounds
    start = time.perf_counter()
    for _ in range(rounds):
        for name, text in docs:
            extract_article(name, text)
    seconds = time.perf_counter() - start
    rate = chars / seconds
    print(f"{chars} chars in {seconds:.2f}s: {rate:,.0f} chars/s on one core; ratio to target {rate / TARGET:.2f}")


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["../shared/seeds"]), *(map(int, sys.argv[2:3])))
