"""The stored counts (articles/tallies.py) equal the real counts after every kind of write."""
import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import curation, selectors, tallies
from articles.models import (
    Article, Indicator, Initiative, InitiativeType, LatestFigure, Metric, MetricMention, RankedInitiative, Tally,
)
from articles.tests.admin.forms import change_form_data
from articles.tests.factories import make_article, make_initiative, make_metric, make_source, make_zone
from zones.models import Zone

pytestmark = pytest.mark.django_db


def counted_now():
    """Every count the pages show, counted from the rows themselves."""
    zones = {
        zone.pk: (
            Article.objects.visible().filter(zones=zone).count(),
            Initiative.objects.visible().filter(zone=zone).count(),
            Metric.objects.visible().filter(zone=zone).count(),
        )
        for zone in Zone.objects.all()
    }
    indicators = {
        i.pk: (Metric.objects.visible().filter(indicator=i).count(),
               Metric.objects.visible().filter(indicator=i).values("zone").distinct().count())
        for i in Indicator.objects.all()
    }
    types = {
        t.pk: (Initiative.objects.visible().filter(type=t).count(),
               Initiative.objects.visible().filter(type=t).values("zone").distinct().count())
        for t in InitiativeType.objects.all()
    }
    home = {
        "articles": Article.objects.visible().count(),
        "initiatives": Initiative.objects.visible().count(),
        "metrics": Metric.objects.visible().count(),
    }
    return zones, indicators, types, home, zone_pages_counted(), province_articles_counted(), compared_counted()


def compared_counted():
    """{(zone, category, type slug or None): its public initiatives}, as a comparison counts them."""
    initiatives = Initiative.objects.visible().filter(zone__isnull=False).select_related("type")
    return dict(Counter((i.zone_id, i.category, i.type.slug if i.type else None) for i in initiatives))


def province_articles_counted():
    """{province: its public articles, each once however many of its zones it names}."""
    provinces = set(Zone.objects.values_list("province", flat=True))
    return {p: Article.objects.visible().filter(zones__province=p).distinct().count() for p in provinces}


def province_articles_shown():
    provinces = {}
    for zone in Zone.objects.all():
        provinces.setdefault(zone.province, []).append(zone.pk)
    return {p: selectors.province_articles(p, zone_ids)[1] for p, zone_ids in provinces.items()}


def zone_pages_counted():
    """{zone: (its timeline newest first, undated last, of (year, articles, figures, articles
    only mentioning it); {initiative category: how many})}, from the rows."""
    pages = {}
    for zone in Zone.objects.all():
        years = {}
        for article in Article.objects.visible().filter(Q(zones=zone) | Q(zone=zone)).distinct():
            years.setdefault(article.year, [0, 0, 0])[0] += 1
            # Named by it, another zone's own (or no zone's): listed apart on the zone's page.
            years[article.year][2] += article.zone_id != zone.pk
        for metric in Metric.objects.visible().filter(zone=zone):
            years.setdefault(metric.year, [0, 0, 0])[1] += 1
        timeline = [(year, *years[year]) for year in sorted(years, key=lambda y: (y is None, -(y or 0)))]
        categories = Counter(i.category for i in Initiative.objects.visible().filter(zone=zone))
        pages[zone.pk] = (timeline, dict(categories))
    return pages


def shown():
    """The same counts as the pages read them."""
    zones = {z.pk: (z.article_count, z.initiative_count, z.metric_count) for z in selectors.zones_with_counts()}
    indicators = {i.pk: (i.metric_count, i.zone_count) for i in selectors.indicator_list()}
    types = {t.pk: (t.initiative_count, t.zone_count) for t in selectors.initiative_type_list()}
    pages = {zone.pk: (selectors.zone_years(zone), selectors.zone_initiatives(zone)[1]) for zone in Zone.objects.all()}
    compared = {
        (row["zone_id"], row["category"], row["type__slug"]): row["n"]
        for row in selectors.compare_initiatives(list(Zone.objects.all()))
    }
    return zones, indicators, types, selectors.home_counts(), pages, province_articles_shown(), compared


