"""Relevance: for each query, the article a reader expects must come first.

The corpus is written for these tests: articles from different zones that
share the party-building vocabulary (产业链、党建联盟、人才), a zone named in
passing in another zone's article, a brief and a photo item, a person's name
and company names that no dictionary knows.  Runs on SQLite and PostgreSQL.
"""
import pytest
from django.db import transaction

from articles.models import Article
from articles.selectors import search_articles
from articles.tests.factories import (
    index_for_search,
    make_article,
    make_source,
    make_zone,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]


ZONES = {
    "huaibei": ("淮北高新区", "安徽省", ["淮北国家高新区"]),
    "hefei": ("合肥高新区", "安徽省", ["合肥国家高新区"]),
    "yantai": ("烟台高新区", "山东省", ["烟台国家高新区"]),
    "hangzhou": ("杭州高新区", "浙江省", ["杭州高新区（滨江）", "滨江高新区"]),
    "wuhan": ("武汉东湖高新区", "湖北省", ["东湖高新区", "中国光谷"]),
    "xian": ("西安高新区", "陕西省", []),
    "chengdu": ("成都高新区", "四川省", []),
    "shenzhen": ("深圳高新区", "广东省", []),
    "zhongguancun": ("中关村", "北京市", ["中关村科技园区"]),
    "suzhou": ("苏州高新区", "江苏省", []),
}

# key: (zone, kind, kicker, title, subtitle, body)
CORPUS = {
    "huaibei_lithium": (
        "huaibei", "feature", "", "淮北高新区成立锂电产业链党建联盟", "——以组织链串起产业链",
        "今年4月，淮北高新区党工委以组织链串起产业链，搭建“1+X+N”的开放式组织体系，"
        "由国轩锂电、理士新能源等14家锂电产业链上企业联合成立锂电产业链党建联盟。\n"
        "联盟建立联席会议制度，“链主”企业牵头链上企业，每季度召开一次联席会议，"
        "探索推行轮流“坐庄”机制，破解上下游企业“联动难、配套难”等问题。",
    ),
    "huaibei_service": (
        "huaibei", "feature", "淮北高新区持续优化营商环境", "“一心二站三室”助企发展", "",
        "淮北高新区坚持创新引领，以党群服务中心形成发展同心圆，构建院士工作站、"
        "博士后科研工作站，人才成长培训室、技术创新实验室、工匠大师工作室等"
        "“一心二站三室”服务平台。目前园区共有4个博士后科研工作站、2家院士工作站。\n"
        "今年以来，累计收办75家企业反映的诉求和建议107项，企业满意度100%。",
    ),
    "huaibei_action": (
        "huaibei", "feature", "", "淮北高新区部署“找差距、改作风、强担当、争先进”专项行动", "",
        "7月25日，淮北高新区召开“找差距、改作风、强担当、争先进”专项行动动员部署会。"
        "会议要求全体党员干部实行赛马机制，完善党员干部包保企业制度，"
        "充分认识开展“六找六强”工作的重要性和紧迫感。记者肖干在动员会现场看到，"
        "各部门负责人逐一作了表态发言。",
    ),
    "hefei_visit": (
        "hefei", "brief", "", "合肥高新区党工委赴淮北高新区考察交流", "",
        "近日，合肥高新区党工委一行赴淮北高新区考察交流，实地参观了企业党群服务站，"
        "双方就园区党建工作深入座谈，表示将加强交流合作。",
    ),
    "hefei_zjtx": (
        "hefei", "feature", "", "合肥高新区培育专精特新“小巨人”企业", "",
        "合肥高新区聚焦量子信息、人工智能等产业，建立科技型中小企业培育库，"
        "推动企业走专精特新发展道路。园区设立党员先锋岗，组织党员技术骨干攻关关键技术，"
        "今年新增国家级专精特新“小巨人”企业12家。",
    ),
    "yantai_chain": (
        "yantai", "feature", "", "烟台高新区以产业链党建赋能生物医药产业", "",
        "烟台高新区推行链长制，围绕生物医药产业链组建党建联盟，把党支部建在产业链上。"
        "在学习借鉴淮北高新区锂电产业链党建联盟经验的基础上，园区成立生物医药产业链党委，"
        "推动链上企业共享研发平台。",
    ),
    "yantai_photo": (
        "yantai", "photo", "", "生物医药企业党员示范岗", "",
        "烟台高新区一家生物医药企业的党员示范岗上，党员技术人员正在调试设备。",
    ),
    "hangzhou_twonew": (
        "hangzhou", "feature", "", "滨江打造两新组织党建“红色引擎”", "",
        "杭州高新区（滨江）互联网企业集聚，两新组织数量多、党员流动性大。"
        "区里推行楼宇党建，在商务楼宇设立党群服务站，把两新组织党建工作融入数字经济发展，"
        "让党建成为企业发展的红色引擎。",
    ),
    "wuhan_talent": (
        "wuhan", "feature", "", "光谷“人才服务驿站”让人才安心留下", "",
        "东湖高新区在光谷设立人才服务驿站，为光电子信息企业引进的博士提供人才公寓、"
        "子女入学等服务。驿站由党员志愿者值守，一年来服务各类人才三千余人次。",
    ),
    "xian_grid": (
        "xian", "feature", "", "西安高新区网格化治理打通服务群众“最后一公里”", "",
        "西安高新区推行网格化治理，社区党委统筹网格员、物业和志愿者，"
        "打造红色物业，把基层治理的触角延伸到每一栋楼。",
    ),
    "chengdu_investment": (
        "chengdu", "feature", "", "党建+招商：成都高新区招引重大项目", "",
        "成都高新区把支部建在招商一线，推行“党建+招商”工作法，开展双招双引，"
        "上半年签约集成电路、生物医药等重大项目18个，总投资超过300亿元。",
    ),
    "shenzhen_history": (
        "shenzhen", "brief", "", "深圳高新区召开党史学习教育动员会", "",
        "深圳高新区召开党史学习教育动员会，要求各级党组织把学习成果转化为推动发展的动力。",
    ),
    "zhongguancun_ecology": (
        "zhongguancun", "feature", "", "中关村科技园区党建引领创新生态", "",
        "中关村发挥孵化器、众创空间集聚的优势，以党建引领创新生态建设，"
        "推动硬科技企业发展新质生产力。",
    ),
    "suzhou_chain_owner": (
        "suzhou", "feature", "", "苏州高新区“链主”企业牵头组建产业创新联合体", "",
        "苏州高新区支持链主企业牵头，联合上下游企业组建光伏产业创新联合体，"
        "并成立光伏产业党建联盟，推动创新链与产业链深度融合。",
    ),
}

