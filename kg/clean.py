"""Text cleaning: PDF-extracted newspaper text → CleanText with a map back to the raw characters."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from .model import HEADING_END, ROW_START, CleanText
from .vocabulary import vocabulary

# Punctuation and full-width letters are unified to one form so later patterns have one spelling; every
# mapping is 1:1 so offsets stay exact.
_UNIFIED = dict(zip(",;:!?()", "，；：！？（）"))
_UNIFIED.update({chr(c): chr(c - 0xFEE0) for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)})
# a regex: str.translate visits every character; an ASCII ! or ? between a Latin letter and a Han character is part
# of a brand's name (Go!空间), no sentence's end
_TO_UNIFY = re.compile("(?<![A-Za-z])[!?]|[!?](?![\u4e00-\u9fff])|[" + "".join(map(re.escape, set(_UNIFIED) - set("!?"))) + "]")
_SPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S+")
_WORD_BREAK = re.compile(r"(?<=[A-Za-z0-9])\s+(?=[A-Za-z0-9])")
_DOUBLED_CHARS = re.compile(r"((?:([\u3400-\u9fff“”‘’])\2){3,})")
_DOUBLED_PHRASE = re.compile(r"([\u3400-\u9fff“”]{4,16})\1")
_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3})")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_MARK = re.compile(r"[，。；！？,;!?]")
_NAME_MARK = re.compile(r"[，。；！？、,;!?]")     # ends a name
_NAME_TAIL_MAX = 8          # characters of a broken name's rest before its legal form
_ROW = re.compile(r"^(?:\d{1,3}|（\d{1,3}）)\s+\S+(?:\s+\S+)+$"        # 1 某某有限公司 某高新区
                  r"|^(?:\d{1,3}[.．、]|[（(]\d{1,3}[）)])\s*\S+$")         # 1.某某有限公司: a numbered item
_TABLE_LEAD = re.compile(r"[：:]$")                                      # …名单如下：
_HEADING_SHARE = 0.75       # of a column's width: a shorter unpunctuated line after a sentence's end is a heading
_HEADLINE_MAX = 40          # characters: a page's first line longer than this is text, not its headline
_COLUMN_MIN_LINES = 20      # fewer lines say nothing about a column's width
_LINE_END = re.compile(r"[。！？][”’」』）]*$")


class _Line(NamedTuple):
    """A non-empty line of the raw page: its text without surrounding space, where that text starts and ends."""
    text: str
    start: int
    end: int
    marked: bool                           # holds a sentence's punctuation: text, not a heading
    interrupted: bool = False              # a picture's caption follows: the line is half of a broken sentence


def _page_lines(raw: str) -> tuple[set[int], set[int], set[int]]:
    """Where headings and table rows end, where the rows of a table the page numbers without marking them begin,
    and which characters are picture captions (a line that starts with a caption word, put by the layout into the
    middle of a sentence)."""
    captions = vocabulary().words("clean", "caption_openers")
    lines: list[_Line] = []
    caption_chars: set[int] = set()
    for m in _LINE.finditer(raw):
        line = m.group()
        text = line.strip()
        if text.startswith(captions):
            caption_chars.update(range(m.start(), m.end()))
            if lines:
                lines[-1] = lines[-1]._replace(interrupted=True)
        elif text:
            start = m.start() + len(line) - len(line.lstrip())
            lines.append(_Line(text, start, start + len(text), _SENTENCE_MARK.search(text) is not None))
    rows = _numbered_rows(lines)
    marked = {l.end for l in lines if l.text.startswith(("#", "|"))} | {lines[k].end for k in rows}
    before_tables = {lines[k - 1].end for k in rows if k and k - 1 not in rows}   # …名单如下： ends there
    heading_ends = marked | before_tables | _unmarked_headings(lines, marked)
    return heading_ends, {lines[k].start for k in rows}, caption_chars


def _numbered_rows(lines: list[_Line]) -> set[int]:
    """The lines (by index) that are rows of a table: a table's head (序号 …) and the numbered lines of fields
    after it (1 某某有限公司 某高新区), none of them punctuated as text."""
    heads = vocabulary().words("clean", "table_head_openers")
    rows: set[int] = set()
    after_head = False
    for k, line in enumerate(lines):
        row = not line.marked and (line.text.startswith(heads) or after_head and bool(_ROW.match(line.text)))
        if row:
            rows.add(k)
        after_head = row or bool(_TABLE_LEAD.search(line.text))        # …名单如下：, the rows after it
    return rows


def _unmarked_headings(lines: list[_Line], marked: set[int]) -> set[int]:
    """Where headings the page does not mark end: on a page set in columns, a short unpunctuated line after a
    sentence's end; on a page without columns, the unpunctuated line or lines it opens with (its headline). Never a
    line whose next line goes on with its sentence (opens with a mark) or with a company's name."""
    short = _column_width(lines) * _HEADING_SHARE
    ends: set[int] = set()
    after_end = True                       # the page's start, or a line that ended a sentence
    headline = not short
    for k, line in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        alone = after_end and not line.marked and not line.interrupted and not (
            nxt is not None and (nxt.text[0] in "，。、；：,.;:）)”’" or _name_goes_on(nxt.text)))
        if headline:                       # the headline ends where the next line is text, not more of it
            headline = alone and len(line.text) <= _HEADLINE_MAX and nxt is not None
            heading = headline and (nxt.marked or len(nxt.text) > _HEADLINE_MAX)
        else:
            heading = alone and len(line.text) < short
        if heading:
            ends.add(line.end)
        after_end = heading or headline or line.end in marked or bool(_LINE_END.search(line.text))
    return ends


