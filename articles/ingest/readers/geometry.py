"""Reading order of a laid-out page: columns found from where the text is, then paragraphs.

Used by the PDF reader (chars from the text layer) and by OCR (words from
tesseract). Pure functions over boxes, no PDF or image library here.

Columns: newspaper pages set body text in 3-6 columns; a headline may span
several. The gutters are the x-ranges that no *body* line covers (body lines:
the page's most common size; a spanning headline is larger and is not asked).
The page is then cut recursively (an XY-cut): first at gutters nothing
crosses, each side read on its own; where a gutter is crossed by a spanning
line, the columns under the topmost spanning line are cut horizontally around
it (what is above it, it, what is below it), columns beside it staying whole.
Where no gutter runs the whole height (two grids stacked), the page is cut
across at the strips of white between them. Within a column, lines are read top to bottom and joined into
paragraphs: a line that reaches the column's right edge continues onto the
next unless that one is indented or set apart by extra space.
"""
import re
from dataclasses import dataclass, field
from statistics import median

_CJK_OR_FULLWIDTH = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…·]")
MAX_DEPTH = 16


@dataclass
class Segment:
    """A run of text on one visual line, with no wide gap inside."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size (PDF) or line height (OCR)
    text: str
    weight: int = 0  # characters, for medians

    def __post_init__(self):
        if not self.weight:
            self.weight = len(self.text.strip()) or 1

    @property
    def middle(self):
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str
    parts: list = field(default_factory=list)


# --- chars -> segments ---------------------------------------------------------------


def segments_from_chars(chars, gap=0.4):
    """Group positioned chars (dicts with text, x0, x1, top, bottom, size) into segments.

    Chars on one visual line are those whose vertical middles lie within half
    a char of each other; a line is split where the space between two chars
    exceeds ``gap`` times the char size (column gutters are wider than that).
    A space the PDF wrote, or a gap of a quarter char, is kept as one space.
    """
    spaces = [c for c in chars if c["text"] and c["text"].isspace()]
    chars = [c for c in chars if c["text"] and not c["text"].isspace()]
    chars.sort(key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    rows = []
    for ch in chars:
        mid = (ch["top"] + ch["bottom"]) / 2
        size = _size(ch)
        if rows and abs(mid - rows[-1]["mid"]) <= 0.5 * min(size, rows[-1]["size"]):
            row = rows[-1]
            row["chars"].append(ch)
            row["mid"] += (mid - row["mid"]) / len(row["chars"])
        else:
            rows.append({"mid": mid, "size": size, "chars": [ch]})
    space_marks = sorted(((c["top"] + c["bottom"]) / 2, c["x0"], c["x1"]) for c in spaces)
    segments = []
    for row in rows:
        run = []
        for ch in sorted(row["chars"], key=lambda c: c["x0"]):
            if run and ch["x0"] - run[-1]["x1"] > gap * _size(ch):
                segments.append(_segment(run, space_marks))
                run = []
            run.append(ch)
        if run:
            segments.append(_segment(run, space_marks))
    return segments


def _size(ch):
    return max(ch.get("size") or (ch["bottom"] - ch["top"]), 1.0)


def _segment(run, space_marks=()):
    text = []
    mid = sum((c["top"] + c["bottom"]) / 2 for c in run) / len(run)
    for prev, ch in zip([None] + run[:-1], run):
        if prev is not None:
            size = _size(ch)
            written = any(
                abs(m - mid) <= 0.5 * size and x0 >= prev["x1"] - 0.5 and x1 <= ch["x0"] + 0.5
                for m, x0, x1 in space_marks
            ) if ch["x0"] - prev["x1"] > 0.05 * size else False
            if written or ch["x0"] - prev["x1"] > 0.25 * size:
                text.append(" ")
        text.append(ch["text"])
    sizes = sorted(_size(c) for c in run)
    return Segment(
        x0=min(c["x0"] for c in run),
        x1=max(c["x1"] for c in run),
        top=min(c["top"] for c in run),
        bottom=max(c["bottom"] for c in run),
        size=sizes[len(sizes) // 2],
        text="".join(text),
    )


# --- reading order ----------------------------------------------------------------------


def body_size(segments):
    """The size most text is set in (by characters)."""
    counts = {}
    for s in segments:
        key = round(s.size * 2) / 2
        counts[key] = counts.get(key, 0) + s.weight
    return max(counts, key=counts.get) if counts else 10.0


def is_body(segment, size):
    return abs(segment.size - size) <= 0.15 * size


def gutters(segments, size, min_width=None):
    """x-ranges inside the text that (almost) no body segment covers, at least ``min_width`` wide.

    One body line in thirty may cross a gutter (a byline set across two
    columns): it is then read as a spanning line.
    """
    body = [s for s in segments if is_body(s, size)]
    if not body:
        return []  # headlines only: their word gaps are no columns
    min_width = 0.6 * size if min_width is None else min_width
    tolerance = len(body) // 30
    events = sorted([(s.x0, 1) for s in body] + [(s.x1, -1) for s in body])
    found, count, opened = [], 0, None
    for x, step in events:
        before = count
        count += step
        if before > tolerance >= count:
            opened = x  # coverage drops to the tolerance: a gap may start
        elif before <= tolerance < count and opened is not None:
            if x - opened >= min_width:
                found.append((opened, x))
            opened = None
    return found


def _crosses(segment, gutter):
    return segment.x0 < gutter[0] + 0.5 and segment.x1 > gutter[1] - 0.5


def reading_order(segments, size=None):
    """The segments as blocks (lists, each one column's worth), in reading order."""
    size = size or body_size(segments)
    blocks = []
    _cut(segments, size, blocks, 0)
    return blocks


def _cut(segments, size, blocks, depth):
    if not segments:
        return
    found = gutters(segments, size) if depth < MAX_DEPTH else []
    if not found:
        # Two grids stacked (a lead in three columns over an article in two): no gutter runs
        # the whole height, but a strip of white runs the whole width between them.
        bands = _bands(segments, size) if depth < MAX_DEPTH else []
        if len(bands) > 1 and any(gutters(band, size) for band in bands):
            for band in bands:
                _cut(band, size, blocks, depth + 1)
            return
        blocks.append(sorted(segments, key=lambda s: (s.top, s.x0)))
        return
    clean = [g for g in found if not any(_crosses(s, g) for s in segments)]
    if clean:
        edges = [(g[0] + g[1]) / 2 for g in clean]
        groups = [[] for _ in range(len(edges) + 1)]
        for s in segments:
            groups[sum(1 for e in edges if (s.x0 + s.x1) / 2 > e)].append(s)
        for group in groups:
            _cut(group, size, blocks, depth + 1)
        return
    # Gutters crossed by spanning lines (headlines over several columns). Take
    # the topmost run of them: the columns it covers are read as what lies
    # above it, the run, then what lies below it; columns wholly to its left
    # are read before, those wholly to its right after, and not cut by it.
    spanning = sorted((s for s in segments if any(_crosses(s, g) for g in found)), key=lambda s: s.top)
    run = [spanning[0]]
    bottom = spanning[0].bottom
    for s in spanning[1:]:
        if s.top <= bottom + 0.5 * size:
            run.append(s)
            bottom = max(bottom, s.bottom)
    top = run[0].top
    x0, x1 = min(s.x0 for s in run), max(s.x1 for s in run)
    # Widen to whole columns: a column the run reaches into is under it.
    x0 = max((g[1] for g in found if g[1] <= x0 + 0.5), default=float("-inf"))
    x1 = min((g[0] for g in found if g[0] >= x1 - 0.5), default=float("inf"))
    left, above, band, below, right = [], [], [], [], []
    for s in segments:
        if s.x1 <= x0 + 0.5 and s not in run:
            left.append(s)
        elif s.x0 >= x1 - 0.5 and s not in run:
            right.append(s)
        elif s in run or top - 0.01 <= s.middle <= bottom + 0.01:
            band.append(s)
        elif s.middle < top:
            above.append(s)
        else:
            below.append(s)
    parts = [p for p in (left, above, band, below, right) if p]
    if len(parts) == 1:
        blocks.append(sorted(segments, key=lambda s: (s.top, s.x0)))
        return
    for part in parts:
        _cut(part, size, blocks, depth + 1)


def _bands(segments, size):
    """The segments cut at every strip of white across them at least a line high, top to bottom."""
    bands, bottom = [], None
    for s in sorted(segments, key=lambda s: s.top):
        if bottom is not None and s.top - bottom >= size:
            bands.append([])
        if not bands:
            bands.append([])
        bands[-1].append(s)
        bottom = s.bottom if bottom is None else max(bottom, s.bottom)
    return bands


# --- lines and paragraphs -------------------------------------------------------------


def lines_of(block):
    """A block's segments joined into lines (segments of one visual line, left to right)."""
    lines = []
    for s in sorted(block, key=lambda s: (s.middle, s.x0)):
        if lines and abs(s.middle - (lines[-1].top + lines[-1].bottom) / 2) <= 0.5 * min(s.size, lines[-1].size):
            line = lines[-1]
            line.parts.append(s)
            line.parts.sort(key=lambda p: p.x0)
            line.x0, line.x1 = min(line.x0, s.x0), max(line.x1, s.x1)
            line.top, line.bottom = min(line.top, s.top), max(line.bottom, s.bottom)
            line.size = max(line.size, s.size)
            line.text = " ".join(p.text for p in line.parts)
        else:
            lines.append(Line(s.x0, s.x1, s.top, s.bottom, s.size, s.text, [s]))
    return lines


def paragraphs(lines, size):
    """Lines of one column, top to bottom, joined into paragraphs (see ``column_paragraphs``)."""
    return column_paragraphs(lines, size)[0]


def column_paragraphs(lines, size):
    """(paragraphs, runs_on, flush) of one column's lines, top to bottom.

    A line continues the paragraph above when both are of one size, that one
    ran to the column's right edge, this one is not indented, and no extra
    space parts them. A short line (a byline, a headline broken on purpose)
    ends its paragraph; so does a change of size.
    """
    if not lines:
        return [], False, False
    body = [line for line in lines if abs(line.size - size) <= 0.15 * size]
    left = min((line.x0 for line in body), default=min(line.x0 for line in lines))
    right = max((line.x1 for line in body), default=max(line.x1 for line in lines))
    spacing = _line_spacing(body, size)
    out = []
    prev = None
    for line in lines:
        # A body line, or a headline wrapped in its column, continues onto the next.
        # "Ran to the edge" allows two characters: in a narrow column a line that
        # passed a character down with the punctuation after it ends short.
        joins = (
            prev is not None
            and abs(line.size - prev.size) <= 0.15 * prev.size
            and prev.x1 >= right - 2 * prev.size
            and line.x0 <= left + 0.6 * size
            and line.top - prev.bottom <= spacing + 0.5 * line.size
        )
        if joins:
            out[-1] = join_text(out[-1], line.text)
        else:
            out.append(line.text)
        prev = line
    first, last = lines[0], lines[-1]
    # Whether the column's last paragraph runs on, and its first could be the rest of one.
    runs_on = abs(last.size - size) <= 0.15 * size and last.x1 >= right - 2 * size
    flush = abs(first.size - size) <= 0.15 * size and first.x0 <= left + 0.6 * size
    return [p.strip() for p in out if p.strip()], runs_on, flush


def _line_spacing(lines, size):
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if 0 <= b.top - a.bottom <= 2 * size]
    return median(gaps) if gaps else 0.3 * size


