"""Text cleaning: PDF-extracted newspaper text → CleanText with a map back to the raw characters."""
from __future__ import annotations

import re

from .model import HEADING_END, ROW_START, CleanText
from .vocabulary import vocabulary

# Punctuation and full-width letters are unified to one form so later patterns have one spelling; every
# mapping is 1:1 so offsets stay exact.
_UNIFIED = dict(zip(",;:!?()", "，；：！？（）"))
_UNIFIED.update({chr(c): chr(c - 0xFEE0) for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)})
_TO_UNIFY = re.compile("[" + "".join(map(re.escape, _UNIFIED)) + "]")   # a regex: str.translate visits every character
_SPACE = re.compile(r"\s+")
_DOUBLED_CHARS = re.compile(r"((?:([\u3400-\u9fff“”‘’])\2){3,})")
_DOUBLED_PHRASE = re.compile(r"([\u3400-\u9fff“”]{4,16})\1")
_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3})")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_MARK = re.compile(r"[，。；！？,;!?]")
_ROW = re.compile(r"^(?:\d{1,3}|（\d{1,3}）)\s+\S+(?:\s+\S+)+$")        # 1 某某有限公司 某高新区
_TABLE_HEAD = re.compile(r"序号|名称[\s　]|[：:]$")                       # 序号 企业名称 所在园区 / …名单如下：
_HEADLINE_MAX = 40          # characters: a page's first line longer than this is text, not its headline
_COLUMN_MIN_LINES = 20      # fewer lines say nothing about a column's width
_LINE_END = re.compile(r"[。！？][”’」』）]*$")


def _page_lines(raw: str) -> tuple[set[int], set[int], set[int]]:
    """Where headings and table rows end, where rows a page numbers without marking them begin (序号 …, then
    1 某某有限公司 某高新区), and which characters are picture captions (a line that starts with a
    caption word, put by the layout into the middle of a sentence). A heading is a line the page marks (# or |), a
    short unpunctuated line after a sentence's end on a page set in columns, or the unpunctuated line or lines a
    page without columns opens with; never a line whose next line goes on with a company's name."""
    captions = vocabulary().words("clean", "caption_openers")
    heading_ends: set[int] = set()
    row_starts: set[int] = set()
    caption_chars: set[int] = set()
    lines = [m for m in _LINE.finditer(raw) if m.group().strip()]
    short = _column_width(lines) * 0.6     # well under a column's line: a heading, where the page has columns
    after_end = True                       # the page's start, or a line that ended a sentence
    headline = not short                   # a page without columns opens with its headline, in a line or a few
    after_row, previous = False, ""        # a numbered row of a table follows its head or another row
    for k, m in enumerate(lines):
        line = m.group().strip()
        if line.startswith(captions):      # a picture's caption: dropped, and no part of the text around it
            caption_chars.update(range(m.start(), m.end()))
            continue
        unmarked = after_end and not _SENTENCE_MARK.search(line) and not _name_goes_on(lines[k + 1:k + 2])
        if headline:                       # the headline ends where the next line is text, not more of it
            nxt = lines[k + 1].group().strip() if k + 1 < len(lines) else ""
            headline = unmarked and len(line) <= _HEADLINE_MAX and bool(nxt)
            unmarked = headline and bool(_SENTENCE_MARK.search(nxt) or len(nxt) > _HEADLINE_MAX)
        row = not _SENTENCE_MARK.search(line) and (_ROW.match(line) and (after_row or _TABLE_HEAD.search(previous))
                                                  or line.startswith("序号"))
        if row and not line.startswith("|"):
            row_starts.add(m.start() + len(m.group()) - len(m.group().lstrip()))
            if k:                          # the line before a table ends there too (…名单如下：)
                heading_ends.add(lines[k - 1].start() + len(lines[k - 1].group().rstrip()))
        if line.startswith(("#", "|")) or row or unmarked and (len(line) < short or headline):
            heading_ends.add(m.start() + len(m.group().rstrip()))
        after_row = bool(row) or bool(_TABLE_HEAD.search(line)) and not _SENTENCE_MARK.search(line)
        previous = line
        after_end = m.start() + len(m.group().rstrip()) in heading_ends or bool(_LINE_END.search(line)) or headline
    return heading_ends, row_starts, caption_chars


def _name_goes_on(following: list[re.Match]) -> bool:
    """Whether the next line opens with the rest of a company's name (…山东某 / 某生物科技股份有限公司…): before
    its first mark it reaches a legal form, and it does not open with a place, as a new name would."""
    if not following:
        return False
    head = _SENTENCE_MARK.split(following[0].group().strip(), maxsplit=1)[0].replace(" ", "")
    v = vocabulary()
    legal = any(f in head for f in v.words("enterprise", "legal_suffixes"))
    return legal and not any(head[:n] in v.places for n in (2, 3, 4))


def _column_width(lines: list[re.Match]) -> int:
    """The width of the page's column, if its lines have one (most lines within a few characters of the median,
    as a PDF's column gives them), else 0 (a line per paragraph)."""
    widths = sorted(len(m.group().strip()) for m in lines)
    if len(widths) < _COLUMN_MIN_LINES:
        return 0
    median = widths[len(widths) // 2]
    near = sum(abs(w - median) <= max(2, median * 0.15) for w in widths)
    return median if near >= 0.6 * len(widths) else 0


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def clean(raw: str) -> CleanText:
    """Join broken lines, drop stray spaces and picture captions, end headings, mark table rows, unify punctuation
    and undo doubled headlines."""
    heading_ends, row_starts, caption_chars = _page_lines(raw)
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACE.finditer(raw):
        start, end = m.span()
        if start > pos:
            parts.append(raw[pos:start])
            offsets.extend(range(pos, start))
        if start in heading_ends:        # the mark stands for the heading's last character, so spans stay whole
            parts.append(HEADING_END)
            offsets.append(start - 1)
        # a space between two ASCII words is a word break; anywhere else it is a PDF artefact
        if start and end < len(raw) and _ascii_word(raw[start - 1]) and _ascii_word(raw[end]) \
                and not (raw[start - 1].isdigit() and raw[end].isdigit()):
            parts.append(" ")
            offsets.append(start)
        if end in row_starts:            # a numbered row is marked as a Markdown row is: the mark stands for its first
            parts.append(ROW_START)      # character
            offsets.append(end)
        pos = end
    if pos < len(raw):
        parts.append(raw[pos:])
        offsets.extend(range(pos, len(raw)))
    text = _TO_UNIFY.sub(lambda m: _UNIFIED[m.group()], "".join(parts))
    text = _THOUSANDS.sub(",", text)
    drop = {i for i, o in enumerate(offsets) if o in caption_chars} if caption_chars else set()
    for m in _DOUBLED_CHARS.finditer(text):
        drop.update(range(m.start() + 1, m.end(), 2))
    for m in _DOUBLED_PHRASE.finditer(text):
        drop.update(range(m.start(1) + len(m.group(1)), m.end()))
    if drop:                             # keep the runs between dropped characters (few: captions, doubles)
        pieces, kept, prev = [], [], 0
        for i in sorted(drop):
            if i > prev:
                pieces.append(text[prev:i])
                kept.extend(offsets[prev:i])
            prev = i + 1
        pieces.append(text[prev:])
        kept.extend(offsets[prev:])
        text, offsets = "".join(pieces), kept
    return CleanText(text=text, raw=raw, offsets=tuple(offsets))
