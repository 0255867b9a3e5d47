"""A metric as the API and export_kb give it: indicator, kind, both ends, and every public statement."""
import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.export import build_export
from articles.models import MetricMention
from articles.tests.factories import make_article, make_indicator, make_metric, make_zone

pytestmark = pytest.mark.django_db

LEAD = "产业链企业由最初的12家发展至如今56家。"
BODY = "产业链企业由最初12家发展至如今56家。"


def change(article, sentence, **fields):
    """A 12 -> 56 change stated in ``sentence`` of ``article``, with its one mention."""
    metric = make_metric(article, label="产业链企业", value=56, unit="家", normalized_value=56,
                         normalized_unit="家", sentence=sentence, kind="change", value_from=12,
                         raw="产业链企业由最初的12家发展至如今56家", **fields)
    mention(metric, article, sentence)
    return metric


def mention(metric, article, sentence):
    return MetricMention.objects.create(metric=metric, article=article, raw=metric.raw,
                                        sentence=sentence, offset=article.body.find(sentence))


@pytest.fixture
def yantai():
    return make_zone("烟台高新区", slug="yantai", province="山东省", city="烟台市")


@pytest.fixture
def stated_three_times(yantai):
    """One fact: in the lead and body of one article, and in an article a curator hid."""
    article = make_article(title="产业链党建", zone=yantai, body=f"{LEAD}\n{BODY}")
    hidden = make_article(title="隐藏文章", zone=yantai, body=LEAD, hidden=True)
    firms = make_indicator("产业链企业数", slug="chain-firms", dimension="enterprises", units=["家"])
    metric = change(article, LEAD, indicator=firms, year=2024)
    mention(metric, article, BODY)
    mention(metric, hidden, LEAD)
    return metric


def test_a_listed_metric_carries_its_indicator_kind_ends_and_public_mentions(client, stated_three_times):
    [item] = client.get(reverse("api:metrics")).json()["results"]

    assert (item["indicator"], item["kind"], item["value_from"], item["value"], item["value_max"]) == (
        "chain-firms", "change", 12, 56, None)
    article_id = stated_three_times.article_id
    assert item["mentions"] == [{"article_id": article_id, "sentence": LEAD},
                                {"article_id": article_id, "sentence": BODY}]


def test_the_csv_gives_each_mention_as_one_json_object(client, stated_three_times):
    response = client.get(reverse("articles:metrics"), {"format": "csv"})
    [row] = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    article_id = stated_three_times.article_id
    assert row["mentions"] == (f'{{"article_id": {article_id}, "sentence": "{LEAD}"}}、'
                               f'{{"article_id": {article_id}, "sentence": "{BODY}"}}')


def test_one_metric_in_the_item_api_lists_the_same_mentions(client, stated_three_times):
    item = client.get(reverse("api:metric", args=[stated_three_times.pk])).json()
    assert [m["sentence"] for m in item["mentions"]] == [LEAD, BODY]


def test_export_kb_lists_every_mention_only_when_hidden_items_are_asked_for(stated_three_times):
    [public] = build_export()["metrics"]
    [everything] = build_export(include_hidden=True)["metrics"]

    assert len(public["mentions"]) == 2 and public["indicator"] == "chain-firms"
    assert len(everything["mentions"]) == 3
    assert public["kind"] == "change" and public["value_from"] == 12


def test_the_metric_list_reads_mentions_in_one_query_however_many_metrics(client, yantai):
    def listing_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("api:metrics"), {"page_size": 100}).status_code == 200
        return len(captured)

    article = make_article(zone=yantai, body=f"{LEAD}\n{BODY}")
    mention(change(article, LEAD), article, BODY)
    one = listing_queries()
    for year in range(2000, 2010):
        mention(change(article, LEAD, year=year), article, BODY)
    assert listing_queries() == one


def test_metrics_filter_by_indicator_slug_and_kind(client, stated_three_times, yantai):
    article = stated_three_times.article
    make_metric(article, label="党支部", value=38, unit="个", normalized_value=38, normalized_unit="个",
                sentence=BODY)
    url = reverse("api:metrics")

    assert [m["id"] for m in client.get(url, {"indicator": "chain-firms"}).json()["results"]] == [
        stated_three_times.pk]
    assert [m["label"] for m in client.get(url, {"kind": "actual"}).json()["results"]] == ["党支部"]
    assert client.get(url, {"kind": "change", "indicator": "chain-firms"}).json()["count"] == 1


@pytest.mark.parametrize("params", [{"kind": "guess"}, {"indicator": "no-such-indicator"},
                                    {"indicator": "<script>"}])
def test_an_invalid_indicator_or_kind_answers_400_with_a_json_error(client, stated_three_times, params):
    response = client.get(reverse("api:metrics"), params)
    assert response.status_code == 400
    assert "error" in response.json() and set(params) <= set(response.json()["fields"])


def test_an_article_lists_a_figure_it_states_though_another_article_stated_it_first(client, yantai):
    first = make_article(title="首篇", zone=yantai, body=LEAD)
    second = make_article(title="次篇", zone=yantai, body=f"近日召开党建工作会议。\n{BODY}")
    metric = change(first, LEAD)
    mention(metric, second, BODY)

    page = client.get(reverse("articles:detail", args=[second.pk])).content.decode()

    assert "本文的数据" in page and f'id="m{metric.pk}"' in page
    [item] = client.get(reverse("api:article", args=[second.pk])).json()["metrics"]
    assert item["id"] == metric.pk and item["article_id"] == first.pk
