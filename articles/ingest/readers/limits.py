"""Limits that keep a hostile or broken file from costing more than a page is worth.

Every limit can be changed in Django settings (the readers also run without
Django configured, on the defaults):

INGEST_MAX_FILE_BYTES   file size, checked with stat() before anything is read.
                        An int applies to every format; a dict overrides some
                        formats: {"pdf": 80 * MB}. Defaults: 20 MB for text, HTML
                        and .docx; 50 MB for PDF and images.
INGEST_MAX_LINE_CHARS   longest line of a page's text (20,000).
INGEST_MAX_PAGE_CHARS   characters of one page's text (200,000).
INGEST_MAX_UNZIPPED_BYTES  a .docx's entries added up, as its zip directory
                        declares them, and what is actually inflated (100 MB).
INGEST_MAX_ZIP_ENTRIES  entries in a .docx (5,000).
INGEST_MAX_IMAGE_PIXELS pixels of an image or of a rendered PDF page
                        (100 million; Pillow's own bomb check is set to this too).
INGEST_MAX_PDF_PAGES    pages of one PDF (300).
INGEST_PDF_TIMEOUT      seconds for reading one PDF's text layer (180).
INGEST_PDF_MEMORY_BYTES address space of the process reading a PDF (2 GB).
INGEST_OCR_TIMEOUT      seconds for one tesseract run (120).
INGEST_OCR_LANGS        tesseract languages ("chi_sim+chi_tra").
INGEST_OCR_DPI          resolution PDF pages without a text layer are rendered at (300).
"""
MB = 1024 * 1024

FORMATS = ("text", "html", "docx", "pdf", "image")

DEFAULTS = {
    "INGEST_MAX_FILE_BYTES": {
        "text": 20 * MB, "html": 20 * MB, "docx": 20 * MB, "pdf": 50 * MB, "image": 50 * MB,
    },
    "INGEST_MAX_LINE_CHARS": 20_000,
    "INGEST_MAX_PAGE_CHARS": 200_000,
    "INGEST_MAX_UNZIPPED_BYTES": 100 * MB,
    "INGEST_MAX_ZIP_ENTRIES": 5_000,
    "INGEST_MAX_IMAGE_PIXELS": 100_000_000,
    "INGEST_MAX_PDF_PAGES": 300,
    "INGEST_PDF_TIMEOUT": 180,
    "INGEST_PDF_MEMORY_BYTES": 2048 * MB,
    "INGEST_OCR_TIMEOUT": 120,
    "INGEST_OCR_LANGS": "chi_sim+chi_tra",
    "INGEST_OCR_DPI": 300,
}


def setting(name):
    """The value of ``name`` from Django settings when configured, else its default."""
    default = DEFAULTS[name]
    try:
        from django.conf import settings

        if settings.configured:
            value = getattr(settings, name, None)
            if value is not None:
                return value
    except ImportError:  # the readers work without Django
        pass
    return default


def max_file_bytes(fmt=None):
    """The size limit of format ``fmt``; of the most lenient format when None."""
    value = setting("INGEST_MAX_FILE_BYTES")
    limits = dict(DEFAULTS["INGEST_MAX_FILE_BYTES"])
    if isinstance(value, dict):
        limits.update(value)
    else:
        limits = dict.fromkeys(limits, int(value))
    if fmt is None:
        return max(limits.values())
    return limits[fmt]


def human(n):
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} B"
