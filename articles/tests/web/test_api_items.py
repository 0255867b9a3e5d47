"""One item of the API (/api/<kind>/<id or slug>/), absolute links in JSON and CSV, and
an article's or a list's RIS and BibTeX records, read back by real parsers."""
import csv
import datetime
import io

import bibtexparser
import pytest
import rispy
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.tests.factories import (
    index_for_search,
    make_article,
    make_initiative,
    make_metric,
    make_source,
)

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture
def article(huaibei):
    source = make_source(paper="中国高新技术产业导报", date=datetime.date(2022, 9, 5), page="A7")
    article = make_article(
        title="党建引领开新局", authors=["肖干", "周建军"], zone=huaibei, source=source,
        date=datetime.date(2022, 9, 5), year=2022,
        body="淮北高新区成立锂电产业链党建联盟。项目总投资50亿元。",
    )
    make_initiative("锂电产业链党建联盟", article=article, sentence="淮北高新区成立锂电产业链党建联盟。")
    make_metric(article, label="总投资", value=50, unit="亿元", sentence="项目总投资50亿元。")
    return article


def test_article_item_has_body_citation_facts_and_absolute_links(client, article):
    response = client.get(f"/api/articles/{article.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    item = response.json()
    assert item["body"] == article.body
    assert item["url"] == f"{SITE}/articles/{article.pk}/"
    assert item["citation"] == "肖干, 周建军. 党建引领开新局[N]. 中国高新技术产业导报, 2022-09-05(A7)."
    [initiative] = item["initiatives"]
    assert initiative["name"] == "锂电产业链党建联盟" and initiative["url"].startswith(f"{SITE}/initiatives/")
    [metric] = item["metrics"]
    assert metric["sentence"] == "项目总投资50亿元。" and metric["url"].startswith(f"{SITE}/articles/")


def test_initiative_metric_and_zone_items(client, article):
    initiative_id = article.initiative_mentions.get().initiative_id
    item = client.get(f"/api/initiatives/{initiative_id}/").json()
    assert item["name"] == "锂电产业链党建联盟" and item["url"] == f"{SITE}/initiatives/{initiative_id}/"
    [mention] = item["mentions"]
    assert mention["article_id"] == article.pk and mention["sentence"] == "淮北高新区成立锂电产业链党建联盟。"
    assert mention["url"].startswith(f"{SITE}/articles/{article.pk}/#im")

    metric = article.metrics.get()
    item = client.get(f"/api/metrics/{metric.pk}/").json()
    assert (item["value"], item["unit"], item["article_id"]) == (50, "亿元", article.pk)
    assert item["url"] == f"{SITE}/articles/{article.pk}/#m{metric.pk}"

    item = client.get("/api/zones/huaibei/").json()
    assert item["name"] == "淮北高新区" and item["url"] == f"{SITE}/zones/huaibei/"
    assert (item["article_count"], item["initiative_count"], item["metric_count"]) == (1, 1, 1)
    assert client.get(item["articles_url"]).json()["results"][0]["id"] == article.pk


def test_hidden_missing_and_impossible_items_answer_a_json_404(client, article):
    metric = article.metrics.get()
    initiative_id = article.initiative_mentions.get().initiative_id
    urls = [f"/api/articles/{article.pk}/", f"/api/metrics/{metric.pk}/", f"/api/initiatives/{initiative_id}/"]
    for url in urls:
        assert client.get(url).status_code == 200
    article.hidden = True
    article.save()
    missing = ["/api/articles/999999/", "/api/initiatives/999999/", "/api/metrics/999999/",
               "/api/zones/no-such-zone/", "/api/zones/淮北/", f"/api/articles/{10**30}/", f"/api/metrics/{2**63}/",
               "/api/articles/abc/", "/api/initiatives/-1/", "/api/metrics/１２/"]
    for url in urls + missing:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"], url


def test_an_item_refuses_an_unknown_format_and_a_post(client, article):
    response = client.get(f"/api/articles/{article.pk}/", {"format": "xml"})
    assert response.status_code == 400 and response.json()["fields"]["format"][0]
    assert client.post(f"/api/articles/{article.pk}/").status_code == 405


def test_one_article_as_ris_and_bibtex(client, article):
    response = client.get(f"/api/articles/{article.pk}/", {"format": "ris"})
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert f'filename="article-{article.pk}.ris"' in response["Content-Disposition"]
    [entry] = rispy.loads(b"".join(response.streaming_content).decode())
    assert (entry["type_of_reference"], entry["title"], entry["authors"]) == ("NEWS", "党建引领开新局", ["肖干", "周建军"])
    assert entry["urls"] == [f"{SITE}/articles/{article.pk}/"]

    response = client.get(f"/api/articles/{article.pk}/", {"format": "bibtex"})
    assert f'filename="article-{article.pk}.bib"' in response["Content-Disposition"]
    [entry] = bibtexparser.parse_string(b"".join(response.streaming_content).decode()).entries
    assert (entry["title"], entry["journal"], entry["date"]) == ("党建引领开新局", "中国高新技术产业导报", "2022-09-05")


def test_a_search_exports_every_result_best_first_as_ris_and_bibtex(client, huaibei):
    title_hit = make_article(title="产业链党建联盟成立", zone=huaibei, body="会议在淮北召开。")
    body_hit = make_article(title="其他新闻", zone=huaibei, body="区里也提到产业链党建联盟的做法。")
    make_article(title="无关", zone=huaibei, body="天气晴朗。")
    index_for_search([title_hit, body_hit])
    response = client.get("/search/", {"q": "产业链党建联盟", "format": "ris"})
    assert response.status_code == 200 and 'filename="search.ris"' in response["Content-Disposition"]
    entries = rispy.loads(b"".join(response.streaming_content).decode())
    assert [e["title"] for e in entries] == ["产业链党建联盟成立", "其他新闻"]

    response = client.get("/search/", {"q": "产业链党建联盟", "format": "bibtex"})
    library = bibtexparser.parse_string(b"".join(response.streaming_content).decode())
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == [f"gxqdj{title_hit.pk}", f"gxqdj{body_hit.pk}"]


def test_a_list_export_reads_a_fixed_number_of_queries(client, huaibei):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/articles/", {"zone": "huaibei", "format": "bibtex"})
            entries = bibtexparser.parse_string(b"".join(response.streaming_content).decode()).entries
        return len(captured), len(entries)

    for n in range(2):
        make_article(title=f"文章{n}", zone=huaibei, authors=["肖干"])
    few, count = queries()
    assert count == 2
    for n in range(2, 8):
        make_article(title=f"文章{n}", zone=huaibei, authors=["肖干"])
    assert queries() == (few, 8)


def test_only_article_lists_offer_citation_formats(client, article):
    page = client.get("/articles/").content.decode()
    assert "format=ris" in page and "format=bibtex" in page
    assert "format=ris" not in client.get("/initiatives/").content.decode()
    response = client.get("/initiatives/", {"format": "ris"})
    assert response.status_code == 400
    assert client.get("/api/initiatives/", {"format": "bibtex"}).status_code == 400


def test_list_json_and_csv_carry_absolute_links(client, article):
    [item] = client.get("/api/articles/").json()["results"]
    assert item["url"] == f"{SITE}/articles/{article.pk}/"
    [item] = client.get("/api/metrics/").json()["results"]
    assert item["url"].startswith(f"{SITE}/articles/{article.pk}/#m")
    for path in ("/articles/", "/initiatives/", "/metrics/", "/zones/"):
        response = client.get(path, {"format": "csv", "zone": "huaibei"} if path != "/zones/" else {"format": "csv"})
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
        assert rows, path
        assert all(row["url"].startswith(f"{SITE}/") for row in rows), path


def test_search_csv_snippet_is_plain_text(client, huaibei):
    article = make_article(title="党建", zone=huaibei, body="<b>A&B</b>公司党建联盟工作。")
    index_for_search([article])
    response = client.get("/search/", {"q": "党建联盟", "format": "csv"})
    [row] = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    assert "<mark>" not in row["snippet"] and "&lt;" not in row["snippet"]
    assert "<b>A&B</b>公司党建联盟工作。" in row["snippet"]
    assert row["url"] == f"{SITE}/articles/{article.pk}/"
    # The API keeps the highlighted, escaped snippet.
    [item] = client.get("/api/articles/", {"q": "党建联盟"}).json()["results"]
    assert "<mark>" in item["snippet"] and "&lt;b&gt;" in item["snippet"]


def test_article_page_shows_its_reference_and_record_links(client, article, huaibei):
    page = client.get(article.get_absolute_url()).content.decode()
    assert "肖干, 周建军. 党建引领开新局[N]. 中国高新技术产业导报, 2022-09-05(A7)." in page
    assert f"/api/articles/{article.pk}/?format=ris" in page and "js/cite.js" in page
    unsigned = make_article(title="简讯<一>", zone=huaibei, body="正文。")
    page = client.get(unsigned.get_absolute_url()).content.decode()
    assert "简讯&lt;一&gt;[N]." in page