# (query, acceptable first results) -- a set where two articles are equally right.
CASES = [
    ("锂电", {"huaibei_lithium"}),
    ("国轩锂电", {"huaibei_lithium"}),
    ("國軒鋰電", {"huaibei_lithium"}),
    ("淮北高新区", {"huaibei_lithium", "huaibei_action"}),
    ("淮北高新区 锂电", {"huaibei_lithium"}),
    ("锂电 产业链党建", {"huaibei_lithium"}),
    ("烟台高新区", {"yantai_chain"}),
    ("生物医药 链长制", {"yantai_chain"}),
    ("两新组织", {"hangzhou_twonew"}),
    ("兩新組織", {"hangzhou_twonew"}),
    ("滨江", {"hangzhou_twonew"}),
    ("杭州高新区", {"hangzhou_twonew"}),
    ("红色引擎", {"hangzhou_twonew"}),
    ("专精特新", {"hefei_zjtx"}),
    ("專精特新", {"hefei_zjtx"}),
    ("小巨人", {"hefei_zjtx"}),
    ("量子信息", {"hefei_zjtx"}),
    ("人才服务驿站", {"wuhan_talent"}),
    ("光谷", {"wuhan_talent"}),
    ("网格员", {"xian_grid"}),
    ("红色物业", {"xian_grid"}),
    ("最后一公里", {"xian_grid"}),
    ("党建+招商", {"chengdu_investment"}),
    ("招商 成都", {"chengdu_investment"}),
    ("集成电路", {"chengdu_investment"}),
    ("党史学习教育", {"shenzhen_history"}),
    ("一心二站三室", {"huaibei_service"}),
    ("党群服务中心", {"huaibei_service"}),
    ("博士后科研工作站", {"huaibei_service"}),
    ("找差距 改作风", {"huaibei_action"}),
    ('"找差距、改作风"', {"huaibei_action"}),
    ("六找六强", {"huaibei_action"}),
    ("赛马机制", {"huaibei_action"}),
    ("肖干", {"huaibei_action"}),
    ('"党建引领创新生态"', {"zhongguancun_ecology"}),
    ("孵化器", {"zhongguancun_ecology"}),
    ("中关村", {"zhongguancun_ecology"}),
    ("链主", {"suzhou_chain_owner"}),
    ("党建联盟 -锂电", {"suzhou_chain_owner"}),
    ("光伏", {"suzhou_chain_owner"}),
    ("考察交流", {"hefei_visit"}),
    ("ＧＤＰ 党员示范岗", {"yantai_photo"}),
]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The corpus stored and indexed once for the module, in a transaction rolled back at its end; {pk: key}."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_corpus()
        transaction.set_rollback(True)


