"""PDF pages made here with reportlab and a CJK font: columns read in order, one source per page."""
import datetime
import hashlib
import shutil
from io import StringIO

import pytest

from articles.ingest.layout import split_page
from articles.ingest.readers import PageError, read_page, read_pages
from articles.ingest.readers import ocr as ocr_module
from articles.tests.ingest.makers import PAGE, make_image, make_pdf, page_text, require_font

pytestmark = pytest.mark.usefixtures("font")

SECOND_PAGE = [
    ("column", "园区党建"),
    ("title", "长沙高新区获评湖南省级党建示范园区"),
    ("byline", "本报记者 周明"),
    ("para", "近日，湖南省委组织部公布第三批省级党建示范园区名单，长沙高新区榜上有名。"
             "近年来，长沙高新区推行“园区党工委—产业链党委—企业党支部”三级联动，建成党群服务中心18个。"),
]


@pytest.fixture
def font():
    require_font()


def blocks(text):
    return [(b.column, b.title, b.authors, b.paragraphs) for b in split_page(text)]


@pytest.mark.parametrize("columns", [2, 3, 4, 5])
def test_columns_are_read_in_order_and_give_the_text_page(tmp_path, columns):
    path = make_pdf(tmp_path / "page.pdf", columns=columns)
    [page] = read_pages(path)
    assert page.name == "page.pdf#p1"
    assert page.format == "pdf" and page.encoding == "pdf"
    # Titles, column header and every paragraph, rejoined across column breaks.
    assert [(b.column, b.title, b.paragraphs) for b in split_page(page.text)] == [
        (b.column, b.title, b.paragraphs) for b in split_page(page_text(PAGE))
    ]
    if columns <= 3:
        # Narrower columns wrap the byline at a space the text layer does not keep.
        assert page.text == page_text(PAGE)


def test_each_pdf_page_is_a_source_of_its_own(tmp_path):
    def second(canvas):
        from reportlab.lib.pagesizes import A4

        y = A4[1] - 60
        for kind, text in SECOND_PAGE:
            size = 18 if kind == "title" else 10.5
            canvas.setFont("WQY", size)
            if kind == "para":
                for i in range(0, len(text), 40):
                    canvas.drawString(40 + (21 if i == 0 else 0), y, text[i:i + 40])
                    y -= 16
            else:
                canvas.drawString(40, y, text)
                y -= 30

    path = make_pdf(tmp_path / "issue.pdf", extra_pages=[second])
    pages = read_pages(path)
    assert [p.name for p in pages] == ["issue.pdf#p1", "issue.pdf#p2"]
    raw = path.read_bytes()
    assert [p.content_hash for p in pages] == [
        hashlib.sha256(raw + b"#p1").hexdigest(), hashlib.sha256(raw + b"#p2").hexdigest()
    ]
    assert {p.file_hash for p in pages} == {hashlib.sha256(raw).hexdigest()}
    assert [b[1] for b in blocks(pages[1].text)] == ["长沙高新区获评湖南省级党建示范园区"]
    assert pages[1].page_name == "园区党建"
    with pytest.raises(PageError, match="issue.pdf: .*2 pages"):
        read_page(path)


def test_pdf_metadata_is_low_trust(tmp_path):
    [page] = read_pages(make_pdf(tmp_path / "page.pdf"))
    assert page.doc_title == "中国高新技术产业导报 A7 党建在高新"
    assert isinstance(page.date, datetime.date)  # the file's /CreationDate: nothing better on the page
    assert page.meta_source["date"] == "pdf:/CreationDate"
    [page] = read_pages(make_pdf(tmp_path / "dated.pdf", folio="2022年9月5日 星期一"))
    assert page.date == datetime.date(2022, 9, 5) and page.meta_source["date"] == "page:folio"


def _scanned_page(tmp_path):
    # The page's head and first paragraph: text to recognise in a third of the whole page's time.
    image = make_image(tmp_path / "scan.png", PAGE[:4], columns=2)

    def scanned(canvas):
        from PIL import Image
        from reportlab.lib.pagesizes import A4

        with Image.open(image) as im:
            width = A4[0] - 40
            height = width * im.height / im.width
        canvas.drawImage(str(image), 20, A4[1] - 20 - height, width=width, height=height)

    return make_pdf(tmp_path / "mixed.pdf", extra_pages=[scanned])


