"""Page files made in the tests: the same page as text, HTML, PDF, .docx and image.

A page is a list of blocks: ("column", text), ("title", text), ("byline", text),
("para", text), and ("head", text) for a second article's headline. Each maker
lays it out the way that format would carry a newspaper page.
"""
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

PAGE = [
    ("column", "党建在高新"),
    ("title", "合肥高新区“红链驿站”串起量子产业生态"),
    ("byline", "本报记者 许文静 通讯员 孙浩"),
    ("para", "今年以来，合肥高新区在量子信息产业链上建立“红链驿站”，把党组织建在产业链上，服务覆盖链上企业86家，"
             "推动链上企业党组织与科研院所党组织结对共建，形成了“链上有组织、组织有活动、活动有成效”的工作格局。"),
    ("para", "据介绍，“红链驿站”由园区党工委牵头，联合中国科学技术大学等科研院所和龙头企业党组织，定期开展技术攻关、"
             "人才交流和政策宣讲活动。截至目前，驿站累计解决企业难题120余项，促成校企合作项目35个。"),
    ("para", "合肥高新区党工委负责人表示，下一步将在集成电路、生物医药等产业链推广这一做法，"
             "推动党建优势转化为发展优势，为建设世界领先科技园区提供坚强组织保证。"),
    ("head", "株洲高新区党建联盟助力中小企业“抱团出海”"),
    ("para", "本报讯 今年以来，株洲高新区轨道交通装备产业链党建联盟组织16家中小企业组团参加海外展会，帮助企业对接订单，"
             "联盟企业实现出口额18.6亿元，同比增长23%。"),
    ("para", "联盟还建立了“外贸党员服务队”，为企业出海提供报关、结汇、法律等咨询服务，累计服务企业200余家次。"),
]


_NO_LINE_START = set("，。、；：？！”’）》%")


def page_text(page=PAGE):
    """The page as a text file would carry it: blank lines between blocks."""
    return "\n\n".join(text for _, text in page) + "\n"


def require_font():
    import pytest

    if not FONT_PATH.exists():
        import os

        if os.environ.get("CI"):
            pytest.fail(f"{FONT_PATH} is missing: `make ocr-deps` installs fonts-wqy-microhei")
        pytest.skip(f"{FONT_PATH} is not installed (apt-get install fonts-wqy-microhei)")


# --- PDF ----------------------------------------------------------------------------------


def _wrap(text, width, size, font, indent=0):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current, room = [], "", width - indent * size
    for ch in text:
        if current and stringWidth(current + ch, font, size) > room:
            # Punctuation never opens a line: the character before it goes down with it.
            carry = current[-1] if ch in _NO_LINE_START and len(current) > 1 else ""
            lines.append(current[: len(current) - len(carry)])
            current, room = carry, width
        current += ch
    if current:
        lines.append(current)
    return lines


def make_pdf(path, page=PAGE, *, columns=2, metadata=True, extra_pages=(), folio="", encrypt=None):
    """A newspaper-like PDF page: column header, a headline across the columns,
    body text in ``columns`` columns (2 em gutters) with the text flowing from one
    column into the next, a second article's headline inside a column."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT_PATH), subfontIndex=0))
    width, height = A4
    margin, gutter, body = 40, 24, 10.5
    col_width = (width - 2 * margin - (columns - 1) * gutter) / columns
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    if metadata:
        c.setTitle("中国高新技术产业导报 A7 党建在高新")
        c.setCreator("test")
    y = height - margin
    if folio:
        c.setFont("WQY", 9)
        c.drawString(margin, y - 9, folio)  # the dateline above the column header
        y -= 24
    c.setFont("WQY", 12)
    c.drawString(margin, y - 12, page[0][1])  # column header
    y -= 40
    c.setFont("WQY", 20)
    c.drawString(margin, y - 20, page[1][1])  # headline across the columns
    y -= 34
    top = y
    blocks = []
    for kind, text in page[2:]:
        if kind == "head":
            blocks.append((kind, 16, _wrap(text, col_width, 16, "WQY"), 10))
        elif kind == "byline":
            blocks.append((kind, body, _wrap(text, col_width, body, "WQY"), 0))
        else:
            blocks.append((kind, body, _wrap(text, col_width, body, "WQY", indent=2), 0))
    total = sum(len(lines) * size * 1.5 + before + 5 for _, size, lines, before in blocks)
    bottom = top - total / columns - 2 * body  # columns of about equal length
    col, x = 0, margin
    for kind, size, lines, before in blocks:
        y -= before
        if kind == "head" and y - size * 1.5 * len(lines) < bottom and col < columns - 1:
            col += 1  # a headline is not split between columns
            x, y = margin + col * (col_width + gutter), top
        for i, line in enumerate(lines):
            if y - size < bottom and col < columns - 1:
                col += 1
                x, y = margin + col * (col_width + gutter), top
            c.setFont("WQY", size)
            indent = 2 * size if kind == "para" and i == 0 else 0
            c.drawString(x + indent, y - size, line)
            y -= size * 1.5
        y -= 5
    c.showPage()
    for extra in extra_pages:
        extra(c)
        c.showPage()
    c.save()
    return path


# --- .docx ----------------------------------------------------------------------------------

_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{title}</dc:title><dc:creator>编辑部</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>
</cp:coreProperties>"""
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w_paragraph(text):
    # Word splits a paragraph into runs where formatting changes: split it too.
    half = len(text) // 2
    runs = "".join(
        f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(part)}</w:t></w:r>' if i == 0
        else f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>'
        for i, part in enumerate((text[:half], text[half:])) if part
    )
    return f"<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>{runs}</w:p>"


