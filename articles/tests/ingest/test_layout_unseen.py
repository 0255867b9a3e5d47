"""Layouts the seed pages do not show, on pages written for these tests (tests/pages/layout_*.txt).

Each test states what a reader of the printed page would see: how many articles,
each one's kicker, title, subtitle, authors and kind, captions kept out of the
articles, paragraphs and numbers whole again, simplified text. The last tests
shuffle seed and test lines into pages nobody printed: nothing may raise and
every article must have a title.
"""
from pathlib import Path

import pytest

from articles.ingest.layout import split_page
from articles.ingest.layout.walker import Walker
from articles.ingest.reader import read_page

PAGES = Path(__file__).resolve().parents[1] / "pages"
SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "seeds"


def own(name):
    return split_page(read_page(PAGES / name).text)


def summary(blocks):
    return [(b.kind, b.kicker, b.title, b.subtitle, b.authors) for b in blocks]


def test_a_reporter_line_without_a_marker_is_the_byline():
    blocks = own("layout_qingdao_reporter_line.txt")
    assert summary(blocks) == [
        ("feature", "", "青岛高新区“红帆领航”激活蓝色硅谷新动能", "", ["王海涛"]),
        ("feature", "", "“链上党支部”让企业攻关有了主心骨", "", ["李娜", "赵宇"]),
    ]
    first = blocks[0]
    assert first.column == "高新区党建"
    assert first.headings == ["组织覆盖延伸到产业链", "党员服务下沉到一线"]
    assert len(first.paragraphs) == 5
    assert not any("记者" in p for b in blocks for p in b.paragraphs)


def test_text_and_photo_bylines_and_several_reporters_before_the_correspondent():
    feature, photo_feature, brief = own("layout_ningbo_bylines.txt")
    assert (feature.column, feature.kind, feature.title, feature.authors) == (
        "园区党建", "feature", "宁波高新区：以“甬创红链”点燃创新引擎", ["陈晓", "周婷", "方明"],
    )
    # The caption with its photographer's credit stays a caption, between two paragraphs.
    assert feature.captions == ["企业党员技术骨干在生产线上开展攻关。", "孙立新 摄"]
    assert len(feature.paragraphs) == 3
    assert feature.paragraphs[-1].startswith("宁波高新区还推行“党建+人才”服务模式")
    assert (photo_feature.kind, photo_feature.title, photo_feature.authors) == (
        "feature", "“红色工程师”扎根生产一线", ["孙立新"],
    )
    assert (brief.kind, brief.authors) == ("brief", ["何佳"])
    assert brief.title == "宁波高新区举办非公企业党组织书记培训班"
    assert brief.paragraphs[0].startswith("近日，宁波高新区")


def test_two_features_each_with_kicker_title_subtitle_and_page_furniture_left_out():
    blocks = own("layout_two_features_zhengzhou_changchun.txt")
    assert summary(blocks) == [
        (
            "feature", "聚焦“四链融合” 厚植发展沃土", "郑州高新区党建引领打造创新高地",
            "——郑州高新区推进产业链党建工作综述", ["马瑞", "耿新"],
        ),
        (
            "feature", "打造“幸福高新”党建品牌", "长春高新区让党旗在项目一线高高飘扬",
            "——长春高新区推进项目建设纪实", ["高宇", "刘畅"],
        ),
    ]
    assert [b.column for b in blocks] == ["党建引领", "党建引领"]
    assert blocks[0].headings == ["链上建组织", "链上聚人才"]
    assert blocks[1].headings == ["项目一线当先锋", "服务企业解难题"]
    assert blocks[1].body.endswith("累计帮助企业解决问题460个。")
    assert "编辑" not in blocks[1].body


def test_briefs_under_a_zone_name_with_a_colon_and_authors_in_brackets():
    blocks = own("layout_kunming_briefs_bracket_authors.txt")
    assert [(b.kind, b.kicker, b.authors) for b in blocks] == [
        ("brief", "昆明高新区", ["杨帆"]),
        ("brief", "绵阳高新区", ["李敏", "王涛"]),
        ("brief", "", ["邓雪"]),
        ("brief", "芜湖高新区", ["许晴"]),
    ]
    assert [b.title for b in blocks] == [
        "“红色引擎”助推生物医药产业集聚发展",
        "“科技城党建联盟”凝聚创新合力",
        "襄阳高新区推行“红色代办”服务",
        "非公企业党建指导员实现全覆盖",
    ]
    # The bracketed names are the authors, not text: every body ends with its last sentence.
    for block in blocks:
        assert block.body.endswith("。"), block.body
        assert "（" not in block.body
    assert blocks[0].body.endswith("同比增长9.6%。")


