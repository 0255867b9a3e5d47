"""One fact, many mentions: a figure stated again is one metric with a mention per statement.

End to end through ``manage.py ingest`` where the behaviour is the ingest's
(the real reading of a page), with analysed pages built by hand where a test
pins one upsert rule.
"""
import hashlib
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import curation, identity
from articles.ingest.pipeline import ArticleResult, PageResult
from articles.ingest.types import ArticleBlock, MetricFact, PageText, ZoneMention
from articles.ingest.upsert import upsert_page
from articles.models import Article, Metric, MetricMention, Tombstone
from articles.tests.factories import make_indicator, make_zone

pytestmark = pytest.mark.django_db

LEAD = "建立健全产业链党建联盟，产业链企业由最初的12家发展至如今56家。"
BODY = "烟台高新区坚持把党支部建在产业链上，新成立链上企业党支部38个，产业链企业由最初12家发展至如今56家。"
PAGE = f"""党建在高新

烟台高新区凝聚更强向心力

王宏伟

{LEAD}

{BODY}
"""
SECOND = """党建在高新

烟台高新区产业链党建见实效

李明

本报讯 今年，烟台高新区产业链企业由最初的12家发展至如今56家，新增签约项目12个。
"""


def ingest(*paths):
    out, err = StringIO(), StringIO()
    call_command("ingest", *[str(p) for p in paths], stdout=out, stderr=err)
    assert err.getvalue() == ""
    return out.getvalue()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def chain_firms():
    """The 烟台 zone's metrics counting its chain's firms: (value, [article ids of its mentions])."""
    return [
        (m.value, [mention.article_id for mention in m.mentions.all()])
        for m in Metric.objects.filter(zone__name="烟台高新区", label__endswith="产业链企业", value=56)
    ]


@pytest.fixture
def yantai():
    return make_zone("烟台高新区", slug="yantai", province="山东省", city="烟台市")


def test_a_figure_the_lead_repeats_from_the_body_is_one_fact_of_the_article(yantai, tmp_path):
    ingest(write(tmp_path, "yantai.txt", PAGE))

    article = Article.objects.get()
    [(value, mentioned_in)] = chain_firms()
    assert set(mentioned_in) == {article.pk}
    metric = Metric.objects.get(zone=yantai, value=56)
    assert (metric.kind, metric.value_from) == ("change", 12.0)
    assert metric.sentence == LEAD and metric.offset == 0  # first stated in the lead
    # ... and the body's statement of it is its second source.
    assert [m.sentence for m in metric.mentions.order_by("offset")] == [LEAD, BODY]
    # Zero duplicate facts within an article: no figure stored twice.
    figures = list(Metric.objects.filter(article=article).values_list("label", "kind", "value", "value_from"))
    assert len(figures) == len(set(figures)) == Metric.objects.count()


def test_the_seed_page_lists_each_chain_figure_once(reference_zones):
    ingest(settings.SEEDS_DIR / "004_af9ed2a9fbe09997.txt")

    figures = Metric.objects.filter(zone__name="烟台高新区", label__contains="产业链企业")
    values = list(figures.values_list("kind", "value_from", "value"))
    assert (Metric.Kind.CHANGE, 12.0, 56.0) in values
    assert len(values) == len(set(values))


def test_the_same_figure_in_two_articles_of_a_zone_is_one_metric_with_two_mentions(yantai, tmp_path):
    ingest(write(tmp_path, "yantai.txt", PAGE))
    ingest(write(tmp_path, "yantai-2.txt", SECOND))

    first, second = Article.objects.order_by("pk")
    [(value, mentioned_in)] = chain_firms()
    assert sorted(set(mentioned_in)) == [first.pk, second.pk]
    assert Metric.objects.get(zone=yantai, value=56).article == first
    # The second article's other figure (12 projects) is its own fact, not the 12 firms.
    assert Metric.objects.filter(zone=yantai, value=12, kind="actual").count() == 1


def test_reingesting_an_edited_page_moves_its_mentions_without_duplicates(yantai, tmp_path):
    path = write(tmp_path, "yantai.txt", PAGE)
    ingest(path)
    metric = Metric.objects.get(zone=yantai, value=56)
    metric.verified = True
    metric.save()

    # The lead no longer states the figure; a new paragraph before the body shifts it.
    path.write_text(PAGE.replace(LEAD, "建立健全产业链党建联盟。\n\n近日，高新区召开党建工作会议。"),
                    encoding="utf-8")
    ingest(path)

    metric.refresh_from_db()
    assert metric.verified
    assert [m.sentence for m in metric.mentions.all()] == [BODY]
    assert metric.sentence == BODY and metric.offset == Article.objects.get().body.index(BODY)
    assert Metric.objects.filter(zone=yantai, value=56).count() == 1
    assert MetricMention.objects.filter(sentence=LEAD).count() == 0


