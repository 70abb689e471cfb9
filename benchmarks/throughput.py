"""Extraction throughput on one core: characters of article text per second, against the 250k chars/s target.

Run: .venv/bin/python benchmarks/throughput.py [DOCS_DIR] [ROUNDS]
"""
import statistics
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
    chars = sum(len(t) for _, t in docs)
    rates = []
    for _ in range(rounds):                        # each round timed alone: this machine's speed varies by the minute
        start = time.perf_counter()
        for name, text in docs:
            extract_article(name, text)
        rates.append(chars / (time.perf_counter() - start))
    median = statistics.median(rates)
    print(f"{chars} chars, {rounds} rounds: median {median:,.0f} chars/s on one core (rounds {min(rates):,.0f}–"
          f"{max(rates):,.0f}); ratio of the median to target {median / TARGET:.2f}")


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["../shared/seeds"]), *(map(int, sys.argv[2:3])))
