"""Scanned pages: images (PNG, JPEG, TIFF…) and PDF pages without a text layer, through tesseract.

tesseract (Debian: tesseract-ocr, tesseract-ocr-chi-sim, tesseract-ocr-chi-tra;
``make ocr-deps``) runs as a subprocess with a timeout; where it is missing the
page is refused with a one-line message saying what to install.

Columns are found before recognition, the simple way (``regions``): the page
is binarised (Otsu's threshold), shrunk so a character is about 12 pixels high
and dilated with Pillow, then reduced to one row, which gives the share of
inked rows in each pixel column; a gutter is a run of nearly white pixel
columns at least about a character wide, much whiter than the text on both
sides. Rows where ink crosses a gutter are a headline spanning columns: it is
recognised on its own, across the columns it spans, and blanked out of the
column strips. Each strip is recognised on its own (``--psm 4``: one column
of text of variable sizes), so lines of neighbouring columns are never read
across. tesseract's words (TSV output) are put back into lines in page
coordinates, and the lines go through the same reading order and paragraph
rules as PDF text (geometry.py). Spaces between Chinese words are not kept
(tesseract's word boxes do not tell them). ``ocr_quality`` is tesseract's
mean word confidence, weighted by characters, over 100. Limits of the method:
a photo is read as a column of noise; a page skewed by more than a degree or
two blurs its gutters (no deskewing is done).
"""
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path

from articles.ingest.readers import limits
from articles.ingest.readers.errors import PageError
from articles.ingest.readers.geometry import Segment, body_size, join_text, page_text
from articles.ingest.readers.page import Draft

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra"
PAD = 12  # white border kept around a column strip
MIN_STRIP = 24  # narrower ink (a rule, a dot) is no column of text
CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def read(path, name, size):
    """An image file: one page, or one per frame of a multi-page TIFF."""
    from PIL import ImageSequence

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    with _open_image(path, name) as image:
        frames = getattr(image, "n_frames", 1)
        max_pages = int(limits.setting("INGEST_MAX_PDF_PAGES"))
        if frames > max_pages:
            raise PageError(f"{name}: 图像页数过多 (image has {frames} frames > {max_pages}, INGEST_MAX_PDF_PAGES)")
        drafts = []
        for n, frame in enumerate(ImageSequence.Iterator(image), 1):
            page_name = f"{name}#p{n}" if frames > 1 else name
            _check_pixels(frame, page_name)
            text, quality = ocr_image(_loaded(frame, page_name), page_name, dpi=_dpi(frame))
            page_hash = digest.copy()
            if frames > 1:
                page_hash.update(f"#p{n}".encode())
            drafts.append(Draft(
                name=page_name, text=text, encoding="ocr", format="image",
                content_hash=page_hash.hexdigest(), file_hash=digest.hexdigest(),
                ocr_quality=quality, part_of_file=frames > 1,
            ))
    return drafts


