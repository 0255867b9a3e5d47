import csv
import datetime
import io

import pytest
from django.urls import reverse

from articles.models import Article
from articles.tests.factories import (
    index_for_search,
    make_article,
    make_initiative,
    make_metric,
    make_source,
    make_zone,
)

pytestmark = pytest.mark.django_db

BODY = (
    "近日，南京中比新材料基地项目签约落户淮北高新区。项目总投资50亿元，建设年产10万吨锂电负极生产基地。\n"
    "今年4月，淮北高新区党工委成立锂电产业链党建联盟。群众满意率达98%。"
)


@pytest.fixture
def feature(huaibei):
    article = make_article(
        title="党建引领开新局",
        kicker="聚焦党建赋能",
        subtitle="——淮北高新区党建赋能高质量发展纪实",
        byline="■ 首席记者 肖干",
        authors=["肖干"],
        body=BODY,
        zone=huaibei,
        year=2023,
        column="党建在高新",
        source=make_source("2023-07-淮北.txt"),
    )
    return article


def page(client, url, **params):
    response = client.get(url, params)
    return response, response.content.decode()


# --- list -------------------------------------------------------------------


def test_article_list_filters_by_zone_province_year_and_kind(client, huaibei, yantai):
    a = make_article(title="淮北二三年通讯", zone=huaibei, year=2023)
    make_article(title="淮北二二年简讯", zone=huaibei, year=2022, kind="brief")
    make_article(title="烟台二三年通讯", zone=yantai, year=2023)
    url = reverse("articles:list")

    _, html = page(client, url, zone="huaibei")
    assert "淮北二三年通讯" in html and "淮北二二年简讯" in html and "烟台二三年通讯" not in html

    _, html = page(client, url, province="山东省")
    assert "烟台二三年通讯" in html and "淮北" not in html.split('id="results-heading"')[1]

    _, html = page(client, url, year=2023, kind="feature", zone="huaibei")
    assert a.title in html and "淮北二二年简讯" not in html and "烟台二三年通讯" not in html


def test_article_list_shows_facet_counts_of_the_filtered_list(client, huaibei, yantai):
    for year in (2021, 2022, 2022):
        make_article(title=f"淮北{year}", zone=huaibei, year=year)
    make_article(title="烟台", zone=yantai, year=2022)
    response = client.get(reverse("articles:list"), {"province": "安徽省"})
    facets = {facet.param: {o["label"]: o["count"] for o in facet.options} for facet in response.context["facets"]}
    assert facets["year"] == {2022: 2, 2021: 1}
    assert facets["province"] == {"安徽省": 3}
    assert facets["zone"] == {"淮北高新区": 3}
    # The selected province links back to the unfiltered list.
    selected = [o for o in response.context["facets"][0].options if o["selected"]]
    assert selected and "province" not in selected[0]["url"]


def test_a_facet_option_keeps_the_other_filters_and_starts_on_the_first_page(client, huaibei):
    make_article(title="淮北", zone=huaibei, year=2022, kind="feature")
    url = reverse("articles:list")
    response = client.get(url, {"kind": "feature", "year": "2022", "page": "1"})
    options = {f.param: {str(o["value"]): o["url"] for o in f.options} for f in response.context["facets"]}
    assert options["zone"]["huaibei"] == f"{url}?kind=feature&year=2022&zone=huaibei"
    assert options["year"]["2022"] == f"{url}?kind=feature"  # selected: the link takes it off
    assert options["kind"]["feature"] == f"{url}?year=2022"


