"""Metrics keyed by the fact they state; the same fact stored twice becomes one metric.

Until now a metric was keyed by its place (article, sentence offset, raw figure),
so a figure a lead repeats from its body, or two articles of a zone report, was
stored twice.  Each metric is re-keyed here with the rules of articles/identity.py
as they stand in this migration (frozen copies, not live code), from the ingest's
own reading (a curator's edit is not part of a key), and metrics that now share
a key are merged:

  - the survivor is a curated row (verified, hidden or with curated fields) if
    the group has one, else the earliest stated; its values and flags are kept,
    and it is verified if any merged row was;
  - every mention moves to the survivor (one per place), and its first
    statement becomes the earliest of them unless a curator set it.

Tombstones keep their keys: a metric deleted before this migration was keyed by
its place and sentence, which cannot be turned into a fact's key once the row
is gone, and the ingest still honours those keys for the statement they name.
"""
import hashlib
import re

from django.db import migrations, models

KEY_MAX = 160
_NAME_NOISE = re.compile(r"[\s“”\"‘’'「」『』]")


def _digest(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _fit(key):
    return key if len(key) <= KEY_MAX else f"{key[:KEY_MAX - 17]}~{_digest(key)}"


def _number(value):
    return format(value, ".12g")


def _metric_key(zone_id, article_key, indicator, label, kind, year, period, unit, value, value_from, value_max):
    scope = f"z{zone_id}" if zone_id else f"a{article_key}"
    measure = f"i:{indicator}" if indicator and year else f"l:{_NAME_NOISE.sub('', label)}"
    numbers = _number(value)
    if value_from is not None:
        numbers = f"{_number(value_from)}>{numbers}"
    if value_max is not None:
        numbers = f"{numbers}~{_number(value_max)}"
    period = _NAME_NOISE.sub("", period or "")
    return _fit(f"{scope}|{measure}|{kind}|{year or ''}|{period}|{unit}|{numbers}")


def _read(metric, name):
    """The ingest's reading of ``name``: a curated field's ingested value where one was kept."""
    ingested = metric.ingested_values or {}
    if name in (metric.curated_fields or []) and name in ingested:
        return ingested[name]
    return getattr(metric, name)


def _key(metric, slugs):
    if "indicator" in (metric.curated_fields or []) and "indicator" in (metric.ingested_values or {}):
        indicator = metric.ingested_values["indicator"] or ""
    else:
        indicator = slugs.get(metric.indicator_id, "")
    label = (_read(metric, "label") or "")[:64]
    if _read(metric, "normalized_value") is None:
        unit = _read(metric, "unit") or ""
        numbers = [_read(metric, name) for name in ("value", "value_from", "value_max")]
    else:
        unit = _read(metric, "normalized_unit") or _read(metric, "unit") or ""
        numbers = [_read(metric, "normalized_value")]
        for normalised, printed in (("normalized_from", "value_from"), ("normalized_max", "value_max")):
            number = _read(metric, normalised)
            numbers.append(_read(metric, printed) if number is None else number)
    # The ingest gives a figure its article's zone (a curator's fix of the article included).
    return _metric_key(
        metric.article.zone_id, metric.article.key, indicator, label, _read(metric, "kind"),
        _read(metric, "year"), _read(metric, "period"), unit[:16], *numbers,
    )


def _curated(metric):
    return bool(metric.verified or metric.hidden or metric.curated_fields)


def rekey_and_merge(apps, schema_editor):
    alias = schema_editor.connection.alias
    Indicator = apps.get_model("articles", "Indicator")
    Metric = apps.get_model("articles", "Metric")
    Mention = apps.get_model("articles", "MetricMention")

    slugs = dict(Indicator.objects.using(alias).values_list("pk", "slug"))
    groups = {}
    metrics = (
        Metric.objects.using(alias)
        .select_related("article")
        .only(
            "pk", "key", "indicator_id", "label", "kind", "value", "value_from", "value_max",
            "unit", "normalized_value", "normalized_from", "normalized_max", "normalized_unit",
            "year", "period", "sentence", "offset", "verified", "hidden", "curated_fields",
            "ingested_values", "article__key", "article__zone_id",
        )
        .order_by("pk")
    )
    for metric in metrics:
        groups.setdefault(_key(metric, slugs), []).append(metric)

    mentions = {}
    for mention in Mention.objects.using(alias).order_by("article_id", "offset", "pk"):
        mentions.setdefault(mention.metric_id, []).append(mention)

    survivors, merged, moved, duplicate_mentions = [], [], [], set()
    for key, group in groups.items():
        survivor = min(group, key=lambda m: (not _curated(m), m.article_id, m.offset, m.pk))
        survivor.key = key
        survivors.append(survivor)
        if len(group) == 1:
            continue
        places = set()
        for metric in sorted(group, key=lambda m: m is not survivor):
            for mention in mentions.get(metric.pk, []):
                place = (mention.article_id, mention.offset, mention.raw)
                if place in places:
                    duplicate_mentions.add(mention.pk)
                    continue
                places.add(place)
                if metric is not survivor:
                    mention.metric_id = survivor.pk
                    moved.append(mention)
            if metric is not survivor:
                merged.append(metric.pk)
                survivor.verified = survivor.verified or metric.verified
        stated = sorted(
            (m for metric in group for m in mentions.get(metric.pk, []) if m.pk not in duplicate_mentions),
            key=lambda m: (m.article_id, m.offset, m.pk),
        )
        curated = set(survivor.curated_fields or [])
        if stated and not curated & {"article", "sentence", "offset"}:
            first = stated[0]
            survivor.article_id, survivor.sentence, survivor.offset = first.article_id, first.sentence, first.offset

    Mention.objects.using(alias).filter(pk__in=duplicate_mentions).delete()
    Mention.objects.using(alias).bulk_update(moved, ["metric"], batch_size=500)
    for start in range(0, len(merged), 500):
        Metric.objects.using(alias).filter(pk__in=merged[start:start + 500]).delete()
    Metric.objects.using(alias).bulk_update(
        survivors, ["key", "verified", "article", "sentence", "offset"], batch_size=500
    )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0015_indicators_types_metric_mentions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="metric",
            name="key",
            field=models.CharField(help_text="高新区+指标+类型+年份+时段+单位+数值（articles.identity）", max_length=160, unique=True, verbose_name="稳定标识"),
        ),
        migrations.RunPython(rekey_and_merge, migrations.RunPython.noop),
    ]
