"""The ingest's writer: stable identities, idempotence, and curation that always wins.

Pages here are built by hand (already analysed), so these tests pin the
upsert rules independently of how the text steps read a page.
"""
import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import curation
from articles.ingest.pipeline import ArticleResult, PageResult
from articles.ingest.types import (
    ArticleBlock,
    InitiativeFact,
    MetricFact,
    PageText,
    ZoneMention,
)
from articles.ingest.upsert import upsert_page
from articles import identity
from articles.models import Article, Initiative, InitiativeMention, Metric, Tombstone
from articles.tests.factories import make_zone
from zones.models import Zone

pytestmark = pytest.mark.django_db

SENTENCE_1 = "项目总投资50亿元，带动就业500人以上。"
SENTENCE_2 = "淮北高新区成立锂电产业链党建联盟。"


def mention(name, surface=None, **extra):
    zone_mention = ZoneMention(name=name, surface=surface or name)
    for key, value in extra.items():
        setattr(zone_mention, key, value)
    return zone_mention


def investment(offset=0, sentence=SENTENCE_1):
    return MetricFact(
        label="总投资", raw="总投资50亿元", value=50.0, unit="亿元",
        normalized_value=5e9, normalized_unit="元", sentence=sentence, offset=offset,
    )


def jobs(offset=0, sentence=SENTENCE_1):
    return MetricFact(
        label="就业", raw="就业500人以上", value=500.0, unit="人", normalized_value=500.0,
        normalized_unit="人", qualifier="at_least", sentence=sentence, offset=offset,
    )


def alliance(offset):
    return InitiativeFact(
        name="锂电产业链党建联盟", category="industry_chain", sentence=SENTENCE_2, offset=offset
    )


def article(position=0, title="党建引领开新局", paragraphs=None, zones=None, metrics=None,
            initiatives=None, **block_fields):
    paragraphs = paragraphs if paragraphs is not None else [SENTENCE_1, SENTENCE_2]
    body = "\n".join(paragraphs)
    return ArticleResult(
        block=ArticleBlock(position=position, title=title, paragraphs=paragraphs,
                           authors=["肖干"], **block_fields),
        zones=zones if zones is not None else [mention("淮北高新区")],
        year=2023,
        metrics=metrics if metrics is not None else [investment(), jobs()],
        initiatives=initiatives if initiatives is not None
        else [alliance(body.index(SENTENCE_2))],
    )


def page(*articles, name="page-a.txt", text=None):
    text = text or name * 10
    return PageResult(
        page=PageText(name=name, text=text, encoding="utf-8",
                      content_hash=hashlib.sha256(text.encode()).hexdigest()),
        articles=list(articles),
    )


@pytest.fixture
def huaibei():
    return make_zone("淮北高新区", province="安徽省", city="淮北市")


def test_first_ingest_creates_everything_with_its_zone(huaibei):
    outcome = upsert_page(result=page(article()))

    stored = Article.objects.get()
    assert stored.key == identity.article_key("page-a.txt", 0)
    assert stored.zone == huaibei and list(stored.zones.all()) == [huaibei]
    assert stored.ingested_values["title"] == "党建引领开新局"
    assert stored.ingested_values["zone"] == "淮北高新区"
    assert [m.raw for m in stored.metrics.order_by("pk")] == ["总投资50亿元", "就业500人以上"]
    assert all(m.zone == huaibei for m in Metric.objects.all())
    initiative = Initiative.objects.with_first_mention().get()
    assert (initiative.key, initiative.zone, initiative.first_article_id) == (
        identity.initiative_key(huaibei.pk, "锂电产业链党建联盟"), huaibei, stored.pk)
    counts = outcome.counts
    assert (counts.articles.created, counts.metrics.created, counts.initiatives.created) == (1, 2, 1)