@pytest.mark.parametrize(
    "params, field",
    [
        ({"year": "abc"}, "year"),
        ({"year": "99999"}, "year"),
        ({"zone": "does-not-exist"}, "zone"),
        ({"kind": "<script>"}, "kind"),
        ({"province": "火星省"}, "province"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"zone": "a\x00b"}, "zone"),
    ],
)
def test_bad_filter_values_are_form_errors_not_server_errors(client, huaibei, params, field):
    make_article(title="一篇文章", zone=huaibei)
    response = client.get(reverse("articles:list"), params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "筛选条件有误" in html
    assert "<script>" not in html.split("</header>", 1)[1]  # the bad value is escaped
    assert "一篇文章" not in html  # no results shown under a filter that was not applied


def test_a_list_line_shows_the_article_with_what_came_from_the_page_escaped(client, huaibei):
    source = make_source("2023-07-淮北.txt", page_name="党建<在>高新")
    make_article(
        title="<script>alert(1)</script>党建", body="正文<b>粗体</b>。" + "党建引领发展。" * 30, zone=huaibei,
        year=2023, authors=["肖干", "<i>周</i>"], source=source, date=datetime.date(2023, 7, 4), kind="brief",
    )
    index_for_search(Article.objects.all())
    listed = client.get(reverse("articles:list")).content.decode()
    found = client.get(reverse("articles:search"), {"q": "党建"}).content.decode()
    for html in (listed, found):
        line = html[html.index('class="result-list"'):html.index("</ol>")]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in line and "<script>" not in line
        assert f'<a href="{huaibei.get_absolute_url()}">淮北高新区</a> · 简讯' in line
        assert "肖干、&lt;i&gt;周&lt;/i&gt;" in line and "<b>" not in line
    # The list gives the year and the body's first 110 characters; a search the date, the page and its snippet.
    assert "简讯 · 2023年 · 肖干" in listed and "正文&lt;b&gt;粗体&lt;/b&gt;。党建引领" in listed
    assert listed.count("党建引领发展。") == 13  # 110 characters with the ellipsis, of 223
    assert "简讯 · 2023年7月4日 · 党建&lt;在&gt;高新 · 肖干" in found
    assert '<mark>党建</mark>' in found


def test_a_selected_facet_option_offers_to_take_it_off(client, huaibei, yantai):
    make_article(title="淮北", zone=huaibei, year=2022)
    make_article(title="烟台", zone=yantai, year=2022)
    html = client.get(reverse("articles:list"), {"zone": "huaibei"}).content.decode()
    facets = html[html.index('class="sidebar"'):html.index('class="results"')]
    assert (
        f'<a href="{reverse("articles:list")}" aria-current="true" class="selected" title="取消此条件">'
        '淮北高新区<span class="visually-hidden">（已选，点击取消）</span> ✕</a> <span class="count">1</span>'
    ) in facets
    assert f'<a href="{reverse("articles:list")}?zone=huaibei&amp;year=2022">2022</a>' in facets


def test_very_long_and_nul_text_never_breaks_the_list(client, huaibei):
    make_article(title="一篇文章", zone=huaibei)
    for q in ("党建" * 3000, "党\x00建"):
        response = client.get(reverse("articles:list"), {"q": q})
        assert response.status_code in (200, 400)


def test_page_past_the_end_is_not_found(client, huaibei):
    make_article(zone=huaibei)
    assert client.get(reverse("articles:list"), {"page": 999999}).status_code == 404


def test_pagination_links_keep_the_filters(client, huaibei):
    for n in range(5):
        make_article(title=f"文章{n}", zone=huaibei, year=2023)
    response = client.get(reverse("articles:list"), {"zone": "huaibei", "page_size": 2})
    html = response.content.decode()
    assert "第 1 / 3 页" in html
    assert 'href="?zone=huaibei&amp;page_size=2&amp;page=2"' in html


def _listed_titles(client, **params):
    response = client.get(reverse("api:articles"), {"page_size": 3, **params})
    return [item["title"] for item in response.json()["results"]]


def test_deep_pages_read_from_the_nearer_end_list_what_the_whole_list_lists(
    client, huaibei, monkeypatch, django_assert_num_queries
):
    # Dated, undated, several to a page and a date, and a hidden one: every tie the order breaks.
    sources = [make_source(f"page-{n}.txt") for n in range(5)]
    for n in range(11):
        make_article(title=f"文章{n}", zone=huaibei, year=2020 + n % 3,
                     date=None if n % 4 == 0 else f"2023-0{1 + n % 2}-01", source=sources[n % 5])
    make_article(title="隐藏文章", zone=huaibei, hidden=True, date="2023-01-01")
    whole = _listed_titles(client, page_size=100)
    assert len(whole) == 11 and "隐藏文章" not in whole
    monkeypatch.setattr("core.listing.DEEP_OFFSET", 1)
    pages = [_listed_titles(client, page=n) for n in range(1, 5)]
    assert sum(pages, []) == whole  # the last page (2 articles) read backwards from the end
    response = client.get(reverse("articles:list"), {"page": 4, "page_size": 3})
    assert [a.title for a in response.context["objects"]] == whole[9:]
    # A deep page: the stored counts (stale in a test's transaction) and so the count, the
    # page's keys, its rows, their zones and their other sources.
    with django_assert_num_queries(6):
        response = client.get(reverse("api:articles"), {"page": 3, "page_size": 3})
    assert response.status_code == 200


def test_hidden_articles_are_not_listed(client, huaibei):
    make_article(title="公开文章", zone=huaibei)
    make_article(title="隐藏文章", zone=huaibei, hidden=True)
    html = client.get(reverse("articles:list")).content.decode()
    assert "公开文章" in html and "隐藏文章" not in html
    csv_text = b"".join(client.get(reverse("articles:list"), {"format": "csv"}).streaming_content).decode()
    assert "公开文章" in csv_text and "隐藏文章" not in csv_text


def test_article_list_query_count_does_not_grow_with_the_list(client, huaibei, yantai, django_assert_num_queries):
    def count_for(n):
        for i in range(n):
            article = make_article(title=f"文章{i}", zone=huaibei, year=2023)
            article.zones.add(yantai)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("articles:list")).status_code == 200
        return len(ctx.captured_queries)

    few = count_for(1)
    more = count_for(10)
    assert few == more
    with django_assert_num_queries(few):
        client.get(reverse("articles:list"))


