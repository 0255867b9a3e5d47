"""Web pages: the article's text and metadata, without the site around it.

trafilatura finds the main text (navigation, breadcrumbs, share links, related
lists and footers are dropped; scripts and styles never reach the text).
The page text is written the way a text page is: the title line, a byline
line (``■ 许文静 来源：中国高新网 发布时间：2023-05-12 10:20``: author, source
and time from the page's own 发布时间 line or from the metadata, marked as
the layout marks bylines), then the paragraphs, blank lines between them.
Publication lines, breadcrumbs and share prompts that trafilatura kept inside
the text are dropped from it, and so are pictures' captions (a line under an image). A
table's rows become sentences under its column headings (``_table_lines``).

Metadata: <meta> tags the publisher wrote (og:, article:published_time,
PubDate, ContentSource, author, canonical link) are trusted most; the page's
own 发布时间/来源 line next; what trafilatura guessed after that.
"""
import hashlib
import re

from articles.ingest.layout.lines import CAPTION_MAX
from articles.ingest.readers import text as text_reader
from articles.ingest.readers.errors import PageError
from articles.ingest.readers.metadata import SourceMeta, _web_line, breadcrumb_section, find_date, title_site
from articles.ingest.readers.page import TRUST_META, TRUST_PAGE, TRUST_URL, Draft, Hint

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "gb18030": "gb18030", "big5": "big5", "big5-hkscs": "big5hkscs", "utf8": "utf-8", "utf-8": "utf-8",
}
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")

# <meta> names (lower case) and what they give.
_META = {
    "date": ("article:published_time", "og:article:published_time", "pubdate", "publishdate",
             "publish_date", "publication_date", "datepublished", "dc.date.issued", "dc.date",
             "dcterms.issued", "sailthru.date", "firstpublishedtime"),
    "paper": ("og:site_name", "sitename", "contentsource", "source", "application-name"),
    "url": ("og:url", "url"),
    "title": ("og:title", "articletitle", "title"),
    "author": ("author", "article:author", "byl", "dc.creator"),
}


def read(path, name, size):
    raw = text_reader.read_bytes(path, name)
    html, encoding = decode(raw, name)
    digest = hashlib.sha256(raw).hexdigest()
    page_text, hints, title = extract(html, name)
    return [Draft(name=name, text=page_text, encoding=encoding, format="html", content_hash=digest,
                  file_hash=digest, hints=hints, doc_title=title, column_header=False)]


def decode(raw, name):
    """(html, encoding): the charset the page declares, else the text reader's guess."""
    if not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in raw[:4096]:
        m = _CHARSET.search(raw[:4096])
        codec = _ALIASES.get(m.group(1).decode("ascii").lower()) if m else None
        if codec:
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                pass  # a page that lies about its charset: guess as for text
    return text_reader.decode(raw, name)