def test_reingesting_the_same_page_changes_nothing_and_issues_no_update(huaibei):
    upsert_page(result=page(article(), article(position=1, title="第二篇")))
    before = list(Metric.objects.values_list("pk", "key", "updated_at"))

    with CaptureQueriesContext(connection) as queries:
        outcome = upsert_page(result=page(article(), article(position=1, title="第二篇")))

    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"UPDATE", "INSERT", "DELETE"}]
    assert writes == []
    counts = outcome.counts
    assert (counts.articles.unchanged, counts.articles.created, counts.articles.updated) == (2, 0, 0)
    assert (counts.metrics.unchanged, counts.metrics.created, counts.metrics.updated) == (4, 0, 0)
    assert counts.initiatives.created == 0 and counts.initiatives.updated == 0
    assert list(Metric.objects.values_list("pk", "key", "updated_at")) == before


def test_changed_text_updates_only_what_changed(huaibei):
    upsert_page(result=page(article()))
    outcome = upsert_page(result=page(article(title="党建引领开新局（修订）")))
    assert Article.objects.get().title == "党建引领开新局（修订）"
    assert outcome.counts.articles.updated == 1
    assert outcome.article_ids == [Article.objects.get().pk]


def test_a_curated_title_survives_and_the_ingested_value_is_kept_beside_it(huaibei):
    upsert_page(result=page(article()))
    Article.objects.update(title="人工修订的标题", curated_fields=["title"])

    outcome = upsert_page(result=page(article(title="机器读出的新标题")))

    stored = Article.objects.get()
    assert stored.title == "人工修订的标题"
    assert stored.ingested_values["title"] == "机器读出的新标题"
    assert outcome.counts.articles.skipped_curated == 1


def test_curated_zones_are_left_alone(huaibei):
    other = make_zone("烟台高新区", province="山东省", city="烟台市")
    upsert_page(result=page(article()))
    stored = Article.objects.get()
    stored.zone = other
    stored.curated_fields = ["zone", "zones"]
    stored.save()
    stored.zones.set([other])

    upsert_page(result=page(article()))
    stored.refresh_from_db()
    assert stored.zone == other and list(stored.zones.all()) == [other]


def test_hidden_and_verified_flags_are_never_touched(huaibei):
    upsert_page(result=page(article()))
    Article.objects.update(hidden=True, verified=True)
    Metric.objects.filter(raw="总投资50亿元").update(hidden=True)

    upsert_page(result=page(article(title="新标题")))

    stored = Article.objects.get()
    assert stored.title == "新标题" and stored.hidden and stored.verified
    assert Metric.objects.get(raw="总投资50亿元").hidden


def test_a_deleted_article_is_not_resurrected_nor_its_facts(huaibei):
    upsert_page(result=page(article()))
    Tombstone.objects.create(model="article", key=identity.article_key("page-a.txt", 0))
    Article.objects.all().delete()

    outcome = upsert_page(result=page(article()))

    assert not Article.objects.exists()
    assert not Metric.objects.exists() and not InitiativeMention.objects.exists()
    assert outcome.counts.articles.skipped_deleted == 1


def test_deleted_metrics_and_initiatives_stay_deleted(huaibei):
    upsert_page(result=page(article()))
    metric = Metric.objects.get(raw="总投资50亿元")
    initiative = Initiative.objects.get()
    Tombstone.objects.create(model="metric", key=metric.key)
    Tombstone.objects.create(model="initiative", key=initiative.key)
    metric.delete()
    initiative.delete()

    upsert_page(result=page(article()))

    assert list(Metric.objects.values_list("raw", flat=True)) == ["就业500人以上"]
    assert not Initiative.objects.exists()


def test_a_merged_zone_resolves_to_its_survivor(huaibei):
    survivor = make_zone("合肥高新区", province="安徽省", city="合肥市", aliases=["合肥高新技术产业开发区"])
    Tombstone.objects.create(model="zone", key="合肥高新技术产业开发区")

    upsert_page(result=page(article(zones=[mention("合肥高新技术产业开发区")])))

    assert Article.objects.get().zone == survivor
    assert not Zone.objects.filter(name="合肥高新技术产业开发区").exists()


