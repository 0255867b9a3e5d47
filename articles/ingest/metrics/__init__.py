"""Numeric facts of an article body: what is counted, how much, when, and where it is said.

A metric is a number followed by a unit: money (``50亿元``), weight, area,
length, a percentage (``97.7%``), percentage points (``14.6个百分点``, kept
apart from %), a multiple (``2倍``) or a count with a measure word (``42个``,
``两支``, ``3000余人``). A bare number without a unit is never a metric.

Decisions (so a reader knows what the numbers mean):

- ``value``/``unit`` are as printed (``8000`` ``万元``); ``normalized_*`` are in
  base units: 万/亿/百万/千万 multiply (8e7 ``元``), % and 个百分点 stay as they
  are, a count's base unit is its measure word (``万人`` -> ``人``).
- Round numbers: a bare 百/千 after 近/逾/超/上/约 is a number (``近百家`` ->
  100 approximate, ``逾千人`` -> 1000 at least); elsewhere 百名/万人 open names.
- Qualifiers: 余/多/以上/超/超过/突破/逾/不少于/不低于/至少 -> ``at_least``
  (``10余家``, ``500人以上``); 近/约/大约/将近/接近/左右/上下 -> ``approximate``
  (``近20名``; ``近50多场`` is approximate too: "near" wins); 不超过/以内/以下/
  不到/不足/最多 -> ``at_most``; 达/高达 keep ``exact``.
- Chinese numerals are converted with cn2an on the numeric span only
  (``两支队伍`` -> 2 支). A bare 一 (一批, 一次, 一家) is an article, not a
  count; spans that open with 百/千/万 (百名博士, 万人助万企) are names, not
  counts; ``N大`` enumerations (三大主导产业, 十大人才创新项目) carry no
  measure word and are titles, so they are not metrics; Chinese-numeral phases
  (二期) are names.
- Never metrics: years and dates (``2023年``, ``7月25日``), periods (``前5个月``), times, ordinals
  (``第8次``, ``第135届``), ranks and rank changes (``再跃进8位``, ``前10名``),
  ``两位数``, programme names and anything inside a short quotation or a book
  title (“1+X+N”, “六个一”, 《…》), numbers glued to Latin letters or ``+ - /``
  (5G, 3+1, 2/3), thresholds that qualify a noun (``10亿元以上项目``,
  ``25人以上企业``: the count that follows is the fact), phone-like digit runs,
  counts of abstract nouns (``三条路径``, ``3个方面``, ``两个环节``: how a text
  is organised, not what a zone did), figures of speech (做好……``3篇文章``), and
  Chinese-numeral counts of the names listed right before them
  (``工业互联网、车联网两个行业``; an Arabic count of a list, ``…4个先锋小组``,
  is a fact the text chose to state).
- Not the zone's: small numbers (up to 10) a speaker tells inside a quotation
  (“我们公司只有4名党员…”), counts in words in a sentence about one company
  (这家企业的两名技术骨干), durations in words (两天, 三个月), thresholds
  (党员人数不足3名的企业) and milestones (突破3000亿元大关).
- Whose figure (``scope``, metrics/scope.py): a city's or province's figure
  (全市…, 七星区…, 邳州实现…) is marked ``city``/``province``;
  ``extract_figures`` returns every figure with its scope, ``extract_metrics``
  only the zone's.
- What kind of figure (``kind``, metrics/kinds.py); one statement is one fact:

  - ``change``: both ends of one statement, ``value_from`` the first and
    ``value`` the later (``由12家发展至56家`` -> 12 -> 56; 从…增至…, 由…增长到…,
    and a first end of a time before in the clause before, ``组建时只有6名党员，
    如今…已扩大到21名``), in the later end's unit (``由8000万元增至1.2亿元`` ->
    0.8 -> 1.2 亿元), labelled with what changes (named before 由/从), of the
    later end's year and qualifier. Ends in two sentences are two figures, each
    of its own year. A rise stated alone (``新增12家``, ``增至31家``) is an
    ``actual`` count, labelled with its verb; as a percentage (``覆盖率提高了20%``)
    it is a ``share``.
  - ``range``: ``value`` the low end, ``value_max`` the high (``3至5亿元``,
    ``3亿元至5亿元``, ``2-3名``).
  - ``target``: a plan or forecast said before the figure in its sentence
    (力争, 计划 + a verb, 预计, 拟, 下一步, 目标是, 争取到, 将 as "will" — not
    将近, nor 将 as 把: 将2024年确定为, 将党建工作融入…), unless
    已/先后/目前/截至/现有 stands between;
    or a year to reach (``到2025年``, 明年) after the article's year; the year
    is the target year. A target outranks the rest: a planned range or change
    keeps its ends and is a target.
  - ``share``: a rate of another indicator: a percentage after a word of
    growth or of a share (``同比增长15%``, ``占比30%``, ``占海口市的80.98%``,
    ``完成全年任务的64.6%``), percentage points and multiples always; a rate
    that is itself what is measured (``满意率98%``) is ``actual``.
- ``label`` says what is counted: for a count whose measure word is followed
  by a noun (``4个博士后科研工作站``) that noun; otherwise the phrase before the
  number with its time words, zone name and adverbs removed (``满意率达97.7%``
  -> 满意率, ``项目总投资50亿元`` -> 总投资). Coordinated figures share the
  label (``年产10万吨锂电负极和2万吨硅碳负极`` -> both 年产). A generic noun
  (企业, 单位, …) takes the verbs around it (``共推荐26家企业申报认定高企`` ->
  推荐企业申报认定高企, ``收办75家企业反映的诉求`` -> 收办企业). The label is the
  shortest whole phrase: no zone or its 直属 organs (高新区直机关党员干部 ->
  机关党员干部), no cut word (级秦创原…), no word of planning (将, 拟, 预计,
  力争), OCR's 人驻 read as 入驻; a figure whose phrase says nothing of its own
  (``实现地区生产总值115.5亿元，全年预计达到178亿元``) takes the one before.
- ``year``: the last explicit year before the number in its sentence
  (``2023年，…``), or 今年/去年/前年/目前/截至目前/今年以来 resolved from
  ``article_year``; a period without a year (上半年, 1-5月) belongs to the
  article's year, or to the year before when it ends after the page's month
  (1至11月 on a January page; 下半年 excepted: said in the year, it is what is
  still to come). A year after 较/比/同比 is a comparison base, not the
  fact's year. Clauses after a ； keep the time of the clause before them
  (``2023年，营业收入3.5亿元；研发投入强度12.6%`` -> both 2023). ``period``
  keeps the period as written (今年上半年, 1-5月, 1至5月, 前5个月, 前三季度,
  第三季度, 今年以来, 近三年); 近三年 ends in the article's year; a running total
  (累计 in the figure's clause) with no other period has the period 累计 and,
  with no year written, the article's year.
- A figure stated again (same value, ends, unit and year) is one fact, read as
  first stated, its later statements kept in ``restated`` (each becomes a mention
  of the stored figure): in the same paragraph when its label is the same (a lead
  repeating the body), in a later paragraph when one label contains the other.
"""
from articles.ingest.metrics.extract import extract_figures, extract_metrics

__all__ = ["extract_figures", "extract_metrics"]
