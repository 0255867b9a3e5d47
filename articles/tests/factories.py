"""Small builders for tests: explicit keyword arguments, sensible defaults."""
import itertools

from articles import identity
from articles.models import Article, Indicator, Initiative, InitiativeMention, Metric, Source
from zones.models import Zone

_seq = itertools.count(1)


def make_zone(name=None, **fields):
    n = next(_seq)
    name = name or f"测试{n}高新区"
    defaults = {"slug": f"zone-{n}", "province": "安徽省", "city": "合肥市", "level": "national"}
    defaults.update(fields)
    return Zone.objects.create(name=name, **defaults)


def make_source(name=None, **fields):
    n = next(_seq)
    return Source.objects.create(name=name or f"page-{n}.txt", content_hash=f"{n:064x}", **fields)


def make_article(title="测试文章", body="测试正文。", zone=None, source=None, **fields):
    source = source or make_source()
    position = fields.pop("position", source.articles.count())
    article = Article.objects.create(
        key=fields.pop("key", identity.article_key(source.name, position)),
        source=source,
        position=position,
        title=title,
        body=body,
        zone=zone,
        **fields,
    )
    if zone is not None:
        article.zones.add(zone)
    return article


def make_initiative(name="党建联盟", article=None, zone=None, sentence="", **fields):
    zone = zone or (article.zone if article else None)
    initiative = Initiative.objects.create(
        key=fields.pop("key", identity.initiative_key(zone.pk if zone else None, f"{name}{next(_seq)}")),
        name=name,
        zone=zone,
        **fields,
    )
    sentence = sentence or name
    if article is not None:
        InitiativeMention.objects.create(
            initiative=initiative, article=article, sentence=sentence,
            offset=max(article.body.find(sentence), 0),
        )
    return initiative


def make_metric(article, label="总投资", value=50, unit="亿元", normalized_value=5e9,
                normalized_unit="元", sentence=None, **fields):
    sentence = sentence or f"{label}{value:g}{unit}。"
    return Metric.objects.create(
        key=fields.pop("key", f"{article.key}|{next(_seq)}"),
        zone=fields.pop("zone", article.zone),
        article=article,
        label=label,
        raw=fields.pop("raw", f"{label}{value:g}{unit}"),
        value=value,
        unit=unit,
        normalized_value=normalized_value,
        normalized_unit=normalized_unit,
        sentence=sentence,
        offset=max(article.body.find(sentence), 0),
        **fields,
    )


def make_indicator(name, slug=None, dimension="money", units=("元",), **fields):
    return Indicator.objects.create(
        name=name, slug=slug or f"indicator-{next(_seq)}", dimension=dimension, units=list(units), **fields
    )


def index_for_search(articles):
    """Segment ``articles`` (instances or ids) for the full-text index, as the ingest does."""
    from articles.search import index_articles

    ids = [a if isinstance(a, int) else a.pk for a in articles]
    return index_articles(Article.objects.filter(pk__in=ids))