def make_corpus():
    zones = {
        key: make_zone(name, slug=key, province=province, aliases=aliases)
        for key, (name, province, aliases) in ZONES.items()
    }
    source = make_source("relevance-corpus.txt")
    articles = {}
    for position, (key, (zone, kind, kicker, title, subtitle, body)) in enumerate(CORPUS.items()):
        articles[key] = make_article(
            title=title, body=body, kicker=kicker, subtitle=subtitle, kind=kind,
            zone=zones[zone], source=source, position=position, year=2022,
        )
    index_for_search(articles.values())
    return {article.pk: key for key, article in articles.items()}


def first_results(query, n=3):
    result = search_articles(Article.objects.visible(), query)
    return result, list(result.queryset.values_list("pk", flat=True)[:n])


def test_relevance_set_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("query,expected", CASES, ids=[q for q, _ in CASES])
def test_expected_article_comes_first(corpus, query, expected):
    result, ranked = first_results(query)
    assert ranked, f"{query!r} found nothing ({result.notice})"
    assert corpus[ranked[0]] in expected, [corpus[pk] for pk in ranked]


def test_zone_query_puts_articles_about_the_zone_above_passing_mentions(corpus):
    result = search_articles(Article.objects.visible(), "淮北高新区")
    keys = [corpus[pk] for pk in result.queryset.values_list("pk", flat=True)]
    about = [k for k in keys if k.startswith("huaibei")]
    assert keys[: len(about)] == about
    assert {"hefei_visit", "yantai_chain"} <= set(keys[len(about):])
    assert result.zone is not None and result.zone.name == "淮北高新区"


def test_title_match_ranks_above_body_match(corpus):
    _, ranked = first_results("党员示范岗", n=5)
    assert corpus[ranked[0]] == "yantai_photo"


def test_excluded_word_removes_articles(corpus):
    _, ranked = first_results("党建联盟 -锂电", n=10)
    keys = {corpus[pk] for pk in ranked}
    assert "huaibei_lithium" not in keys and "yantai_chain" not in keys


def test_phrase_needs_the_words_together(corpus):
    # Both words occur in the Hangzhou article, but not as this phrase.
    _, together = first_results('"红色物业"', n=10)
    assert [corpus[pk] for pk in together] == ["xian_grid"]
    _, apart = first_results('"引擎红色"', n=10)
    assert apart == []


def test_no_article_with_all_words_falls_back_to_any_word(corpus):
    result, ranked = first_results("量子信息 火星基地")
    assert result.used_or_fallback
    assert result.notice
    assert corpus[ranked[0]] == "hefei_zjtx"


def test_nothing_found_says_nothing_and_raises_nothing(corpus):
    result, ranked = first_results("火星基地")
    assert ranked == []
    assert not result.used_or_fallback


def test_one_word_with_no_match_does_not_fall_back_to_its_pieces(corpus):
    # 产业链 alone occurs in the corpus; the typed word 火星产业链 does not.
    assert search_articles(Article.objects.all(), "产业链").queryset.exists()
    result, ranked = first_results("火星产业链")
    assert ranked == [] and not result.used_or_fallback


def test_the_fallback_keeps_each_typed_word_whole(corpus):
    # Neither typed word occurs whole, though 产业链 (a piece of the second) does.
    result, ranked = first_results("量子引力 火星产业链")
    assert ranked == [] and not result.used_or_fallback
