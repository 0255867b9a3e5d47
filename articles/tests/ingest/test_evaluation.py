"""The ingest's scoring against gold files, and the evaluate_ingest command on the corpus."""
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.ingest import evaluation
from articles.ingest.evaluation import Scores, labels_agree, norm, pair_articles, score_page, title_similarity


def article(title, **extra):
    return {"title": title, "kicker": "", "authors": [], "zone": "", "province": "",
            "initiatives": [], "metrics": [], **extra}


def scored(gold_articles, produced_articles, source=None, produced_source=None):
    scores = Scores()
    score_page(
        "p.txt",
        {"source": source or {}, "articles": gold_articles},
        {"source": produced_source or {}, "articles": produced_articles},
        scores,
    )
    return scores


# ------------------------------------------------------------------ text and pairing


def test_norm_ignores_quotes_spaces_punctuation_and_traditional_characters():
    assert norm("“暖新驿站” 开进商圈！") == norm('"暖新驛站"开进商圈')
    assert norm("党建+招商") == "党建+招商"


def test_titles_pair_by_similarity_and_a_title_inside_the_other():
    gold = [article("海口高新区：党建引领打造医药产业高地"), article("“暖新驿站”开进商圈", kicker="桂林高新区")]
    produced = [article("“暖新驿站”开进商圈"), article("党建引领打造医药产业高地")]
    assert pair_articles(gold, produced) == [(0, 1), (1, 0)]
    assert title_similarity(gold[0], produced[1]) >= 0.8


def test_a_lone_unpaired_article_between_paired_ones_pairs_by_position_when_its_zone_agrees():
    gold = [article("甲高新区建起党群服务中心"), article("乙标题完全不同", zone="乙高新区"), article("丙高新区党建联盟成立")]
    produced = [article("甲高新区建起党群服务中心"), article("（上接第一版）", zone="乙高新区"), article("丙高新区党建联盟成立")]
    assert pair_articles(gold, produced) == [(0, 0), (1, 1), (2, 2)]
    scores = scored(gold, produced)
    assert scores.tallies["articles"].right == 3 and scores.spurious == 0
    assert scores.tallies["titles"].right == 2
    assert "MISS title p.txt#2 乙标题完全不同 (got: （上接第一版）)" in scores.findings


def test_untitled_briefs_in_a_row_pair_in_order_by_their_zones():
    gold = [article("甲高新区建起党群服务中心"), article("", zone="乙高新区"), article("", zone="丙高新区")]
    produced = [
        article("甲高新区建起党群服务中心"),
        article("乙高新区的排名前进了8位", zone="乙高新区"),
        article("丙高新区所在的街道", zone="丁高新区"),
    ]
    assert pair_articles(gold, produced) == [(0, 0), (1, 1)]
    produced[2]["zone"] = "丙高新区"
    assert pair_articles(gold, produced) == [(0, 0), (1, 1), (2, 2)]
    # a brief of no zone (a city's, another park's) pairs with the one produced of no zone
    gold[2]["zone"] = produced[2]["zone"] = ""
    assert pair_articles(gold, produced) == [(0, 0), (1, 1), (2, 2)]


def test_an_untitled_gold_article_is_right_only_when_no_title_was_printed():
    gold = [article("", zone="乙高新区")]
    derived = article("乙高新区的排名前进了8位", zone="乙高新区")
    assert scored(gold, [dict(derived, untitled=True)]).tallies["titles"].right == 1
    scores = scored(gold, [derived])
    assert scores.tallies["titles"].right == 0
    assert "MISS title p.txt#1  (got: 乙高新区的排名前进了8位)" in scores.findings


def test_spurious_and_missed_articles_are_listed():
    scores = scored([article("建起党群服务中心")], [article("中国高新技术产业导报"), article("建起党群服务中心")])
    tally = scores.tallies["articles"]
    assert (tally.right, tally.produced, tally.gold, scores.spurious) == (1, 2, 1, 1)
    assert "FALSE article p.txt#p1 中国高新技术产业导报" in scores.findings
    scores = scored([article("建起党群服务中心"), article("另一篇完全无关的稿件")], [article("建起党群服务中心")])
    assert "MISS article p.txt#2 另一篇完全无关的稿件" in scores.findings


# ------------------------------------------------------------------ per kind