def test_an_unknown_zone_is_created_with_its_province_from_the_city(db):
    upsert_page(result=page(article(zones=[mention("淮南高新区", known=False, city="淮南市")])))

    zone = Zone.objects.get(name="淮南高新区")
    assert (zone.province, zone.city, zone.level) == ("安徽省", "淮南市", "other")
    assert zone.slug == "huainan"
    assert Article.objects.get().zone == zone


def test_a_deleted_zone_name_is_not_recreated(db):
    Tombstone.objects.create(model="zone", key="某某高新区")
    upsert_page(result=page(article(zones=[mention("某某高新区", known=False)])))
    assert not Zone.objects.filter(name="某某高新区").exists()
    assert Article.objects.get().zone is None


def test_a_metric_keeps_its_row_when_an_earlier_paragraph_shifts_its_offset(huaibei):
    upsert_page(result=page(article()))
    verified = Metric.objects.get(raw="总投资50亿元")
    verified.verified = True
    verified.save()

    prefix = "近日，新项目签约落户。"
    shifted = article(paragraphs=[prefix, SENTENCE_1, SENTENCE_2],
                      metrics=[investment(len(prefix) + 1), jobs(len(prefix) + 1)])
    outcome = upsert_page(result=page(shifted))

    same = Metric.objects.get(pk=verified.pk)
    assert same.verified and same.offset == len(prefix) + 1
    assert same.key == verified.key  # the fact's key: where it is stated is not part of it
    assert Metric.objects.count() == 2
    assert outcome.counts.metrics.created == 0


def test_a_deleted_metric_stays_deleted_when_an_earlier_paragraph_shifts_its_offset(huaibei):
    upsert_page(result=page(article()))
    curation.tombstone(Metric.objects.get(raw="总投资50亿元"))
    Metric.objects.filter(raw="总投资50亿元").delete()

    prefix = "近日，新项目签约落户。"
    shifted = article(paragraphs=[prefix, SENTENCE_1, SENTENCE_2],
                      metrics=[investment(len(prefix) + 1), jobs(len(prefix) + 1)])
    outcome = upsert_page(result=page(shifted))

    assert list(Metric.objects.values_list("raw", flat=True)) == ["就业500人以上"]
    assert outcome.counts.metrics.skipped_deleted == 1
    # The same figure stated again in another sentence is the same fact: still deleted.
    other = "二期项目总投资50亿元。"
    paragraphs = [prefix, SENTENCE_1, SENTENCE_2, other]
    offset = len("\n".join(paragraphs[:3])) + 1
    upsert_page(result=page(article(paragraphs=paragraphs, metrics=[
        investment(len(prefix) + 1), jobs(len(prefix) + 1), investment(offset, sentence=other)])))
    assert not Metric.objects.filter(raw="总投资50亿元").exists()


def test_metrics_no_longer_produced_are_removed_unless_a_curator_touched_them(huaibei):
    upsert_page(result=page(article()))
    Metric.objects.filter(raw="总投资50亿元").update(verified=True)

    outcome = upsert_page(result=page(article(metrics=[])))

    assert list(Metric.objects.values_list("raw", flat=True)) == ["总投资50亿元"]
    assert (outcome.counts.metrics.stale, outcome.counts.metrics.deleted) == (1, 1)


def test_one_initiative_per_zone_and_programme_with_every_mention(huaibei):
    first = article(position=0)
    second = article(position=1, title="第二篇", paragraphs=[SENTENCE_2],
                     initiatives=[alliance(0)], metrics=[])
    upsert_page(result=page(first, second))

    initiative = Initiative.objects.with_first_mention().get()
    assert Article.objects.get(pk=initiative.first_article_id).position == 0
    assert sorted(initiative.articles.values_list("position", flat=True)) == [0, 1]