def test_a_deleted_fact_is_not_recreated_from_any_statement(yantai, tmp_path):
    ingest(write(tmp_path, "yantai.txt", PAGE))
    metric = Metric.objects.get(zone=yantai, value=56)
    curation.tombstone(metric)
    metric.delete()

    ingest(write(tmp_path, "yantai.txt", PAGE + "\n新增一段。\n"))
    ingest(write(tmp_path, "yantai-2.txt", SECOND))

    assert not Metric.objects.filter(zone=yantai, value=56).exists()
    assert not MetricMention.objects.filter(raw__contains="56").exists()


# --- analysed pages built by hand -----------------------------------------------------


def fact(sentence, offset, value=56.0, raw="产业链企业56家", label="产业链企业", year=2024, **extra):
    return MetricFact(label=label, raw=raw, value=value, unit="家", normalized_value=value,
                      normalized_unit="家", year=year, sentence=sentence, offset=offset, **extra)


def analysed(metrics, *, name="page-a.txt", paragraphs=(LEAD, BODY), zone="烟台高新区", position=0):
    text = f"{name}:{paragraphs}:{[m.raw for m in metrics]}"
    return PageResult(
        page=PageText(name=name, text=text, encoding="utf-8",
                      content_hash=hashlib.sha256(text.encode()).hexdigest()),
        articles=[ArticleResult(
            block=ArticleBlock(position=position, title="产业链党建", paragraphs=list(paragraphs)),
            zones=[ZoneMention(name=zone, surface=zone)] if zone else [],
            year=2024, metrics=metrics)],
    )


def body_offset():
    return len(LEAD) + 1


def test_the_same_figure_in_the_lead_and_the_body_is_one_metric_with_two_mentions(yantai):
    outcome = upsert_page(result=analysed([fact(LEAD, 0), fact(BODY, body_offset(), raw="企业56家")]))

    metric = Metric.objects.get()
    assert (metric.sentence, metric.offset, metric.raw) == (LEAD, 0, "产业链企业56家")
    assert list(metric.mentions.values_list("sentence", "offset", "raw")) == [
        (LEAD, 0, "产业链企业56家"), (BODY, body_offset(), "企业56家")]
    assert outcome.counts.metrics.created == 1


def test_a_page_writes_its_figures_in_a_fixed_number_of_queries(yantai):
    def figures(n):
        return [fact(BODY, body_offset(), value=float(v), raw=f"产业链企业{v}家") for v in range(1, n + 1)]

    def queries(result):
        with CaptureQueriesContext(connection) as captured:
            upsert_page(result=result)
        return len(captured)

    upsert_page(result=analysed([fact(LEAD, 0)], name="warm-up.txt"))
    few = queries(analysed(figures(2), name="a.txt"))
    many = queries(analysed(figures(12), name="b.txt"))
    assert many == few
    assert MetricMention.objects.count() == 15 and Metric.objects.count() == 13
    # Read again unchanged: only reads, no write.
    with CaptureQueriesContext(connection) as captured:
        upsert_page(result=analysed(figures(12), name="b.txt", paragraphs=(LEAD, BODY, "另起一段。")))
    assert not [q for q in captured if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}
                and "articles_metric" in q["sql"]]


def test_the_indicator_slug_names_the_indicator_and_an_unknown_one_leaves_it_unclassed(yantai):
    firms = make_indicator("产业链企业数", slug="chain-firms", dimension="enterprises", units=["家"])
    upsert_page(result=analysed([fact(LEAD, 0, indicator="chain-firms"),
                                 fact(BODY, body_offset(), value=38.0, raw="党支部38个",
                                      label="党支部", indicator="no-such-slug")]))

    assert Metric.objects.get(value=56).indicator == firms
    assert Metric.objects.get(value=38).indicator is None
    assert Metric.objects.get(value=56).ingested_values["indicator"] == "chain-firms"


def test_a_curators_indicator_survives_reingest(yantai):
    make_indicator("产业链企业数", slug="chain-firms", dimension="enterprises", units=["家"])
    chosen = make_indicator("企业数", slug="firms", dimension="enterprises", units=["家"])
    page = analysed([fact(LEAD, 0, indicator="chain-firms"), fact(BODY, body_offset(), indicator="chain-firms")])
    upsert_page(result=page)
    metric = Metric.objects.get()
    metric.indicator = chosen
    curation.record_curated_fields(metric, ["indicator"])
    metric.save()

    outcome = upsert_page(result=analysed(page.articles[0].metrics, paragraphs=(LEAD, BODY, "又一段。")))

    assert Metric.objects.get().indicator == chosen
    assert Metric.objects.get().mentions.count() == 2
    assert outcome.counts.metrics.skipped_curated == 1