def assert_fresh_and_true():
    assert tallies.fresh() is not None, "the counts were not recounted"
    assert shown() == counted_now()
    # A zone page's count of its figures no indicator claims, when it lists as many as it shows.
    stored = dict(Tally.objects.filter(kind=Tally.Kind.ZONE).values_list("ref", "unclassified"))
    unclassified = Metric.objects.visible().filter(indicator__isnull=True)
    assert {zone.pk: stored.get(zone.pk, 0) for zone in Zone.objects.all()} == {
        zone.pk: unclassified.filter(zone=zone).count() for zone in Zone.objects.all()
    }


@pytest.fixture
def archive(db):
    """Two zones with public and hidden articles, initiatives and figures."""
    hefei, huaibei = make_zone("合肥高新区", slug="hefei"), make_zone("淮北高新区", slug="huaibei")
    indicator = Indicator.objects.create(slug="total-investment", name="总投资", dimension="money")
    kind = InitiativeType.objects.create(slug="chain", name="产业链党建联盟")
    for zone in (hefei, huaibei):
        shown_article = make_article(zone=zone, body="项目总投资50亿元。")
        hidden_article = make_article(zone=zone, hidden=True)
        make_metric(shown_article, indicator=indicator, sentence="项目总投资50亿元。")
        make_metric(shown_article, label="党员人数", value=120, unit="名", normalized_value=120, normalized_unit="名")
        make_metric(hidden_article, indicator=indicator, label="新增企业", value=3, unit="家")
        make_initiative("红链帮帮团", article=shown_article, type=kind, category="industry_chain")
        make_initiative("心连心", article=hidden_article, type=kind)
    tallies.refresh()
    return hefei, huaibei


def test_a_zone_page_reads_its_years_and_categories_from_the_stored_counts(
    archive, client, django_capture_on_commit_callbacks
):
    hefei, huaibei = archive
    # Of several years and undated; one names both zones; one is a zone's own without naming it.
    make_article(zone=hefei, year=2021)
    make_article(zone=hefei, year=2023).zones.add(huaibei)
    make_article(zone=huaibei, year=2021).zones.clear()
    make_article(zone=huaibei, year=2022, hidden=True)
    make_initiative("链上党建", article=make_article(zone=huaibei, year=2023), category="industry_chain")
    for _ in range(20):  # more of its own than its page lists
        make_article(zone=huaibei, year=2024)
    tallies.refresh()
    assert_fresh_and_true()
    timeline = zone_pages_counted()[huaibei.pk][0]
    assert {year for year, *_counts in timeline} >= {2021, 2023}
    # The page reads the stored rows (the freshness, the years, the categories): it counts no year,
    # and not its own articles. (Its initiatives and their categories, read above, were cached.)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        context = client.get(reverse("zones:detail", args=["huaibei"])).context
    assert context["timeline"] == timeline
    own = Article.objects.visible().filter(zone=huaibei).count()
    mentioning = Article.objects.visible().filter(zones=huaibei).exclude(zone=huaibei).count()
    assert (context["own_total"], context["mentioned_total"]) == (own, mentioning) and own > 20 and mentioning
    sqls = [query["sql"] for query in queries]
    assert sum('FROM "articles_tally"' in sql for sql in sqls) == 3
    assert not any('"year" AS "year", COUNT(' in sql or 'SELECT COUNT(*) AS "__count" FROM "articles_article"' in sql
                   for sql in sqls)
    with django_capture_on_commit_callbacks(execute=True):
        curation.set_hidden(items=Article.objects.filter(zone=huaibei, year=2021), hidden=True)
    assert_fresh_and_true()