def test_when_its_first_article_is_hidden_an_initiative_quotes_the_next_one_in_public(huaibei):
    first = article(position=0)
    second = article(position=1, title="第二篇", paragraphs=[SENTENCE_2],
                     initiatives=[alliance(0)], metrics=[])
    upsert_page(result=page(first, second))
    Article.objects.filter(position=0).update(hidden=True)

    public = Initiative.objects.visible().with_first_mention().get()
    assert Article.objects.get(pk=public.first_article_id).position == 1
    assert public.first_sentence == SENTENCE_2
    internal = Initiative.objects.with_first_mention(public=False).get()
    assert Article.objects.get(pk=internal.first_article_id).position == 0


def test_a_renamed_initiative_is_still_found_by_its_key(huaibei):
    upsert_page(result=page(article()))
    Initiative.objects.update(name="锂电产业链党建联盟（淮北）", curated_fields=["name"])

    outcome = upsert_page(result=page(article()))

    assert Initiative.objects.get().name == "锂电产业链党建联盟（淮北）"
    assert outcome.counts.initiatives.created == 0


def test_fewer_articles_on_a_page_leaves_the_old_ones_in_place(huaibei):
    upsert_page(result=page(article(), article(position=1, title="第二篇")))
    outcome = upsert_page(result=page(article()))
    assert Article.objects.count() == 2
    assert outcome.counts.articles.stale == 1


def test_a_copy_of_a_stored_page_under_another_name_is_skipped(huaibei):
    upsert_page(result=page(article(), text="同一版面"))
    outcome = upsert_page(result=page(article(), name="copy.txt", text="同一版面"))
    assert outcome.duplicate_of == "page-a.txt"
    assert Article.objects.count() == 1


def test_an_article_is_compared_with_the_first_five_stored_under_its_title_on_other_pages(huaibei):
    from articles.ingest.upsert.article import COPY_CANDIDATES, _copy_candidates
    from articles.tests.factories import make_article, make_source

    title = "党建引领产业链高质量发展"
    key = identity.text_key(title)
    own = make_source(name="own.txt")
    make_article(title=title, source=own, title_key=key)  # the page's own: never its copy
    stored = [make_article(title=title, body=f"第{n}篇正文。", title_key=key) for n in range(COPY_CANDIDATES + 2)]
    other = make_article(title="另一个标题的文章", title_key=identity.text_key("另一个标题的文章"))
    blocks = [ArticleBlock(position=n, title=t) for n, t in enumerate((title, other.title, "短题"))]
    with CaptureQueriesContext(connection) as queries:
        found = _copy_candidates(own, blocks)
    assert {k: [a.pk for a in v] for k, v in found.items()} == {
        key: [a.pk for a in stored[:COPY_CANDIDATES]], other.title_key: [other.pk],
    }
    assert found[key][0].body == "第0篇正文。"
    # The first ids of every title in one statement, each title's read bounded; then their bodies.
    assert len(queries) == 2
    assert queries[0]["sql"].count(f"LIMIT {COPY_CANDIDATES}") == 2


def test_a_page_of_hundreds_of_titles_is_compared_with_what_is_stored_under_each(huaibei):
    from articles.ingest.upsert.article import _copy_candidates
    from articles.tests.factories import make_article, make_source

    titles = [f"第{n}条简讯：园区党群服务中心开展活动" for n in range(600)]
    stored = make_article(title=titles[-1], title_key=identity.text_key(titles[-1]))
    blocks = [ArticleBlock(position=n, title=title) for n, title in enumerate(titles)]
    found = _copy_candidates(make_source(name="briefs.txt"), blocks)
    assert {key: [a.pk for a in rows] for key, rows in found.items()} == {stored.title_key: [stored.pk]}


