"""Sentences: CleanText → list[Sentence], split after 。！？ and at section marks of the page.

A run of text with no sentence end (a page that lost its full stops, a list of thousands of names) is cut into
pieces of at most MAX_SENTENCE characters at its last clause mark, so no rule ever reads more than that at once and
extraction stays linear in the length of the page. News sentences are far shorter (the longest of the sample and
development pages has 255 characters)."""
from __future__ import annotations

import re

from .model import SECTION_MARKS, CleanText, Sentence

_END = re.compile(rf"[^。！？{SECTION_MARKS}]*(?:[。！？]+[”’」』）]*|[{SECTION_MARKS}]+|$)")
_CLAUSE_MARK = re.compile("[，；：、]")
MAX_SENTENCE = 600


def split_sentences(doc: CleanText) -> list[Sentence]:
    """Every non-empty sentence with its offsets in doc.text."""
    out = []
    for m in _END.finditer(doc.text):
        start, end = m.start(), m.end()
        if doc.text[start:end].strip(SECTION_MARKS):
            out += [Sentence(a, b, doc.text[a:b]) for a, b in _pieces(doc.text, start, end)]
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut after the last clause mark before every MAX_SENTENCE characters (or at it, if none)."""
    out = []
    while end - start > MAX_SENTENCE:
        marks = [m.end() for m in _CLAUSE_MARK.finditer(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)]
        cut = marks[-1] if marks else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
    return out + [(start, end)]
