"""Which reader a file needs, from its first bytes rather than its name.

A PDF starts with %PDF- (within its first KB), a .docx is a zip holding
word/document.xml, PNG/JPEG/TIFF/GIF/BMP/WebP have their signatures, HTML
opens with a tag such as <!DOCTYPE html> or <html>. Anything else goes to the
text reader, which refuses binary data. Other zips, old Word .doc files and
archives are refused here, naming what they are: a zip renamed .pdf is told as
a zip, not tried as a PDF.
"""
import re
import zipfile

from articles.ingest.readers.errors import PageError

HEAD_BYTES = 8192

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
)
_REFUSED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文件（.doc/.xls），请另存为 .docx (old Office .doc file: save it as .docx)"),
    (b"\x1f\x8b", "gzip 压缩文件 (gzip archive)"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩文件 (7z archive)"),
    (b"Rar!\x1a\x07", "RAR 压缩文件 (RAR archive)"),
    (b"BZh", "bzip2 压缩文件 (bzip2 archive)"),
    (b"\xfd7zXZ\x00", "xz 压缩文件 (xz archive)"),
    (b"\x7fELF", "程序文件 (executable)"),
    (b"MZ", "程序文件 (executable)"),
    (b"{\\rtf", "RTF 文件，请另存为 .docx 或文本 (RTF file: save it as .docx or text)"),
)
_HTML = re.compile(
    rb"^(?:\s|<\?xml[^>]*\?>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|table)\b",
    re.I | re.S,
)


def sniff(path, head, name):
    """"text", "html", "pdf", "docx" or "image" for the file whose first bytes are ``head``."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path, name)
    for magic, _ in _IMAGES:
        if head.startswith(magic) and not (magic == b"BM" and not _bmp_header(head)):
            return "image"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image"
    for magic, what in _REFUSED:
        if head.startswith(magic) and not (magic == b"MZ" and b"\x00" not in head[:64]):
            suffix = path.suffix.lower()
            said = f"，扩展名为 {suffix}" if suffix else ""
            raise PageError(f"{name}: 不支持的文件：{what}{said}")
    if _HTML.match(_ascii_view(head)):
        return "html"
    return "text"


def _ascii_view(head):
    """The head with BOMs and UTF-16 NULs dropped: tags read the same in any encoding."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
            break
    return head.replace(b"\x00", b"")


def _bmp_header(head):
    # "BM" opens many text files too ("BMW…"): a BMP has its size fields after it.
    return len(head) >= 26 and head[14:18] in (b"\x0c\x00\x00\x00", b"(\x00\x00\x00", b"l\x00\x00\x00", b"|\x00\x00\x00")


def _zip_kind(path, name):
    suffix = path.suffix.lower() or "（无扩展名）"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PageError(f"{name}: 损坏的 ZIP/Word 文件 (damaged zip or .docx file)") from None
    if "word/document.xml" in names:
        return "docx"
    if suffix == ".pdf":
        raise PageError(f"{name}: 扩展名是 .pdf，内容却是 ZIP 压缩包，不是 PDF (zip archive named .pdf, not a PDF)")
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise PageError(f"{name}: Excel/PowerPoint 文件不是版面 (spreadsheet or slides, not a page)")
    raise PageError(f"{name}: ZIP 压缩包不是版面，请解压后导入 (zip archive, not a page file; unpack it first)")