@pytest.mark.parametrize("no_zone", [False, True])
def test_a_pages_merged_initiatives_are_read_from_their_own_index(huaibei, no_zone):
    """Not every initiative of the page's zones: 7,500 for a large zone at 100,000 articles."""
    from articles.ingest.upsert.reads import _merge_survivors

    from articles.tests.plans import plan

    text = plan(_merge_survivors([huaibei, None] if no_zone else [huaibei]))
    assert "initiative_merged_idx" in text, text


def test_a_merged_initiative_keeps_its_mentions_on_the_survivor(huaibei):
    from articles.curation import merge_initiatives

    other_name = InitiativeFact(name="锂电党建联盟", category="industry_chain",
                                sentence=SENTENCE_1, offset=0)
    upsert_page(result=page(article(initiatives=[alliance(len(SENTENCE_1) + 1), other_name])))
    survivor = Initiative.objects.get(name="锂电产业链党建联盟")
    merge_initiatives(survivor=survivor, others=Initiative.objects.filter(name="锂电党建联盟"))

    upsert_page(result=page(article(initiatives=[alliance(len(SENTENCE_1) + 1), other_name])))

    assert list(Initiative.objects.values_list("name", flat=True)) == ["锂电产业链党建联盟"]
    assert sorted(survivor.mentions.values_list("offset", flat=True)) == [0, len(SENTENCE_1) + 1]


def test_an_initiative_takes_its_values_from_its_first_article_only(huaibei):
    other_reading = InitiativeFact(name="锂电产业链党建联盟", category="non_public",
                                   sentence=SENTENCE_2, offset=0)
    second = article(position=1, title="第二篇", paragraphs=[SENTENCE_2],
                     initiatives=[other_reading], metrics=[])
    upsert_page(result=page(article(), second))
    outcome = upsert_page(result=page(article(), second))

    assert Initiative.objects.get().category == "industry_chain"
    assert outcome.counts.initiatives.updated == 0


def test_a_programme_a_new_article_names_before_an_older_one_takes_the_older_ones_reading(huaibei):
    """The page gains an article above one stored before: both name a new programme, the new one first."""
    older = article(position=1, title="第二篇", paragraphs=[SENTENCE_2], metrics=[],
                    initiatives=[InitiativeFact(name="锂电产业链党建联盟", category="non_public",
                                                sentence=SENTENCE_2, offset=0)])
    upsert_page(result=page(article(position=1, title="第二篇", paragraphs=[SENTENCE_2], metrics=[],
                                    initiatives=[])))
    upsert_page(result=page(article(position=0), older))

    initiative = Initiative.objects.get()
    first = Article.objects.get(position=1)
    assert min(initiative.mentions.values_list("article", flat=True)) == first.pk
    assert initiative.category == "non_public"  # the older article's reading
    assert initiative.ingested_values["category"] == "non_public"
    again = upsert_page(result=page(article(position=0), older))
    assert again.counts.initiatives.updated == 0 and Initiative.objects.get().category == "non_public"


def test_a_merged_initiative_named_in_a_new_article_links_to_the_survivor(huaibei):
    from articles.curation import merge_initiatives

    other_name = InitiativeFact(name="锂电党建联盟", category="industry_chain",
                                sentence=SENTENCE_1, offset=0)
    upsert_page(result=page(article(initiatives=[alliance(len(SENTENCE_1) + 1), other_name])))
    survivor = Initiative.objects.get(name="锂电产业链党建联盟")
    merge_initiatives(survivor=survivor, others=Initiative.objects.filter(name="锂电党建联盟"))

    later = InitiativeFact(name="“锂电党建联盟”", category="industry_chain", sentence=SENTENCE_2, offset=0)
    upsert_page(result=page(article(paragraphs=[SENTENCE_2], initiatives=[later], metrics=[]),
                            name="page-b.txt", text="另一版面"))

    assert list(Initiative.objects.values_list("name", flat=True)) == ["锂电产业链党建联盟"]
    newest = Article.objects.get(source__name="page-b.txt")
    assert list(newest.initiatives.all()) == [survivor]


