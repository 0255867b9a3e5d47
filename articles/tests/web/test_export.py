"""export_kb: the design's JSON shape, hidden items left out, and no query per item."""
import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.export import build_export
from articles.tests.factories import (
    make_article,
    make_initiative,
    make_metric,
    make_zone,
)

pytestmark = pytest.mark.django_db

# The contract of design.md: key -> accepted types (extra keys are allowed).
ZONE_SHAPE = {"slug": str, "name": str, "full_name": str, "aliases": list, "province": str,
              "city": str, "level": str}
ARTICLE_SHAPE = {"id": int, "title": str, "kicker": str, "subtitle": str, "authors": list,
                 "source": str, "zones": list, "kind": str, "body": str, "url": str}
INITIATIVE_SHAPE = {"id": int, "name": str, "zone": (str, type(None)), "category": str,
                    "article_id": (int, type(None)), "sentence": str}
METRIC_SHAPE = {"id": int, "zone": (str, type(None)), "label": str, "value": (int, float),
                "unit": str, "normalized_value": (int, float, type(None)),
                "normalized_unit": str, "qualifier": str, "year": (int, type(None)),
                "sentence": str, "article_id": int, "indicator": (str, type(None)), "kind": str,
                "value_from": (int, float, type(None)), "value_max": (int, float, type(None)),
                "mentions": list}
SHAPES = {"zones": ZONE_SHAPE, "articles": ARTICLE_SHAPE, "initiatives": INITIATIVE_SHAPE,
          "metrics": METRIC_SHAPE}


def assert_shape(data):
    """Every key of design.md present with the right type, in every item."""
    assert set(SHAPES) <= set(data)
    for section, shape in SHAPES.items():
        for item in data[section]:
            for key, types in shape.items():
                assert key in item, f"{section} item lacks {key!r}"
                assert isinstance(item[key], types), f"{section}.{key} = {item[key]!r}"
    for article in data["articles"]:
        assert all(isinstance(name, str) for name in article["authors"] + article["zones"])


def export(*args):
    out = StringIO()
    call_command("export_kb", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def knowledge_base():
    zone = make_zone("淮北高新区", province="安徽省", city="淮北市", aliases=["淮北高新技术产业开发区"])
    article = make_article(
        title="党建引领开新局", zone=zone, authors=["肖干", "周建军"], kicker="",
        subtitle="——淮北高新区党建赋能高质量发展纪实", body="项目总投资50亿元。", year=2023,
    )
    make_initiative("锂电产业链党建联盟", article=article, category="industry_chain",
                    sentence="淮北高新区成立锂电产业链党建联盟。")
    make_metric(article, sentence="项目总投资50亿元。", year=2023)
    return article


def test_export_has_the_design_shape_with_names_for_zones(knowledge_base):
    data = json.loads(export())
    assert_shape(data)
    [article] = data["articles"]
    assert article["zones"] == ["淮北高新区"]
    assert article["authors"] == ["肖干", "周建军"]
    assert article["url"] == f"/articles/{knowledge_base.pk}/"
    [metric] = data["metrics"]
    assert (metric["zone"], metric["value"], metric["unit"], metric["normalized_value"],
            metric["normalized_unit"]) == ("淮北高新区", 50, "亿元", 5e9, "元")
    assert metric["sentence"] in article["body"]
    [initiative] = data["initiatives"]
    assert initiative["zone"] == "淮北高新区" and initiative["mentions"] == [knowledge_base.pk]


def test_export_is_readable_chinese_and_stable(knowledge_base):
    first = export()
    assert "淮北高新区" in first and "\\u" not in first
    assert export() == first


def test_hidden_items_are_left_out_unless_asked_for(knowledge_base):
    zone = knowledge_base.zone
    hidden_article = make_article(title="隐藏的文章", zone=zone, hidden=True)
    make_metric(hidden_article, label="签约项目", value=42, unit="个", normalized_value=42,
                normalized_unit="个")
    make_metric(knowledge_base, label="满意率", value=98, unit="%", normalized_value=0.98,
                normalized_unit="", hidden=True)
    make_initiative("红链帮帮团", article=knowledge_base, hidden=True)

    public = json.loads(export())
    assert [a["title"] for a in public["articles"]] == ["党建引领开新局"]
    assert [m["label"] for m in public["metrics"]] == ["总投资"]
    assert [i["name"] for i in public["initiatives"]] == ["锂电产业链党建联盟"]
    assert "hidden" not in public["articles"][0]

    everything = json.loads(export("--include-hidden"))
    assert len(everything["articles"]) == 2 and len(everything["metrics"]) == 3
    assert {i["name"]: i["hidden"] for i in everything["initiatives"]} == {
        "锂电产业链党建联盟": False, "红链帮帮团": True}


def test_export_queries_do_not_grow_with_the_number_of_items(
        knowledge_base, django_assert_max_num_queries):
    zone = make_zone("烟台高新区", province="山东省", city="烟台市")
    for n in range(8):
        article = make_article(title=f"文章{n}", zone=zone)
        make_metric(article)
        make_initiative(f"举措{n}", article=article)
    with django_assert_max_num_queries(8):
        data = build_export()
    assert len(data["articles"]) == 9