@pytest.mark.parametrize("url", [reverse("articles:list"), reverse("articles:search") + "?q=党建"])
def test_the_html_list_leaves_the_named_zones_and_other_pages_unread_which_its_json_lists(url, client, huaibei, yantai):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = make_article(title="党建文章", body="党建引领发展。", zone=huaibei, year=2023)
    article.zones.add(yantai)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    # Read for each article shown, they would be prefetched (the facets count zones themselves).
    assert not [query for query in ctx.captured_queries if "_prefetch_related_val_article_id" in query["sql"]]
    [item] = client.get(url, {"format": "json"}).json()["results"]
    assert yantai.name in item["zones"] and item["sources"]


@pytest.mark.parametrize("url", [reverse("articles:list"), reverse("articles:search") + "?q=党建"])
def test_the_html_list_reads_only_what_its_lines_show_and_nothing_per_line(url, client, huaibei):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(n):
        for i in range(n):
            make_article(title=f"党建文章{i}", body="党建引领发展。", zone=huaibei, year=2023, authors=["肖干"])
        index_for_search(Article.objects.all())
        client.get(url)  # a process's first search reads the zone names
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(url).content.decode()
        assert "文章0" in html and "淮北高新区" in html and "肖干" in html
        return [query["sql"] for query in ctx.captured_queries]

    few, more = queries(1), queries(5)
    assert len(few) == len(more)
    lines = [sql for sql in more if '"articles_article"."body", ' in sql and '"zones_zone"."name"' in sql]
    assert lines and not [sql for sql in lines if '"articles_article"."updated_at"' in sql]


# --- CSV --------------------------------------------------------------------


