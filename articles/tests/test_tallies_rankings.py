"""What tallies.py ranks and stores -- the latest figures, each zone's most-named initiatives --
gives the pages what ranking the rows themselves gives, in the same order; the pages read it while fresh."""
import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import curation, selectors, tallies
from articles.models import Article, LatestFigure, Metric, RankedInitiative
from articles.tests.factories import (
    make_article,
    make_indicator,
    make_initiative,
    make_metric,
    make_source,
    make_zone,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    """Three zones in two provinces; two indicators, figures in two units, of several years and
    dates, ties, undated ones, targets, changes, a hidden figure and a hidden article's."""
    rng = random.Random(7)
    zones = [
        make_zone("合肥高新区", slug="hefei", province="安徽省"),
        make_zone("淮北高新区", slug="huaibei", province="安徽省"),
        make_zone("烟台高新区", slug="yantai", province="山东省"),
    ]
    investment = make_indicator("总投资", slug="investment", units=("元",))
    firms = make_indicator("高新技术企业数", slug="firms", dimension="enterprises", units=("家",), position=2)
    dates = [None, datetime.date(2023, 3, 1), datetime.date(2023, 9, 1), datetime.date(2024, 5, 1)]
    for n in range(90):
        zone = zones[n % 3]
        source = make_source(date=rng.choice(dates))
        article = make_article(zone=zone, source=source, hidden=n % 17 == 0, date=source.date)
        indicator, unit = rng.choice([(investment, "元"), (investment, "元"), (investment, "平方米"), (firms, "家")])
        make_metric(
            article, indicator=indicator, normalized_unit=unit, normalized_value=float(rng.choice([10, 20, 20, 30])),
            year=rng.choice([None, 2021, 2022, 2023]),
            kind=rng.choice(["actual", "actual", "share", "target", "change"]),
            hidden=n % 23 == 0, raw=f"数值{n}", sentence=f"第{n}句。",
        )
    return zones, investment, firms


def pks(rows):
    return [row.pk for row in rows]


def test_every_comparison_is_the_same_from_the_stored_figures(figures):
    zones, investment, firms = figures
    tallies.refresh()
    archive = tallies.fresh()
    assert archive is not None and LatestFigure.objects.exists()
    anhui = [zones[0].pk, zones[1].pk]
    public = Metric.objects.visible()
    for zone in zones:
        live, stored = selectors.zone_indicator_values(zone, None), selectors.zone_indicator_values(zone, archive)
        # The same cells: the stored copies of the figures' words and sentences are theirs.
        assert stored == live and live[0] and live[1]
    live, stored = selectors.province_figures(anhui, None), selectors.province_figures(anhui, archive)
    assert (pks(stored[0]), stored[1]) == (pks(live[0]), live[1]) and live[0]
    assert pks(selectors.compare_figures(zones, archive)) == pks(selectors.compare_figures(zones, None))
    for indicator in (investment, firms):
        metrics = public.filter(indicator=indicator)
        unit, _left_out = selectors.comparison_unit(metrics, indicator)
        for kinds in (selectors.MEASURED_KINDS, selectors.TARGET_KINDS):
            for zones, years in ((50, 12), (1, 1)):
                bounds = {"zones": zones, "years": years}
                assert selectors.zone_year_values(metrics, unit, kinds, stored=indicator, **bounds) == (
                    selectors.zone_year_values(metrics, unit, kinds, **bounds)
                )
            stored_largest, stored_zones = selectors.zone_comparison(metrics, unit, kinds, stored=indicator)
            live_largest, live_zones = selectors.zone_comparison(metrics, unit, kinds)
            assert (stored_largest, stored_zones) == (live_largest, live_zones)
        assert selectors.zone_latest_values(indicator, archive) == selectors.zone_latest_values(indicator, None)


def test_a_group_counts_its_public_figures_and_only_those_compared(figures):
    tallies.refresh()
    compared = Metric.objects.visible().filter(
        zone__isnull=False, indicator__isnull=False, kind__in=("actual", "share", "target"), hidden=False
    ).exclude(article__hidden=True)
    assert sum(LatestFigure.objects.values_list("figures", flat=True)) == compared.count()
    assert not LatestFigure.objects.filter(metric__kind="change").exists()
    assert not LatestFigure.objects.filter(metric__article__hidden=True).exists()


def test_hiding_the_latest_figures_article_shows_the_one_before(figures, django_capture_on_commit_callbacks):
    zones, investment, _firms = figures
    tallies.refresh()
    zone = zones[0]
    latest = LatestFigure.objects.filter(zone=zone, indicator=investment, target=False).order_by(
        *LatestFigure.LATEST_FIRST
    ).first()
    with django_capture_on_commit_callbacks(execute=True):
        curation.set_hidden(items=Metric.objects.filter(pk=latest.metric_id), hidden=True)
    assert tallies.fresh() is not None
    measured, _targets, _cut = selectors.zone_indicator_values(zone, tallies.fresh())
    assert latest.metric_id not in pks(measured)
    assert pks(measured) == pks(selectors.zone_indicator_values(zone, None)[0])


def test_while_fresh_the_pages_rank_the_stored_rows_not_every_figure(figures, client):
    zones, investment, _firms = figures
    tallies.refresh()
    pages = [
        zones[0].get_absolute_url(),
        reverse("zones:province", args=["anhui"]),
        reverse("articles:indicator", args=[investment.slug]),
        reverse("articles:metrics"),
        "/compare/?zones=hefei,yantai",
    ]
    for url in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        sqls = [q["sql"] for q in queries.captured_queries]
        assert any("articles_latestfigure" in sql for sql in sqls), url
        # Every window the page ran was over the stored rows.
        assert not [sql for sql in sqls if "ROW_NUMBER" in sql and "articles_latestfigure" not in sql], url


@pytest.fixture
def named():
    """Two zones of a province with more initiatives than a province page lists, named by
    different numbers of articles (some hidden), ties broken by name."""
    rng = random.Random(11)
    zones = [make_zone("合肥高新区", slug="hefei", province="安徽省"),
             make_zone("芜湖高新区", slug="wuhu", province="安徽省")]
    articles = [make_article(zone=zones[n % 2], hidden=n % 9 == 0) for n in range(40)]
    for n in range(50):
        zone = zones[n % 2]
        initiative = make_initiative(
            f"举措{n % 7}号{n}", article=articles[rng.randrange(40)], zone=zone, hidden=n % 13 == 0
        )
        for article in rng.sample(articles, rng.randrange(0, 6)):
            initiative.mentions.get_or_create(article=article, defaults={"sentence": "…", "offset": 0})
    return zones


def test_a_province_ranks_its_initiatives_the_same_from_the_stored_ranking(named, monkeypatch):
    zone_ids = [zone.pk for zone in named]
    tallies.refresh()
    assert RankedInitiative.objects.count() <= RankedInitiative.RANKED * 2
    # Fewer listed than each zone keeps: the page is full from the stored ranking alone.
    monkeypatch.setattr("articles.selectors.regions.PROVINCE_PAGE_INITIATIVES", 12)
    stored, stored_total = selectors.province_initiatives(zone_ids, tallies.fresh())
    live, live_total = selectors.province_initiatives(zone_ids, None)
    assert [i.pk for i in stored] == [i.pk for i in live] and len(live) == 12
    assert [i.article_count for i in stored] == sorted((i.article_count for i in stored), reverse=True)
    assert stored_total == live_total
    # A hidden article's mentions do not count, in either.
    hidden = Article.objects.filter(hidden=True)
    for initiative in stored:
        named_by = initiative.mentions.exclude(article__in=hidden).values("article").distinct().count()
        assert initiative.article_count == named_by