def extract(html, name):
    """(page text, hints, title) of an HTML document."""
    import lxml.html
    import trafilatura

    html = _XML_DECL.sub("", html)
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several kinds for broken markup
        raise PageError(f"{name}: 无法解析的网页 (unparseable HTML)") from None
    for bad in root.xpath("//script|//style|//noscript|//template|//iframe|//object|//embed"):
        bad.drop_tree()
    for caption in _captions(root):
        caption.drop_tree()
    meta = _meta_tags(root)
    info_line = _info_line(root)
    section = _section(root)  # read before trafilatura drops the trail with the navigation
    title_tag = root.find(".//title")
    site = title_site(_clean(title_tag.text_content())) if title_tag is not None else ""

    doc = trafilatura.bare_extraction(
        lxml.html.tostring(root, encoding="unicode"),
        url=meta.get("url"),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    paragraphs = _paragraphs(doc.body) if doc is not None and doc.body is not None else []
    hints = []
    for field in ("date", "paper", "url"):
        if meta.get(field):
            hints.append(Hint(field, meta[field], f"html:meta {meta[field + ':name']}", TRUST_META))
    if section:
        hints.append(Hint("page_name", section, "html:breadcrumb", TRUST_PAGE))
    if site:
        # The site its <title> names published the page; the 来源 line may name another.
        hints.append(Hint("paper", site, "html:title", TRUST_PAGE))
    if doc is not None:
        guessed_date, _ = find_date(doc.date or "")
        hints += [
            Hint("date", guessed_date, "html:trafilatura", TRUST_URL),
            Hint("paper", doc.sitename or "", "html:trafilatura", TRUST_URL),
            Hint("url", doc.url or "", "html:trafilatura", TRUST_URL),
        ]
    title = _clean(meta.get("title") or (doc.title if doc is not None else "") or "")
    title = _strip_site(title, meta.get("paper") or (doc.sitename if doc is not None else ""))
    headline = root.find(".//h1")
    headline = _clean(headline.text_content()) if headline is not None else ""
    if headline and _headline_in_title(title, headline):
        title = headline
    if paragraphs and _clean(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]
    paragraphs = [p for p in paragraphs if not _furniture(p)]
    byline = _byline(meta, doc, info_line)
    lines = [line for line in (title, byline) if line] + paragraphs
    return "\n\n".join(lines) + "\n", hints, title


def _meta_tags(root):
    found = {}
    tags = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = _clean(el.get("content") or "")
        if key and content and key not in tags:
            tags[key] = content
    for el in root.iter("time"):
        if el.get("itemprop", "").lower() == "datepublished" and el.get("datetime"):
            tags.setdefault("datepublished", el.get("datetime"))
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            tags.setdefault("canonical", el.get("href").strip())
    for field, names in _META.items():
        for key in names + (("canonical",) if field == "url" else ()):
            value = tags.get(key)
            if field == "date" and value:
                value, _ = find_date(value)
            if field == "url" and value and not value.startswith(("http://", "https://")):
                value = None
            if value:
                found[field], found[field + ":name"] = value, key
                break
    if "title" not in found:
        title = root.find(".//title")
        if title is not None and title.text_content().strip():
            found["title"], found["title:name"] = _clean(title.text_content()), "title"
    return found


def _info_line(root):
    """The page's own 发布时间/来源 line, as printed."""
    for el in root.iter("div", "p", "span", "li", "td", "h2", "h3", "h4", "h5", "h6", "em", "font", "section"):
        # <span>来源：…</span><span>作者：顾 澄　沈 晓</span>: each field apart, as a reader sees them;
        # as printed when that splits a label (发布<em>时间</em>).
        for text in (_clean(" ".join(el.itertext())), _clean(el.text_content())):
            if 8 <= len(text) <= 120 and ("发布" in text or "来源" in text or "日期" in text or "时间" in text):
                if _web_line(text, SourceMeta()):
                    return text
    return ""


def _section(root):
    """The site section the page's trail names (当前位置：首页 > 党建工作 > 正文), or ""."""
    for el in root.iter("div", "p", "span", "nav", "ol", "ul", "td"):
        text = _clean(el.text_content())
        if 4 <= len(text) <= 80 and "首页" in text[:12]:
            section = breadcrumb_section(text)
            if section:
                return section
    return ""


def _byline(meta, doc, info_line):
    """'■ 许文静 来源：中国高新网 发布时间：2023-05-12 10:20', kept within a byline's length."""
    printed = SourceMeta()
    if info_line:
        _web_line(info_line, printed)
    author = printed.author or meta.get("author") or (doc.author if doc is not None else "") or ""
    site = printed.paper or meta.get("paper") or (doc.sitename if doc is not None else "") or ""
    when = ""
    if info_line:
        m = _WHEN.search(info_line)
        when = m.group(0) if m else ""
    if not when and (printed.date or meta.get("date")):
        when = (printed.date or meta.get("date")).isoformat()
    parts = [_clean(author)[:20]]
    if site:
        parts.append(f"来源：{_clean(site)[:20]}")
    if when:
        parts.append(f"发布时间：{when}")
    while len(" ".join(p for p in parts if p)) > 46 and len(parts) > 1:
        parts.pop(1 if len(parts) > 2 else -1)  # the source goes first, then the time
    line = " ".join(p for p in parts if p)
    return f"■ {line}" if line else ""


_WHEN = re.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_FURNITURE = re.compile(
    r"^(?:当前位置|您的位置|您当前的位置|所在位置|位置)\s*[:：]|^分享到|^(?:[【\[]?(?:打印|关闭|收藏|字号|大|中|小|返回顶部)[】\]]?\s*){2,}$"
)


def _captions(root):
    """The elements that caption a picture: a <figcaption>, or a short line set right under a
    block holding only an image (考察组在汨罗高新区企业生产车间了解情况). Not the article's text."""
    found = list(root.iter("figcaption"))
    for image in root.iter("img"):
        holder = image.getparent()
        if holder is None or _clean(holder.text_content()):
            continue
        line = holder.getnext()
        if line is None or line.tag not in ("p", "div", "span", "center", "font") or line.xpath(".//img"):
            continue
        text = _clean(line.text_content())
        if 0 < len(text) <= CAPTION_MAX and not re.search(r"[。！？；]", text[:-1]):
            found.append(line)
    return found


def _furniture(paragraph):
    if _FURNITURE.search(paragraph):
        return True
    return len(paragraph) <= 120 and _web_line(paragraph, SourceMeta()) and "。" not in paragraph


def _paragraphs(body):
    """The extracted body's blocks as paragraphs; a <br> inside a block starts a new one."""
    out = []
    for el in body:
        tag = el.tag
        if tag in ("list",):
            blocks = [item for item in el.iter("item")]
        elif tag == "table":
            blocks = [row for row in el.iter("row")]
        else:
            blocks = [el]
        if tag == "table":
            rows = [[_clean(" ".join(cell.itertext())) for cell in row.iter("cell")] for row in blocks]
            out.extend(_table_lines(rows))
            continue
        for block in blocks:
            out.extend(c for c in (_clean(c) for c in _split_on_breaks(block)) if c)
    return out


# 总投资（亿元）: a column's heading with its unit in brackets.
_HEADING_UNIT = re.compile(r"^(?P<label>.+?)\s*[（(](?P<unit>[^（()）]{1,6})[）)]$")
_BARE_FIGURE = re.compile(r"^(?:约|近|超|超过|逾)?\d[\d.,]*$")
# A cell that is a figure with its unit (242家, 408.2亿元).
_FIGURE_CELL = re.compile(r"^(?:约|近|超|超过|逾)?\d[\d.,]*\s*[^\d\s，,。；;]{1,4}$")
# The heading of a column of row numbers.
_NUMBER_HEADINGS = {"序号", "编号", "序"}


def _table_lines(rows):
    """A table's rows as the sentences a reader makes of them: each row named by its first cell,
    each other cell after its column's heading, a bare figure with the heading's unit
    (智新·芯导产业园：总投资4.57亿元，占地约160亩，…), a column of row numbers (序号) left out, the
    table's title in a row of its own a sentence before them. Without a heading row, cells side by side."""
    rows = [row for row in rows if any(row)]
    caption = []
    if len(rows) > 2 and sum(1 for cell in rows[0] if cell) == 1 and rows[0][0]:
        caption, rows = [f"{rows[0][0]}。"], rows[1:]  # the table's title in a row of its own
    if len(rows) < 2 or len(rows[0]) < 2 or any(len(row) != len(rows[0]) for row in rows):
        return caption + [" ".join(c for c in row if c) for row in rows]
    if rows[0][0] in _NUMBER_HEADINGS and len(rows[0]) > 2:
        # 序号 | 项目名称 | 总投资: rows named by their second cell (合计 where it stands in the first)
        rows = [[row[1] or ("" if _BARE_FIGURE.match(row[0]) else row[0]), *row[2:]] for row in rows]
    headings, lines = rows[0], caption
    for row in rows[1:]:
        parts = []
        for heading, cell in zip(headings[1:], row[1:]):
            if not cell:
                continue
            unit = _HEADING_UNIT.match(heading)
            if unit and _BARE_FIGURE.match(cell):
                parts.append(f"{unit['label']}{cell}{unit['unit']}")
            elif _FIGURE_CELL.match(cell):
                parts.append(cell)  # 242家 under 2021年完成: the row names what it counts
            else:
                parts.append(f"{heading}：{cell}" if heading else cell)
        line = "，".join(parts)
        lines.append(f"{row[0]}：{line}。" if row[0] else f"{line}。")
    return lines


def _split_on_breaks(el):
    chunks, current = [], [el.text or ""]
    for child in el:
        if child.tag == "lb":
            chunks.append("".join(current))
            current = [child.tail or ""]
        else:
            current.append("".join(child.itertext()))
            current.append(child.tail or "")
    chunks.append("".join(current))
    return chunks


def _clean(text):
    return _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


# After a <title>'s headline, the section and site names a site appends: _工作动态_北京市海淀区人民政府.
_SECTION_AFTER = re.compile(r"^(?:\s*(?:[_|｜—–]|-{1,2})\s*[^\s_|｜—–-]{2,30}){1,3}$")
# Before it, the place the page is about: 赣江新区：.
_LEAD_IN = re.compile(r"^[^\s：:_|｜]{2,12}[：:]\s*$")


def _headline_in_title(title, headline):
    """Whether the <title> is the page's <h1> with the section and site names after it
    (标题_工作动态_…人民政府), perhaps led by the place it is about (赣江新区：标题…)."""
    at = title.find(headline)
    if at < 0:
        return False
    lead, rest = title[:at], title[at + len(headline):]
    if lead and not _LEAD_IN.match(lead):
        return False
    return bool(_SECTION_AFTER.match(rest)) or (bool(lead) and not rest)


def _strip_site(title, site):
    """'标题_中国高新网' -> '标题' (sites append their name to <title>)."""
    if site:
        for sep in ("_", "-", "|", "｜", "—", " - "):
            suffix = f"{sep}{site}"
            if title.endswith(suffix):
                return title[: -len(suffix)].strip()
    return title
