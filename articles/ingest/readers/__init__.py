"""Reading page files: whatever form a page comes in -> PageText, or a one-line refusal.

One module per format, all handing the pipeline the same kind of page text:

- text.py   plain text in UTF-8, GB18030/GBK, Big5 or UTF-16 (with or without BOM)
- html.py   web pages: main text and metadata through trafilatura
- pdf.py    PDFs with a text layer, column by column (pdfplumber); pages without one go to OCR
- docx.py   Word .docx, read from its XML
- ocr.py    images (PNG/JPEG/TIFF…) and text-less PDF pages through tesseract
- detect.py the format, from the file's first bytes rather than its name
- limits.py size and time limits (Django settings INGEST_*)
- metadata.py  paper, date, 版次, 版名 read from a page's own lines
- page.py   the checks and metadata every page goes through

The size is checked with stat() before anything is read; anything that is not
a Chinese page (binary, empty, undecodable, no Chinese, too large) is refused
with a PageError naming the file, so the command can report it and go on.
"""
import stat as stat_module
from pathlib import Path

from articles.ingest.readers import limits
from articles.ingest.readers.detect import HEAD_BYTES, sniff
from articles.ingest.readers.errors import PageError
from articles.ingest.readers.page import finish

__all__ = ["PageError", "iter_page_paths", "read_page", "read_pages", "PAGE_SUFFIXES"]

# What a folder is expanded to. A file named explicitly is read whatever its suffix.
PAGE_SUFFIXES = {
    ".txt", ".htm", ".html", ".xhtml", ".shtml", ".pdf", ".docx",
    ".png", ".jpg", ".jpeg", ".tif", ".tiff",
}


def read_pages(path):
    """The pages of one file: one for most formats, one per page of a PDF.

    Raises PageError (one line naming the file) when the file cannot be ingested.
    """
    path = Path(path)
    name = path.name
    size = _regular_file_size(path, name)
    _check_size(name, size, None)
    head = _head(path, name)
    fmt = sniff(path, head, name)
    _check_size(name, size, fmt)
    return [finish(draft) for draft in _reader(fmt).read(path, name, size)]


def read_page(path):
    """The page of a one-page file (text, HTML, .docx, image, one-page PDF)."""
    pages = read_pages(path)
    if len(pages) != 1:
        raise PageError(f"{Path(path).name}: 文件有 {len(pages)} 页，请用 read_pages (file has {len(pages)} pages)")
    return pages[0]


def _reader(fmt):
    # Imported on use: a text ingest does not load lxml, pdfplumber or Pillow.
    if fmt == "text":
        from articles.ingest.readers import text as module
    elif fmt == "html":
        from articles.ingest.readers import html as module
    elif fmt == "pdf":
        from articles.ingest.readers import pdf as module
    elif fmt == "docx":
        from articles.ingest.readers import docx as module
    else:
        from articles.ingest.readers import ocr as module
    return module


def _regular_file_size(path, name):
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PageError(f"{name}: 文件不存在 (file not found)") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise PageError(f"{name}: 无法读取文件 (cannot read file: {reason})") from None
    if stat_module.S_ISDIR(info.st_mode):
        raise PageError(f"{name}: 是文件夹而不是文件 (is a folder, not a file)")
    if not stat_module.S_ISREG(info.st_mode):
        # A FIFO or a device (/dev/zero) would never end or never come.
        raise PageError(f"{name}: 不是普通文件 (not a regular file: pipe or device)")
    return info.st_size


def _check_size(name, size, fmt):
    limit = limits.max_file_bytes(fmt)
    if size > limit:
        what = f"{fmt} " if fmt else ""
        raise PageError(
            f"{name}: 文件过大，未读取 (file too large: {limits.human(size)} > {what}limit "
            f"{limits.human(limit)}, INGEST_MAX_FILE_BYTES)"
        )


def _head(path, name):
    try:
        with open(path, "rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise PageError(f"{name}: 无法读取文件 (cannot read file: {reason})") from None


def iter_page_paths(paths):
    """The page files named by ``paths``: folders expand to their page files, sorted.

    A folder gives its files with a page suffix (PAGE_SUFFIXES: .txt, .html,
    .pdf, .docx, images), not its sub-folders. A file named explicitly is kept
    whatever its suffix; a path that does not exist raises PageError.
    """
    found = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            found.extend(
                sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
            )
        elif path.exists():
            found.append(path)
        else:
            raise PageError(f"{path}: 文件或文件夹不存在 (no such file or folder)")
    unique = []
    seen = set()
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
