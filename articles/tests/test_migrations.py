"""Data migrations, run on rows written as the schema before them stood."""
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles import identity

BEFORE = [("articles", "0015_indicators_types_metric_mentions")]
AFTER = [("articles", "0016_metric_keys_by_fact")]

LEAD = "产业链企业由最初的12家发展至如今56家。"
BODY = "新成立党支部38个，产业链企业发展至如今56家。"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


def test_0016_rekeys_metrics_by_fact_and_merges_the_same_fact(old_apps):
    Zone = old_apps.get_model("zones", "Zone")
    Source = old_apps.get_model("articles", "Source")
    Article = old_apps.get_model("articles", "Article")
    Metric = old_apps.get_model("articles", "Metric")
    Mention = old_apps.get_model("articles", "MetricMention")
    Tombstone = old_apps.get_model("articles", "Tombstone")

    zone = Zone.objects.create(name="烟台高新区", slug="yantai", province="山东省")
    first = Article.objects.create(
        key=identity.article_key("a.txt", 0), position=0, title="一", zone=zone,
        source=Source.objects.create(name="a.txt", content_hash="a"), body=f"{LEAD}\n{BODY}",
    )
    second = Article.objects.create(
        key=identity.article_key("b.txt", 0), position=0, title="二", zone=zone,
        source=Source.objects.create(name="b.txt", content_hash="b"), body=LEAD,
    )

    def metric(article, sentence, offset, raw, n, **fields):
        values = {"label": "产业链企业", "value": 56.0, "unit": "家", "normalized_value": 56.0,
                  "normalized_unit": "家", "year": 2024, **fields}
        row = Metric.objects.create(
            key=f"{article.key}|{offset}|{raw}{n}", zone=zone, article=article, raw=raw,
            sentence=sentence, offset=offset, **values,
        )
        Mention.objects.create(metric=row, article=article, raw=raw, sentence=sentence, offset=offset)
        return row

    in_lead = metric(first, LEAD, 0, "产业链企业56家", "")
    in_lead_again = metric(first, LEAD, 0, "产业链企业56家", "#2")  # one place, read twice
    in_body = metric(first, BODY, len(LEAD) + 1, "企业56家", "", verified=True)
    # A curator changed its year: its key is still the ingest's reading.
    in_second = metric(second, LEAD, 0, "产业链企业56家", "", year=2020, curated_fields=["year"],
                       ingested_values={"year": 2024})
    branches = metric(first, BODY, len(LEAD) + 1, "党支部38个", "", label="党支部", value=38.0,
                      unit="个", normalized_value=38.0, normalized_unit="个")
    stone = Tombstone.objects.create(model="metric", key=f"{first.key}|0|产业链企业12家")

    new_apps = migrate(AFTER)
    Metric = new_apps.get_model("articles", "Metric")
    Mention = new_apps.get_model("articles", "MetricMention")
    Tombstone = new_apps.get_model("articles", "Tombstone")

    # The verified row survives the merge; its first statement is the earliest mention.
    assert set(Metric.objects.values_list("pk", flat=True)) == {in_body.pk, branches.pk}
    survivor = Metric.objects.get(pk=in_body.pk)
    assert survivor.verified
    assert (survivor.article_id, survivor.sentence, survivor.offset) == (first.pk, LEAD, 0)
    assert survivor.key == identity.metric_key(
        zone_id=zone.pk, article_key=first.key, indicator="", label="产业链企业", kind="actual",
        year=2024, period="", unit="家", value=56.0,
    )
    assert sorted(Mention.objects.filter(metric=survivor).values_list("article_id", "offset", "raw")) == [
        (first.pk, 0, "产业链企业56家"), (first.pk, len(LEAD) + 1, "企业56家"), (second.pk, 0, "产业链企业56家"),
    ]
    assert Mention.objects.filter(metric=branches.pk).count() == 1
    assert Metric.objects.get(pk=branches.pk).key.startswith(f"z{zone.pk}|l:党支部|actual|2024||个|38")
    assert Tombstone.objects.get(pk=stone.pk).key == stone.key
    assert not {in_lead.pk, in_lead_again.pk, in_second.pk} & set(Metric.objects.values_list("pk", flat=True))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite does not compress its columns")
def test_0035_postgresql_compresses_the_columns_a_search_reads_with_lz4(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        if not cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL is built without lz4")
        cursor.execute(
            "SELECT attname, attcompression FROM pg_attribute WHERE attrelid = 'articles_article'::regclass "
            "AND attname IN ('search_title', 'search_head', 'search_body', 'body')"
        )
        assert dict(cursor.fetchall()) == dict.fromkeys(["search_title", "search_head", "search_body", "body"], "l")
