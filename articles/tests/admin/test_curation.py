"""Curation services: what a curator does is recorded in the form the ingest respects."""
import pytest

from articles import curation, identity
from articles.models import Article, Initiative, InitiativeMention, Metric, MetricMention, Tombstone
from articles.tests.factories import (
    make_article,
    make_initiative,
    make_metric,
    make_zone,
)
from zones.models import Zone
from zones.reference import load_reference_zones

pytestmark = pytest.mark.django_db

SENTENCE = "淮北高新区成立锂电产业链党建联盟，项目总投资50亿元。"


def test_record_curated_fields_adds_each_field_once_and_ignores_bookkeeping():
    article = make_article(title="原标题")
    assert curation.record_curated_fields(article, ["title", "zones"]) == ["title", "zones"]
    added = curation.record_curated_fields(article, ["title", "updated_at", "no_such_field"])
    assert added == []
    assert article.curated_fields == ["title", "zones"]


def test_mark_verified_and_hide_record_the_flags_and_hide_from_public_querysets():
    article = make_article(body=SENTENCE)
    shown, wrong = make_metric(article), make_metric(article, label="就业", value=500, unit="人")

    changed = curation.mark_verified(items=Metric.objects.filter(pk=shown.pk))
    hidden = curation.set_hidden(items=Metric.objects.filter(pk=wrong.pk), hidden=True)

    assert [m.pk for m in changed] == [shown.pk] and [m.pk for m in hidden] == [wrong.pk]
    shown.refresh_from_db(), wrong.refresh_from_db()
    assert shown.verified and "verified" in shown.curated_fields
    assert wrong.hidden and "hidden" in wrong.curated_fields
    assert list(Metric.objects.visible()) == [shown]
    # Hiding twice changes nothing more.
    assert curation.set_hidden(items=Metric.objects.filter(pk=wrong.pk), hidden=True) == []


def test_tombstoning_an_article_records_its_figures_by_place_and_hands_shared_ones_on():
    article = make_article(body=SENTENCE)
    other = make_article(body=SENTENCE)
    metric = make_metric(article)
    own = make_metric(article, label="就业", value=500, unit="人")
    for place in (article, other):
        MetricMention.objects.create(metric=metric, article=place, raw=metric.raw, sentence=SENTENCE)
    MetricMention.objects.create(metric=own, article=article, raw=own.raw, sentence=SENTENCE)

    curation.tombstone(article)
    article.delete()

    assert set(Tombstone.objects.values_list("model", "key")) == {
        ("article", article.key),
        ("metric", identity.metric_place_key(article.key, 0, metric.raw)),
        ("metric", identity.metric_place_key(article.key, 0, own.raw)),
    }
    # Stated in another article too, the figure survives, first stated there now.
    assert list(Metric.objects.values_list("pk", "article")) == [(metric.pk, other.pk)]


def test_tombstoning_a_zone_records_its_name():
    zone = make_zone("临时高新区")
    curation.tombstone(zone)
    assert Tombstone.objects.filter(model="zone", key="临时高新区").exists()


@pytest.fixture
def two_spellings():
    """The same zone twice: the reference entry and a spelling the ingest created."""
    survivor = make_zone("淮北高新区", full_name="淮北高新技术产业开发区", aliases=["淮北国家高新区"])
    other = make_zone("淮北市高新区", full_name="淮北市高新技术开发区", aliases=["淮北高新"])
    both = make_article(title="两边都提到", body=SENTENCE, zone=other)
    both.zones.add(survivor)
    only_other = make_article(title="又提到别名", body=SENTENCE, zone=survivor)
    only_other.zones.add(other)
    mentioned = make_article(title="只提到别名", body=SENTENCE)
    mentioned.zones.add(other)
    shared = make_initiative("锂电产业链党建联盟", zone=survivor, article=both,
                             key=identity.initiative_key(survivor.pk, "锂电产业链党建联盟"), sentence=SENTENCE)
    twin = make_initiative("锂电产业链党建联盟", zone=other, article=only_other,
                           key=identity.initiative_key(other.pk, "锂电产业链党建联盟"), sentence=SENTENCE)
    own = make_initiative("双创两提升", zone=other, article=both,
                          key=identity.initiative_key(other.pk, "双创两提升"), sentence=SENTENCE)
    metric = make_metric(both, zone=other)
    return {"survivor": survivor, "other": other, "both": both, "only_other": only_other,
            "mentioned": mentioned,
            "shared": shared, "twin": twin, "own": own, "metric": metric}