def test_the_zone_table_is_reread_only_when_a_zone_changed(huaibei, django_assert_num_queries):
    from articles.ingest.zones import ZoneResolver

    ZoneResolver()
    with django_assert_num_queries(2):  # the table's stamp, and the deleted names
        resolver = ZoneResolver()
    assert resolver.by_name["淮北高新区"] == huaibei
    huaibei.aliases = ["淮北国家高新区", "相山高新区"]
    huaibei.save()
    assert ZoneResolver().by_name["相山高新区"] == huaibei


def test_a_page_reads_the_stored_facts_once_however_many_articles_it_has(huaibei):
    def articles(n, **fields):
        return [article(position=i, title=f"{n}篇之第{i}篇党建文章", **fields) for i in range(n)]

    def reads(result):
        with CaptureQueriesContext(connection) as captured:
            upsert_page(result=result)
        return [q["sql"] for q in captured if q["sql"].startswith("SELECT")]

    upsert_page(result=page(article(), name="warm-up.txt"))
    two, eight = reads(page(*articles(2), name="two.txt")), reads(page(*articles(8), name="eight.txt"))
    assert len(eight) == len(two), "\n".join(eight)
    # Each article names the same programme and states the same two figures: one row each.
    assert Initiative.objects.count() == 1 and Metric.objects.count() == 2
    assert InitiativeMention.objects.count() == 11
    # Read again with a figure dropped from every article: a stored page also reads
    # its articles and their mentions, and still as few times for eight as for two.
    again_two = reads(page(*articles(2, metrics=[investment()]), name="two.txt"))
    again_eight = reads(page(*articles(8, metrics=[investment()]), name="eight.txt"))
    assert len(again_eight) == len(again_two), "\n".join(again_eight)
    assert len(again_eight) <= len(eight) + 6, "\n".join(again_eight)


def test_a_new_page_is_inserted_in_one_statement_per_table_however_many_articles_it_has(huaibei):
    """Each article states its own figures and names two programmes in one sentence."""
    numerals = "一二三四五六七八"

    def articles(n, prefix, base):
        made = []
        for i in range(n):
            body = "\n".join([SENTENCE_1, SENTENCE_2])
            at = body.index(SENTENCE_2)
            made.append(article(
                position=i, title=f"{prefix}第{numerals[i]}篇党建文章",
                metrics=[MetricFact(label="总投资", raw=f"总投资{base + i}亿元", value=base + i, unit="亿元",
                                    normalized_value=(base + i) * 1e8, normalized_unit="元",
                                    sentence=SENTENCE_1, offset=0)],
                initiatives=[
                    InitiativeFact(name=f"{prefix}{numerals[i]}号党建联盟", category="industry_chain",
                                   sentence=SENTENCE_2, offset=at),
                    InitiativeFact(name=f"{prefix}{numerals[i]}号红色驿站", category="governance",
                                   sentence=SENTENCE_2, offset=at),
                ],
            ))
        return made

    def inserts(result):
        with CaptureQueriesContext(connection) as captured:
            upsert_page(result=result)
        return [q["sql"] for q in captured if q["sql"].startswith(("INSERT", "COPY"))]

    upsert_page(result=page(article(), name="warm-up.txt"))
    two = inserts(page(*articles(2, "甲", 10), name="two.txt"))
    eight = inserts(page(*articles(8, "乙", 20), name="eight.txt"))
    assert len(eight) == len(two), "\n".join(eight)
    for stored in Article.objects.filter(source__name="eight.txt"):
        i = numerals.index(stored.title[2])
        names = sorted(stored.initiative_mentions.values_list("initiative__name", flat=True))
        assert names == [f"乙{numerals[i]}号党建联盟", f"乙{numerals[i]}号红色驿站"]
        assert list(stored.metric_mentions.values_list("metric__value", "metric__article")) == [
            (20 + i, stored.pk)
        ]
        assert list(stored.zones.all()) == [huaibei]


