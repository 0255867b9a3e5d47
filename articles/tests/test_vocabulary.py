"""The vocabularies: loading fixtures/, curated fields kept, the run's snapshot, the ingest using it."""
import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.ingest.metrics.indicators import IndicatorRule
from articles.models import Indicator, Initiative, InitiativeType, Metric
from articles.selectors import search_named
from articles.vocabulary import fixture_vocabulary, load_vocabulary, snapshot

pytestmark = pytest.mark.django_db


def write_fixture(folder, name, entries):
    (folder / name).write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def fixtures_dir(settings, tmp_path):
    settings.FIXTURES_DIR = tmp_path
    return tmp_path


INVESTMENT = {
    "slug": "total-investment", "name": "总投资", "dimension": "money", "units": ["元"],
    "synonyms": ["项目总投资"], "patterns": [],
}
MEMBERS = {
    "slug": "party-members", "name": "党员人数", "dimension": "party_members", "units": ["人", "名"],
    "synonyms": ["党员"], "patterns": [],
}


def test_the_command_loads_both_fixtures_and_a_second_run_changes_nothing():
    out = StringIO()
    call_command("load_vocabulary", stdout=out)
    indicators = json.loads(open("fixtures/indicators.json", encoding="utf-8").read())
    types = json.loads(open("fixtures/initiative_types.json", encoding="utf-8").read())
    assert Indicator.objects.count() == len(indicators)
    assert InitiativeType.objects.count() == len(types)
    assert f"指标：新增 {len(indicators)}，更新 0，未变 0" in out.getvalue()

    out = StringIO()
    call_command("load_vocabulary", stdout=out)
    assert f"指标：新增 0，更新 0，未变 {len(indicators)}" in out.getvalue()
    first = Indicator.objects.get(slug=indicators[0]["slug"])
    assert (first.name, first.position) == (indicators[0]["name"], 1)


def test_a_field_a_curator_changed_survives_a_reload_and_the_others_follow_the_fixture(fixtures_dir):
    write_fixture(fixtures_dir, "indicators.json", [INVESTMENT])
    load_vocabulary()
    indicator = Indicator.objects.get(slug="total-investment")
    indicator.synonyms = ["项目总投资", "计划投资总额"]
    indicator.curated_fields = ["synonyms"]
    indicator.save()

    write_fixture(
        fixtures_dir, "indicators.json",
        [MEMBERS, {**INVESTMENT, "name": "项目总投资额", "synonyms": ["总投资额"], "units": ["元", "美元"]}],
    )
    counts = load_vocabulary()["indicators"]

    indicator.refresh_from_db()
    assert indicator.synonyms == ["项目总投资", "计划投资总额"]  # the curator's
    assert (indicator.name, indicator.units, indicator.position) == ("项目总投资额", ["元", "美元"], 2)
    assert (counts.created, counts.updated, counts.unchanged) == (1, 1, 0)


def test_a_reload_that_changes_an_entry_is_seen_by_the_next_search(fixtures_dir):
    write_fixture(fixtures_dir, "indicators.json", [INVESTMENT])
    load_vocabulary()
    assert "indicators" not in search_named("计划投资总额")  # read now, and kept by this process
    write_fixture(fixtures_dir, "indicators.json", [{**INVESTMENT, "synonyms": ["计划投资总额"]}])
    load_vocabulary()
    assert [entry.name for entry in search_named("计划投资总额")["indicators"]] == ["总投资"]


def test_a_missing_types_file_loads_the_indicators_alone(fixtures_dir):
    write_fixture(fixtures_dir, "indicators.json", [INVESTMENT])
    counts = load_vocabulary()
    assert counts["indicators"].created == 1
    assert counts["initiative_types"].created == 0
    assert not InitiativeType.objects.exists()


def test_the_snapshot_is_the_database_as_plain_rules(fixtures_dir):
    write_fixture(fixtures_dir, "indicators.json", [INVESTMENT, MEMBERS])
    write_fixture(fixtures_dir, "initiative_types.json", [
        {"slug": "party-building-investment", "name": "党建+招商", "category": "investment",
         "synonyms": [], "patterns": ["党建\\+招商"]},
    ])
    load_vocabulary()
    assert snapshot() == fixture_vocabulary()
    # A curator's edit is what the next run reads.
    Indicator.objects.filter(slug="party-members").update(synonyms=["党员", "共产党员"], units="名")

    rules = snapshot()
    assert rules.indicators[1] == IndicatorRule(
        "party-members", "党员人数", "party_members", units=(), synonyms=("党员", "共产党员")
    )  # a JSON field holding no list gives no units rather than failing the run
    assert [rule.slug for rule in rules.initiative_types] == ["party-building-investment"]


PAGE = """党建在高新

六安高新区“党建+招商”引来大项目

本报讯 今年以来，六安高新区党工委推行“党建+招商”模式，新签约项目12个，项目总投资35亿元，同比增长18%。园区现有党员860名。 王明
"""


def test_an_ingest_files_figures_under_the_vocabulary_read_once_for_the_run(tmp_path, reference_zones):
    call_command("load_vocabulary", verbosity=0)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    call_command("ingest", str(page), stdout=StringIO(), stderr=StringIO())

    metrics = Metric.objects.select_related("indicator")
    filed = {f"{m.value:g}{m.unit}": (m.indicator.name if m.indicator else "") for m in metrics}
    assert filed == {
        "12个": "签约项目数",
        "35亿元": "总投资",
        "18%": "",  # total investment has no growth indicator
        "860名": "党员人数",
    }
    assert {(i.name, i.type.slug if i.type else "") for i in Initiative.objects.all()} == {
        ("党建+招商模式", "party-building-investment")
    }


def test_a_curators_change_to_the_vocabulary_has_unchanged_pages_read_again(tmp_path, reference_zones):
    call_command("load_vocabulary", verbosity=0)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    call_command("ingest", str(page), stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("ingest", str(page), stdout=out, stderr=StringIO())
    assert "内容未变" in out.getvalue()  # same bytes, same rules: skipped

    members = Indicator.objects.get(name="党员人数")
    members.name = "党员总数"  # a curator's rename changes what the page yields
    members.save()
    out = StringIO()
    call_command("ingest", str(page), stdout=out, stderr=StringIO())
    assert "内容未变" not in out.getvalue()
