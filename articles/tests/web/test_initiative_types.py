"""The initiative type pages: every type with its zones, and each type's zones with their own sentences."""
import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import InitiativeType
from articles.tests.factories import make_article, make_initiative, make_zone

pytestmark = pytest.mark.django_db

HUAIBEI_SENTENCE = "今年4月，淮北高新区党工委成立锂电产业链党建联盟。"
YANTAI_SENTENCE = "烟台高新区成立产业链党建联盟，吸纳链上企业32家。"


@pytest.fixture
def chain():
    return InitiativeType.objects.create(
        slug="industry-chain-alliance", name="产业链党建联盟", category="industry_chain",
        synonyms=["产业党建联盟"], description="链上企业党组织结成联盟。", position=1,
    )


@pytest.fixture
def brand():
    return InitiativeType.objects.create(slug="party-brand", name="党建品牌", category="brand", position=2)


@pytest.fixture
def alliances(chain, huaibei, yantai):
    huaibei_article = make_article(title="淮北党建引领", body=HUAIBEI_SENTENCE, zone=huaibei)
    yantai_article = make_article(title="烟台链上党建", body=YANTAI_SENTENCE, zone=yantai)
    return [
        make_initiative("锂电产业链党建联盟", article=huaibei_article, sentence=HUAIBEI_SENTENCE,
                        category="industry_chain", type=chain),
        make_initiative("产业链党建联盟", article=yantai_article, sentence=YANTAI_SENTENCE,
                        category="industry_chain", type=chain),
    ]


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_type_list_counts_the_zones_running_each_type(client, alliances, brand):
    response = client.get(reverse("articles:initiative_types"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("产业链党建联盟") < html.index("党建品牌")  # the curated order
    chain_row = next(t for t in response.context["objects"] if t.slug == "industry-chain-alliance")
    assert (chain_row.zone_count, chain_row.initiative_count) == (2, 2)
    assert reverse("articles:initiative_type", args=["industry-chain-alliance"]) in html

    data = client.get(reverse("api:initiative_types")).json()
    assert data["count"] == 2
    assert data["results"][0] | {"url": None} == {
        "slug": "industry-chain-alliance", "name": "产业链党建联盟", "category": "industry_chain",
        "category_label": "产业链党建", "description": "链上企业党组织结成联盟。",
        "synonyms": ["产业党建联盟"], "zone_count": 2, "initiative_count": 2, "url": None,
    }
    rows = csv_rows(client.get(reverse("articles:initiative_types"), {"format": "csv"}))
    assert [(r["name"], r["zone_count"]) for r in rows] == [("产业链党建联盟", "2"), ("党建品牌", "0")]


def test_a_hidden_article_takes_its_zone_off_the_type(client, alliances):
    alliances[1].articles.update(hidden=True)
    data = client.get(reverse("api:initiative_types")).json()
    assert (data["results"][0]["zone_count"], data["results"][0]["initiative_count"]) == (1, 1)
    html = client.get(reverse("articles:initiative_type", args=["industry-chain-alliance"])).content.decode()
    assert "淮北高新区" in html and YANTAI_SENTENCE not in html


def test_type_page_lists_every_zone_with_its_initiatives_sentences_and_articles(client, alliances, huaibei):
    response = client.get(reverse("articles:initiative_type", args=["industry-chain-alliance"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["zone_count"] == 2
    for initiative in alliances:
        assert initiative.get_absolute_url() in html
        assert reverse("articles:detail", args=[initiative.mentions.get().article_id]) in html
    assert HUAIBEI_SENTENCE in html and YANTAI_SENTENCE in html
    assert huaibei.get_absolute_url() in html
    # Zones by province: 安徽省 before 山东省.
    assert html.index("淮北高新区") < html.index("烟台高新区")
    assert "产业党建联盟" in html  # what else it is called


def test_type_page_item_escapes_what_a_page_gave_and_quotes_its_first_sentence(client, chain, huaibei):
    sentence = "淮北高新区成立<链上>党建联盟&服务站。"
    article = make_article(body=sentence, zone=huaibei)
    named = make_initiative("<链上>党建联盟", article=article, sentence=sentence, category="industry_chain", type=chain)
    make_initiative("未见原文的联盟", zone=huaibei, category="industry_chain", type=chain)  # no mention yet
    html = client.get(reverse("articles:initiative_type", args=["industry-chain-alliance"])).content.decode()
    assert (
        f'<li><h4><a href="{named.get_absolute_url()}">&lt;链上&gt;党建联盟</a></h4>'
        '<p class="result-meta"><span class="tag">产业链党建</span> · 1 篇文章</p>'
        '<figure class="quote"><blockquote>淮北高新区成立&lt;链上&gt;党建联盟&amp;服务站。</blockquote>'
        f'<figcaption>— <a href="{article.get_absolute_url()}">原文</a></figcaption></figure></li>'
    ) in html
    # Named by no sentence yet: nothing to quote.
    assert '>未见原文的联盟</a></h4><p class="result-meta"><span class="tag">产业链党建</span> · 0 篇文章</p></li>' in html


def test_type_page_json_and_csv_are_its_initiatives(client, alliances):
    url = reverse("articles:initiative_type", args=["industry-chain-alliance"])
    data = client.get(url, {"format": "json"}).json()
    assert {(r["zone"], r["name"], r["type"], r["sentence"]) for r in data["results"]} == {
        ("淮北高新区", "锂电产业链党建联盟", "industry-chain-alliance", HUAIBEI_SENTENCE),
        ("烟台高新区", "产业链党建联盟", "industry-chain-alliance", YANTAI_SENTENCE),
    }
    response = client.get(url, {"format": "csv"})
    assert 'filename="initiative-type-industry-chain-alliance.csv"' in response["Content-Disposition"]
    assert {r["zone"] for r in csv_rows(response)} == {"淮北高新区", "烟台高新区"}


def test_type_page_filters_keep_the_type_and_bad_ones_are_form_errors(client, alliances):
    url = reverse("articles:initiative_type", args=["industry-chain-alliance"])
    data = client.get(url, {"format": "json", "province": "山东省"}).json()
    assert [r["zone"] for r in data["results"]] == ["烟台高新区"]
    assert client.get(url, {"category": "nonsense"}).status_code == 400
    assert client.get(url, {"format": "json", "page": "x"}).status_code == 400


def test_unknown_type_is_a_404(client):
    assert client.get(reverse("articles:initiative_type", args=["no-such-type"])).status_code == 404
    assert client.get("/initiative-types/%E4%B8%AD%E6%96%87/").status_code == 404


def test_initiative_list_and_api_filter_by_type(client, alliances, brand, huaibei):
    make_initiative("陶都红链党建品牌", article=make_article(zone=huaibei), type=brand, category="brand")
    data = client.get(reverse("api:initiatives"), {"type": "industry-chain-alliance"}).json()
    assert sorted(r["name"] for r in data["results"]) == ["产业链党建联盟", "锂电产业链党建联盟"]
    assert all(r["type"] == "industry-chain-alliance" for r in data["results"])

    bad = client.get(reverse("api:initiatives"), {"type": "no-such-type"})
    assert bad.status_code == 400 and "type" in bad.json()["fields"]
    assert client.get(reverse("articles:initiatives"), {"type": "no-such-type"}).status_code == 400

    html = client.get(reverse("articles:initiatives")).content.decode()
    assert reverse("articles:initiative_type", args=["party-brand"]) in html  # each initiative links its type
    assert "?type=industry-chain-alliance" in html  # the type facet


def test_initiative_page_links_its_type(client, alliances):
    html = client.get(alliances[0].get_absolute_url()).content.decode()
    assert reverse("articles:initiative_type", args=["industry-chain-alliance"]) in html


def test_export_gives_each_initiative_its_type(alliances, huaibei):
    from articles.export import build_export

    untyped = make_initiative("一心二站三室", article=make_article(zone=huaibei))
    types = {item["id"]: item["type"] for item in build_export()["initiatives"]}
    assert types[alliances[0].pk] == "industry-chain-alliance" and types[untyped.pk] is None


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_type_pages_query_counts_do_not_grow_with_zones_or_initiatives(client, chain, brand, django_assert_num_queries):
    def add(n):
        for i in range(n):
            zone = make_zone()
            article = make_article(title=f"文章{i}", body=HUAIBEI_SENTENCE, zone=zone)
            make_initiative(f"产业链党建联盟{i}", article=article, sentence=HUAIBEI_SENTENCE, type=chain)
            make_initiative(f"品牌{i}", article=article, type=brand)

    list_url = reverse("articles:initiative_types")
    page_url = reverse("articles:initiative_type", args=["industry-chain-alliance"])
    add(1)
    few = (count_queries(client, list_url), count_queries(client, page_url))
    add(12)
    assert (count_queries(client, list_url), count_queries(client, page_url)) == few
    with django_assert_num_queries(few[1]):
        client.get(page_url)
    # The page: the type, its form's choices, the stored counts, the rows, their facets; while
    # the stored counts are stale (here) the list's length and its zones are counted.
    assert few[0] <= 4 and few[1] <= 10


def test_type_page_reads_its_counts_from_the_stored_tallies_while_they_are_fresh(client, alliances, chain, huaibei):
    from articles import tallies
    from articles.models import Tally

    tallies.refresh()
    # Written without signals, so the counts stay fresh: the page must show these, not count.
    Tally.objects.filter(kind=Tally.Kind.TYPE, ref=chain.pk).update(initiatives=41, zones=7)
    url = reverse("articles:initiative_type", args=["industry-chain-alliance"])
    response = client.get(url)
    assert response.context["page_obj"].paginator.count == 41 and response.context["zone_count"] == 7
    # A filter narrows the list: counted, zones too.
    response = client.get(url, {"province": huaibei.province})
    assert response.context["page_obj"].paginator.count == 1 and response.context["zone_count"] == 1


def test_type_page_zone_count_is_one_query_however_many_zones_run_it(client, chain, huaibei):
    url = reverse("articles:initiative_type", args=["industry-chain-alliance"])
    params = {"province": huaibei.province}  # narrowed: counted live, not read from the tallies
    article = make_article(title="淮北", body=HUAIBEI_SENTENCE, zone=huaibei)
    make_initiative("产业链党建联盟", article=article, sentence=HUAIBEI_SENTENCE, type=chain)
    with CaptureQueriesContext(connection) as few:
        client.get(url, params)
    for i in range(10):
        zone = make_zone(province=huaibei.province)
        article = make_article(title=f"文章{i}", body=HUAIBEI_SENTENCE, zone=zone)
        make_initiative(f"产业链党建联盟{i}", article=article, sentence=HUAIBEI_SENTENCE, type=chain)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, params)
    assert response.context["zone_count"] == 11
    assert len(many.captured_queries) == len(few.captured_queries)