def join_text(left, right):
    """Join two pieces of one paragraph: no space between CJK, one between ASCII words."""
    if not left:
        return right
    if not right:
        return left
    if _CJK_OR_FULLWIDTH.match(left[-1]) or _CJK_OR_FULLWIDTH.match(right[0]):
        return left + right
    if left[-1] == "-" and right[0].isalpha():
        return left[:-1] + right
    if left[-1].isalpha() and right[0].isalpha():
        return left + " " + right  # English words wrapped at a space
    return left + right


def page_text(segments):
    """Segments of one page -> page text: blocks in reading order, paragraphs, blank lines between."""
    if not segments:
        return ""
    size = body_size(segments)
    out = []
    runs_on = False
    bottom = None  # where the block before ended
    for block in reading_order(segments, size):
        texts, next_runs_on, flush = column_paragraphs(lines_of(block), size)
        if not texts:
            continue
        top = min(s.top for s in block)
        if out and runs_on and flush and top < bottom:
            # A paragraph that filled the column's last line and goes on at the top
            # of the next column, unindented (not in a band below: that is another article).
            out[-1] = join_text(out[-1], texts[0])
            texts = texts[1:]
        out.extend(texts)
        runs_on = next_runs_on
        bottom = max(s.bottom for s in block)
    return "\n\n".join(out) + "\n" if out else ""