@pytest.mark.django_db

@pytest.mark.skipif(connection.vendor != "postgresql", reason="ids are drawn from sequences for COPY on PostgreSQL")
def test_a_new_page_draws_the_ids_of_its_rows_in_two_queries(huaibei):
    """One for its articles (their facts need their ids), one for every other table's new rows."""
    with CaptureQueriesContext(connection) as captured:
        upsert_page(result=page(article(), article(position=1, title="第二篇")))
    drawn = [q["sql"] for q in captured if "nextval" in q["sql"]]
    assert len(drawn) == 2, "\n".join(drawn)
    stored = Article.objects.get(position=0)
    assert stored.metric_mentions.count() == 2 and stored.initiative_mentions.count() == 1
    assert list(stored.zones.all()) == [huaibei]

def test_rows_inserted_together_get_their_ids_times_and_parents():
    from articles.ingest.upsert.common import insert_rows
    from articles.tests.factories import make_article

    article = make_article(title="联盟成立")
    zone = make_zone("淮北高新区")
    # Text a row format must escape: a tab, a line break, a backslash, quotes.
    awkward = '“红色\t引擎”\n\\N {"号"}'
    initiatives = [
        Initiative(key=f"k{n}", zone=zone, name=f"红色引擎{n}号",
                   aliases=["红芯", awkward], ingested_values={"name": f"红色引擎{n}号"})
        for n in range(3)
    ]
    mentions = [InitiativeMention(initiative=i, article=article, sentence=f"园区推出{awkward}。") for i in initiatives]
    insert_rows(Initiative, initiatives)  # the parents first: the mentions then take their ids
    insert_rows(InitiativeMention, mentions)
    stored = Initiative.objects.filter(pk__in=[i.pk for i in initiatives]).order_by("pk")
    assert [(i.name, i.aliases, i.zone_id) for i in stored] == [
        (f"红色引擎{n}号", ["红芯", awkward], zone.pk) for n in range(3)
    ]
    assert all(i.created_at is not None and i.updated_at == i.created_at for i in stored)
    assert sorted(InitiativeMention.objects.filter(article=article).values_list("initiative_id", "sentence")) == [
        (i.pk, f"园区推出{awkward}。") for i in initiatives
    ]
    # The ids were the table's own: the next row saved the ordinary way takes the one after.
    later = Initiative.objects.create(key="k-later", zone=zone, name="红色引擎后来")
    assert later.pk > max(i.pk for i in initiatives)


def test_rows_sharing_a_value_or_holding_empty_ones_each_keep_their_own():
    """Values the rows share (one list object, empty lists and dicts) are converted once, stored for each."""
    from articles.ingest.upsert.common import insert_rows

    zone = make_zone("淮北高新区")
    shared = ["红芯"]
    insert_rows(Initiative, [
        Initiative(key="e0", zone=zone, name="甲", aliases=[], ingested_values={}),
        Initiative(key="e1", zone=zone, name="乙", aliases=shared, ingested_values={"name": "乙"}),
        Initiative(key="e2", zone=zone, name="丙", aliases=shared, ingested_values={}),
        Initiative(key="e3", zone=zone, name="丁", aliases=["丁芯"], ingested_values={"name": "丁"}),
        Initiative(key="e4", zone=zone, name="戊", aliases=[], ingested_values={}),
    ])
    stored = Initiative.objects.filter(key__startswith="e").order_by("key")
    assert [(i.aliases, i.ingested_values) for i in stored] == [
        ([], {}), (["红芯"], {"name": "乙"}), (["红芯"], {}), (["丁芯"], {"name": "丁"}), ([], {}),
    ]
