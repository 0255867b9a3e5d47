"""The initiatives and metrics explorers and the initiative page."""
import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.tests.factories import (
    make_article,
    make_initiative,
    make_metric,
    make_zone,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


# --- initiatives ----------------------------------------------------------------


def test_initiatives_filter_by_province_zone_category_and_text(client, huaibei, yantai):
    make_initiative("锂电产业链党建联盟", article=make_article(zone=huaibei), category="industry_chain")
    make_initiative("人才服务驿站", article=make_article(zone=huaibei), category="talent")
    make_initiative("烟台党建联盟", article=make_article(zone=yantai), category="industry_chain")
    url = reverse("articles:initiatives")

    def names(**params):
        return [i.name for i in client.get(url, params).context["objects"]]

    assert sorted(names(province="安徽省")) == ["人才服务驿站", "锂电产业链党建联盟"]
    assert names(zone="yantai") == ["烟台党建联盟"]
    assert sorted(names(category="industry_chain")) == ["烟台党建联盟", "锂电产业链党建联盟"]
    assert names(q="驿站") == ["人才服务驿站"]
    assert names(q="党建联盟", province="山东省") == ["烟台党建联盟"]
    # Traditional characters are folded; several words must all appear, in any field.
    assert names(q="鋰電") == ["锂电产业链党建联盟"]
    assert names(q="人才 驿站") == ["人才服务驿站"]
    assert names(q="人才 联盟") == []


def test_an_initiative_item_links_zone_and_type_and_shortens_its_sentence_escaped(client, huaibei):
    from articles.models import InitiativeType

    kind = InitiativeType.objects.create(slug="chain-alliance", name="产业链<党建>联盟", category="industry_chain")
    sentence = "淮北高新区<成立>锂电产业链党建联盟&" + "，吸纳链上企业" * 30 + "。"
    named = make_initiative("锂电<联盟>", article=make_article(zone=huaibei, body=sentence), sentence=sentence,
                            category="industry_chain", type=kind)
    make_initiative("无区之举", category="talent")  # no zone, no type, no sentence
    html = client.get(reverse("articles:initiatives")).content.decode()
    assert (
        f'<li><h3><a href="{named.get_absolute_url()}">锂电&lt;联盟&gt;</a></h3><p class="result-meta">'
        '<a href="/zones/huaibei/">淮北高新区</a> · <span class="tag">产业链党建</span> · '
        '类型 <a href="/initiative-types/chain-alliance/">产业链&lt;党建&gt;联盟</a> · 1 篇文章</p>'
        '<p class="excerpt">淮北高新区&lt;成立&gt;锂电产业链党建联盟&amp;，吸纳链上企业'
    ) in html
    excerpt = html[html.index('<p class="excerpt">'):].split("</p>")[0]
    assert "企业。" not in excerpt and len(excerpt) < len(sentence)  # shortened
    assert '<h3><a href="' in html and '无区之举</a></h3><p class="result-meta"><span class="tag">人才服务</span> · 0 篇文章</p></li>' in html


def test_initiative_facets_count_categories_of_the_filtered_list(client, huaibei, yantai):
    for name in ("甲", "乙"):
        make_initiative(name, article=make_article(zone=huaibei), category="talent")
    make_initiative("丙", article=make_article(zone=yantai), category="talent")
    make_initiative("丁", article=make_article(zone=huaibei), category="brand")
    facets = client.get(reverse("articles:initiatives"), {"zone": "huaibei"}).context["facets"]
    category = next(f for f in facets if f.param == "category")
    assert [(o["label"], o["count"]) for o in category.options] == [("人才服务", 2), ("党建品牌", 1)]


@pytest.mark.parametrize(
    "params",
    [{"category": "<script>"}, {"zone": "does-not-exist"}, {"q": "x" * 5000}, {"q": "a\x00"}, {"page": "-1"}],
)
def test_initiatives_bad_filters_are_form_errors(client, params):
    response = client.get(reverse("articles:initiatives"), params)
    assert response.status_code == 400
    assert "筛选条件有误" in response.content.decode()


def test_initiative_list_query_count_is_bounded(client, huaibei):
    make_initiative("举措", article=make_article(zone=huaibei))
    few = queries_for(client, reverse("articles:initiatives"))
    for n in range(8):
        make_initiative(f"举措{n}", article=make_article(zone=make_zone()))
    assert queries_for(client, reverse("articles:initiatives")) == few


@pytest.mark.parametrize("url", [reverse("articles:initiatives"), "/initiative-types/talent-service/"])
def test_the_html_initiative_lists_read_what_they_show_and_the_json_every_field(url, client, huaibei):
    from articles.models import InitiativeType

    kind = InitiativeType.objects.create(slug="talent-service", name="人才服务", category="talent", position=1)
    make_initiative("人才驿站", article=make_article(zone=huaibei), type=kind)
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(url).content.decode()
    [listed] = [query["sql"] for query in ctx.captured_queries if "first_sentence" in query["sql"]]
    # Neither the initiative's nor its zone's JSON columns and times are parsed for a page.
    assert "ingested_values" not in listed and "updated_at" not in listed
    assert "人才驿站" in html and huaibei.name in html
    [item] = client.get(url, {"format": "json"}).json()["results"]
    assert (item["name"], item["zone"], item["type"]) == ("人才驿站", huaibei.name, "talent-service")


def test_initiative_page_shows_zone_category_sentences_and_articles(client, huaibei):
    first = make_article(title="第一篇", zone=huaibei, body="淮北高新区成立锂电产业链党建联盟。", year=2022)
    second = make_article(title="第二篇", zone=huaibei, body="锂电产业链党建联盟召开联席会议。", year=2023)
    hidden = make_article(title="隐藏的一篇", zone=huaibei, body="锂电产业链党建联盟又开会。", hidden=True)
    initiative = make_initiative(
        "锂电产业链党建联盟", article=first, sentence="淮北高新区成立锂电产业链党建联盟。", category="industry_chain"
    )
    for article in (second, hidden):
        initiative.mentions.create(article=article, sentence=article.body, offset=0)
    response = client.get(initiative.get_absolute_url())
    html = response.content.decode()
    assert huaibei.get_absolute_url() in html and "产业链党建" in html
    assert "淮北高新区成立锂电产业链党建联盟。" in html and "锂电产业链党建联盟召开联席会议。" in html
    mention = initiative.mentions.get(article=second)
    assert f"{second.get_absolute_url()}#im{mention.pk}" in html
    assert "隐藏的一篇" not in html and "又开会" not in html
    assert [a.title for a in response.context["articles"]] == ["第二篇", "第一篇"]


def test_hidden_initiative_is_404_and_absent_from_lists(client, huaibei):
    initiative = make_initiative("隐藏举措", article=make_article(zone=huaibei), hidden=True)
    assert client.get(initiative.get_absolute_url()).status_code == 404
    assert "隐藏举措" not in client.get(reverse("articles:initiatives")).content.decode()


def test_initiative_read_only_from_hidden_articles_is_not_public(client, huaibei):
    hidden = make_article(title="隐藏的文章", zone=huaibei, hidden=True,
                          body="近日,淮北高新区召开深化党建引领心连心接诉即办改革工作点评会。")
    only_hidden = make_initiative("心连心接诉即办改革", article=hidden, sentence=hidden.body)
    also_shown = make_initiative("锂电产业链党建联盟", article=hidden)
    also_shown.mentions.create(article=make_article(zone=huaibei), sentence="锂电产业链党建联盟。", offset=0)
    by_hand = make_initiative("楼宇党委", zone=huaibei)

    assert client.get(only_hidden.get_absolute_url()).status_code == 404
    for url in (reverse("articles:initiatives"), huaibei.get_absolute_url(), reverse("api:initiatives")):
        page = client.get(url).content.decode()
        assert "心连心接诉即办改革" not in page, url
        assert "锂电产业链党建联盟" in page and "楼宇党委" in page, url
    assert "召开深化党建引领" not in client.get(reverse("api:initiatives")).content.decode()
    assert client.get(by_hand.get_absolute_url()).status_code == 200


def test_initiative_page_query_count_is_bounded(client, huaibei, django_assert_num_queries):
    initiative = make_initiative("党建联盟", article=make_article(zone=huaibei))
    for n in range(5):
        initiative.mentions.create(article=make_article(zone=huaibei), sentence="党建联盟。", offset=0)
    with django_assert_num_queries(2):  # the initiative with its zone; mentions with articles
        client.get(initiative.get_absolute_url())


# --- metrics --------------------------------------------------------------------


@pytest.fixture
def figures(huaibei, yantai):
    hb = make_article(zone=huaibei, body="项目总投资50亿元。群众满意率达98%。")
    yt = make_article(zone=yantai, body="项目总投资8000万元。")
    return {
        "hb_invest": make_metric(hb, label="总投资", value=50, unit="亿元", normalized_value=5e9, year=2023,
                                 sentence="项目总投资50亿元。"),
        "hb_rate": make_metric(hb, label="满意率", value=98, unit="%", normalized_value=98, normalized_unit="%",
                               year=2023, sentence="群众满意率达98%。", qualifier="at_least"),
        "yt_invest": make_metric(yt, label="总投资", value=8000, unit="万元", normalized_value=8e7, year=2022,
                                 sentence="项目总投资8000万元。"),
    }


def metric_ids(client, **params):
    return [m.pk for m in client.get(reverse("articles:metrics"), params).context["objects"]]


def test_metrics_filter_by_province_zone_unit_label_year_and_qualifier(client, figures):
    f = figures
    assert metric_ids(client, province="山东省") == [f["yt_invest"].pk]
    assert sorted(metric_ids(client, zone="huaibei")) == sorted([f["hb_invest"].pk, f["hb_rate"].pk])
    assert metric_ids(client, unit="万元") == [f["yt_invest"].pk]
    assert sorted(metric_ids(client, label="总投资")) == sorted([f["hb_invest"].pk, f["yt_invest"].pk])
    assert metric_ids(client, year=2022) == [f["yt_invest"].pk]
    assert metric_ids(client, qualifier="at_least") == [f["hb_rate"].pk]
    assert metric_ids(client, q="满意") == [f["hb_rate"].pk]
    assert metric_ids(client, q="滿意") == [f["hb_rate"].pk]


def test_metrics_sort_by_normalized_value_compares_yi_and_wan_correctly(client, figures):
    f = figures
    assert metric_ids(client, label="总投资", sort="-normalized") == [f["hb_invest"].pk, f["yt_invest"].pk]
    assert metric_ids(client, label="总投资", sort="normalized") == [f["yt_invest"].pk, f["hb_invest"].pk]
    # As printed, 8000 (万元) is larger than 50 (亿元).
    assert metric_ids(client, label="总投资", sort="-value") == [f["yt_invest"].pk, f["hb_invest"].pk]


def test_pages_without_charts_do_not_load_the_chart_library(client, huaibei):
    html = client.get(reverse("articles:metrics")).content.decode()
    assert "echarts" not in html
    assert "echarts" not in client.get(reverse("articles:list")).content.decode()


def test_each_figure_links_to_its_sentence(client, figures):
    html = client.get(reverse("articles:metrics")).content.decode()
    for metric in figures.values():
        assert f'href="{metric.article.get_absolute_url()}#m{metric.pk}"' in html


def test_metrics_from_hidden_articles_or_hidden_metrics_are_not_shown(client, figures, huaibei):
    hidden_article = make_article(zone=huaibei, hidden=True, body="总投资1亿元。")
    from_hidden = make_metric(hidden_article, sentence="总投资1亿元。")
    figures["hb_rate"].hidden = True
    figures["hb_rate"].save()
    ids = metric_ids(client)
    assert from_hidden.pk not in ids and figures["hb_rate"].pk not in ids
    raw = b"".join(client.get(reverse("articles:metrics"), {"format": "csv"}).streaming_content)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {int(r["id"]) for r in rows} == {figures["hb_invest"].pk, figures["yt_invest"].pk}


@pytest.mark.parametrize(
    "params",
    [{"year": "abc"}, {"zone": "does-not-exist"}, {"qualifier": "<script>"}, {"sort": "pk; drop"},
     {"unit": "x" * 500}, {"label": "总\x00投资"}, {"page_size": "0"}],
)
def test_metrics_bad_filters_are_form_errors(client, figures, params):
    response = client.get(reverse("articles:metrics"), params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "筛选条件有误" in html and "<script>" not in html.split("</header>", 1)[1]


def test_metrics_csv_has_bom_header_and_a_filename_of_the_filters(client, figures):
    response = client.get(reverse("articles:metrics"), {"format": "csv", "zone": "huaibei", "year": 2023})
    assert response["Content-Disposition"] == 'attachment; filename="metrics-huaibei-2023.csv"'
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:6] == ["id", "zone", "label", "indicator", "kind", "raw"] and "normalized_value" in header


def test_metric_list_query_count_is_bounded(client, figures):
    few = queries_for(client, reverse("articles:metrics"))
    for n in range(8):
        zone = make_zone()
        make_metric(make_article(zone=zone, body="总投资1亿元。"), sentence="总投资1亿元。")
    assert queries_for(client, reverse("articles:metrics")) == few
    # Figures no indicator claims: listed, with no comparison to draw; the stored counts are
    # read for the indicator select all the same, and no more for the list's length.
    assert queries_for(client, reverse("articles:metrics"), {"label": "总投资", "sort": "-normalized"}) == few


def test_the_metric_list_reads_the_stored_counts_once_for_its_select_and_its_length(client, figures):
    from articles import tallies

    tallies.refresh()
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("articles:metrics"))
    assert response.context["page_obj"].paginator.count == len(figures)  # the stored length
    archive_reads = [
        query for query in context.captured_queries
        if 'FROM "articles_tally"' in query["sql"] and "'archive'" in query["sql"]
    ]
    assert len(archive_reads) == 1
