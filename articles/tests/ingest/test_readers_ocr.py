"""Scanned pages: a page rendered from text with Pillow, read back through tesseract.

The character error rate (CER: edit distance over the reference's length,
whitespace ignored) is printed and held under CER_LIMIT. tesseract's
traditional model makes it write some lines in traditional characters; the
pipeline folds them to simplified (cleaner.to_simplified) before anything
reads them, so the CER is measured after that folding, as the pipeline sees
the text. Measured here: 0.7 % (two columns) and 1.3 % (three) with
chi_sim+chi_tra; 0.2 % and 0.7 % with chi_sim alone.
"""
import os
import shutil
import struct
import zlib

import pytest

from articles.ingest.cleaner import to_simplified
from articles.ingest.layout import split_page
from articles.ingest.readers import PageError, read_page, read_pages
from articles.ingest.readers import ocr as ocr_module
from articles.tests.ingest.makers import PAGE, cer, make_image, page_text, require_font

CER_LIMIT = 0.05


def require_tesseract():
    if shutil.which("tesseract") and {"chi_sim", "chi_tra"} <= ocr_module._installed_languages(shutil.which("tesseract")):
        return
    if os.environ.get("CI"):
        pytest.fail(f"tesseract with chi_sim and chi_tra is missing: `make ocr-deps` ({ocr_module.INSTALL_HINT})")
    pytest.skip(f"tesseract with chi_sim and chi_tra is not installed ({ocr_module.INSTALL_HINT})")


@pytest.fixture
def tesseract():
    require_font()
    require_tesseract()


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """PAGE rendered in 2 or 3 columns and read through tesseract once for the module."""
    require_font()
    require_tesseract()
    pages = {}

    def read(columns):
        if columns not in pages:
            pages[columns] = read_page(make_image(tmp_path_factory.mktemp("scan") / "scan.png", columns=columns))
        return pages[columns]

    return read


@pytest.mark.parametrize("columns", [2, 3])
def test_a_scanned_page_reads_back_within_the_error_rate(scanned, columns):
    page = scanned(columns)
    assert page.format == "image" and page.encoding == "ocr"
    assert 0.8 <= page.ocr_quality <= 1
    rate = cer(page_text(PAGE), to_simplified(page.text))
    print(f"OCR CER, {columns} columns: {rate:.2%} (raw, before folding to simplified: "
          f"{cer(page_text(PAGE), page.text):.2%}); tesseract confidence {page.ocr_quality:.2f}")
    assert rate <= CER_LIMIT


def test_ocr_gives_the_same_articles_as_the_text_page(scanned):
    page = scanned(2)
    ocr_blocks = split_page(to_simplified(page.text))
    text_blocks = split_page(page_text(PAGE))
    assert [b.title for b in ocr_blocks] == [b.title for b in text_blocks]
    assert ocr_blocks[0].column == "党建在高新"
    assert ocr_blocks[0].authors == ["许文静", "孙浩"]
    ocr_body = "".join(b.body for b in ocr_blocks)
    for sentence in ("服务覆盖链上企业86家", "累计解决企业难题120余项", "联盟企业实现出口额18.6亿元"):
        assert sentence in ocr_body


def test_the_headline_across_the_columns_is_read_whole(scanned):
    page = scanned(3)
    assert "合肥高新区“红链驿站”串起量子产业生态" in to_simplified(page.text)


def test_jpeg_and_tiff(tmp_path, tesseract):
    # The page's head and first paragraph: this is about reading the two formats; the
    # whole page's recognition is measured on PNG above.
    for name, fmt in (("scan.jpg", "JPEG"), ("scan.tif", "TIFF")):
        page = read_page(make_image(tmp_path / name, PAGE[:4], fmt=fmt))
        assert page.format == "image" and "红链驿站" in page.text


def test_column_strips_are_found_before_recognition(tmp_path):
    require_font()
    from PIL import Image

    image = Image.open(make_image(tmp_path / "scan.png", columns=3)).convert("L")
    strips = ocr_module.column_strips(image)
    assert len(strips) == 3
    spans = [box for box, _ in ocr_module.regions(image) if box[1] > 0]
    assert len(spans) == 1  # the headline across the first two columns


def test_without_tesseract_the_page_is_refused_in_one_line(tmp_path, monkeypatch):
    require_font()
    path = make_image(tmp_path / "scan.png")
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    with pytest.raises(PageError) as excinfo:
        read_page(path)
    assert str(excinfo.value) == f"scan.png: OCR 未安装: {ocr_module.INSTALL_HINT}"


def test_tesseract_is_stopped_by_its_time_limit(tmp_path, tesseract, settings):
    settings.INGEST_OCR_TIMEOUT = 0.01
    with pytest.raises(PageError, match=r"scan.png: OCR 超时 .*INGEST_OCR_TIMEOUT"):
        read_page(make_image(tmp_path / "scan.png"))


def _png_header_only(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_a_decompression_bomb_is_refused_from_its_header(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_only(100_000, 100_000))  # 10 billion pixels in 100 bytes
    with pytest.raises(PageError, match="bomb.png: .*image too large.*INGEST_MAX_IMAGE_PIXELS"):
        read_page(path)


def test_the_pixel_limit_comes_from_settings(tmp_path, settings):
    path = tmp_path / "big.png"
    path.write_bytes(_png_header_only(4000, 4000))
    settings.INGEST_MAX_IMAGE_PIXELS = 1_000_000
    with pytest.raises(PageError, match="big.png: .*image too large"):
        read_page(path)


def test_a_damaged_image_is_refused_as_binary(tmp_path):
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    with pytest.raises(PageError, match="broken.png: .*binary"):
        read_pages(path)