def test_a_zone_pages_figures_and_initiatives_are_read_once_until_a_recount_or_a_curators_edit(archive, client):
    hefei, _huaibei = archive

    def page():
        with CaptureQueriesContext(connection) as queries:
            context = client.get(reverse("zones:detail", args=["hefei"])).context
        read = [q["sql"] for q in queries if 'FROM "articles_latestfigure"' in q["sql"]
                or q["sql"].startswith('SELECT "articles_initiative"."id"')]
        indicators = [group["indicator"].name for group in context["indicator_groups"]]
        initiatives = [i.name for group in context["initiative_groups"] for i in group["initiatives"]]
        return indicators, initiatives, read

    first = page()
    assert first[:2] == (["总投资"], ["红链帮帮团"]) and len(first[2]) == 3
    assert page() == (*first[:2], [])  # nothing changed: nothing read
    indicator = Indicator.objects.get(slug="total-investment")
    indicator.name = "项目总投资"
    indicator.save()  # a curator's rename: no recount, shown at once
    indicators, initiatives, read = page()
    assert (indicators, initiatives) == (["项目总投资"], ["红链帮帮团"]) and len(read) == 2
    make_initiative("链上先锋", article=Article.objects.filter(zone=hefei, hidden=False).get())
    assert page()[1] == ["红链帮帮团", "链上先锋"]  # stale: read for itself
    tallies.refresh()
    assert page()[1] == ["红链帮帮团", "链上先锋"]


def test_a_province_pages_figures_and_initiatives_are_read_once_until_a_recount_and_renames_show_at_once(
    archive, client
):
    hefei, _huaibei = archive

    def page():
        with CaptureQueriesContext(connection) as queries:
            context = client.get(reverse("zones:province", args=["anhui"])).context
        read = [q["sql"] for q in queries if 'FROM "articles_latestfigure"' in q["sql"]
                or 'FROM "articles_rankedinitiative"' in q["sql"]]
        indicators = sorted({figure.indicator.name for figure in context["figures"]})
        return indicators, sorted(i.name for i in context["initiatives"]), context["figure_total"], read

    first = page()
    assert first[:3] == (["总投资"], ["红链帮帮团", "红链帮帮团"], 2) and first[3]
    assert page() == (*first[:3], [])  # nothing changed: nothing read
    indicator = Indicator.objects.get(slug="total-investment")
    indicator.name = "项目总投资"
    indicator.save()  # a curator's rename: no recount, shown at once
    assert page()[0] == ["项目总投资"]
    make_initiative("链上先锋", article=Article.objects.filter(zone=hefei, hidden=False).get())
    tallies.refresh()
    assert page()[1] == ["红链帮帮团", "红链帮帮团", "链上先锋"]


def test_a_recount_or_a_curators_rename_drops_what_was_cached_before_it(archive, client):
    pages = [reverse("zones:detail", args=[zone.slug]) for zone in archive]
    pages.append(reverse("zones:province", args=["anhui"]))
    for url in pages:
        client.get(url)
    held = len(cache._cache)  # the local-memory cache's entries: no public way to count them
    assert held
    indicator = Indicator.objects.get(slug="total-investment")
    for n in range(3):
        tallies.refresh()
        for url in pages:
            client.get(url)
        assert len(cache._cache) == held
        indicator.name = f"总投资{n}"
        indicator.save()  # a new stamp of the vocabularies: the figures cached under the old one go
        for url in pages:
            client.get(url)
        assert len(cache._cache) == held


