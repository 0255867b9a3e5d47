"""Text pages: every encoding a page arrives in, control characters, and the size limits."""
import hashlib
import os
import random
import tracemalloc

import pytest

from articles.ingest import readers
from articles.ingest.readers import PageError, read_page, read_pages
from articles.tests.ingest.makers import PAGE, page_text

TEXT = page_text(PAGE)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def one_line(excinfo, name):
    message = str(excinfo.value)
    assert name in message and "\n" not in message
    return message


@pytest.mark.parametrize(
    "codec, encoding",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),  # with a BOM
        ("utf-16-le", "utf-16-le"),  # without a BOM
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_each_encoding_gives_the_same_page(tmp_path, codec, encoding):
    raw = TEXT.encode(codec)
    page = read_page(write(tmp_path, "page.txt", raw))
    assert page.text == TEXT
    assert page.encoding == encoding
    assert page.format == "text"
    assert page.content_hash == page.file_hash == hashlib.sha256(raw).hexdigest()
    assert page.removed_controls == 0 and page.ocr_quality is None


def test_utf16_without_bom_whose_characters_put_nuls_on_both_sides(tmp_path):
    # 一 is U+4E00: its low byte is NUL, on the "wrong" side for the ASCII pattern.
    text = "一一一党建引领一二三\n\n本报讯 近日，合肥高新区召开党建工作推进会。\n"
    page = read_page(write(tmp_path, "u16.txt", text.encode("utf-16-le")))
    assert (page.text, page.encoding) == (text, "utf-16-le")


def test_big5_page(tmp_path):
    text = "成都高新區黨建引領產業鏈發展\n\n本報訊 近日，成都高新區召開黨建工作會議。\n"
    page = read_page(write(tmp_path, "big5.txt", text.encode("big5")))
    assert (page.text, page.encoding) == (text, "big5")


def test_a_nul_after_the_utf8_bom_is_removed_and_counted(tmp_path):
    page = read_page(write(tmp_path, "nul.txt", b"\xef\xbb\xbf\x00" + TEXT.encode("utf-8")))
    assert page.text == TEXT
    assert page.encoding == "utf-8-sig"
    assert page.removed_controls == 1


def test_stray_control_characters_are_removed_and_counted(tmp_path):
    raw = TEXT.replace("本报记者", "本报\x07记者\x00").replace("今年", "\x1b今年\ufeff", 1).encode("utf-8")
    page = read_page(write(tmp_path, "ctl.txt", raw))
    assert page.text == TEXT
    assert page.removed_controls == 4


def test_unicode_line_separators_become_newlines(tmp_path):
    page = read_page(write(tmp_path, "sep.txt", "标题\u2028\u2028正文第一段。\u2029正文。".encode("utf-8")))
    assert page.text == "标题\n\n正文第一段。\n正文。"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b" \r\n\t ", "empty"),
        ("\ufeff\u3000\n".encode("utf-8"), "empty"),
        (random.Random(7).randbytes(4096), "binary"),
        (b"\x00" * 1000 + "党建".encode("utf-8"), "binary"),
        (bytes(range(256)) * 8, "binary"),
        ("Only English here.\n".encode("utf-16-le"), "no Chinese"),
    ],
)
def test_files_that_are_no_page_are_refused_in_one_line(tmp_path, data, reason):
    with pytest.raises(PageError) as excinfo:
        read_page(write(tmp_path, "bad.txt", data))
    assert reason in one_line(excinfo, "bad.txt")


def test_a_huge_file_is_refused_by_its_size_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk

    def never(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(readers, "_head", never)
    monkeypatch.setattr(type(path), "read_bytes", never)
    tracemalloc.start()
    try:
        with pytest.raises(PageError) as excinfo:
            read_pages(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = one_line(excinfo, "huge.txt")
    assert "file too large" in message and "100.0 MB" in message and "INGEST_MAX_FILE_BYTES" in message
    assert peak < 1024 * 1024


def test_the_size_limit_of_text_is_lower_than_that_of_pdf(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.write(b"\xe5\x85\x9a" * 10)
        fh.truncate(30 * 1024 * 1024)  # under the PDF limit, over the text one
    with pytest.raises(PageError, match=r"big.txt: .*text limit 20.0 MB"):
        read_pages(path)


def test_size_limits_come_from_settings(tmp_path, settings):
    path = write(tmp_path, "page.txt", TEXT.encode("utf-8"))
    settings.INGEST_MAX_FILE_BYTES = {"text": 100}
    with pytest.raises(PageError, match="file too large"):
        read_pages(path)
    settings.INGEST_MAX_FILE_BYTES = 10_000
    assert read_page(path).text == TEXT


def test_a_single_line_of_five_megabytes_is_refused_by_the_line_limit(tmp_path):
    path = write(tmp_path, "oneline.txt", "党建引领高质量发展".encode("utf-8") * (5 * 1024 * 1024 // 27))
    assert os.path.getsize(path) > 4.9 * 1024 * 1024
    with pytest.raises(PageError) as excinfo:
        read_page(path)
    message = one_line(excinfo, "oneline.txt")
    assert "line too long" in message and "INGEST_MAX_LINE_CHARS" in message


def test_page_and_line_limits_come_from_settings(tmp_path, settings):
    path = write(tmp_path, "page.txt", TEXT.encode("utf-8"))
    settings.INGEST_MAX_PAGE_CHARS = 100
    with pytest.raises(PageError, match="page too long.*INGEST_MAX_PAGE_CHARS"):
        read_page(path)
    settings.INGEST_MAX_PAGE_CHARS = 200_000
    settings.INGEST_MAX_LINE_CHARS = 30
    with pytest.raises(PageError, match="line too long"):
        read_page(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_rather_than_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(PageError, match="not a regular file"):
        read_page(fifo)


def test_a_folder_expands_to_every_page_format_it_holds(tmp_path):
    for name in ("a.txt", "b.html", "c.pdf", "d.docx", "e.png", "f.JPG", "g.tiff", "notes.md", "h.zip"):
        write(tmp_path, name, b"x")
    names = [p.name for p in readers.iter_page_paths([tmp_path])]
    assert names == ["a.txt", "b.html", "c.pdf", "d.docx", "e.png", "f.JPG", "g.tiff"]


def test_the_old_import_path_still_works():
    from articles.ingest import reader

    assert reader.read_page is read_page and reader.PageError is PageError
    assert reader.read_pages is read_pages