def test_a_page_in_traditional_characters_reads_as_simplified():
    feature, brief, photo = own("layout_changchun_traditional.txt")
    assert (feature.column, feature.kind, feature.kicker, feature.title, feature.authors) == (
        "高新区党建", "feature", "凝聚“红色合力” 激活发展动能", "长春高新区党建引领汽车产业链协同发展", ["郑晓东", "王丽"],
    )
    assert feature.headings == ["链上党组织发挥堡垒作用", "党员先锋岗点亮生产一线"]
    assert "联合党委建立“链长+书记”双牵头机制" in feature.body
    assert (brief.kind, brief.title, brief.authors) == ("brief", "长春高新区“红色驿站”温暖新就业群体", ["刘晓峰"])
    assert "累计服务新就业群体2.6万人次。" in brief.body
    assert (photo.kind, photo.captions) == ("photo", ["图片来源：长春高新区"])
    assert photo.title == "长春高新区举办“党建引领聚人才”专场招聘会"
    assert "長春高新區" in feature.original and "黨建" in feature.original


def test_heavy_ocr_spacing_split_numbers_split_zone_names_banners_and_captions():
    feature, brief = own("layout_xian_ocr_spacing.txt")
    assert (feature.kind, feature.title, feature.authors) == (
        "feature", "西安高新区“党建+硬科技”激活创新动能", ["韩冰"],
    )
    assert feature.headings == ["链上党建聚合力", "服务企业暖人心"]
    assert feature.captions == ["光子产业链党委召开季度联席会议。", "党员技术骨干在实验室开展联合攻关。"]
    body = feature.body
    assert "合同金额达3.5亿元,带动链上企业营收同比增长12.6%。" in body
    assert "在党建引领下,西安高新区已累计培育国家级专精特新“小巨人”企业67家,科技型中小企业1200余家。" in body
    assert "园区党工委推行“党员服务专员”制度" in body
    assert "硬科技高地" not in body and "科技高" not in body
    assert len(feature.paragraphs) == 3
    assert (brief.kind, brief.authors) == ("brief", ["吴倩"])
    assert brief.title == "西安高新区召开非公企业党建工作推进会"


def test_a_gb18030_page_with_full_width_digits():
    page = read_page(PAGES / "layout_luoyang_gb18030.txt")
    assert page.encoding == "gb18030"
    feature, brief = split_page(page.text)
    assert (feature.column, feature.kind, feature.kicker, feature.title, feature.authors) == (
        "党建在高新", "feature", "洛阳高新区", "“党建+双创”点燃创新创业新引擎", ["孟凡", "高静"],
    )
    assert feature.captions == ["图为洛阳高新区“创业导师团”为创业团队开展辅导。", "李明 摄"]
    assert "累计孵化科技型企业680余家，毕业企业210家。" in feature.body
    assert feature.body.endswith("帮助创业团队获得融资2.3亿元。")
    assert (brief.kind, brief.title, brief.authors) == (
        "brief", "株洲高新区“党建+安全”守护企业平安生产", ["戴文", "谭丽"],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, zones",
    [
        ("layout_qingdao_reporter_line.txt", ["青岛高新区", "青岛高新区"]),
        ("layout_ningbo_bylines.txt", ["宁波高新区", "宁波高新区", "宁波高新区"]),
        ("layout_two_features_zhengzhou_changchun.txt", ["郑州高新区", "长春高新区"]),
        ("layout_kunming_briefs_bracket_authors.txt", ["昆明高新区", "绵阳高新区", "襄阳高新区", "芜湖高新区"]),
        ("layout_changchun_traditional.txt", ["长春高新区", "长春高新区", "长春高新区"]),
        ("layout_xian_ocr_spacing.txt", ["西安高新区", "西安高新区"]),
        ("layout_luoyang_gb18030.txt", ["洛阳高新区", "株洲高新区"]),
    ],
)
def test_the_pipeline_links_each_article_of_an_unseen_page_to_its_zone(reference_zones, name, zones):
    from articles.ingest.pipeline import analyse_page, default_steps, load_zone_index

    steps = default_steps()
    result = analyse_page(read_page(PAGES / name), zone_index=load_zone_index(steps), steps=steps)
    assert [a.zones[0].name if a.zones else None for a in result.articles] == zones
    assert all(a.zones[0].province for a in result.articles)