def test_deleting_an_indicator_recounts_the_figures_it_leaves_unclassified(
    archive, client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("articles.selectors.figures.ZONE_PAGE_UNCLASSIFIED", 1)
    url = reverse("zones:detail", args=["hefei"])
    assert client.get(url).context["unclassified_total"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        # The admin deletes in a transaction; the figures' indicator is unset by one UPDATE.
        with transaction.atomic():
            Indicator.objects.get(slug="total-investment").delete()
    assert_fresh_and_true()
    assert client.get(url).context["unclassified_total"] == 2


def test_a_zone_page_says_how_many_unclassified_figures_it_has_from_the_stored_counts(archive, client, monkeypatch):
    hefei, _huaibei = archive
    for n in range(3):
        make_metric(make_article(zone=hefei), label="党员人数", value=n + 1, unit="名", normalized_value=n + 1,
                    normalized_unit="名")
    tallies.refresh()
    monkeypatch.setattr("articles.selectors.figures.ZONE_PAGE_UNCLASSIFIED", 2)

    def page():
        with CaptureQueriesContext(connection) as queries:
            context = client.get(reverse("zones:detail", args=["hefei"])).context
        counted = any('COUNT(*) AS "__count" FROM "articles_metric"' in query["sql"] for query in queries)
        return len(context["unclassified"]), context["unclassified_total"], counted

    assert page() == (2, 4, False)  # the newest two listed, the four told from the stored row
    # A stored count below the rows listed is wrong (a write that marked nothing): counted instead.
    zone_row = Tally.objects.filter(kind=Tally.Kind.ZONE, ref=hefei.pk)
    zone_row.update(unclassified=1)
    assert page() == (2, 4, True)
    zone_row.update(unclassified=4)
    make_metric(make_article(zone=hefei), label="党员人数", value=9, unit="名", normalized_value=9, normalized_unit="名")
    assert page() == (2, 5, True)  # stale: counted


def test_a_province_page_reads_how_many_articles_it_has_from_the_stored_counts(
    archive, client, django_capture_on_commit_callbacks
):
    hefei, huaibei = archive
    for n in range(11):
        article = make_article(zone=hefei if n % 2 else huaibei, year=2020 + n % 4)
        if n == 4:
            article.zones.add(hefei)  # names both zones of the province: counted once
    make_article(zone=hefei, hidden=True)
    tallies.refresh()
    assert_fresh_and_true()
    province = hefei.province
    counted = province_articles_counted()[province]
    assert counted > 10 and huaibei.province == province
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("zones:province", args=["anhui"]))  # the zones' 安徽省
    assert response.context["article_total"] == counted
    assert not any('COUNT(*)' in query["sql"] and '"articles_article"' in query["sql"] for query in queries)
    with django_capture_on_commit_callbacks(execute=True):
        curation.set_hidden(items=Article.objects.filter(year=2021), hidden=True)
    assert_fresh_and_true()


def test_a_large_and_a_small_province_list_the_same_newest_articles_either_way(archive):
    hefei, huaibei = archive
    yantai = make_zone("烟台高新区", slug="yantai", province="山东省")
    for n in range(20):  # dated and undated, most in 安徽省, one naming a zone of each province
        source = make_source(date=None if n % 5 == 0 else datetime.date(2020 + n % 3, 1 + n % 12, 1))
        zone = yantai if n % 7 == 0 else (hefei, huaibei)[n % 2]
        article = make_article(zone=zone, source=source, date=source.date, year=2020 + n % 3)
        if n == 8:
            article.zones.add(yantai)
    tallies.refresh()
    fresh = tallies.fresh()
    for province in ("安徽省", "山东省"):
        zone_ids = list(Zone.objects.filter(province=province).values_list("pk", flat=True))
        with CaptureQueriesContext(connection) as queries:
            stored = selectors.province_articles(province, zone_ids, fresh)
        counted = selectors.province_articles(province, zone_ids, None)  # stale: read from the links
        assert ([a.pk for a in stored[0]], stored[1]) == ([a.pk for a in counted[0]], counted[1])
        walked = any("EXISTS" in query["sql"] for query in queries)
        # 安徽省 has most of the archive's articles: its newest are found walking the newest first.
        assert walked == (province == "安徽省"), province


def test_a_province_as_long_as_a_curator_may_write_it_is_counted(archive, django_capture_on_commit_callbacks):
    hefei, _huaibei = archive
    hefei.province = "省" * Zone._meta.get_field("province").max_length
    with django_capture_on_commit_callbacks(execute=True):
        hefei.save()
    assert_fresh_and_true()


@pytest.fixture
def recounts(monkeypatch):
    """The zones each recount was asked for (None: every zone), in order."""
    calls = []
    refresh = tallies.refresh
    monkeypatch.setattr(tallies, "refresh", lambda zone_ids=None: calls.append(zone_ids) or refresh(zone_ids))
    return calls


def test_the_ingest_counts_once_at_the_end_of_its_run(reference_zones, settings, recounts):
    call_command("ingest", str(settings.SEEDS_DIR), verbosity=0)
    assert len(recounts) == 1  # however many pages the run stored
    assert Article.objects.exists()
    assert_fresh_and_true()
    assert selectors.home_counts()["articles"] == Article.objects.visible().count() > 0
    # The same pages again, nothing changed in them: nothing is written, nothing recounted.
    call_command("ingest", str(settings.SEEDS_DIR), verbosity=0)
    assert len(recounts) == 1
    assert_fresh_and_true()
    # One page read again by new rules writes: the run recounts, the zones of that page only.
    call_command("ingest", str(sorted(settings.SEEDS_DIR.glob("*.txt"))[0]), "--reanalyse", verbosity=0)
    assert len(recounts) == 2
    assert recounts[0] is None and 0 < len(recounts[1]) < Zone.objects.count()
    assert_fresh_and_true()


def stored_rows():
    """Every stored count, latest figure and ranked initiative, as comparable tuples."""
    fields = (
        "kind", "ref", "key", "articles", "initiatives", "metrics", "zones", "measured", "mentioning", "unclassified",
    )
    return (
        sorted(Tally.objects.values_list(*fields)),
        sorted(LatestFigure.objects.values_list("metric_id", "zone_latest", "indicator_latest", "figures")),
        sorted(RankedInitiative.objects.values_list("zone_id", "initiative_id", "articles")),
    )


PAGE = """党建在高新

{zone}：红链驿站连起产业链

今年以来，{zone}在新能源汽车产业链上建立“红链驿站”，把党组织建在产业链上，服务链上企业86家。
驿站由园区党工委牵头，项目总投资12亿元，带动新增就业600人。
"""


def test_an_ingest_recounts_the_zones_its_pages_touched_as_a_whole_count_would(archive, tmp_path, recounts):
    hefei, huaibei = archive
    other = make_zone("芜湖高新区", slug="wuhu")
    make_initiative("链上先锋", article=make_article(zone=other), category="industry_chain")
    tallies.refresh()
    page = tmp_path / "page.txt"
    page.write_text(PAGE.format(zone="合肥高新区"), encoding="utf-8")
    call_command("ingest", str(page), verbosity=0)
    assert recounts[-1] == {hefei.pk}
    assert_fresh_and_true()
    scoped = stored_rows()
    tallies.refresh()
    assert stored_rows() == scoped
    # The page now names another zone: the one it named before loses its article and figures.
    page.write_text(PAGE.format(zone="淮北高新区"), encoding="utf-8")
    call_command("ingest", str(page), verbosity=0)
    assert recounts[-1] == {hefei.pk, huaibei.pk}
    assert_fresh_and_true()
    scoped = stored_rows()
    tallies.refresh()
    assert stored_rows() == scoped


def test_a_runs_pages_zones_are_read_in_bounded_batches_at_its_end(archive, tmp_path, recounts, monkeypatch):
    hefei, huaibei = archive
    wuhu = make_zone("芜湖高新区", slug="wuhu")
    tallies.refresh()
    monkeypatch.setattr(tallies, "SOURCES_A_QUERY", 2)  # three pages: two batches
    for name, zone in (("a", "合肥高新区"), ("b", "淮北高新区"), ("c", "芜湖高新区")):
        (tmp_path / f"{name}.txt").write_text(PAGE.format(zone=zone), encoding="utf-8")
    with CaptureQueriesContext(connection) as captured:
        call_command("ingest", str(tmp_path), verbosity=0, workers=1)
    assert recounts[-1] == {hefei.pk, huaibei.pk, wuhu.pk}
    # The zones the pages' articles count in: one query a batch, none a page (on PostgreSQL
    # the ids a page's new rows draw from the sequences are a UNION naming the tables too).
    reads = [q["sql"] for q in captured if "nextval" not in q["sql"]]
    assert sum("articles_metricmention" in sql and "UNION" in sql for sql in reads) == 2
    assert_fresh_and_true()


def test_an_ingest_after_an_unsignalled_write_counts_everything(archive, tmp_path, recounts):
    hefei, _huaibei = archive
    Article.objects.filter(zone=hefei).update(hidden=True)
    tallies.mark_stale()  # as the next ingest finds them: stale, for a zone it never touches
    page = tmp_path / "page.txt"
    page.write_text(PAGE.format(zone="淮北高新区"), encoding="utf-8")
    call_command("ingest", str(page), verbosity=0)
    assert recounts == [None]
    assert_fresh_and_true()


def test_hiding_recounts_when_the_curation_commits(archive, django_capture_on_commit_callbacks):
    hefei, _huaibei = archive
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        curation.set_hidden(items=Article.objects.filter(zone=hefei, hidden=False), hidden=True)
    assert len(callbacks) == 1  # one recount, however many rows changed
    assert_fresh_and_true()
    assert next(z for z in selectors.zones_with_counts() if z.pk == hefei.pk).article_count == 0


def test_marking_items_checked_changes_no_count_and_recounts_nothing(archive, django_capture_on_commit_callbacks):
    hefei, _huaibei = archive
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for model in (Article, Initiative, Metric):
            curation.mark_verified(items=model.objects.filter(zone=hefei))
    assert Article.objects.filter(zone=hefei, verified=True).exists()
    assert callbacks == []
    assert_fresh_and_true()


def test_editing_an_articles_text_recounts_nothing_and_its_year_recounts(archive, django_capture_on_commit_callbacks):
    hefei, _huaibei = archive
    article = Article.objects.filter(zone=hefei, hidden=False).get()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.title, article.body = "党旗飘扬：红链驿站", "园区党工委牵头建立红链驿站。"
        curation.article_update(article=article, changed_fields=["title", "body"])
    assert callbacks == []
    article.refresh_from_db()
    assert (article.title, article.curated_fields) == ("党旗飘扬：红链驿站", ["title", "body"])
    assert list(selectors.search_articles(Article.objects.all(), "红链驿站").queryset) == [article]
    assert_fresh_and_true()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.year = 2019
        curation.article_update(article=article, changed_fields=["year"])
    assert len(callbacks) == 1
    assert_fresh_and_true()


@pytest.mark.django_db(transaction=True)
def test_hiding_an_article_counts_its_figures_another_shown_article_states_too():
    """Committed for real, as the admin's action does: the figure moves to the shown article first."""
    zone = make_zone("合肥高新区", slug="hefei")
    indicator = Indicator.objects.create(slug="total-investment", name="总投资", dimension="money")
    first, second = make_article(zone=zone, body="项目总投资50亿元。"), make_article(zone=zone, body="项目总投资50亿元。")
    metric = make_metric(first, indicator=indicator, sentence="项目总投资50亿元。")
    for article in (first, second):
        MetricMention.objects.create(metric=metric, article=article, sentence=metric.sentence, offset=0)
    tallies.refresh()
    curation.set_hidden(items=Article.objects.filter(pk=first.pk), hidden=True)
    metric.refresh_from_db()
    assert metric.article_id == second.pk
    assert_fresh_and_true()
    assert LatestFigure.objects.get().article_id == second.pk


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("model", [Article, Initiative, Metric])
def test_hiding_recounts_the_zones_the_items_count_in_as_a_whole_count_would(model, recounts):
    """An article in one zone naming another's programme and stating a third's figure: all three."""
    hefei, huaibei, wuhu, other = (make_zone(f"{name}高新区", slug=slug) for name, slug in
                                   (("合肥", "hefei"), ("淮北", "huaibei"), ("芜湖", "wuhu"), ("蚌埠", "bengbu")))
    indicator = Indicator.objects.create(slug="total-investment", name="总投资", dimension="money")
    article = make_article(zone=hefei, body="项目总投资50亿元。")
    make_metric(article, indicator=indicator, zone=wuhu, sentence="项目总投资50亿元。")
    make_initiative("红链帮帮团", article=article, zone=huaibei, category="industry_chain")
    make_metric(make_article(zone=other), indicator=indicator)
    tallies.refresh()
    recounts.clear()
    for hidden in (True, False):
        curation.set_hidden(items=model.objects.filter(zone=hefei if model is Article else (
            huaibei if model is Initiative else wuhu)), hidden=hidden)
        assert_fresh_and_true()
        scoped = stored_rows()
        tallies.refresh()
        assert stored_rows() == scoped
    expected = {hefei.pk, huaibei.pk, wuhu.pk} if model is Article else {huaibei.pk if model is Initiative else wuhu.pk}
    # Between the whole counts this test takes itself: the hiding's and the showing's.
    assert recounts[0] == recounts[2] == expected


@pytest.mark.django_db(transaction=True)
def test_merging_initiatives_recounts_their_zones_as_a_whole_count_would(recounts):
    hefei, huaibei, wuhu = (make_zone(f"{name}高新区", slug=slug) for name, slug in
                            (("合肥", "hefei"), ("淮北", "huaibei"), ("芜湖", "wuhu")))
    survivor = make_initiative("红链帮帮团", article=make_article(zone=hefei), category="industry_chain")
    other = make_initiative("红链帮帮队", article=make_article(zone=wuhu), zone=huaibei, category="industry_chain")
    make_initiative("链上先锋", article=make_article(zone=wuhu), category="industry_chain")
    tallies.refresh()
    recounts.clear()
    curation.merge_initiatives(survivor=survivor, others=[other])
    assert recounts == [{hefei.pk, huaibei.pk}]
    assert_fresh_and_true()
    scoped = stored_rows()
    tallies.refresh()
    assert stored_rows() == scoped


@pytest.mark.django_db(transaction=True)
def test_a_curators_saves_and_deletions_in_the_admin_recount_the_zones_they_touch_as_a_whole_count_would(
    admin_client, recounts
):
    """Each save commits as the admin's does; its recount covers the zones the row counted in
    before and counts in after, and leaves what a whole recount would."""
    hefei, huaibei, wuhu, other = (make_zone(f"{name}高新区", slug=slug) for name, slug in
                                   (("合肥", "hefei"), ("淮北", "huaibei"), ("芜湖", "wuhu"), ("蚌埠", "bengbu")))
    indicator = Indicator.objects.create(slug="total-investment", name="总投资", dimension="money")
    article = make_article(zone=hefei, body="项目总投资50亿元。", year=2023)
    metric = make_metric(article, indicator=indicator, sentence="项目总投资50亿元。", year=2023)
    initiative = make_initiative("红链帮帮团", article=article, zone=huaibei, category="industry_chain")
    make_metric(make_article(zone=other), indicator=indicator)
    tallies.refresh()

    def counted_after(url, data):
        recounts.clear()
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert_fresh_and_true()
        scoped = stored_rows()
        tallies.refresh()
        assert stored_rows() == scoped
        return recounts[0]

    def edited(obj, **changes):
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
        return counted_after(url, {**change_form_data(admin_client.get(url)), **changes})

    def deleted(obj):
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])
        return counted_after(url, {"post": "yes"})

    assert edited(initiative, zone=str(wuhu.pk)) == {huaibei.pk, wuhu.pk}
    assert edited(metric, year="2021") == {hefei.pk}
    # The article counted in its own zone, its figure's and its programme's; now in two others too.
    assert edited(article, zone=str(other.pk), zones=[str(other.pk), str(huaibei.pk)]) == {
        hefei.pk, wuhu.pk, other.pk, huaibei.pk}
    assert edited(wuhu, province="安徽省") == {wuhu.pk}
    assert edited(article.source, date="2022-05-06") == {hefei.pk, wuhu.pk, other.pk, huaibei.pk}
    assert deleted(Initiative.objects.get()) == {wuhu.pk}
    # The list's delete action, for many rows at once: the zones of them all.
    figures = [make_metric(article, indicator=indicator, zone=zone, value=7) for zone in (hefei, huaibei)]
    tallies.refresh()
    assert counted_after(reverse("admin:articles_metric_changelist"), {
        "action": "delete_selected", "_selected_action": [str(f.pk) for f in figures], "post": "yes",
    }) == {hefei.pk, huaibei.pk}
    assert deleted(Article.objects.get(pk=article.pk)) == {hefei.pk, other.pk, huaibei.pk}
    assert deleted(wuhu) == {wuhu.pk}  # its rows fall to no zone, which only the archive's counts count