@pytest.mark.parametrize("year, metrics", [(2024, 1), (None, 2)])
def test_one_indicator_and_value_is_one_fact_only_when_a_year_pins_it(yantai, year, metrics):
    make_indicator("党支部数", slug="party-branches", dimension="party_orgs", units=["个"])
    first = "其中，机关党委下设党支部17个，有党员333名；"
    second = "经济组织党委下设企业党委2个、党支部17个，共有党员520名。"
    branches = {"value": 17.0, "indicator": "party-branches", "year": year}
    upsert_page(result=analysed(
        [fact(first, 0, raw="机关党委下设党支部17个", label="机关党委下设党支部", **branches),
         fact(second, len(first) + 1, raw="党支部17个", label="党支部", **branches)],
        paragraphs=(first, second)))

    assert Metric.objects.count() == metrics
    assert MetricMention.objects.count() == 2


def test_a_figure_without_a_zone_is_its_articles_own(db):
    upsert_page(result=analysed([fact(LEAD, 0)], zone=None))
    upsert_page(result=analysed([fact(LEAD, 0)], zone=None, name="page-b.txt"))

    assert Metric.objects.count() == 2
    assert all(m.mentions.count() == 1 for m in Metric.objects.all())


def test_a_figure_read_differently_at_the_same_place_keeps_its_curated_row(yantai):
    upsert_page(result=analysed([fact(LEAD, 0)]))
    metric = Metric.objects.get()
    metric.hidden = True
    metric.save()

    outcome = upsert_page(result=analysed([fact(LEAD, 0, kind="change", value_from=12.0,
                                                 normalized_from=12.0)]))

    same = Metric.objects.get()
    assert same.pk == metric.pk and same.hidden
    assert (same.kind, same.value_from) == ("change", 12.0)
    assert same.key != metric.key
    assert outcome.counts.metrics.created == 0


def test_when_its_first_article_stops_stating_it_the_next_one_is_its_first(yantai):
    upsert_page(result=analysed([fact(LEAD, 0)]))
    upsert_page(result=analysed([fact(BODY, 0)], name="page-b.txt", paragraphs=(BODY,)))
    first, second = Article.objects.order_by("pk")

    outcome = upsert_page(result=analysed([], paragraphs=(LEAD, BODY, "改写。")))

    metric = Metric.objects.get()
    assert (metric.article, metric.sentence) == (second, BODY)
    assert list(metric.mentions.values_list("article", flat=True)) == [second.pk]
    assert outcome.counts.metrics.deleted == 0

    upsert_page(result=analysed([], name="page-b.txt", paragraphs=(BODY, "改写。")))
    assert not Metric.objects.exists()  # nobody states it, nobody curated it


def test_a_statement_deleted_before_facts_had_keys_stays_deleted(yantai):
    article_key = identity.article_key("page-a.txt", 0)
    Tombstone.objects.create(model="metric", key=identity.metric_place_key(article_key, 0, "产业链企业56家"))

    outcome = upsert_page(result=analysed([fact(LEAD, 0), fact(BODY, body_offset())]))

    assert [m.sentence for m in Metric.objects.get().mentions.all()] == [BODY]
    assert outcome.counts.metrics.skipped_deleted == 1


def test_hiding_the_first_article_leaves_a_figure_another_article_states_shown(yantai, tmp_path):
    from articles import curation

    first_page = write(tmp_path, "yantai.txt", PAGE)
    ingest(first_page)
    ingest(write(tmp_path, "yantai-2.txt", SECOND))
    first, second = Article.objects.order_by("pk")
    shown = Metric.objects.visible().filter(zone=yantai, value=56)

    curation.set_hidden(items=Article.objects.filter(pk=first.pk), hidden=True)
    assert shown.get().article == second  # stated in the second article: still public
    ingest(first_page, "--reanalyse")  # the hidden article read again does not take it back
    assert shown.get().article == second

    curation.set_hidden(items=Article.objects.filter(pk=first.pk), hidden=False)
    assert shown.get().article == first  # its earliest statement again


def test_deleting_the_first_article_hands_a_figure_to_a_shown_statement_before_a_hidden_one(yantai, tmp_path):
    from articles import curation

    ingest(write(tmp_path, "yantai.txt", PAGE))
    ingest(write(tmp_path, "yantai-2.txt", SECOND))
    ingest(write(tmp_path, "yantai-3.txt", SECOND.replace("新增签约项目12个", "新建党支部8个")))
    first, second, third = Article.objects.order_by("pk")
    curation.set_hidden(items=Article.objects.filter(pk=second.pk), hidden=True)

    curation.tombstone(first)
    first.delete()
    assert Metric.objects.visible().get(zone=yantai, value=56).article == third