def test_kickers_authors_and_zones():
    gold = [article("红色驿站织密服务网", kicker="宝鸡高新区", authors=["王涛", "李敏"], zone="宝鸡高新区", province="陕西省")]
    produced = [article("红色驿站织密服务网", kicker="宝鸡高新区", authors=["王涛", "回眸"], zone="宝鸡高新区", province="")]
    scores = scored(gold, produced)
    t = scores.tallies
    assert (t["kickers"].right, t["kickers"].produced, t["kickers"].gold) == (1, 1, 1)
    assert (t["authors"].right, t["authors"].produced, t["authors"].gold) == (1, 2, 2)
    assert "MISS author p.txt#1 李敏" in scores.findings and "FALSE author p.txt#1 回眸" in scores.findings
    assert t["zone names"].right == 1 and t["zones"].right == 0  # the province is part of the answer


def test_initiatives_match_without_quotes_and_by_containment_either_way():
    gold = [article("标题", initiatives=["“党建+招商”工作模式", "党员先锋岗", "“红色代办”"])]
    produced = [article("标题", initiatives=["党建+招商", "党员先锋岗", "联合党支部"])]
    scores = scored(gold, produced)
    tally = scores.tallies["initiatives"]
    assert (tally.right, tally.produced, tally.gold) == (2, 3, 3)
    assert "MISS initiative p.txt#1 “红色代办”" in scores.findings
    assert "FALSE initiative p.txt#1 联合党支部" in scores.findings
    assert evaluation.initiative_names_match("“订单式”服务", "订单式服务")


def test_metrics_match_on_value_unit_and_agreeing_labels():
    gold = [article("标题", metrics=[
        {"value": 50, "unit": "亿元", "label": "总投资"},
        {"value": 330.4, "unit": "亿元", "label": "2022年工业总产值"},
        {"value": 30.7, "unit": "万人", "label": "常住人口"},
    ])]
    produced = [article("标题", metrics=[
        {"value": 50, "unit": "亿元", "label": "项目总投资"},
        {"value": 330.4, "unit": "亿元", "label": "工业总产值"},
        {"value": 30.7, "unit": "人", "label": "常住人口"},  # the unit as printed is 万人
        {"value": 8, "unit": "个", "label": "党支部"},
    ])]
    scores = scored(gold, produced)
    tally = scores.tallies["metrics"]
    assert (tally.right, tally.produced, tally.gold) == (2, 4, 3)
    assert "MISS metric p.txt#1 30.7万人 常住人口" in scores.findings
    assert "FALSE metric p.txt#1 8个 党支部" in scores.findings


def test_a_change_or_a_range_matches_only_with_both_ends_and_a_kind_only_when_it_is_the_gold_one():
    gold = [article("标题", metrics=[
        {"value_from": 12, "value": 56, "unit": "家", "label": "联盟成员企业", "kind": "change"},
        {"value_from": 78, "value": 91, "unit": "%", "label": "党组织覆盖率", "kind": "change"},
        {"value": 3, "value_max": 5, "unit": "家", "label": "包联企业", "kind": "range"},
        {"value": 15, "unit": "%", "label": "产值增长", "kind": "target"},
    ])]
    produced = [article("标题", metrics=[
        {"value_from": 12, "value": 56, "unit": "家", "label": "成员企业", "kind": "change"},
        {"value": 78, "unit": "%", "label": "党组织覆盖率"},  # a change found as two figures
        {"value": 91, "unit": "%", "label": "党组织覆盖率"},
        {"value": 3, "value_max": 5, "unit": "家", "label": "每人包联企业", "kind": "range"},
        {"value": 15, "unit": "%", "label": "产值增长", "kind": "share"},
    ])]
    scores = scored(gold, produced)
    metrics, kinds = scores.tallies["metrics"], scores.tallies["metric kinds"]
    assert (metrics.right, metrics.produced, metrics.gold) == (3, 5, 4)
    assert (kinds.right, kinds.produced, kinds.gold) == (2, 5, 4)
    assert "MISS metric p.txt#1 78→91% 党组织覆盖率 (change)" in scores.findings
    assert "FALSE metric p.txt#1 78% 党组织覆盖率" in scores.findings
    assert "KIND metric p.txt#1 15% 产值增长 (target) (got: share)" in scores.findings


def test_labels_agree_by_containment_or_a_shared_run():
    assert labels_agree("2022年营业总收入", "营业总收入")
    assert labels_agree("今年新增非公企业党组织", "非公企业党组织")
    assert labels_agree("辖区两新党组织党员", "党员")
    assert not labels_agree("辖区面积", "常住人口")
    assert not labels_agree("辖区面积", "")


