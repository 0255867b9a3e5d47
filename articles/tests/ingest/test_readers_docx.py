"""Word .docx pages, built here with zipfile: paragraphs in order, core.xml as metadata, bombs refused."""
import datetime
import io
import zipfile

import pytest

from articles.ingest.layout import split_page
from articles.ingest.readers import PageError, read_page
from articles.tests.ingest.makers import PAGE, W_NS, docx_bytes, page_text


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_docx_gives_the_text_page(tmp_path):
    page = read_page(write(tmp_path, "page.docx", docx_bytes()))
    assert page.format == "docx" and page.encoding == "docx"
    assert page.text == page_text(PAGE)
    blocks = [(b.title, b.column, b.authors, b.paragraphs) for b in split_page(page.text)]
    assert blocks == [(b.title, b.column, b.authors, b.paragraphs) for b in split_page(page_text(PAGE))]
    assert [b[0] for b in blocks] == ["合肥高新区“红链驿站”串起量子产业生态", "株洲高新区党建联盟助力中小企业“抱团出海”"]


def test_core_properties_are_low_trust_metadata(tmp_path):
    page = read_page(write(tmp_path, "page.docx", docx_bytes(title="党建在高新 A7", created="2023-06-12T08:00:00Z")))
    assert page.doc_title == "党建在高新 A7"
    assert page.date == datetime.date(2023, 6, 12)
    assert page.meta_source["date"] == "docx:core.xml dcterms:created"
    assert page.page_name == "党建在高新" and page.meta_source["page_name"] == "page:column header"


def test_the_page_s_own_folio_wins_over_the_file_s_creation_date(tmp_path):
    data = docx_bytes([("folio", "2022年9月5日 星期一")] + PAGE, created="2023-06-12T08:00:00Z")
    page = read_page(write(tmp_path, "page.docx", data))
    assert page.date == datetime.date(2022, 9, 5) and page.meta_source["date"] == "page:folio"


def test_breaks_tabs_tables_and_text_boxes_tracked_deletions_left_out(tmp_path):
    body = (
        '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>同行</w:t></w:r></w:p>'
        '<w:p><w:r><w:delText>删掉的党建文字</w:delText><w:instrText>PAGE</w:instrText><w:t>留下的</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格甲</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>单元格乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '<w:p><w:r><w:t>框外</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框里的高新区</w:t></w:r></w:p>'
        '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>'
        '<w:t>文本框里的高新区</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    page = read_page(write(tmp_path, "parts.docx", docx_bytes(body_xml=body)))
    assert page.text == "第一行\n\n第二行 同行\n\n留下的\n\n单元格甲：单元格乙\n\n框外\n\n文本框里的高新区\n"


def test_a_tables_rows_are_lines_a_label_beside_its_figure(tmp_path):
    def row(*cells):
        return "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>"

    body = (
        "<w:p><w:r><w:t>附表：科技园党建工作数据</w:t></w:r></w:p>"
        f"<w:tbl>{row('指标', '数值')}{row('共建高校', '5所')}{row('入园企业党组织', '12个')}"
        f"{row('年份', '党组织', '党员')}{row('2020', '12个', '310名')}</w:tbl>"
    )
    page = read_page(write(tmp_path, "table.docx", docx_bytes(body_xml=body)))
    assert page.text.split("\n\n")[1:] == [
        "指标：数值", "共建高校：5所", "入园企业党组织：12个", "年份　党组织　党员", "2020　12个　310名\n",
    ]


def test_a_docx_named_txt_is_read_as_a_docx(tmp_path):
    page = read_page(write(tmp_path, "renamed.txt", docx_bytes()))
    assert page.format == "docx" and page.text == page_text(PAGE)


def test_a_zip_bomb_is_refused_by_its_declared_size(tmp_path, settings):
    settings.INGEST_MAX_UNZIPPED_BYTES = 1024 * 1024
    data = docx_bytes(extra=[("word/media/bomb.bin", b"\0" * (4 * 1024 * 1024))])
    assert len(data) < 50_000
    with pytest.raises(PageError, match=r"bomb.docx: .*would inflate to 4.0 MB.*INGEST_MAX_UNZIPPED_BYTES"):
        read_page(write(tmp_path, "bomb.docx", data))


def test_a_part_that_inflates_past_what_its_header_says_is_cut_off(tmp_path, settings):
    settings.INGEST_MAX_UNZIPPED_BYTES = 64 * 1024
    body = "".join(f"<w:p><w:r><w:t>{'党建' * 2000}</w:t></w:r></w:p>" for _ in range(20))
    data = bytearray(docx_bytes(body_xml=body))
    # Lie in both size fields of word/document.xml: claim 100 bytes.
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/document.xml")
    local = info.header_offset
    data[local + 22:local + 26] = (100).to_bytes(4, "little")
    for offset in _central_entries(bytes(data)):
        name_len = int.from_bytes(data[offset + 28:offset + 30], "little")
        if bytes(data[offset + 46:offset + 46 + name_len]) == b"word/document.xml":
            data[offset + 24:offset + 28] = (100).to_bytes(4, "little")
    with pytest.raises(PageError) as excinfo:
        read_page(write(tmp_path, "liar.docx", bytes(data)))
    message = str(excinfo.value)
    assert "liar.docx" in message and "\n" not in message


def _central_entries(data):
    at = data.find(b"PK\x01\x02")
    while at != -1:
        yield at
        at = data.find(b"PK\x01\x02", at + 4)


def test_xml_with_a_doctype_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "党建党建党建">]>'
            f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:body></w:document>',
        )
    with pytest.raises(PageError, match="entities.docx: .*DOCTYPE"):
        read_page(write(tmp_path, "entities.docx", buf.getvalue()))


def test_a_damaged_docx_is_refused(tmp_path):
    data = docx_bytes()
    with pytest.raises(PageError, match="broken.docx: "):
        read_page(write(tmp_path, "broken.docx", data[: len(data) // 2]))
