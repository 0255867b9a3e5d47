"""PDF pages: each page of the file is one source, named ``<file>#p<N>``.

The text layer is read with pdfplumber, column by column (geometry.py finds
the gutters from where the words are and reads headlines that span columns
before the columns under them). A page without a usable text layer (a scan:
no Chinese characters, or glyphs without a Unicode mapping) is rendered and
goes to OCR. The PDF's /Title and /CreationDate are kept as low-trust
metadata: the page's own folio says more about the issue than the date the
file was made.

Parsing a PDF is the riskiest thing an ingest does (compressed streams can be
bombs, broken files can make a parser loop), so it runs in a child process
with an address-space limit (INGEST_PDF_MEMORY_BYTES) and a timeout
(INGEST_PDF_TIMEOUT); whatever goes wrong there comes back as a one-line
refusal. The child prints JSON; this module is also its entry point.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from articles.ingest.readers import limits
from articles.ingest.readers.errors import PageError
from articles.ingest.readers.metadata import make_date
from articles.ingest.readers.page import CJK, TRUST_LOW, Draft, Hint

ROOT = Path(__file__).resolve().parents[3]  # the folder holding the articles package
MIN_TEXT_LAYER_CJK = 10  # fewer Chinese characters than this: the page is an image


def read(path, name, size):
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise PageError(f"{name}: 无法读取文件 (cannot read file: {exc.strerror or exc})") from None

    dpi = int(limits.setting("INGEST_OCR_DPI"))
    with tempfile.TemporaryDirectory(prefix="pdf-") as tmp:
        result = _run_child(path, name, tmp, dpi)
        meta = result.get("metadata", {})
        hints = [Hint("date", _pdf_date(meta.get("CreationDate", "")), "pdf:/CreationDate", TRUST_LOW)]
        title = (meta.get("Title") or "").strip()
        drafts = []
        for page in result["pages"]:
            n = page["n"]
            page_name = f"{name}#p{n}"
            page_hash = digest.copy()
            page_hash.update(f"#p{n}".encode())
            quality = None
            if page.get("image"):
                from articles.ingest.readers.ocr import ocr_image
                from PIL import Image

                with Image.open(page["image"]) as rendered:
                    text, quality = ocr_image(rendered.convert("L"), page_name, dpi=page.get("dpi"))
                encoding = "ocr"
            else:
                text, encoding = page["text"], "pdf"
            drafts.append(Draft(
                name=page_name, text=text, encoding=encoding, format="pdf",
                content_hash=page_hash.hexdigest(), file_hash=digest.hexdigest(),
                hints=list(hints), doc_title=title, ocr_quality=quality, part_of_file=True,
            ))
    # A blank page or one without Chinese (an advert) is left out; a PDF with no
    # Chinese page at all is refused, as a text file without Chinese is.
    kept = [d for d in drafts if CJK.search(d.text)]
    if not kept:
        if drafts and all(not d.text.strip() for d in drafts):
            raise PageError(f"{name}: PDF 没有文字 (empty PDF: no text on any page)")
        raise PageError(f"{name}: 没有中文内容，不是报纸版面 (no Chinese text: not a newspaper page)")
    return kept


def _pdf_date(value):
    """D:20230612093000+08'00' -> date(2023, 6, 12)."""
    value = value.strip()
    if value.startswith("D:"):
        value = value[2:]
    if len(value) >= 8 and value[:8].isdigit():
        return make_date(value[:4], value[4:6], value[6:8])
    return None


def _run_child(path, name, tmp, dpi):
    timeout = float(limits.setting("INGEST_PDF_TIMEOUT"))
    memory = int(limits.setting("INGEST_PDF_MEMORY_BYTES"))
    args = {
        "path": str(Path(path).resolve()),
        "out": tmp,
        "dpi": dpi,
        "max_pages": int(limits.setting("INGEST_MAX_PDF_PAGES")),
        "max_pixels": int(limits.setting("INGEST_MAX_IMAGE_PIXELS")),
        "max_page_chars": int(limits.setting("INGEST_MAX_PAGE_CHARS")),
    }
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("DJANGO_SETTINGS_MODULE", None)  # the child needs no Django

    def limit_child():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    try:
        proc = subprocess.run(
            [sys.executable, "-m", "articles.ingest.readers.pdf", json.dumps(args)],
            capture_output=True, timeout=timeout, env=env, preexec_fn=limit_child,
            stdin=subprocess.DEVNULL, check=False,
        )
    except subprocess.TimeoutExpired:
        raise PageError(f"{name}: PDF 读取超时 (reading took over {timeout:g} s, INGEST_PDF_TIMEOUT)") from None
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        if b"MemoryError" in proc.stderr:
            result = {"error": "memory"}
        else:
            last = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit {proc.returncode}"])[-1]
            result = {"error": f"damaged: {last[:160]}"}
    error = result.get("error")
    if error == "encrypted":
        raise PageError(f"{name}: PDF 已加密，无法读取 (encrypted PDF)")
    if error == "memory":
        raise PageError(f"{name}: PDF 读取所需内存过多 (needs more memory than INGEST_PDF_MEMORY_BYTES allows)")
    if error and error.startswith("pages:"):
        raise PageError(
            f"{name}: PDF 页数过多 (PDF has {error[6:]} pages > {args['max_pages']}, INGEST_MAX_PDF_PAGES)"
        )
    if error and error.startswith("page_chars:"):
        n, count = error[11:].split(":")
        raise PageError(
            f"{name}#p{n}: 页面文字过多 (page too long: {int(count):,} characters > "
            f"{args['max_page_chars']:,}, INGEST_MAX_PAGE_CHARS)"
        )
    if error:
        raise PageError(f"{name}: 损坏的 PDF 文件 (damaged PDF: {error.removeprefix('damaged: ')})")
    return result


# --- the child process ---------------------------------------------------------------------


def _child(args):
    """Read the PDF named in ``args``; the result as a JSON-able dict."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    from articles.ingest.readers.geometry import page_text, segments_from_chars

    pages = []
    try:
        with pdfplumber.open(args["path"]) as pdf:
            metadata = {k: _text(v) for k, v in (pdf.metadata or {}).items() if k in ("Title", "CreationDate")}
            count = len(pdf.pages)
            if count > args["max_pages"]:
                return {"error": f"pages:{count}"}
            for n, page in enumerate(pdf.pages, 1):
                chars = [
                    {k: c[k] for k in ("text", "x0", "x1", "top", "bottom", "size")}
                    for c in page.dedupe_chars().chars
                ]
                unmapped = sum(1 for c in chars if c["text"].startswith("(cid:"))
                cjk = sum(1 for c in chars if CJK.match(c["text"]))
                if cjk >= MIN_TEXT_LAYER_CJK and unmapped <= 0.1 * len(chars):
                    text = page_text(segments_from_chars([c for c in chars if not c["text"].startswith("(cid:")]))
                    if len(text) > args["max_page_chars"]:
                        return {"error": f"page_chars:{n}:{len(text)}"}
                    pages.append({"n": n, "text": text})
                else:
                    pages.append(_render(page, n, args))
                page.close()
    except MemoryError:
        return {"error": "memory"}
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return {"error": "encrypted"}
    except OSError as exc:
        if "failed to map" in str(exc) or "Cannot allocate" in str(exc):
            return {"error": "memory"}  # a library could not be loaded under the limit
        return {"error": f"damaged: {exc.__class__.__name__}"}
    except Exception as exc:  # noqa: BLE001 - any parser failure is a damaged file
        # pdfplumber wraps pdfminer's errors: look at what it wraps.
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc.__cause__
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            return {"error": "encrypted"}
        if isinstance(inner, MemoryError):
            return {"error": "memory"}
        shown = inner if isinstance(inner, BaseException) else exc
        return {"error": f"damaged: {shown.__class__.__name__}: {str(shown)[:120]}".replace("\n", " ")}
    return {"pages": pages, "metadata": metadata}


def _render(page, n, args):
    """A text-less page rendered to PNG for OCR, at a resolution within the pixel limit."""
    dpi = args["dpi"]
    pixels = float(page.width) * float(page.height) * (dpi / 72) ** 2
    if pixels > args["max_pixels"]:
        dpi = int(dpi * (args["max_pixels"] / pixels) ** 0.5)
    image = page.to_image(resolution=dpi).original
    out = Path(args["out"]) / f"p{n}.png"
    image.convert("L").save(out)
    return {"n": n, "image": str(out), "dpi": dpi}


def _text(value):
    if isinstance(value, bytes):
        for codec in ("utf-16", "utf-8", "latin-1"):
            try:
                return value.decode(codec)
            except UnicodeDecodeError:
                continue
    return str(value)


if __name__ == "__main__":
    print(json.dumps(_child(json.loads(sys.argv[1])), ensure_ascii=False))
