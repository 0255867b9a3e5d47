"""The read-only JSON API: shapes, filters, pagination, errors."""
import pytest
from django.urls import reverse

from articles.tests.factories import (
    index_for_search,
    make_article,
    make_initiative,
    make_metric,
    make_zone,
)

pytestmark = pytest.mark.django_db

LISTS = ("api:zones", "api:articles", "api:initiatives", "api:metrics")
ARTICLE_KEYS = {"id", "title", "kicker", "subtitle", "authors", "source", "zones", "kind", "url"}
ZONE_KEYS = {"slug", "name", "full_name", "aliases", "province", "city", "level"}
INITIATIVE_KEYS = {"id", "name", "zone", "category", "article_id", "sentence"}
METRIC_KEYS = {"id", "zone", "label", "indicator", "kind", "value", "value_from", "value_max", "unit",
               "normalized_value", "normalized_unit", "qualifier", "year", "sentence", "article_id", "mentions"}


@pytest.fixture
def article(huaibei):
    article = make_article(
        title="党建引领开新局", authors=["肖干", "周建军"], zone=huaibei, year=2023,
        body="淮北高新区成立锂电产业链党建联盟。项目总投资50亿元。",
    )
    make_initiative("锂电产业链党建联盟", article=article, sentence="淮北高新区成立锂电产业链党建联盟。",
                    category="industry_chain")
    make_metric(article, label="总投资", value=50, unit="亿元", normalized_value=5e9, year=2023,
                sentence="项目总投资50亿元。")
    return article


def get(client, name, **params):
    return client.get(reverse(name), params)


def test_index_lists_the_endpoints(client):
    body = client.get("/api/").json()
    assert set(body) == {"zones", "articles", "initiatives", "metrics", "indicators"}
    assert body["metrics"].endswith("/api/metrics/")


def test_every_list_answers_the_contract_envelope_and_item_shapes(client, article, yantai):
    shapes = {"api:zones": ZONE_KEYS, "api:articles": ARTICLE_KEYS, "api:initiatives": INITIATIVE_KEYS,
              "api:metrics": METRIC_KEYS}
    for name, keys in shapes.items():
        response = get(client, name)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert set(body) >= {"count", "next", "previous", "results"}
        assert body["count"] == len(body["results"]) > 0
        for item in body["results"]:
            assert keys <= set(item), name
            assert "body" not in item


def test_article_item_carries_zone_names_and_bare_authors(client, article):
    [item] = get(client, "api:articles").json()["results"]
    assert item["zones"] == ["淮北高新区"]
    assert item["authors"] == ["肖干", "周建军"]
    assert item["url"] == "http://testserver" + article.get_absolute_url()
    [metric] = get(client, "api:metrics").json()["results"]
    assert (metric["value"], metric["unit"], metric["normalized_value"], metric["normalized_unit"]) == (
        50, "亿元", 5e9, "元")
    assert metric["sentence"] == "项目总投资50亿元。" and metric["article_id"] == article.pk


def test_filters_follow_the_contract(client, article, huaibei, yantai):
    other = make_article(title="烟台简讯", zone=yantai, year=2022, kind="brief", body="烟台高新区召开会议。")
    make_metric(other, label="签约项目", value=12, unit="个", normalized_value=12, normalized_unit="个",
                year=2022, sentence="烟台高新区召开会议。")
    make_initiative("红色代办", article=other, category="business_env")

    def ids(name, **params):
        return [item.get("id", item.get("slug")) for item in get(client, name, **params).json()["results"]]

    assert ids("api:zones", province="山东省") == ["yantai"]
    assert ids("api:zones", q="淮北") == ["huaibei"]
    assert ids("api:articles", zone="yantai") == [other.pk]
    assert ids("api:articles", province="安徽省") == [article.pk]
    assert ids("api:articles", year=2022) == [other.pk]
    assert ids("api:articles", kind="brief") == [other.pk]
    assert len(ids("api:initiatives", zone="huaibei")) == 1
    assert [i["name"] for i in get(client, "api:initiatives", category="business_env").json()["results"]] == ["红色代办"]
    assert [i["name"] for i in get(client, "api:initiatives", q="锂电").json()["results"]] == ["锂电产业链党建联盟"]
    assert [m["label"] for m in get(client, "api:metrics", zone="yantai").json()["results"]] == ["签约项目"]
    assert [m["label"] for m in get(client, "api:metrics", unit="亿元").json()["results"]] == ["总投资"]
    assert [m["label"] for m in get(client, "api:metrics", year=2022).json()["results"]] == ["签约项目"]
    assert [m["label"] for m in get(client, "api:metrics", q="总投资").json()["results"]] == ["总投资"]


