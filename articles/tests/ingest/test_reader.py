"""Reading page files: encodings are recognised, bad files are refused with a clear message."""
import hashlib

import pytest

from articles.ingest.reader import PageError, iter_page_paths, read_page

PAGE = "党建在高新\n\n合肥高新区：打造“红芯”党建品牌\n\n本报讯 近日，合肥高新区召开党建工作推进会。\n"
TRADITIONAL = "成都高新區黨建引領產業鏈發展\n\n本報訊 近日，成都高新區召開黨建工作會議。\n"


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_page_is_read_with_name_and_hash(tmp_path):
    raw = PAGE.encode("utf-8")
    page = read_page(write(tmp_path, "p1.txt", raw))
    assert page.name == "p1.txt"
    assert page.text == PAGE
    assert page.encoding == "utf-8"
    assert page.content_hash == hashlib.sha256(raw).hexdigest()


def test_utf8_bom_is_dropped_from_the_text(tmp_path):
    page = read_page(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + PAGE.encode("utf-8")))
    assert page.encoding == "utf-8-sig"
    assert page.text.startswith("党建在高新")


def test_gb18030_page_is_decoded(tmp_path):
    page = read_page(write(tmp_path, "gbk.txt", PAGE.encode("gb18030")))
    assert page.encoding == "gb18030"
    assert page.text == PAGE


def test_traditional_characters_in_gb18030_are_decoded(tmp_path):
    page = read_page(write(tmp_path, "trad.txt", TRADITIONAL.encode("gb18030")))
    assert page.encoding == "gb18030"
    assert "黨建引領產業鏈" in page.text


def test_big5_page_is_told_apart_from_gb18030(tmp_path):
    # Big5 bytes also decode as GB18030, into nonsense; the right table must win.
    page = read_page(write(tmp_path, "big5.txt", TRADITIONAL.replace("区", "區").encode("big5")))
    assert page.encoding == "big5"
    assert "成都高新區黨建" in page.text


def test_windows_and_old_mac_newlines_become_newlines(tmp_path):
    page = read_page(write(tmp_path, "crlf.txt", "标题\r\n\r\n正文第一段。\r正文第二段。".encode("utf-8")))
    assert page.text == "标题\n\n正文第一段。\n正文第二段。"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"  \n\t\r\n  ", "empty"),
        ("\u3000\u3000\n".encode("utf-8"), "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 20 + "党建".encode("utf-8"), "binary"),
        (b"\x80\xff\xfe\x80" * 30, "undecodable"),
        (b"Quarterly report\nRevenue grew 5%.\n", "no Chinese"),
    ],
)
def test_bad_files_are_refused_with_a_one_line_message_naming_the_file(tmp_path, data, reason):
    path = write(tmp_path, "bad-page.txt", data)
    with pytest.raises(PageError) as excinfo:
        read_page(path)
    message = str(excinfo.value)
    assert "bad-page.txt" in message
    assert reason in message
    assert "\n" not in message


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(PageError, match="missing.txt.*not found"):
        read_page(tmp_path / "missing.txt")


def test_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", PAGE.encode("utf-8"))

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", denied)
    with pytest.raises(PageError, match="locked.txt.*cannot read file: Permission denied"):
        read_page(path)


def test_a_folder_is_refused_as_a_page(tmp_path):
    with pytest.raises(PageError, match="folder"):
        read_page(tmp_path)


def test_page_error_is_a_value_error():
    assert issubclass(PageError, ValueError)


def test_folders_expand_to_their_txt_files_sorted(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("b.txt", "a.txt", "notes.md", "c.TXT"):
        write(folder, name, PAGE.encode("utf-8"))
    (folder / "sub.txt").mkdir()  # a folder named like a page is not a page
    explicit = write(tmp_path, "scan.text", PAGE.encode("utf-8"))

    paths = iter_page_paths([folder, explicit])

    assert [p.name for p in paths] == ["a.txt", "b.txt", "c.TXT", "scan.text"]


def test_a_file_named_twice_is_listed_once(tmp_path):
    path = write(tmp_path, "a.txt", PAGE.encode("utf-8"))
    assert iter_page_paths([path, tmp_path]) == [path]


def test_a_path_that_does_not_exist_is_refused(tmp_path):
    with pytest.raises(PageError, match="nowhere"):
        iter_page_paths([tmp_path / "nowhere"])


def test_the_seed_pages_are_read(settings):
    from pathlib import Path

    seeds = iter_page_paths([Path(settings.BASE_DIR) / "fixtures" / "seeds"])
    assert len(seeds) >= 5
    for path in seeds:
        page = read_page(path)
        assert page.encoding == "utf-8"
        assert "高新区" in page.text


def test_utf16_with_bom_is_decoded_not_taken_for_binary(tmp_path):
    page = read_page(write(tmp_path, "u16.txt", "\ufeff".encode("utf-16-le") + PAGE.encode("utf-16-le")))
    assert page.encoding == "utf-16"
    assert page.text == PAGE