@pytest.mark.django_db
def test_a_reporter_s_notes_naming_no_zone_are_about_the_report_s_zone_and_a_brief_after_them_is_not(
    reference_zones,
):
    from articles.ingest.pipeline import analyse_page, default_steps, load_zone_index
    from articles.ingest.types import PageText

    report = [
        "一条“红色纽带”连起两地园区", "", "■ 本报记者 何 欣", "",
        "    荣昌高新区与内江高新区的党组织结对共建，两地企业共享党建阵地。", "", "",
    ]
    remark = ["记者手记", "", "“毗邻”要靠人来连", "", "    在川渝交界处采访，记者感到，联建的关键在人。（何 欣）", "", ""]
    steps = default_steps()

    def zones(*parts):
        page = PageText(name="page.txt", text="\n".join(sum(parts, [])), encoding="utf-8", content_hash="x")
        result = analyse_page(page, zone_index=load_zone_index(steps), steps=steps)
        return [a.zones[0].name if a.zones else None for a in result.articles]

    brief = ["    本报讯（记者 杨 帆）日前，一座物流园在城郊投用。", "", ""]
    assert zones(report, remark, brief) == ["荣昌高新区", "荣昌高新区", None]
    # a county's brief between the report and its remark: the remark is still the report's
    county = ["璧山县：驿站里有了热饭", "", "    本报讯（记者 杨 帆）县里推出“工会暖新餐”，为骑手提供专属优惠。", "", ""]
    assert zones(report, county, remark) == ["荣昌高新区", None, "荣昌高新区"]


@pytest.fixture
def walk_steps(monkeypatch):
    """How far each step of the walk moved along the page's lines."""
    moves = []
    step = Walker.step

    def counted(self, i):
        after = step(self, i)
        moves.append(after - i)
        return after

    monkeypatch.setattr(Walker, "step", counted)
    return moves


def test_a_sentence_broken_at_every_one_of_thousands_of_lines_is_one_paragraph(walk_steps):
    lines = [f"园区党工委推进第{i}项工作，" for i in range(3000)] + ["服务企业发展。"]
    (block,) = split_page("\n".join(lines))
    assert block.paragraphs == ["".join(lines)]
    assert block.title == "园区党工委推进第0项工作"
    # Bounded work: every step of the walk moves on, and no line is taken twice.
    assert min(walk_steps) >= 1 and sum(walk_steps) == len(lines)


def test_a_feature_with_a_caption_after_every_one_of_a_thousand_broken_lines(walk_steps):
    lines = ["党建引领产业发展", "■ 本报记者 王宏伟"]
    for i in range(1000):
        lines += [f"园区党工委推进第{i}项工作，并且", "", "", "", f"图为党员在第{i}车间开展服务。", ""]
    lines.append("服务企业发展。")
    (block,) = split_page("\n".join(lines))
    assert (block.kind, block.title, block.authors) == ("feature", "党建引领产业发展", ["王宏伟"])
    assert block.paragraphs == ["".join(f"园区党工委推进第{i}项工作，并且" for i in range(1000)) + "服务企业发展。"]
    assert block.captions == [f"图为党员在第{i}车间开展服务。" for i in range(1000)]
    assert min(walk_steps) >= 1 and sum(walk_steps) == len([line for line in lines if line])


def test_thousands_of_headline_lines_make_articles_of_at_most_three_header_lines(walk_steps):
    lines = [f"党建引领高新区发展第{i}篇" for i in range(2000)]
    blocks = split_page("\n".join(lines))
    # Kicker, title and subtitle; the last two lines, set one under the other, are one title.
    assert len(blocks) == 667
    assert [(b.kicker, b.title, b.subtitle) for b in blocks[:1] + blocks[-1:]] == [
        ("党建引领高新区发展第0篇", "党建引领高新区发展第1篇", "党建引领高新区发展第2篇"),
        ("", "党建引领高新区发展第1998篇党建引领高新区发展第1999篇", ""),
    ]
    assert min(walk_steps) >= 1 and sum(walk_steps) == len(lines)
