"""Named party-building programmes, mechanisms, brands and platforms of an article body.

What counts as an initiative: something a zone (or a party organisation in it)
set up and named, that can be run, joined or used again — a programme or
campaign (…工程, …行动), a mechanism or institution (…机制, …制度, 联席会议制度),
a brand, a platform or place of party building (党群服务中心, 党建指导站, …驿站),
a service team, a standard, a fund, an alliance (产业链党建联盟). Not initiatives:
party organisations themselves (产业链党委, 联合党支部, 商会党委, “两新”组织党工委:
organisations, not programmes), one-off events, targets and ideas (“四高四争先”
a zone focuses on, “问题导向”), attitudes, metaphors (党建的“红色引擎”), titles won,
a company's own products and business models, and nationwide formulas every zone
repeats (“双招双引”, “两学一做”).

Precision over recall: a wrong initiative costs as much as a missed one, so a
name is taken only when the text marks it as a programme.

Quoted names (quoted.py; the quote marks are dropped from the stored name; a
programme word that follows the closing quote directly is kept: “双创两提升”工程 ->
``双创两提升工程``, “订单式”服务 -> ``订单式服务``; a word after a modifier is not:
“一心二站三室”服务平台 -> ``一心二站三室``, “智汇高新”人才行动 -> ``智汇高新``; but an alliance keeps
its industry and word: “红心谷”生物医药产业链党建联盟 -> ``红心谷生物医药产业链党建联盟``) are taken when

- a programme word follows the quote (工程, 行动, 机制, 模式, 品牌, 平台, 联盟,
  服务队, 驿站, 体系, 制度, 活动, 服务, 培训, 课堂, 讲坛, 沙龙, 示范创建, 工作理念,
  工作方法, 墙, 空间, 走廊, 管理, 储备库, 论坛, 综合体, …), possibly after a short modifier
  (“智汇高新”人才行动); a place (阵地, 基地, 示范点, 示范带) only with a party word in its
  name (“聚新汇”党群共享阵地, not “低空飞行测试基地”) and not as a title held (入选首批“…”示范基地) or a
  model place counted (“模范”支部示范点1个);
  a list ending in one (“民呼我为”“接诉即办”机制) takes every name in it, and so does a list of
  brands counted or closed as a set (“大咖说”“高新荟”几个子品牌, 等品牌),
  and so does ``…等特色党建品牌`` (each name stored without the shared word);
  party-building brands counted, then listed (共有非公企业党建品牌17个，鸿叶集团“红色竹迹”、艾可蓝“与艾同行、
  守护蓝天”…) are each a brand, a firm's too;
  a name of under four characters needs the word right after it (“坐庄”机制);
- the name itself ends in such a word (“红链帮帮团”, “10分钟服务圈”, “青春党建”);
- it is a formula (“1+2+N”, “3+1”, “党建+项目”, “链长+专班”), a periodic
  routine (“每月一题”) or a numbered slogan with at least two numerals
  (“一心二站三室”, “六找六强”, “双报到、双报告”);
- party building leads it (党建引领“三链融合”);
- the work is carried by it (以“三个强化”为抓手) and it is numbered or says party work;
- a title opens on it (“光谷红厅”：露天平台变身党员之家) and it says party work: the mention is its first
  sentence in the body (quoted.py ``title_programme``); not an organisation (“青创党委”：…);
- a recurring activity is named by its kind after it (“向新而进”主题沙龙, “我为群众办实事”实践活动;
  not a one-off event's, “…”集中采访活动);
- a verb of running a programme comes right before it (推行, 实施, 开展, 打造,
  派出, 提升, 坚持, 创建, 把…) and it is a party-building name (推行“红色物业”, 推出“工会暖新餐”,
  确定“书记项目”), a numbered one (提升“两个覆盖”质效) or a routine in three
  parallel parts (坚持“周调度、旬会商、月督查”).

A short name (under four characters) followed by a modifier and a programme
word is stored with them when it is about the party or numbered: “六有”镇街党校
建设标准 -> ``六有镇街党校建设标准``, “两新”组织党建基金 (but “一站式”操作指引体系
is an ordinary word).

Not initiatives: ordinary quoted words (“高新动能”, “链主”, “卡脖子”, “近者悦”),
titles (“小巨人”), political formulas (“两个确立”: one numeral), short set phrases
(“一对一”, “六个一”: three characters), ideas and attitudes (“问题导向”), what
a zone focuses on (聚焦“四高四争先”), nationwide formulas, quoted speech (long or with a comma),
quoted names inside book titles 《…》 (the book title itself is an initiative when it is a
party-building document: a party word and a document's ending, 《…党建工作指引》, 《…评星定级方案》,
《中共…联合委员会“1+6”运行机制》, but not the party committee's policy on something else, 《中共…关于…的
实施意见》; quoted.py ``party_documents``), quoted targets, ideas, effects and fields
(“…”目标/理念/效应/机遇/领域/布局), quotes that only illustrate a list of
criteria (“红色体系”“红色队伍”…五个维度), company products (“…平台” right after
公司的 / 开发的; later mentions of the same name too) and a company's own
slogans (a sentence about a 公司 or a short name given as （以下简称“沃太能源”），
unless the name is about the party: “红聚沃太能动未来”党建品牌 is kept).

Unquoted names (unquoted.py) end in a programme or institution word (…制度,
…责任制, …机制, …行动, …工程, …治理, …示范圈, …样板区, …共同体, …讲习所,
…议事厅, …调解室, …生活馆, …讲坛, …党建联盟) or a place or platform word
(…党群服务中心, …服务站, …驿站, …指导站, …智慧平台, …孵化中心, …活动场所,
…示范点, …基地, …阵地, …责任区, …展馆, …教育馆, …活动中心) and take the words before it back to a verb of
founding, a function word, the zone's name or the name found before it: 高新区推行党建指导员包联企业机制 ->
``党建指导员包联企业机制``, 株洲高新区轨道交通装备产业链党建联盟 ->
``轨道交通装备产业链党建联盟``. A place or platform needs a party-building word
in its name (党, 红, 先锋, 近邻, 两新…: 金村红堡基地, not 创业孵化基地); a
programme word needs a qualifier that is not generic (not 长效机制, 工作制度) and
says it is about the party or a duty (党, 书记, 专员, 指导员, 联系人, 联建…: not 招商机制,
道路工程); a model place named by a rating is a title (获评…党建示范点, 示范点17个).
Unquoted …模式 and …品牌 are not read: 擦亮产业链党建品牌 is a phrase, not a name.
Also unquoted: a 联席会议制度 named by its 党建 part (党建联盟联席会议制度) and a
reform that party building leads (党建引领心连心接诉即办改革).

Every mention is a fact with its sentence and offset; within one body a short
name that another name extends (产业链党建联盟 / 锂电产业链党建联盟,
党建+招商 / 党建+招商模式, 党群服务中心 / 清华科技园党群服务中心) takes the longer
name, so the upsert can merge them.

The category comes from the name, else from the clause that names it, else from
the kind of place or team the name is, else from the topic word nearest the name
in its sentence (categories.py); ``other`` when nothing around it says. The
programme type (types.py) is given later, by the pipeline, from the run's
vocabulary of initiative types.
"""
import re