def _name_goes_on(following: str) -> bool:
    """Whether a line opens with the rest of a company's name begun on the line before (…山东某 / 某生物科技股份有限
    公司…): before its first mark it soon reaches a legal form, and it opens neither with a place nor with a Latin
    brand, as a new name would (湖南某某…, TCL某某…)."""
    head = _NAME_MARK.split(following, maxsplit=1)[0].replace(" ", "")
    v = vocabulary()
    suffix = v.finder("enterprise", "legal_suffixes").search(head)
    return suffix is not None and suffix.start() <= _NAME_TAIL_MAX and not head[:1].isascii() \
        and not any(head[:n] in v.places for n in (2, 3, 4))


def _column_width(lines: list[_Line]) -> int:
    """The width of the page's column, if its lines have one (most lines within a few characters of the median,
    as a PDF's column gives them), else 0 (a line per paragraph)."""
    widths = sorted(len(line.text) for line in lines)
    if len(widths) < _COLUMN_MIN_LINES:
        return 0
    median = widths[len(widths) // 2]
    near = sum(abs(w - median) <= max(2, median * 0.15) for w in widths)
    return median if near >= 0.6 * len(widths) else 0


def _without_spaces(raw: str, heading_ends: set[int], row_starts: set[int]) -> tuple[str, list[int]]:
    """The page without its spaces and line breaks, with each character's raw offset; in their place a heading's end
    mark (standing for the heading's last character, so spans stay whole), a word break between two ASCII words (not
    two numbers: elsewhere a space is a PDF artefact) and a numbered row's mark (standing for its first character).
    The marks are few, so the text is stripped in one pass and they are put in after."""
    offsets = [i for m in _NON_SPACE.finditer(raw) for i in range(*m.span())]
    text = _SPACE.sub("", raw)
    marks = [(s, 0, HEADING_END, s - 1) for s in heading_ends if raw[s:s + 1].isspace()]
    marks += [(m.start(), 1, " ", m.start()) for m in _WORD_BREAK.finditer(raw)
              if not (raw[m.start() - 1].isdigit() and raw[m.end()].isdigit())]
    marks += [(r, 2, ROW_START, r) for r in row_starts if r and raw[r - 1].isspace()]
    if not marks:
        return text, offsets
    pieces, kept, prev = [], [], 0
    for at, _, mark, offset in sorted((bisect_left(offsets, s), order, mark, o) for s, order, mark, o in marks):
        pieces += (text[prev:at], mark)
        kept += offsets[prev:at]
        kept.append(offset)
        prev = at
    pieces.append(text[prev:])
    kept += offsets[prev:]
    return "".join(pieces), kept


def clean(raw: str) -> CleanText:
    """Join broken lines, drop stray spaces and picture captions, end headings, mark table rows, unify punctuation
    and undo doubled headlines."""
    heading_ends, row_starts, caption_chars = _page_lines(raw)
    text, offsets = _without_spaces(raw, heading_ends, row_starts)
    text = _TO_UNIFY.sub(lambda m: _UNIFIED[m.group()], text)
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