def _open_image(path, name):
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = int(limits.setting("INGEST_MAX_IMAGE_PIXELS"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PageError(f"{name}: 图像像素过多 (image too large: over INGEST_MAX_IMAGE_PIXELS)") from None
    except (OSError, SyntaxError, ValueError):
        raise PageError(f"{name}: 图像文件已损坏，无法打开 (binary file: damaged or unreadable image)") from None


def _check_pixels(image, name):
    width, height = image.size
    limit = int(limits.setting("INGEST_MAX_IMAGE_PIXELS"))
    if width * height > limit:
        raise PageError(
            f"{name}: 图像像素过多 (image too large: {width}x{height} > {limit:,} pixels, INGEST_MAX_IMAGE_PIXELS)"
        )


def _loaded(frame, name):
    from PIL import ImageOps

    try:
        image = ImageOps.exif_transpose(frame)
        return image.convert("L")
    except (OSError, SyntaxError, ValueError):
        raise PageError(f"{name}: 图像文件已损坏，无法解码 (binary file: damaged image data)") from None


def _dpi(image):
    dpi = image.info.get("dpi")
    try:
        value = int(round(float(dpi[0])))
    except (TypeError, ValueError, IndexError):
        return None
    return value if 70 <= value <= 1200 else None


# --- tesseract ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _installed_languages(binary):
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def tesseract():
    """(binary, languages) to run, or a PageError saying what to install."""
    binary = shutil.which("tesseract")
    if not binary:
        raise PageError(f"OCR 未安装: {INSTALL_HINT}")
    wanted = [lang for lang in str(limits.setting("INGEST_OCR_LANGS")).split("+") if lang]
    have = _installed_languages(binary)
    langs = [lang for lang in wanted if lang in have]
    if not langs:
        raise PageError(f"OCR 未安装中文语言包 ({'+'.join(wanted)}): {INSTALL_HINT}")
    return binary, "+".join(langs)


def ocr_image(image, name, dpi=None):
    """(page text, quality) of a greyscale PIL image, column by column."""
    from PIL import ImageDraw

    try:
        binary, langs = tesseract()
    except PageError as exc:
        raise PageError(f"{name}: {exc}") from None
    segments, weight, conf_sum = [], 0, 0.0
    timeout = float(limits.setting("INGEST_OCR_TIMEOUT"))
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        for i, (box, blanks) in enumerate(regions(image)):
            x0, y0, x1, y1 = box
            x0, y0 = max(0, x0 - PAD), max(0, y0 - PAD)
            x1, y1 = min(image.width, x1 + PAD), min(image.height, y1 + PAD)
            crop = image.crop((x0, y0, x1, y1))
            if blanks:
                draw = ImageDraw.Draw(crop)
                for bx0, by0, bx1, by1 in blanks:
                    draw.rectangle((bx0 - x0, by0 - y0, bx1 - x0, by1 - y0), fill=255)
            region_path = Path(tmp) / f"region{i}.png"
            crop.save(region_path)
            words = parse_tsv(_run(binary, langs, region_path, dpi, timeout, name))
            for word in words:
                if word["conf"] >= 0:
                    n = len(word["text"])
                    weight += n
                    conf_sum += word["conf"] * n
            segments.extend(_line_segments(words, x0, y0))
    quality = round(conf_sum / weight / 100, 3) if weight else None
    return page_text(_snap_sizes(segments)), quality


def _run(binary, langs, image_path, dpi, timeout, name):
    cmd = [binary, str(image_path), "stdout", "-l", langs, "--psm", "4"]
    if dpi:
        cmd += ["--dpi", str(dpi)]
    cmd += ["-c", "preserve_interword_spaces=1", "tsv"]
    # tesseract's OpenMP threads make it several times slower on a small machine.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL, env=env)
    except subprocess.TimeoutExpired:
        raise PageError(f"{name}: OCR 超时 (tesseract took over {timeout:g} s, INGEST_OCR_TIMEOUT)") from None
    except OSError as exc:
        raise PageError(f"{name}: OCR 无法运行 (cannot run tesseract: {exc.strerror or exc})") from None
    if proc.returncode != 0:
        last = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["?"])[-1][:200]
        raise PageError(f"{name}: OCR 失败 (tesseract failed: {last})")
    return proc.stdout.decode("utf-8", "replace")


def parse_tsv(tsv):
    """tesseract's TSV -> words: dicts with text, conf, box and (block, par, line) keys."""
    words = []
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if not header:
        return words
    for row in reader:
        if len(row) < 12 or row[0] != "5":
            continue
        text = row[11].strip()
        if not text:
            continue
        left, top, width, height = (int(v) for v in row[6:10])
        words.append({
            "key": (int(row[2]), int(row[3]), int(row[4])),
            "x0": left, "x1": left + width, "top": top, "bottom": top + height,
            "conf": float(row[10]), "text": text,
        })
    return words


def _line_segments(words, dx, dy):
    """tesseract's lines as Segments in page coordinates, words joined as text is."""
    lines = {}
    for word in words:
        lines.setdefault(word["key"], []).append(word)
    out = []
    for ws in lines.values():
        ws.sort(key=lambda w: w["x0"])
        text = ""
        for w in ws:
            text = join_text(text, w["text"])
        # Punctuation boxes (“ 。) are small: the line's size is that of its characters.
        heights = sorted(w["bottom"] - w["top"] for w in ws if any(CJK_CHAR.match(c) for c in w["text"]))
        heights = heights or sorted(w["bottom"] - w["top"] for w in ws)
        out.append(Segment(
            x0=ws[0]["x0"] + dx, x1=max(w["x1"] for w in ws) + dx,
            top=min(w["top"] for w in ws) + dy, bottom=max(w["bottom"] for w in ws) + dy,
            size=float(heights[len(heights) // 2]), text=text,
        ))
    return out


def _snap_sizes(segments):
    """OCR boxes of one font vary more than PDF font sizes: sizes near the body's become the body's."""
    if not segments:
        return segments
    size = body_size(segments)
    for s in segments:
        if abs(s.size - size) <= 0.25 * size:
            s.size = size
    return segments


# --- columns -------------------------------------------------------------------------------


def otsu(histogram):
    """Otsu's threshold of a 256-bin greyscale histogram."""
    total = sum(histogram)
    if not total:
        return 128
    sum_all = sum(i * h for i, h in enumerate(histogram))
    best, best_t = -1.0, 128
    weight_b = sum_b = 0
    for t, h in enumerate(histogram):
        weight_b += h
        if weight_b == 0:
            continue
        weight_f = total - weight_b
        if weight_f == 0:
            break
        sum_b += t * h
        mean_b = sum_b / weight_b
        mean_f = (sum_all - sum_b) / weight_f
        between = weight_b * weight_f * (mean_b - mean_f) ** 2
        if between > best:
            best, best_t = between, t
    return best_t


def regions(image):
    """The parts of the page to recognise one by one: [(box, boxes to blank inside it)].

    The binarised page is shrunk so a character is about 12 pixels high and
    dilated, which fills each text line into a solid bar while gutters (wider
    than a character) stay white: the share of rows inked in each pixel column
    is high inside a text column and near zero in a gutter, which only a
    headline spanning columns crosses. Rows where ink crosses a gutter are such
    headlines: each is recognised on its own across the columns it spans, and
    blanked out of the column strips, which are recognised whole.
    """
    from PIL import Image, ImageFilter

    threshold = otsu(image.histogram())
    ink = image.point(lambda v: 255 if v <= threshold else 0)
    width, height = ink.size
    char = _char_height(ink) or max(8, width // 100)
    scale = min(1.0, 12 / char)
    small_w, small_h = max(1, int(width * scale)), max(1, int(height * scale))
    small = ink.resize((small_w, small_h), Image.BOX).point(lambda v: 255 if v > 0 else 0)
    small = small.filter(ImageFilter.MaxFilter(5))
    profile = [v / 255 for v in _flat(small.resize((small_w, 1), Image.BOX))]
    inked = [x for x, v in enumerate(profile) if v > 0]
    if not inked:
        return []
    first, last = inked[0], inked[-1]
    level = sorted(v for v in profile[first:last + 1] if v > 0)
    # A gutter: few rows inked against the page, and against the text on both
    # sides of it (a short column at the end of an article is still a column).
    tolerance = 0.35 * level[len(level) // 2]
    min_gutter = max(3, 0.8 * char * scale - 4)  # the dilation took 2 pixels off each side
    reach = int(3 * char * scale)
    gutters, x = [], first
    while x <= last:
        if profile[x] <= tolerance:
            run = x
            while run <= last and profile[run] <= tolerance:
                run += 1
            if run <= last:
                beside = min(_median(profile[max(first, x - reach):x]), _median(profile[run:run + reach]))
                core = _longest_run(profile, x, run, 0.35 * beside)
                if core and core[1] - core[0] >= min_gutter:
                    gutters.append(core)
            x = run
        else:
            x += 1
    edges = [first] + [e for g in gutters for e in g] + [last + 1]
    columns = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]

    # Rows where a line crosses a gutter, grouped into runs.
    crossing = [set() for _ in range(small_h)]
    for gi, (g0, g1) in enumerate(gutters):
        # Ink in the middle half of the gutter: punctuation hanging at a column's
        # edge reaches only into its sides.
        quarter = (g1 - g0) // 4
        rows = _flat(small.crop((g0 + quarter, 0, max(g0 + quarter + 1, g1 - quarter), small_h))
                     .resize((1, small_h), Image.BOX))
        for y, v in enumerate(rows):
            if v > 0:
                crossing[y].add(gi)
    spans = []
    for y, crossed in enumerate(crossing):
        if not crossed:
            continue
        if spans and y - spans[-1][1] <= 2:
            spans[-1][1] = y + 1
            spans[-1][2] |= crossed
        else:
            spans.append([y, y + 1, set(crossed)])

    def full(x0, y0, x1, y1):
        return (int(x0 / scale), int(y0 / scale), min(width, int(x1 / scale) + 1), min(height, int(y1 / scale) + 1))

    out, blanks = [], []
    for y0, y1, crossed in spans:
        box = full(columns[min(crossed)][0], y0, columns[max(crossed) + 1][1], y1)
        out.append((box, []))
        blanks.append(box)
    for c0, c1 in columns:
        box = full(c0, 0, c1, small_h)
        if box[2] - box[0] >= MIN_STRIP:
            inside = [b for b in blanks if b[0] < box[2] and b[2] > box[0]]
            out.append((box, inside))
    return out


def column_strips(image):
    """x-ranges of the page's text columns, left to right."""
    return [box[0::2] for box, _ in regions(image) if box[1] == 0]


def _longest_run(profile, start, end, ceiling):
    """The longest stretch of profile[start:end] at or below ``ceiling``, as (x0, x1)."""
    best, x = None, start
    while x < end:
        if profile[x] <= ceiling:
            run = x
            while run < end and profile[run] <= ceiling:
                run += 1
            if best is None or run - x > best[1] - best[0]:
                best = (x, run)
            x = run
        else:
            x += 1
    return best


def _median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


def _flat(image):
    return list(image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata())


def _char_height(ink):
    """The usual height of a text line: the median run of inked rows in narrow strips of the page."""
    from PIL import Image

    width, height = ink.size
    runs = []
    for i in range(1, 8):  # seven narrow strips across the page
        x0 = width * i // 8
        strip = ink.crop((x0, 0, min(width, x0 + max(8, width // 40)), height))
        rows = _flat(strip.resize((1, height), Image.BOX))
        run = 0
        for v in rows:
            if v > 0:
                run += 1
            elif run:
                runs.append(run)
                run = 0
    runs = sorted(r for r in runs if r >= 3)
    return runs[len(runs) // 2] if runs else None