def test_city_figures_given_to_the_zone_or_kept_out():
    city = [{"value": 24, "unit": "个", "label": "七星区建成暖新驿站"}, {"value": 3200, "unit": "亿元", "label": "全市地区生产总值"}]
    gold = [article("标题", metrics=[{"value": 9, "unit": "个", "label": "辖区已建成驿站"}], city_figures=city)]
    produced = [article("标题", metrics=[
        {"value": 9, "unit": "个", "label": "驿站"},
        {"value": 24, "unit": "个", "label": "暖新驿站"},
        {"value": 3200, "unit": "亿元", "label": "全市地区生产总值", "scope": "city"},
    ])]
    scores = scored(gold, produced)
    assert scores.city_given == 1
    assert "CITY metric p.txt#1 24个 暖新驿站" in scores.findings
    metrics = scores.tallies["metrics"]
    assert (metrics.right, metrics.produced) == (1, 2)  # the marked city figure is not the zone's
    kept = scores.tallies["city figures kept out"]
    assert (kept.right, kept.produced, kept.gold) == (1, 1, 2)


def test_indicators_are_scored_on_matched_figures_and_coverage_on_every_zone_figure():
    gold = [article("标题", metrics=[
        {"value": 50, "unit": "亿元", "label": "总投资", "indicator": "总投资"},
        {"value": 860, "unit": "名", "label": "链上企业党员", "indicator": "党员人数"},
        {"value": 113, "unit": "秒", "label": "下线用时", "indicator": ""},
        {"value": 7, "unit": "%", "label": "同比增长", "indicator": "地区生产总值增速"},
    ])]
    produced = [article("标题", metrics=[
        {"value": 50, "unit": "亿元", "label": "项目总投资", "indicator": "总投资", "dimension": "money"},
        {"value": 860, "unit": "名", "label": "党员", "indicator": "党员人数", "dimension": "party_members"},
        {"value": 113, "unit": "秒", "label": "下线用时", "indicator": "", "dimension": ""},
        {"value": 7, "unit": "%", "label": "增长", "indicator": "", "dimension": ""},
        {"value": 3, "unit": "个", "label": "党支部", "indicator": "党支部数", "dimension": "party_orgs"},
    ])]
    scores = scored(gold, produced)
    tally = scores.tallies["indicators"]
    assert (tally.right, tally.produced, tally.gold) == (3, 4, 4)  # the false 党支部 is no matched figure
    assert "INDICATOR metric p.txt#1 7% 同比增长 地区生产总值增速 (got: 未归类)" in scores.findings
    coverage = scores.coverage_dict()
    assert coverage == {
        "figures": 5, "mapped": 0.6,
        "by_dimension": {"money": 0.2, "party_members": 0.2, "party_orgs": 0.2},
    }
    assert json.loads(evaluation.report_lines(scores)[-1])["indicator_coverage"] == coverage


def test_source_fields_and_the_json_line():
    scores = scored(
        [article("标题")], [article("标题")],
        source={"paper": "中国高新技术产业导报", "date": "2023-03-13", "page": "A6"},
        produced_source={"paper": "中国高新技术产业导报", "date": "2023-03-13", "page": "", "page_name": "园区"},
    )
    assert scores.tallies["source"].right == 2
    lines = evaluation.report_lines(scores)
    figures = json.loads(lines[-1])
    assert figures["articles"]["f1"] == 1.0 and figures["source"]["gold"] == 3
    assert any(line.startswith("titles ") for line in lines)


def test_precision_and_recall_of_nothing_are_perfect_and_f1_is_their_harmonic_mean():
    tally = evaluation.Tally(right=2, produced=4, gold=2)
    assert (tally.precision, tally.recall) == (0.5, 1.0)
    assert tally.f1 == pytest.approx(2 / 3)
    assert evaluation.Tally().precision == 1.0


# ------------------------------------------------------------------ the command on the corpus

