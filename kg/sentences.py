"""Sentences: CleanText → list[Sentence], split after 。！？ and at section marks of the page."""
from __future__ import annotations

import re

from .model import SECTION_MARKS, CleanText, Sentence

_END = re.compile(rf"[^。！？{SECTION_MARKS}]*(?:[。！？]+[”’」』）]*|[{SECTION_MARKS}]+|$)")


def split_sentences(doc: CleanText) -> list[Sentence]:
    """Every non-empty sentence with its offsets in doc.text."""
    out = []
    for m in _END.finditer(doc.text):
        start, end = m.start(), m.end()
        seg = m.group()
        if seg.strip(SECTION_MARKS):
            out.append(Sentence(start, end, seg))
    return out