from articles.ingest.initiatives.categories import categorize
from articles.ingest.initiatives.quoted import (
    AFTER_ALT,
    COMPANY_SHORT_NAME,
    party_documents,
    quoted_names,
    title_programme,
)
from articles.ingest.initiatives.unquoted import ENDING, unquoted_names
from articles.ingest.types import InitiativeFact
from core.text import split_sentences

__all__ = ["categorize", "extract_initiatives"]

CJK = r"\u4e00-\u9fff"


def extract_initiatives(body, sentences=None, title=""):
    """Every mention of a named initiative in ``body``, in order.

    ``sentences``: ``split_sentences(body)`` when the caller has it already. ``title``: a
    title that opens on a programme's quoted name (“光谷红厅”：露天平台变身党员之家) names it; the
    mention is its first sentence in the body that names it too (a fact keeps its sentence).
    """
    found = []  # (name, sentence, offset)
    products = set()
    companies = set(COMPANY_SHORT_NAME.findall(body))
    forms = {}  # quoted text -> the name its first mention gave
    titled = title_programme(title)
    for offset, sentence in sentences if sentences is not None else split_sentences(body):
        for name, quoted in quoted_names(sentence, products, companies):
            found.append((name, sentence, offset))
            forms.setdefault(quoted, []).append(name)
        found.extend((name, sentence, offset) for name in unquoted_names(sentence))
        found.extend((name, sentence, offset) for name in party_documents(sentence))
        if titled and titled in sentence:
            if not any(titled in name for name, _s, _o in found):
                found.append((titled, sentence, offset))
            titled = None
    found = [(name, s, o) for name, s, o in found if name not in products]
    canonical = _longer_names({name for name, _, _ in found})
    canonical.update(_one_form_per_quote(forms))
    facts = []
    for name, sentence, offset in found:
        name = canonical.get(name, name)
        facts.append(
            InitiativeFact(name=name, category=categorize(name, sentence), sentence=sentence, offset=offset)
        )
    return facts


def _one_form_per_quote(forms):
    """One quoted name given two programme words (“老杨群工”品牌, “老杨群工”服务站) is one initiative:
    every form takes the first one's name."""
    canonical = {}
    for names in forms.values():
        distinct = list(dict.fromkeys(names))
        if len(distinct) > 1 and not any(a != b and b.startswith(a) for a in distinct for b in distinct):
            canonical.update({name: distinct[0] for name in distinct[1:]})
        elif len(distinct) > 1:
            first = distinct[0]
            for name in distinct[1:]:
                if not name.startswith(first) and not first.startswith(name):
                    canonical[name] = first
    return canonical


def _longer_names(names):
    """name -> the longer name of the same thing in this body, when there is one."""
    canonical = {}
    for short in names:
        for long in sorted(names, key=len, reverse=True):
            if long == short or len(long) <= len(short):
                continue
            if long.startswith(short) and re.fullmatch(rf"[{CJK}]{{0,6}}?(?:{AFTER_ALT})", long[len(short) :]):
                canonical[short] = long
                break
            if long.endswith(short) and ENDING.search(short):
                canonical[short] = long  # 党群服务中心 is the 清华科技园党群服务中心 named before
                break
    return canonical