def test_a_page_without_a_text_layer_goes_to_ocr(tmp_path):
    from articles.tests.ingest.test_readers_ocr import require_tesseract

    require_tesseract()
    pages = read_pages(_scanned_page(tmp_path))
    assert [(p.name, p.encoding) for p in pages] == [("mixed.pdf#p1", "pdf"), ("mixed.pdf#p2", "ocr")]
    assert pages[0].ocr_quality is None and 0.5 < pages[1].ocr_quality <= 1
    assert "合肥高新区" in pages[1].text and "红链驿站" in pages[1].text


def test_without_tesseract_a_scanned_page_is_refused_in_one_line(tmp_path, monkeypatch):
    path = _scanned_page(tmp_path)
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    with pytest.raises(PageError) as excinfo:
        read_pages(path)
    assert str(excinfo.value) == f"mixed.pdf#p2: OCR 未安装: {ocr_module.INSTALL_HINT}"


def test_a_zip_renamed_pdf_is_refused_as_a_zip(tmp_path):
    import zipfile

    path = tmp_path / "report.pdf"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("page.txt", "党建在高新")
    with pytest.raises(PageError) as excinfo:
        read_pages(path)
    assert str(excinfo.value) == "report.pdf: 扩展名是 .pdf，内容却是 ZIP 压缩包，不是 PDF (zip archive named .pdf, not a PDF)"


def test_a_damaged_pdf_is_refused_in_one_line(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + b"\x00garbage" * 50)
    with pytest.raises(PageError) as excinfo:
        read_pages(path)
    message = str(excinfo.value)
    assert message.startswith("broken.pdf: ") and "\n" not in message


def test_an_encrypted_pdf_is_refused(tmp_path):
    from reportlab.lib import pdfencrypt

    path = make_pdf(tmp_path / "locked.pdf", encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    with pytest.raises(PageError, match="locked.pdf: .*encrypted"):
        read_pages(path)


def test_the_pdf_child_process_is_stopped_by_its_time_limit(tmp_path, settings):
    settings.INGEST_PDF_TIMEOUT = 0.01
    with pytest.raises(PageError, match=r"page.pdf: PDF 读取超时 .*INGEST_PDF_TIMEOUT"):
        read_pages(make_pdf(tmp_path / "page.pdf"))


def test_the_pdf_child_process_is_held_to_its_memory_limit(tmp_path, settings):
    settings.INGEST_PDF_MEMORY_BYTES = 16 * 1024 * 1024
    with pytest.raises(PageError) as excinfo:
        read_pages(make_pdf(tmp_path / "page.pdf"))
    assert str(excinfo.value) == (
        "page.pdf: PDF 读取所需内存过多 (needs more memory than INGEST_PDF_MEMORY_BYTES allows)"
    )


def test_too_many_pages_are_refused(tmp_path, settings):
    settings.INGEST_MAX_PDF_PAGES = 1
    path = make_pdf(tmp_path / "issue.pdf", extra_pages=[lambda canvas: canvas.drawString(40, 400, "x")])
    with pytest.raises(PageError, match="issue.pdf: .*2 pages > 1, INGEST_MAX_PDF_PAGES"):
        read_pages(path)


@pytest.mark.django_db
def test_the_ingest_command_stores_each_pdf_page_as_a_source(tmp_path, reference_zones):
    from django.core.management import call_command

    from articles.models import Source

    def second(canvas):
        canvas.setFont("WQY", 10.5)
        y = 780
        for _, text in SECOND_PAGE:
            for i in range(0, len(text), 40):
                canvas.drawString(40, y, text[i:i + 40])
                y -= 24

    make_pdf(tmp_path / "issue.pdf", extra_pages=[second])
    out = StringIO()
    call_command("ingest", str(tmp_path), stdout=out, stderr=StringIO())
    names = sorted(Source.objects.values_list("name", flat=True))
    assert names == ["issue.pdf#p1", "issue.pdf#p2"]
    assert "issue.pdf#p1：2 篇文章" in out.getvalue()
