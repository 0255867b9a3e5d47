"""Word .docx pages, read from the document's XML with zipfile and ElementTree.

No Word library: a .docx is a zip of XML parts, and only two are needed,
word/document.xml (the paragraphs, in order; tables cell by cell) and
docProps/core.xml (title and dates, kept as low-trust metadata: when the file
was made, not when the page was printed).

Guards: the zip directory's declared sizes must add up to at most
INGEST_MAX_UNZIPPED_BYTES and its entries to INGEST_MAX_ZIP_ENTRIES; the parts
read are inflated at most up to that limit whatever their headers claim; XML
with a DOCTYPE (entity expansion) is refused, as Word never writes one.
"""
import hashlib
import re
import zipfile
import xml.etree.ElementTree as ET

from articles.ingest.readers import limits
from articles.ingest.readers.errors import PageError
from articles.ingest.readers.metadata import find_date
from articles.ingest.readers.page import TRUST_LOW, Draft, Hint

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "creator": "{http://purl.org/dc/elements/1.1/}creator",
    "created": "{http://purl.org/dc/terms/}created",
    "modified": "{http://purl.org/dc/terms/}modified",
}
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def read(path, name, size):
    digest = _sha256(path, name)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PageError(f"{name}: 损坏的 Word 文件 (damaged .docx: not a readable zip)") from None
    with archive:
        infos = archive.infolist()
        max_entries = int(limits.setting("INGEST_MAX_ZIP_ENTRIES"))
        max_unzipped = int(limits.setting("INGEST_MAX_UNZIPPED_BYTES"))
        if len(infos) > max_entries:
            raise PageError(f"{name}: Word 文件条目过多 (.docx has {len(infos):,} entries > {max_entries:,}, INGEST_MAX_ZIP_ENTRIES)")
        declared = sum(info.file_size for info in infos)
        if declared > max_unzipped:
            raise PageError(
                f"{name}: Word 文件解压后过大，可能是压缩炸弹 (.docx would inflate to {limits.human(declared)} > "
                f"{limits.human(max_unzipped)}, INGEST_MAX_UNZIPPED_BYTES)"
            )
        document = _part(archive, "word/document.xml", name, max_unzipped)
        core = _part(archive, "docProps/core.xml", name, max_unzipped, required=False)

    paragraphs = _paragraphs(_parse(document, name, "word/document.xml"))
    hints, title = [], ""
    if core:
        props = _core(_parse(core, name, "docProps/core.xml"))
        title = props.get("title", "")
        created, _ = find_date(props.get("created", ""))
        modified, _ = find_date(props.get("modified", ""))
        hints.append(Hint("date", created, "docx:core.xml dcterms:created", TRUST_LOW))
        hints.append(Hint("date", modified, "docx:core.xml dcterms:modified", TRUST_LOW))
    text = "\n\n".join(paragraphs) + "\n" if paragraphs else ""
    return [Draft(name=name, text=text, encoding="docx", format="docx", content_hash=digest,
                  file_hash=digest, hints=hints, doc_title=title)]


def _sha256(path, name):
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise PageError(f"{name}: 无法读取文件 (cannot read file: {exc.strerror or exc})") from None
    return digest.hexdigest()


def _part(archive, member, name, limit, required=True):
    try:
        info = archive.getinfo(member)
    except KeyError:
        if required:
            raise PageError(f"{name}: 不是 Word 文档，缺少 {member} (not a .docx: no {member})") from None
        return b""
    try:
        with archive.open(info) as fh:
            data = fh.read(limit + 1)  # the header's size may lie: never inflate past the limit
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError, ValueError) as exc:
        raise PageError(f"{name}: 损坏的 Word 文件 (damaged .docx: {member}: {exc.__class__.__name__})") from None
    if len(data) > limit:
        raise PageError(
            f"{name}: Word 文件解压后过大，可能是压缩炸弹 ({member} inflates past "
            f"{limits.human(limit)}, INGEST_MAX_UNZIPPED_BYTES)"
        )
    return data


def _parse(data, name, member):
    if _DTD.search(data[:4096]) or _DTD.search(data):
        raise PageError(f"{name}: Word 文件含有 DTD 声明，拒绝读取 ({member} declares a DOCTYPE/ENTITY)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise PageError(f"{name}: 损坏的 Word 文件 (damaged .docx: {member}: {exc})") from None


def _paragraphs(root):
    """The text of each paragraph, in document order; tables give each cell's paragraphs."""
    body = root.find(f"{W}body")
    if body is None:
        return []
    # A text box is written twice (mc:Choice and the older mc:Fallback copy): read it once.
    for parent in list(body.iter()):
        for child in list(parent):
            if child.tag == f"{MC}Fallback":
                parent.remove(child)
    out = []
    for block in body:
        if block.tag == f"{W}tbl":
            out.extend(_rows(block))
            continue
        for para in block.iter(f"{W}p"):  # nested paragraphs (text boxes) come right after their holder
            out.extend(_lines(para))
    return out


def _lines(para):
    """The lines of one paragraph (a line break starts a new one), tidied, empty ones left out."""
    chunks, current = [], []
    _runs(para, chunks, current)
    chunks.append("".join(current))
    return [_tidy(chunk) for chunk in chunks if chunk.strip()]


def _rows(table):
    """A table's rows, one line each: a label and its value as ``label：value`` (两新组织党组织：126个),
    wider rows with their cells apart. Each cell read apart, a figure lost its label."""
    out = []
    for row in table.iter(f"{W}tr"):
        cells = [" ".join(line for para in cell.iter(f"{W}p") for line in _lines(para)) for cell in row.iter(f"{W}tc")]
        cells = [cell for cell in cells if cell]
        if cells:
            out.append("：".join(cells) if len(cells) == 2 else "　".join(cells))
    return out


def _runs(el, chunks, current):
    """Text, tabs and breaks under ``el``, not descending into nested paragraphs."""
    for child in el:
        tag = child.tag
        if tag == f"{W}p":
            continue  # read on its own
        if tag == f"{W}t":
            current.append(child.text or "")
        elif tag == f"{W}tab":
            current.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            chunks.append("".join(current))  # a line break within the paragraph starts a new line
            current.clear()
        elif tag in (f"{W}delText", f"{W}instrText"):
            continue  # deleted text of tracked changes; field codes
        else:
            _runs(child, chunks, current)


def _tidy(text):
    return re.sub(r"[ \t]+", " ", text).strip()


def _core(root):
    props = {}
    for key, tag in _CORE.items():
        el = root.find(tag)
        if el is not None and el.text and el.text.strip():
            props[key] = el.text.strip()
    return props
