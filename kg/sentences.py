"""Sentences: CleanText → list[Sentence], split after 。！？ and at section marks of the page."""
from __future__ import annotations

import re

from .model import CleanText, Sentence

_END = re.compile(r"[^。！？▶#]*(?:[。！？]+[”’」』）]*|[▶#]+|$)")


def split_sentences(doc: CleanText) -> list[Sentence]:
    """Every non-empty sentence with its offsets in doc.text."""
    out = []
    for m in _END.finditer(doc.text):
        start, end = m.start(), m.end()
        seg = m.group()
        if seg.strip("▶#"):
            out.append(Sentence(start, end, seg))
    return out