def test_csv_is_utf8_with_bom_and_the_api_keys_as_header(client, feature):
    response = client.get(reverse("articles:list"), {"format": "csv", "zone": "huaibei"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="articles-huaibei.csv"'
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["title"] == "党建引领开新局"
    assert rows[0]["zones"] == "淮北高新区"
    assert rows[0]["authors"] == "肖干"
    assert "body" not in rows[0]


FORMULA_TITLES = [
    '=HYPERLINK("http://example.com")', "+1+1", "-2+3", "@SUM(A1)", "|calc", " =1+1",
    "\u3000=1+1", "\u200b=1+1", "＝1+1", "\t=1", "党建=发展",
]


@pytest.mark.parametrize("path", ["articles:list", "api:articles"])
def test_csv_defuses_cells_a_spreadsheet_would_run_as_formulas(client, huaibei, path):
    for title in FORMULA_TITLES:
        make_article(title=title, zone=huaibei)
    response = client.get(reverse(path), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    raw = b"".join(response.streaming_content)
    titles = {row["title"] for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))}
    defused = {f"'{title}" for title in FORMULA_TITLES[:-1]}
    assert titles == defused | {"党建=发展"}


def test_csv_with_bad_filters_shows_the_form_errors(client):
    response = client.get(reverse("articles:list"), {"format": "csv", "year": "abc"})
    assert response.status_code == 400
    assert "筛选条件有误" in response.content.decode()


# --- detail -----------------------------------------------------------------


def test_article_page_shows_head_source_and_paragraphs(client, feature):
    response, html = page(client, feature.get_absolute_url())
    assert response.status_code == 200
    for text in ("聚焦党建赋能", "党建引领开新局", "——淮北高新区党建赋能高质量发展纪实", "■ 首席记者 肖干",
                 "通讯", "2023-07-淮北.txt", "党建在高新", "版面第 1 篇"):
        assert text in html
    assert html.count('<span class="sentence"') == 4
    assert '<p><span class="sentence" id="s0">近日，' in html


def test_section_headings_stand_before_their_paragraphs(client, feature):
    feature.headings = [{"before": 1, "text": "党建联盟凝聚力 共建共享促发展"}]
    feature.save()
    _, html = page(client, feature.get_absolute_url())
    body = html[html.index('<div class="article-body">'):]
    heading = body.index('<h2 class="section-heading">党建联盟凝聚力 共建共享促发展</h2>')
    assert body.index("签约落户淮北高新区") < heading < body.index("今年4月")


def test_each_metric_links_to_its_sentence_which_carries_the_anchor(client, feature):
    sentence = "项目总投资50亿元，建设年产10万吨锂电负极生产基地。"
    metric = make_metric(feature, label="总投资", value=50, unit="亿元", sentence=sentence)
    initiative = make_initiative(
        "锂电产业链党建联盟", article=feature, sentence="今年4月，淮北高新区党工委成立锂电产业链党建联盟。",
        category="industry_chain",
    )
    mention = initiative.mentions.get()
    _, html = page(client, feature.get_absolute_url())
    assert f'href="#m{metric.pk}"' in html
    assert f'<span class="fact" id="m{metric.pk}">{sentence}</span>' in html
    assert f'href="#im{mention.pk}"' in html
    assert f'<span class="fact" id="im{mention.pk}">今年4月，淮北高新区党工委成立锂电产业链党建联盟。</span>' in html
    # The printed value already reads 50亿元: no restatement of it.
    assert "= 50亿元" not in html
    assert initiative.get_absolute_url() in html


def test_article_page_lists_zones_mentioned_and_related_articles(client, feature, yantai, huaibei):
    feature.zones.add(yantai)
    same_zone = make_article(title="同区另一篇", zone=huaibei)
    elsewhere = make_article(title="烟台的文章", zone=yantai)
    shared = make_initiative("党建联盟", article=feature)
    make_initiative("党建联盟", article=elsewhere).mentions.update(initiative=shared)
    unrelated = make_article(title="无关的文章", zone=make_zone())
    _, html = page(client, feature.get_absolute_url())
    assert yantai.get_absolute_url() in html
    assert same_zone.title in html and elsewhere.title in html
    assert unrelated.title not in html
    assert html.index(elsewhere.title) < html.index(same_zone.title)  # shared initiative ranks first


def test_a_figure_whose_sentence_left_the_body_is_quoted_with_its_label_and_qualifier(client, feature):
    # A curator shortened the body: the figure's sentence is quoted where it stands in the list.
    make_metric(feature, label="<党员>人数", value=1200, unit="人", raw="1200余人", normalized_value=1200,
                normalized_unit="人", qualifier="at_least", sentence="全区共有党员1200余人&。")
    _, html = page(client, feature.get_absolute_url())
    aside = html[html.index('id="metrics-heading"'):]
    assert (
        '<li><span class="metric-label">&lt;党员&gt;人数</span> <strong>1200余人</strong> '
        '<span class="muted small">（不少于）</span> <q class="small">全区共有党员1200余人&amp;。</q></li>'
    ) in aside
    assert "to-sentence" not in aside[:aside.index("</ul>")]


def test_an_article_without_a_body_says_so_and_escapes_its_headings(client, feature):
    feature.headings = [{"before": 0, "text": "<共建>共享"}]
    feature.save()
    _, html = page(client, feature.get_absolute_url())
    assert '<h2 class="section-heading">&lt;共建&gt;共享</h2>' in html and "本文无正文" not in html
    feature.body = ""
    feature.save()
    _, html = page(client, feature.get_absolute_url())
    assert "（本文无正文，可能是图片新闻。）" in html and '<span class="sentence"' not in html


def test_a_figure_shows_its_normalized_value_when_that_reads_differently(client, feature):
    make_metric(feature, label="总投资", value=0.5, unit="亿元", normalized_value=5e7,
                sentence="项目总投资50亿元，建设年产10万吨锂电负极生产基地。")
    assert "= 5000万元" in client.get(feature.get_absolute_url()).content.decode()


def test_stored_text_is_escaped_on_the_article_page(client, huaibei):
    article = make_article(title="<script>alert(1)</script>", body="正文<b>粗体</b>。", zone=huaibei,
                           kicker="<i>引题</i>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>粗体</b>" not in html and "<i>引题</i>" not in html


def test_hidden_article_and_hidden_facts_stay_out_of_the_page(client, feature):
    shown = make_metric(feature, label="总投资", sentence="项目总投资50亿元，建设年产10万吨锂电负极生产基地。")
    hidden = make_metric(feature, label="满意率", value=98, unit="%", sentence="群众满意率达98%。", hidden=True)
    html = client.get(feature.get_absolute_url()).content.decode()
    assert f"#m{shown.pk}" in html and f"#m{hidden.pk}" not in html
    feature.hidden = True
    feature.save()
    assert client.get(feature.get_absolute_url()).status_code == 404


def test_article_page_query_count_is_bounded(client, feature, yantai, django_assert_num_queries):
    for n in range(6):
        make_metric(feature, label=f"指标{n}", sentence="群众满意率达98%。")
        make_initiative(f"举措{n}", article=feature)
        make_article(title=f"相关{n}", zone=feature.zone)
    feature.zones.add(yantai)
    # article, its zones and other sources, the figures it states, metrics and their mentions,
    # initiative mentions, same page; related: the mentions of its programmes, the zone's newest
    # articles, those articles
    with django_assert_num_queries(11):
        assert client.get(feature.get_absolute_url()).status_code == 200


def test_unknown_article_is_404(client):
    assert client.get("/articles/999999/").status_code == 404


# --- home, feeds, sitemap -------------------------------------------------------


def test_home_shows_counts_provinces_newest_articles_and_common_categories(client, feature, yantai):
    make_initiative("党建联盟", article=feature, category="industry_chain")
    make_initiative("红色驿站", article=feature, category="industry_chain")
    make_initiative("人才之家", article=feature, category="talent")
    make_article(title="隐藏文章", zone=yantai, hidden=True)
    response, html = page(client, "/")
    assert response.context["counts"]["articles"] == 1
    assert response.context["counts"]["initiatives"] == 3
    assert 'action="/search/"' in html
    assert feature.title in html and "隐藏文章" not in html
    assert reverse("zones:province", args=["anhui"]) in html
    categories = [c["label"] for c in response.context["categories"]]
    assert categories == ["产业链党建", "人才服务"]


def test_home_query_count_is_bounded(client, huaibei, yantai, django_assert_num_queries):
    for n in range(5):
        make_initiative(f"举措{n}", article=make_article(zone=huaibei), category="talent")
    # the counts' freshness (written since: counted here), zones with counts, the tile grid's
    # indicator list, categories, three counts, newest articles
    with django_assert_num_queries(8):
        client.get("/")


def test_feeds_list_public_articles_only(client, feature, huaibei):
    make_article(title="隐藏文章", zone=huaibei, hidden=True)
    for url in (reverse("articles:feed"), reverse("articles:zone_feed", args=["huaibei"])):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        xml = response.content.decode()
        assert feature.title in xml and "隐藏文章" not in xml
    assert client.get("/zones/no-such-zone/feed/").status_code == 404


def test_a_control_character_stored_in_a_title_never_breaks_a_feed(client, huaibei):
    from xml.etree import ElementTree

    make_article(title="党建\x01引领\x0b发展", body="正文\x02。", zone=huaibei, authors=["肖\x1f干"])
    for url in (reverse("articles:feed"), reverse("articles:zone_feed", args=["huaibei"])):
        response = client.get(url)
        assert response.status_code == 200
        titles = [e.text for e in ElementTree.fromstring(response.content).iter("{http://www.w3.org/2005/Atom}title")]
        assert "党建引领发展" in titles


def test_sitemap_lists_public_pages_only(client, feature, huaibei):
    hidden = make_article(title="隐藏文章", zone=huaibei, hidden=True)
    xml = client.get("/sitemap.xml").content.decode()
    assert feature.get_absolute_url() in xml
    assert hidden.get_absolute_url() + "<" not in xml
    assert huaibei.get_absolute_url() in xml
    assert reverse("zones:province", args=["anhui"]) in xml


def test_the_whole_archive_s_facets_are_counted_once_per_recount(client, huaibei, yantai, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import tallies

    for year in (2021, 2022, 2023):
        make_article(title=f"{year}年的文章", zone=huaibei, year=year)
    make_article(title="烟台的文章", zone=yantai, year=2023)
    tallies.refresh()
    url = reverse("articles:list")
    with CaptureQueriesContext(connection) as counting:
        response = client.get(url)
    by_param = {f.param: f for f in response.context["facets"]}
    assert [(o["value"], o["count"]) for o in by_param["year"].options] == [(2023, 2), (2022, 1), (2021, 1)]
    assert {o["label"]: o["count"] for o in by_param["zone"].options} == {"淮北高新区": 3, "烟台高新区": 1}
    # The next request reads them from the cache: fewer queries, the same counts.
    with CaptureQueriesContext(connection) as cached:
        again = client.get(url)
    assert [f.options for f in again.context["facets"]] == [f.options for f in response.context["facets"]]
    assert len(cached) < len(counting)
    # Another order counts its own first rows, not the cached newest ones.
    monkeypatch.setattr("core.facets.FACET_ROWS", 2)
    oldest = client.get(url, {"sort": "date"})
    assert [o["value"] for o in {f.param: f for f in oldest.context["facets"]}["year"].options] == [2022, 2021]
    monkeypatch.setattr("core.facets.FACET_ROWS", 2000)
    # A new article and a recount: the counts follow.
    make_article(title="又一篇烟台的文章", zone=yantai, year=2024)
    tallies.refresh()
    years = {f.param: f for f in client.get(url).context["facets"]}["year"]
    assert years.options[0]["value"] == 2024 and sum(o["count"] for o in years.options) == 5


def test_facets_of_a_long_list_count_its_newest_rows_and_say_so(client, huaibei, yantai, monkeypatch):
    monkeypatch.setattr("core.facets.FACET_ROWS", 3)
    for year in (2019, 2020, 2021, 2022, 2023):
        make_article(title=f"{year}年的文章", zone=huaibei, year=year)
    response = client.get(reverse("articles:list"))
    years = {f.param: f for f in response.context["facets"]}["year"]
    assert years.approximate
    assert [o["value"] for o in years.options] == [2023, 2022, 2021]  # the newest three rows
    # Every facet reads those three rows and no more.
    for facet in response.context["facets"]:
        assert sum(o["count"] for o in facet.options) <= 3, facet.param
    assert "约" in response.content.decode()
    narrow = client.get(reverse("articles:list"), {"year": 2019})
    assert not {f.param: f for f in narrow.context["facets"]}["year"].approximate
