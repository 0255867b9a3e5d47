"""Where a page comes from: newspaper, date, page and link, kept with its source and shown everywhere."""
import datetime
import json
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, Source
from articles.tests.ingest.test_readers_html import PARAS, TITLE, html

pytestmark = pytest.mark.django_db

# The same feature as an e-paper page's OCR text carries it: folio line, column, byline.
EPAPER = "\n\n".join([
    "2023年5月15日 星期一 编辑：王敏 校对：李静",
    "A7 党建在高新",
    TITLE,
    "■ 本报记者 许文静",
    *PARAS,
]) + "\n"


def ingest(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("ingest", *[str(p) for p in paths], stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def brief_page(tmp_path, name="brief.txt"):
    page = tmp_path / name
    page.write_text(f"党建在高新\n\n{TITLE}\n\n" + "\n\n".join(PARAS) + "\n", encoding="utf-8")
    return page


def test_the_curators_options_date_the_source_and_its_articles(client, tmp_path):
    page = brief_page(tmp_path)
    ingest(page, paper="中国高新技术产业导报", date="2022-09-05", page="A7", page_name="党建在高新",
           url="http://paper.example/html/2022-09/05/node_7.htm")
    source = Source.objects.get()
    assert (source.paper, source.date, source.page, source.page_name) == (
        "中国高新技术产业导报", datetime.date(2022, 9, 5), "A7", "党建在高新")
    assert source.meta_source["date"] == "curator"
    article = Article.objects.get()
    assert (article.date, article.year, article.date_source) == (datetime.date(2022, 9, 5), 2022, "source")

    html_page = client.get(article.get_absolute_url()).content.decode()
    assert "中国高新技术产业导报 2022年9月5日 A7版 · 党建在高新" in html_page
    assert 'href="http://paper.example/html/2022-09/05/node_7.htm"' in html_page
    item = client.get(reverse("api:articles")).json()["results"][0]
    assert {k: item[k] for k in ("date", "date_source", "paper", "page", "page_name", "source_url")} == {
        "date": "2022-09-05", "date_source": "source", "paper": "中国高新技术产业导报",
        "page": "A7", "page_name": "党建在高新", "source_url": "http://paper.example/html/2022-09/05/node_7.htm",
    }
    assert [s["name"] for s in item["sources"]] == ["brief.txt"]


def test_a_bad_date_option_is_refused_before_anything_is_read(tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        ingest(brief_page(tmp_path), date="5/9/2022")
    assert not Source.objects.exists()


def test_a_manifest_gives_each_file_its_own_source(tmp_path):
    brief_page(tmp_path, "a.txt")
    (tmp_path / "b.txt").write_text(EPAPER.replace("合肥", "宿州"), encoding="utf-8")
    (tmp_path / "archive.csv").write_text(
        "path,paper,date,page,page_name,url\n"
        "a.txt,中国高新技术产业导报,2021-03-01,A5,园区,\n"
        "b.txt,安徽日报,2020-01-02,第3版,,\n", encoding="utf-8")
    ingest(manifest=tmp_path / "archive.csv")
    a, b = Source.objects.get(name="a.txt"), Source.objects.get(name="b.txt")
    assert (a.paper, a.date, a.page, a.page_name) == ("中国高新技术产业导报", datetime.date(2021, 3, 1), "A5", "园区")
    # The curator's date beats the page's own folio line (2023年5月15日).
    assert (b.paper, b.date, b.page) == ("安徽日报", datetime.date(2020, 1, 2), "第3版")
    assert b.citation_place == "安徽日报 2020年1月2日 第3版 · 党建在高新"  # its page name from the page


def test_a_json_lines_manifest_with_a_bad_line_says_which(tmp_path):
    brief_page(tmp_path, "a.txt")
    (tmp_path / "m.jsonl").write_text(
        json.dumps({"path": "a.txt", "date": "2021-03-01"}) + "\n" + json.dumps({"path": "a.txt", "date": "昨天"}) + "\n",
        encoding="utf-8")
    with pytest.raises(CommandError, match="第 2 行"):
        ingest(manifest=tmp_path / "m.jsonl")
    assert not Source.objects.exists()


def test_the_pages_own_folio_line_dates_it_when_nobody_else_does(tmp_path):
    page = tmp_path / "epaper.txt"
    page.write_text(EPAPER, encoding="utf-8")
    ingest(page)
    source = Source.objects.get()
    assert source.date == datetime.date(2023, 5, 15) and source.page == "A7"
    article = Article.objects.get(title=TITLE)
    assert (article.date, article.date_source) == (datetime.date(2023, 5, 15), "source")


def test_an_undated_page_takes_its_year_from_the_text_and_says_so(tmp_path):
    page = tmp_path / "undated.txt"
    page.write_text(f"{TITLE}\n\n2021年，合肥高新区建立“红链驿站”，服务链上企业86家。\n", encoding="utf-8")
    ingest(page)
    article = Article.objects.get()
    assert (article.date, article.year, article.date_source) == (None, 2021, "text")


def test_the_same_article_as_a_page_and_as_a_web_copy_is_one_article_with_two_sources(client, tmp_path):
    epaper = tmp_path / "epaper.txt"
    epaper.write_text(EPAPER, encoding="utf-8")
    web = tmp_path / "copy.html"
    web.write_text(html(), encoding="utf-8")
    ingest(epaper)
    out, _ = ingest(web)

    article = Article.objects.get(title=TITLE)
    assert Article.objects.filter(title_key=article.title_key).count() == 1
    assert [s.name for s in article.sources.all()] == ["copy.html"]
    assert "与其他来源的同一文章合并 1" in out
    item = client.get(reverse("api:articles")).json()["results"][0]
    assert [s["name"] for s in item["sources"]] == ["epaper.txt", "copy.html"]
    assert "另见" in client.get(article.get_absolute_url()).content.decode()
    ingest(web)  # again: still one article
    assert Article.objects.filter(title=TITLE).count() == 1


def test_a_renamed_file_creates_nothing_new(tmp_path):
    page = brief_page(tmp_path, "first-name.txt")
    ingest(page)
    renamed = tmp_path / "second-name.txt"
    page.rename(renamed)
    _out, err = ingest(renamed)
    assert Source.objects.count() == 1 and Article.objects.count() == 1
    assert "first-name.txt" in err


def test_feeds_date_entries_by_publication(client, tmp_path):
    ingest(brief_page(tmp_path), date="2019-07-01")
    feed = ElementTree.fromstring(client.get(reverse("articles:feed")).content)
    atom = "{http://www.w3.org/2005/Atom}"
    published = [e.text for e in feed.iter(f"{atom}published")]
    assert published and all(p.startswith("2019-07-01") for p in published)


def test_articles_filter_by_a_publication_date_range(client, tmp_path):
    ingest(brief_page(tmp_path, "old.txt"), date="2019-07-01")
    (tmp_path / "new.txt").write_text(EPAPER.replace("合肥", "芜湖"), encoding="utf-8")
    ingest(tmp_path / "new.txt")
    titles = lambda **q: {r["title"] for r in client.get(reverse("api:articles"), q).json()["results"]}  # noqa: E731
    assert titles(date_from="2020-01-01") == {TITLE.replace("合肥", "芜湖")}
    assert titles(date_to="2019-12-31") == {TITLE}
    assert client.get(reverse("api:articles"), {"date_from": "不是日期"}).status_code == 400


def test_a_curators_source_date_dates_its_articles_and_survives_the_next_ingest(admin_client, tmp_path):
    page = brief_page(tmp_path)
    ingest(page, date="2022-09-05")
    source = Source.objects.get()
    url = reverse("admin:articles_source_change", args=[source.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in ("paper", "page", "page_name", "url")}
    response = admin_client.post(url, {**data, "date": "2022-09-12"})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.date == datetime.date(2022, 9, 12)

    ingest(page, date="2022-09-05")  # a re-ingest reads the old date again
    source.refresh_from_db()
    assert source.date == datetime.date(2022, 9, 12) and "date" in source.curated_fields
    assert Article.objects.get().date == datetime.date(2022, 9, 12)


def test_the_original_file_is_kept_and_downloadable_from_the_admin(admin_client, client, tmp_path):
    page = brief_page(tmp_path)
    ingest(page)
    source = Source.objects.get()
    assert source.original
    url = reverse("admin:articles_source_original", args=[source.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == page.read_bytes()
    assert client.get(url).status_code == 302  # anonymous: to the login page


def test_an_unsure_repeat_is_stored_and_queued_for_a_curator(admin_client, tmp_path):
    ingest(brief_page(tmp_path, "first.txt"))
    longer = PARAS + ["截至目前，驿站累计解决企业难题120余项，促成校企合作项目35个，培养党员技术骨干40余名，"
                      "并把这一做法写入园区产业链党建工作手册，在集成电路和生物医药产业链同步推开。"] * 2
    (tmp_path / "second.txt").write_text(f"{TITLE}\n\n" + "\n\n".join(longer) + "\n", encoding="utf-8")
    ingest(tmp_path / "second.txt")
    first, second = Article.objects.order_by("pk")
    assert second.possible_duplicate_of == first
    queue = admin_client.get(reverse("admin:articles_article_changelist"), {"possible_duplicate_of__isempty": "0"})
    assert list(queue.context["cl"].result_list) == [second]