# Floors a little under what the ingest reaches on articles/tests/corpus/: a rule
# that makes the ingest worse on the corpus fails here. The corpus grew from 39 to 70
# pages in December 2026, most of them harder than the first (PDFs, Word files, interviews,
# year reviews); the floors were set again under what the ingest reaches on all of them.
FLOORS = {
    "articles": ("f1", 0.97),
    # 0.96 each before the folios, trails and long titles of 7 December
    "titles": ("f1", 0.97),
    "kickers": ("f1", 0.98),
    # 0.98 before the seventh round: a web copy whose gold names its page by the trail's last section
    # (党建动态) where the ingest reads the site's bar (党建工作); the corpus's gold files read trails both ways
    "source": ("f1", 0.97),
    "authors": ("f1", 0.97),
    "zones": ("f1", 0.97),
    # 0.92 before the December 2026 pages, 0.83 before the twenty-six of its last week: documents in 《》, quoted
    # names with endings of their own (“四感”幸福社区), names the tagger cuts apart, sub-brands listed bare
    # (“大咖说”“高新荟”), economic campaigns told from party programmes (“榕树行动”, “1269”行动计划);
    # 0.80 before the fifteen pages of 6 December, whose items name few programmes and several in lists
    # without quotes (十大党建共建项目：营商环境优化提升、红色资源共建共享…) or quoted with one numeral (“三张清单”);
    # 0.79 before the twelve of 7 December, written as pages never seen: mostly economic reports whose
    # strategies (“三化三制”, 链长制, “4+N”) are no party programmes, and short quoted names (“半晌讲台”);
    # 0.78 before the third round of that day: names quoted without any word saying what they are
    # (“友好医院”, “小哥学堂”, “社企会客厅”) and a documents' long lists; 0.77 before the fifth round
    # (8 pages): economic campaigns quoted like programmes (“园区提质”, “七大攻坚”, “一园一策”) and names
    # with no word saying what they are (“蓉城先锋优营商”, 轮值主席企业制); 0.76 before the sixth round
    # (8 pages): a zone's talent programmes (“金月季”人才工程, 人才乐跑团) and a community's quoted ways of
    # governing (“熟邻共治”, “民意流水线”, “群众吹哨、部门报到”), none with a word of party work
    "initiatives": ("f1", 0.75),
    "metrics": ("f1", 0.95),
    # 0.95 before the fifteen pages of 6 December: an interview answering what this year's targets are
    # states each one as a plain figure (有效发明专利达到280件); 0.94 before the fourth round of 7 December
    # (an interview's targets for the year and a project's output once built, 建成后年产值)
    "metric kinds": ("f1", 0.93),
    # 0.90 before the December 2026 pages: who was trained (对…741人开展培训), 工业 or 产业产值; 0.86 before
    # the twenty-four of 5 December: firms counted in words no synonym holds (聚集各类企业, 苏州中心企业);
    # 0.85 before the last forty: private firms' branches counted by their kind (企业单独成立党支部17个), which
    # a reader files as 非公企业党组织数 and the ingest as 党支部数, and visits counted in people (走访党员群众800人)
    # 0.84 before the third round of 7 December: a data box's and a plan's counts no synonym holds
    "indicators": ("f1", 0.83),
}


def test_the_command_scores_the_corpus_above_its_floors():
    out = StringIO()
    call_command("evaluate_ingest", stdout=out)
    lines = out.getvalue().strip().splitlines()
    figures = json.loads(lines[-1])
    assert figures["pages"] >= 30
    low = {
        kind: figures[kind][measure]
        for kind, (measure, floor) in FLOORS.items()
        if figures[kind][measure] < floor
    }
    assert not low, "\n".join(line for line in lines if not line.startswith("{"))[:4000]
    assert lines[1].startswith("articles")
    assert lines[14].startswith("indicator coverage")
    # Coverage follows the pages' mix (car output, prizes, a data box of lectures and audiences: no indicator),
    # 0.70 before the December 2026 pages, 0.64 before those of 5 December, 0.62 before those of 6 December
    # (a results table, a 数说 box and a district's shares: growth rates and counts no indicator names).
    # 0.61 before the third round of 7 December (a 要点's targets, a bulletin's project figures);
    # 0.60 before a company named after its province was read as the company (湖南省…有限公司): its
    # production lines and staff are the zone's figures now, and no indicator counts them
    assert figures["indicator_coverage"]["mapped"] >= 0.59
    assert all(line.split(" ", 1)[0] in {"MISS", "FALSE", "CITY", "KIND", "INDICATOR"} for line in lines[15:-1])
    # every change and range of the gold found with both ends, and no city's figure given to the zone
    assert [line for line in lines if line.startswith("MISS metric") and line.endswith(("(change)", "(range)"))] == []
    assert figures["city_figures_given_to_zone"] == 0


def test_the_command_refuses_a_folder_without_gold_files(tmp_path):
    (tmp_path / "page.txt").write_text("本报讯 近日，某高新区召开会议。", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("evaluate_ingest", str(tmp_path))
    out = StringIO()
    (tmp_path / "page.gold.json").write_text(json.dumps({"articles": []}), encoding="utf-8")
    call_command("evaluate_ingest", str(tmp_path), "--json", stdout=out)
    assert json.loads(out.getvalue())["pages"] == 1