def test_merging_zones_recounts(archive, django_capture_on_commit_callbacks):
    hefei, huaibei = archive
    with django_capture_on_commit_callbacks(execute=True):
        curation.merge_zones(survivor=hefei, others=[huaibei])
    assert_fresh_and_true()
    [merged] = selectors.zones_with_counts()
    assert (merged.article_count, merged.initiative_count, merged.metric_count) == (2, 2, 4)


@pytest.mark.django_db(transaction=True)
def test_merging_zones_recounts_their_zones_as_a_whole_count_would(recounts):
    hefei, huaibei, wuhu, other = (make_zone(f"{name}高新区", slug=slug) for name, slug in
                                   (("合肥", "hefei"), ("淮北", "huaibei"), ("芜湖", "wuhu"), ("蚌埠", "bengbu")))
    indicator = Indicator.objects.create(slug="total-investment", name="总投资", dimension="money")
    article = make_article(zone=huaibei, body="项目总投资50亿元。", year=2022)
    article.zones.add(wuhu)
    make_metric(article, indicator=indicator, sentence="项目总投资50亿元。", year=2022)
    make_initiative("红链帮帮团", article=article, category="industry_chain")
    make_initiative("红链帮帮团", article=make_article(zone=hefei), category="industry_chain")
    make_metric(make_article(zone=other), indicator=indicator)
    tallies.refresh()
    recounts.clear()
    curation.merge_zones(survivor=hefei, others=[huaibei, wuhu])
    assert recounts == [{hefei.pk, huaibei.pk, wuhu.pk}]
    assert_fresh_and_true()
    scoped = stored_rows()
    tallies.refresh()
    assert stored_rows() == scoped