def test_merge_zones_moves_every_relation_without_duplicates(two_spellings):
    s = two_spellings
    survivor, other = s["survivor"], s["other"]

    result = curation.merge_zones(survivor=survivor, others=[other])

    assert not Zone.objects.filter(pk=other.pk).exists()
    assert Article.objects.get(pk=s["both"].pk).zone == survivor
    for article in (s["both"], s["only_other"], s["mentioned"]):
        assert list(article.zones.values_list("name", flat=True)) == ["淮北高新区"]
    # Same programme in both zones: one initiative, both mentions.
    assert not Initiative.objects.filter(pk=s["twin"].pk).exists()
    assert set(s["shared"].mentions.values_list("article_id", flat=True)) == {
        s["both"].pk, s["only_other"].pk
    }
    # The other zone's own programme moves and is keyed as the ingest will look for it.
    own = Initiative.objects.get(pk=s["own"].pk)
    assert (own.zone, own.key) == (survivor, identity.initiative_key(survivor.pk, "双创两提升"))
    assert Metric.objects.get(pk=s["metric"].pk).zone == survivor
    survivor.refresh_from_db()
    assert survivor.aliases == ["淮北国家高新区", "淮北市高新区", "淮北市高新技术开发区", "淮北高新"]
    assert "aliases" in survivor.curated_fields
    assert result.moved == {"articles": 1, "mentioned_in": 1, "initiatives": 1,
                            "initiatives_folded": 1, "metrics": 1}


def test_merge_zones_is_all_or_nothing(two_spellings, monkeypatch):
    s = two_spellings

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(curation, "_move_initiatives", fail)
    with pytest.raises(RuntimeError):
        curation.merge_zones(survivor=s["survivor"], others=[s["other"]])

    assert Zone.objects.filter(pk=s["other"].pk).exists()
    assert Article.objects.get(pk=s["both"].pk).zone == s["other"]
    assert s["other"].articles.count() == 3
    s["survivor"].refresh_from_db()
    assert "淮北市高新区" not in s["survivor"].aliases


def test_merge_needs_two_distinct_rows():
    zone = make_zone()
    with pytest.raises(ValueError):
        curation.merge_zones(survivor=zone, others=[zone])


def test_merged_reference_zone_is_not_recreated_by_a_reference_reload(reference_zones):
    survivor = Zone.objects.get(name="淮北高新区")
    merged = Zone.objects.get(name="合肥高新区")
    curation.merge_zones(survivor=survivor, others=[merged])
    count = Zone.objects.count()

    load_reference_zones()

    assert Zone.objects.count() == count
    assert not Zone.objects.filter(name="合肥高新区").exists()
    survivor.refresh_from_db()
    assert "合肥高新区" in survivor.aliases


def test_merge_initiatives_moves_mentions_and_keeps_the_merged_one_deleted():
    zone = make_zone()
    first = make_article(title="一", body=SENTENCE, zone=zone)
    second = make_article(title="二", body=SENTENCE, zone=zone)
    survivor = make_initiative("锂电产业链党建联盟", article=first, sentence=SENTENCE)
    other = make_initiative("锂电党建联盟", article=second, sentence=SENTENCE)
    # A duplicate place (same article, same sentence) must not break the unique constraint.
    InitiativeMention.objects.create(initiative=other, article=first, sentence=SENTENCE, offset=0)

    result = curation.merge_initiatives(survivor=survivor, others=[other])

    assert not Initiative.objects.filter(pk=other.pk).exists()
    assert sorted(survivor.articles.values_list("title", flat=True)) == ["一", "二"]
    assert survivor.mentions.count() == 2
    assert result.moved == {"mentions": 1}
    assert Tombstone.objects.filter(model="initiative", key=other.key).exists()


def test_merge_preview_lists_each_name_of_a_zone_once():
    zone = make_zone("淮北高新区", full_name="淮北高新技术产业开发区",
                     aliases=["淮北国家高新区", "淮北高新技术产业开发区"])
    (row,) = curation.zone_merge_preview([zone])
    assert row["names"] == ["淮北高新区", "淮北高新技术产业开发区", "淮北国家高新区"]
