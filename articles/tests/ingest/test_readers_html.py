"""Web pages: the article without the site's chrome, written as a text page; metadata from <meta>."""
import datetime

import pytest

from articles.ingest.layout import split_page
from articles.ingest.readers import PageError, read_page

TITLE = "合肥高新区“红链驿站”串起量子产业生态"
PARAS = [
    "今年以来，合肥高新区在量子信息产业链上建立“红链驿站”，把党组织建在产业链上，服务覆盖链上企业86家。",
    "据介绍，“红链驿站”由园区党工委牵头，联合科研院所和龙头企业党组织，定期开展技术攻关和人才交流活动，累计解决企业难题120余项。",
    "合肥高新区党工委负责人表示，下一步将在集成电路、生物医药等产业链推广这一做法，推动党建优势转化为发展优势。",
]
# The same article as a text page carries it.
TEXT = "\n\n".join([TITLE, "■ 许文静 来源：中国高新网 发布时间：2023-05-12 10:20", *PARAS]) + "\n"

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<title>{title}_中国高新网</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="中国高新网">
<meta property="og:url" content="http://www.chinahightech.example/html/2023-05/12/content_123_A7.html">
<meta property="article:published_time" content="2023-05-12T10:20:00+08:00">
<meta name="author" content="许文静">
<script>var cfg = {{msg: "脚本里的党建文字不应出现"}}; document.write("<p>脚本写出的高新区党建</p>");</script>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "结构化数据里的标题"}}</script>
<style>.nav {{ color: red }} body::after {{ content: "样式里的高新区" }}</style>
</head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li>
<li><a href="/dj">党建</a></li><li><a href="/yq">园区</a></li><li><a href="/about">关于我们</a></li></ul>
<form><input name="q" placeholder="站内搜索"><button>搜索</button></form></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/dj">党建</a> &gt; 正文</div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：2023-05-12 10:20　来源：中国高新网　作者：许文静　【字号：大 中 小】【打印】</div>
<div class="content">
<p>{p0}</p>
<p>{p1}</p>
<script>alert("正文中的脚本文字");</script>
<p>{p2}</p>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a">长沙高新区获评湖南省级党建示范园区</a></li>
<li><a href="/b">株洲高新区党建联盟助力中小企业抱团出海</a></li></ul></div>
</div>
<div class="footer"><p>版权所有 © 中国高新网 京ICP备12345678号</p><p>地址：北京市海淀区 联系电话：010-12345678</p></div>
<noscript>请开启浏览器脚本以获得更好的党建阅读体验</noscript>
</body>
</html>
"""


def html(charset="utf-8"):
    return PAGE.format(charset=charset, title=TITLE, p0=PARAS[0], p1=PARAS[1], p2=PARAS[2])


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("charset, codec", [("utf-8", "utf-8"), ("gb2312", "gb18030"), ("GBK", "gb18030")])
def test_the_article_without_the_site_around_it(tmp_path, charset, codec):
    page = read_page(write(tmp_path, "article.html", html(charset).encode(codec)))
    assert page.format == "html"
    assert page.encoding == codec
    assert page.text == TEXT
    for chrome in ("首页", "当前位置", "分享到", "微博", "相关新闻", "长沙高新区", "版权所有", "ICP", "站内搜索", "字号", "打印"):
        assert chrome not in page.text


def test_scripts_styles_and_noscript_never_reach_the_page_text(tmp_path):
    page = read_page(write(tmp_path, "article.html", html().encode("utf-8")))
    for hidden in ("脚本", "样式里", "结构化数据", "document.write", "alert", "请开启"):
        assert hidden not in page.text


def test_the_same_articles_as_the_text_page(tmp_path):
    page = read_page(write(tmp_path, "article.html", html().encode("utf-8")))
    [from_html] = split_page(page.text)
    [from_text] = split_page(TEXT)
    assert from_html.title == from_text.title == TITLE
    assert from_html.authors == from_text.authors == ["许文静"]
    assert from_html.paragraphs == from_text.paragraphs == PARAS


def test_metadata_from_meta_tags(tmp_path):
    page = read_page(write(tmp_path, "article.html", html().encode("utf-8")))
    assert page.date == datetime.date(2023, 5, 12)
    assert page.paper == "中国高新网"
    assert page.url == "http://www.chinahightech.example/html/2023-05/12/content_123_A7.html"
    assert page.page == "A7"  # spelled by the e-paper URL
    assert page.page_name == "党建"  # the section its trail names: 首页 > 党建 > 正文
    assert page.doc_title == TITLE
    assert page.meta_source == {
        "date": "html:meta article:published_time",
        "paper": "html:meta og:site_name",
        "url": "html:meta og:url",
        "page": "url",
        "page_name": "html:breadcrumb",
    }


def test_without_meta_tags_the_publication_line_of_the_page_says_it(tmp_path):
    bare = html().replace('<meta property="article:published_time" content="2023-05-12T10:20:00+08:00">', "")
    bare = bare.replace('<meta property="og:site_name" content="中国高新网">', "").replace("发布时间：2023-05-12", "发布时间：2023-05-13")
    page = read_page(write(tmp_path, "bare.html", bare.encode("utf-8")))
    assert page.date == datetime.date(2023, 5, 13)
    assert page.meta_source["date"] == "page:web"
    assert page.paper == "中国高新网"


def test_publication_fields_in_elements_of_their_own_keep_two_spaced_authors_apart(tmp_path):
    spans = html().replace(
        '<div class="info">发布时间：2023-05-12 10:20　来源：中国高新网　作者：许文静　【字号：大 中 小】【打印】</div>',
        '<div class="info"><span>发布时间：2023-05-12 10:20</span><span>来源：中国高新网</span>'
        "<span>作者：顾 澄\u3000沈 晓</span><span>阅读：<em>1047</em></span></div>",
    )
    assert spans != html()
    (block,) = split_page(read_page(write(tmp_path, "spans.html", spans.encode("utf-8"))).text)
    assert block.authors == ["顾澄", "沈晓"]


def test_the_site_its_title_names_published_the_page_not_the_source_its_line_names(tmp_path):
    bare = html().replace('<meta property="og:site_name" content="中国高新网">', "")
    bare = bare.replace("来源：中国高新网", "来源：合肥日报")
    page = read_page(write(tmp_path, "bare.html", bare.encode("utf-8")))
    assert (page.paper, page.meta_source["paper"]) == ("中国高新网", "html:title")


def test_a_title_tag_with_its_section_and_site_after_the_headline_gives_the_headline(tmp_path):
    sectioned = html().replace("<meta property=\"og:title\" content=\"{0}\">".format(TITLE), "")
    sectioned = sectioned.replace(f"<title>{TITLE}_中国高新网</title>", f"<title>{TITLE}_工作动态_北京市海淀区人民政府</title>")
    page = read_page(write(tmp_path, "sectioned.html", sectioned.encode("utf-8")))
    assert page.doc_title == TITLE
    assert page.text.startswith(TITLE + "\n")


@pytest.mark.parametrize("suffix", ["_工作动态_合肥高新区管委会", ""])
def test_a_title_tag_leading_with_its_place_and_a_colon_gives_the_headline(tmp_path, suffix):
    led = html().replace("<meta property=\"og:title\" content=\"{0}\">".format(TITLE), "")
    led = led.replace(f"<title>{TITLE}_中国高新网</title>", f"<title>合肥高新区：{TITLE}{suffix}</title>")
    page = read_page(write(tmp_path, "led.html", led.encode("utf-8")))
    assert page.text.startswith(TITLE + "\n")


def test_a_title_tag_holding_the_headline_inside_its_own_words_is_kept(tmp_path):
    # the <h1> a part of the <title>'s own headline: the fuller one is the title
    longer = f"合肥高新区召开推进会部署{TITLE}"
    doc = html().replace("<meta property=\"og:title\" content=\"{0}\">".format(TITLE), "")
    doc = doc.replace(f"<title>{TITLE}_中国高新网</title>", f"<title>{longer}_工作动态_合肥高新区管委会</title>")
    page = read_page(write(tmp_path, "longer.html", doc.encode("utf-8")))
    assert page.text.startswith(longer)


def test_a_page_named_txt_is_read_as_html_by_its_content(tmp_path):
    page = read_page(write(tmp_path, "saved.txt", html().encode("utf-8")))
    assert page.format == "html" and page.text == TEXT


def test_line_breaks_inside_one_block_are_paragraphs(tmp_path):
    doc = html().replace(f"<p>{PARAS[0]}</p>\n<p>{PARAS[1]}</p>", f"<p>{PARAS[0]}<br><br>{PARAS[1]}</p>")
    page = read_page(write(tmp_path, "br.html", doc.encode("utf-8")))
    assert page.text == TEXT


def test_a_page_of_scripts_only_is_refused(tmp_path):
    doc = "<!DOCTYPE html><html><head><title>x</title><script>var s='党建引领高新区发展';</script></head><body></body></html>"
    with pytest.raises(PageError) as excinfo:
        read_page(write(tmp_path, "scripts.html", doc.encode("utf-8")))
    message = str(excinfo.value)
    assert "scripts.html" in message and "\n" not in message
    assert "no Chinese" in message or "empty" in message


def test_a_picture_s_caption_is_not_the_article_s_text(tmp_path):
    picture = '<p style="text-align:center"><img src="/p.jpg"></p>\n<p style="text-align:center">考察组在企业生产车间了解情况</p>\n'
    doc = html().replace(f"<p>{PARAS[1]}</p>", picture + f"<p>{PARAS[1]}</p>")
    page = read_page(write(tmp_path, "captioned.html", doc.encode("utf-8")))
    assert page.text == TEXT
    (block,) = split_page(page.text)
    assert "了解情况" not in block.body


def test_a_table_s_rows_read_as_sentences_under_its_column_headings(tmp_path):
    table = (
        "<table><tr><th>园区</th><th>总投资（亿元）</th><th>占地（亩）</th><th>进展</th></tr>"
        "<tr><td>汽车产业园</td><td>6</td><td>约170</td><td>力争提前2个月完工</td></tr></table>\n"
    )
    doc = html().replace(f"<p>{PARAS[1]}</p>", table + f"<p>{PARAS[1]}</p>")
    page = read_page(write(tmp_path, "table.html", doc.encode("utf-8")))
    assert "汽车产业园：总投资6亿元，占地约170亩，进展：力争提前2个月完工。" in page.text
    (block,) = split_page(page.text)  # a table is no article of its own
    assert "总投资6亿元" in block.body


def test_a_table_s_title_row_numbers_and_figures_with_their_units(tmp_path):
    table = (
        "<table><caption>2019年一季度集中开工重点项目</caption>"
        "<tr><th>序号</th><th>项目名称</th><th>总投资（亿元）</th></tr>"
        "<tr><td>1</td><td>隧道智能装备项目</td><td>1.7</td></tr>"
        "<tr><td colspan=\"2\">合计</td><td>23.51</td></tr></table>\n"
        "<table><caption>2021年主要工业指标</caption>"
        "<tr><th>指标</th><th>2021年完成</th><th>说明</th></tr>"
        "<tr><td>规上工业企业</td><td>242家</td><td>截至12月底</td></tr></table>\n"
    )
    doc = html().replace(f"<p>{PARAS[1]}</p>", table + f"<p>{PARAS[1]}</p>")
    page = read_page(write(tmp_path, "tables.html", doc.encode("utf-8")))
    lines = page.text.split("\n\n")
    for line in (
        "2019年一季度集中开工重点项目。", "隧道智能装备项目：总投资1.7亿元。", "合计：总投资23.51亿元。",
        "规上工业企业：242家，说明：截至12月底。",
    ):
        assert line in lines