def test_deleting_recounts(archive, django_capture_on_commit_callbacks):
    hefei, _huaibei = archive
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        article = Article.objects.filter(zone=hefei, hidden=False).get()
        curation.tombstone(article)
        article.delete()
    assert_fresh_and_true()
    counts = selectors.home_counts()
    assert (counts["articles"], counts["metrics"]) == (1, 2)


def test_until_the_recount_the_pages_count_for_themselves(archive, client):
    hefei, _huaibei = archive
    make_article(zone=hefei)  # written, its transaction (the test's) not committed: no recount yet
    assert tallies.fresh() is None
    assert shown() == counted_now()
    [listed] = [z for g in client.get(reverse("zones:directory")).context["provinces"]
                for z in g["zones"] if z.pk == hefei.pk]
    assert listed.article_count == 2


def test_the_pages_read_one_row_of_counts_each(archive, client, django_assert_num_queries):
    # The home page: the counts' freshness, the zones with their tallies, the categories,
    # the indicator select, the latest articles -- no count of the archive.
    with django_assert_num_queries(5):
        client.get(reverse("articles:home"))
    with django_assert_num_queries(3):  # freshness, the indicators with their tallies, nothing per row
        client.get(reverse("articles:indicators"))


def test_an_unfiltered_list_takes_its_length_from_the_stored_counts(archive, client, django_assert_num_queries):
    # The stored count, not a COUNT of every initiative: the freshness row and the page.
    with django_assert_num_queries(2):
        body = client.get(reverse("api:initiatives")).json()
    assert body["count"] == Initiative.objects.visible().count() == 2
    # Filtered, the list is counted.
    with django_assert_num_queries(2):
        assert client.get(reverse("api:initiatives"), {"category": "industry_chain"}).json()["count"] == 2