def docx_bytes(page=PAGE, *, body_xml=None, title="党建在高新", created="2023-06-12T08:00:00Z",
               extra=()):
    paragraphs = body_xml if body_xml is not None else "".join(_w_paragraph(text) for _, text in page)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{paragraphs}'
        f'<w:p/><w:sectPr/></w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        z.writestr("docProps/core.xml", _CORE.format(title=escape(title), created=created))
        for name, data in extra:
            z.writestr(name, data)
    return buf.getvalue()


# --- image ------------------------------------------------------------------------------------


def make_image(path, page=PAGE, *, columns=2, size=30, fmt=None):
    """The page rendered with Pillow at a scan-like resolution: headline across, body in columns."""
    from PIL import Image, ImageDraw, ImageFont

    width = 1700
    margin, gutter = 60, 70
    col_width = (width - 2 * margin - (columns - 1) * gutter) // columns
    body = ImageFont.truetype(str(FONT_PATH), size, index=0)
    big = ImageFont.truetype(str(FONT_PATH), int(size * 1.6), index=0)
    mid = ImageFont.truetype(str(FONT_PATH), int(size * 1.3), index=0)

    def wrap(text, font, indent=0):
        lines, current, room = [], "", col_width - indent
        for ch in text:
            if current and font.getlength(current + ch) > room:
                carry = current[-1] if ch in _NO_LINE_START and len(current) > 1 else ""
                lines.append(current[: len(current) - len(carry)])
                current, room = carry, col_width
            current += ch
        return lines + ([current] if current else [])

    # Lay the body out first to know the page height.
    blocks = []
    for kind, text in page[2:]:
        font = mid if kind == "head" else body
        indent = 2 * size if kind == "para" else 0
        blocks.append((kind, font, wrap(text, font, indent), indent))
    leading = int(size * 1.6)
    total = sum(len(lines) * (int(font.size * 1.6)) + leading // 2 for _, font, lines, _ in blocks)
    col_height = total // columns + 4 * leading
    height = margin * 2 + int(size * 1.2) + int(size * 1.6) * 2 + col_height
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    y = margin
    draw.text((margin, y), page[0][1], font=body, fill=0)
    y += int(size * 2.2)
    draw.text((margin, y), page[1][1], font=big, fill=0)
    y += int(size * 2.6)
    top, col, x = y, 0, margin
    for kind, font, lines, indent in blocks:
        step = int(font.size * 1.6)
        if kind == "head":
            y += leading // 2
        for i, line in enumerate(lines):
            if y + step > top + col_height - leading:
                col += 1
                x, y = margin + col * (col_width + gutter), top
            draw.text((x + (indent if i == 0 else 0), y), line, font=font, fill=0)
            y += step
        y += leading // 2
    image.save(path, format=fmt, dpi=(300, 300))
    return path


def cer(reference, hypothesis):
    """Character error rate: edit distance over the reference's length, whitespace ignored."""
    ref = "".join(reference.split())
    hyp = "".join(hypothesis.split())
    if not ref:
        return float(bool(hyp))
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)