def test_article_search_is_ranked_with_highlighted_snippets(client, huaibei):
    title_hit = make_article(title="产业链党建联盟成立", zone=huaibei, body="会议在淮北召开。")
    body_hit = make_article(title="其他新闻", zone=huaibei, body="区里也提到产业链党建联盟的做法。")
    make_article(title="无关", zone=huaibei, body="天气晴朗。")
    index_for_search([title_hit, body_hit])
    body = get(client, "api:articles", q="产业链党建联盟").json()
    assert [r["id"] for r in body["results"]] == [title_hit.pk, body_hit.pk]
    assert "<mark>" in body["results"][1]["snippet"]


def test_search_snippets_are_escaped(client, huaibei):
    article = make_article(title="党建", zone=huaibei, body="<script>alert(1)</script>党建联盟工作。")
    index_for_search([article])
    [item] = get(client, "api:articles", q="党建联盟").json()["results"]
    assert "<script>" not in item["snippet"] and "&lt;script&gt;" in item["snippet"]


def test_pagination_links_and_page_size(client, huaibei):
    for n in range(5):
        make_article(title=f"文章{n}", zone=huaibei)
    first = get(client, "api:articles", page_size=2, zone="huaibei").json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["previous"] is None
    assert first["next"].startswith("http://testserver/api/articles/?")
    assert "zone=huaibei" in first["next"] and "page=2" in first["next"]
    last = client.get(first["next"].replace("page=2", "page=3")).json()
    assert len(last["results"]) == 1 and last["next"] is None and "page=2" in last["previous"]
    assert len(get(client, "api:articles", page_size=100).json()["results"]) == 5


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize(
    "params, field",
    [
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"province": "火星省"}, "province"),
    ],
)
def test_bad_paging_and_province_answer_400_with_the_field(client, name, params, field):
    response = get(client, name, **params)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] and field in body["fields"]


@pytest.mark.parametrize(
    "name, params, field",
    [
        ("api:articles", {"year": "abc"}, "year"),
        ("api:articles", {"zone": "does-not-exist"}, "zone"),
        ("api:articles", {"kind": "<script>"}, "kind"),
        ("api:metrics", {"year": "1e999"}, "year"),
        ("api:metrics", {"zone": "x\x00y"}, "zone"),
        ("api:metrics", {"unit": "元" * 500}, "unit"),
        ("api:initiatives", {"category": "nope"}, "category"),
        ("api:initiatives", {"q": "党" * 5000}, "q"),
        ("api:zones", {"q": "\x00"}, "q"),
    ],
)
def test_invalid_filters_answer_400_json(client, name, params, field):
    response = get(client, name, **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert field in response.json()["fields"]


def test_page_past_the_end_is_a_json_404(client, huaibei):
    make_article(zone=huaibei)
    response = get(client, "api:articles", page=999999)
    assert response.status_code == 404
    assert response.json()["error"]


@pytest.mark.parametrize("name", LISTS)
def test_lists_are_read_only(client, name):
    url = reverse(name)
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(url).status_code == 405
    assert client.head(url).status_code == 200


def test_the_api_refuses_writes_even_with_csrf_checks_on(huaibei):
    from django.test import Client

    assert Client(enforce_csrf_checks=True).post(reverse("api:articles")).status_code == 405


def test_hidden_items_never_appear(client, article, huaibei):
    hidden_article = make_article(title="隐藏文章", zone=huaibei, hidden=True, body="总投资1亿元。")
    make_metric(hidden_article, sentence="总投资1亿元。", label="藏在隐藏文章里")
    make_metric(article, label="隐藏指标", hidden=True, sentence="项目总投资50亿元。")
    make_initiative("隐藏举措", article=article, hidden=True)
    text = "".join(get(client, name).content.decode() for name in LISTS)
    assert "隐藏文章" not in text and "隐藏指标" not in text and "隐藏举措" not in text
    assert "藏在隐藏文章里" not in text


def test_html_page_format_json_is_the_same_answer_as_the_api(client, article):
    for page, api in (("articles:list", "api:articles"), ("articles:metrics", "api:metrics"),
                      ("articles:initiatives", "api:initiatives"), ("zones:directory", "api:zones")):
        via_page = client.get(reverse(page), {"format": "json", "page_size": 5}).json()
        via_api = client.get(reverse(api), {"page_size": 5}).json()
        assert via_page["count"] == via_api["count"]
        assert via_page["results"] == via_api["results"]


def test_api_query_counts_do_not_grow_with_the_page(client, huaibei, django_assert_max_num_queries):
    for n in range(12):
        zone = make_zone()
        article = make_article(zone=zone, body="总投资1亿元。")
        article.zones.add(huaibei)
        make_metric(article, sentence="总投资1亿元。")
        make_initiative(f"举措{n}", article=article)
    # count, page, and its prefetches (an article's zones and other sources; a metric's
    # mentions), plus the metric filter's indicator choices
    # and whether the stored counts (articles/tallies.py) are fresh: here not, written since,
    # so the list is counted (and the metric filter's indicator select asks too)
    for name in LISTS:
        with django_assert_max_num_queries({"api:articles": 5, "api:metrics": 6}.get(name, 3)):
            get(client, name, page_size=100)