def test_the_whole_metric_list_compares_the_indicator_the_stored_counts_name(archive, client):
    counted = selectors.commonest_indicator(Metric.objects.visible())
    assert counted is not None and tallies.fresh() is not None
    assert selectors.commonest_indicator(Metric.objects.visible(), stored=True) == counted
    assert client.get(reverse("articles:metrics")).context["indicator"] == counted


def test_recount_counts_and_ranks_again_after_a_write_that_sent_no_signal(archive):
    hefei, _huaibei = archive
    assert LatestFigure.objects.filter(zone=hefei).exists()
    Article.objects.filter(zone=hefei).update(hidden=True)  # a bulk update: no signal, no recount
    assert shown() != counted_now()
    out = StringIO()
    call_command("recount", stdout=out)
    assert out.getvalue().startswith("Counted and ranked the archive in ")
    assert_fresh_and_true()
    # The zone's figures are all hidden now: it has no latest figure to compare.
    assert not LatestFigure.objects.filter(zone=hefei).exists()


def test_a_comparison_counts_the_initiatives_of_a_deleted_type_as_untyped(archive):
    hefei, _huaibei = archive
    make_initiative("链上先锋", article=make_article(zone=hefei), category="industry_chain")
    tallies.refresh()
    InitiativeType.objects.get(slug="chain").delete()  # its initiatives lose their type, unsignalled
    counts = {
        (row["zone_id"], row["category"], row["type__slug"]): row["n"]
        for row in selectors.compare_initiatives([hefei])
    }
    assert counts == {(hefei.pk, "industry_chain", None): 2}
