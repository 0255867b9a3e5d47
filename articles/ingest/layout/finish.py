"""Finishing an article: its headline lines, kind and text cleaned into an ArticleBlock.

Two headline lines are a kicker and a title, one title the column broke
inside a word, or a title and its figures as a subtitle; three add a subtitle.
The kind follows from the header: a 本报讯 start or a plain title is a brief,
a byline under the title, a subtitle or section headings make a feature,
captions without a title a photo item. An article printed without a title
gets one from its first clause. Paragraphs, captions and headings are cleaned
each by its own rule (cleaner.py).
"""
import re

from articles.ingest import cleaner
from articles.ingest.layout import furniture
from articles.ingest.layout.bylines import parse_byline
from articles.ingest.layout.lines import (
    CHANGE_FIRST, COLUMN_MAX, DATUM_FIRST, KICKER_END, TIME_LEAD, TITLE_MAX, WORD_CHAR, line_shape, names_a_place,
)
from articles.ingest.types import ArticleBlock
from articles.ingest.words import dictionary_words


def finish(draft, position):
    """The ArticleBlock for a walked Draft, at ``position`` on the page."""
    kicker, title, subtitle = _headline_parts(draft.headlines)
    subtitle = draft.subtitle or subtitle
    # The kicker is stored without the dash or colon that leads into the title.
    kicker = KICKER_END.sub("", kicker).strip()
    title = KICKER_END.sub("", title).strip()

    cleaned = _without_repeats([clean_paragraph(p) for p in draft.paragraphs])
    paragraphs = [p for p in cleaned if p]
    # A heading stands before the first paragraph that followed it on the page.
    heading_positions = [sum(1 for p in cleaned[:at] if p) for at in draft.heading_at]
    headings, heading_positions = _headings_once(draft.headings, heading_positions)
    captions = [clean_caption(c) for c in draft.captions]
    authors = list(draft.authors)
    if title and not paragraphs and draft.captions:
        # A titled photo item (光氢储充电站在共青城投用 / 近日，…投用。（记者 潘 越 摄）): its caption
        # is its text, its photographer its author.
        credits = [c for c in draft.captions if line_shape(c) == "credit"]
        texts = [c for c in draft.captions if c not in credits]
        if credits and texts:
            paragraphs = [p for p in (clean_paragraph(t) for t in texts) if p]
            captions = [clean_caption(c) for c in credits]
            for credit in credits:
                names = parse_byline(credit)  # （记者 潘 越 摄）: 潘越; （东台高新区供图）: nobody
                authors.extend(name for name in names if name not in authors)
    if draft.brief:
        kind = "brief"
    elif not title:
        kind = "photo" if captions else "brief"
    elif draft.header_byline or subtitle or draft.headings:
        kind = "feature"
    else:
        kind = "brief"
    if title:
        title = clean_heading(title)
    printed = bool(title)
    if not title:
        derived = (derive_title(text) for text in paragraphs + captions + draft.headings)
        title = next((t for t in derived if t), "") or cleaner.visible(kicker or subtitle).strip("—-") or "（无标题）"

    original = "\n".join(line.raw for line in sorted(draft.lines, key=lambda line: line.index))
    return ArticleBlock(
        position=position,
        title=title,
        title_printed=printed,
        kicker=clean_heading(kicker) if kicker else "",
        subtitle=clean_heading(subtitle) if subtitle else "",
        byline=draft.byline,
        authors=[cleaner.to_simplified(a) for a in authors],
        kind=kind,
        column=cleaner.to_simplified(draft.column),
        headings=[clean_heading(h) for h in headings],
        heading_positions=heading_positions,
        paragraphs=paragraphs,
        captions=captions,
        original=original,
    )


REPEAT_MIN = 20  # a paragraph this long printed twice is a copy's repeat, not the writer's


def _without_repeats(paragraphs):
    """A web copy that repeats a section: the second copy of a long paragraph goes (left empty)."""
    seen = set()
    out = []
    for paragraph in paragraphs:
        key = cleaner.visible(paragraph)
        if len(key) >= REPEAT_MIN and key in seen:
            out.append("")
            continue
        seen.add(key)
        out.append(paragraph)
    return out


def _headings_once(headings, positions):
    kept, at = [], []
    for heading, position in zip(headings, positions):
        if heading in kept:
            continue
        kept.append(heading)
        at.append(position)
    return kept, at


# 民企七千余户 从业人员四万多: two parallel phrases set apart on one line, a kicker's form.
TWO_PHRASES = re.compile(r"[\u4e00-\u9fff“”]{3,12}[ \u3000]+[\u4e00-\u9fff“”]{3,12}")
KICKER_NAME_MAX = 10  # a place's or a zone's name over a title: 阜新高新区, 江苏无锡
# 高企总数达979家  占全市44%: two phrases set apart, figures in them, under the title: its subtitle.
FIGURES_DECK = re.compile(r"(?=.*\d)[\u4e00-\u9fff“”\d.%％]{3,14}[ \u3000]+[\u4e00-\u9fff“”\d.%％]{3,14}")


def _headline_parts(headlines):
    """(kicker, title, subtitle) from an article's headline lines.

    Two lines set one under the other with no blank line between them are one
    headline broken by the column (``“智创先锋”领跑`` / ``东台高新区锻造新质生产力``),
    unless a line ends as a kicker does (``璧山高新区：``, ``…产业链上——``) or is two phrases
    set apart as a kicker is (``民企七千余户 从业人员四万多``). A
    blank line parts them: the first part is the kicker, then the title, then
    a subtitle. Two parts split inside a dictionary word are one title; a title
    over two phrases of figures (高企总数达979家  占全市44%) has them as its subtitle.
    """
    runs = []
    previous = None
    for line in headlines:
        # A kicker by its shape (【佛山】, 短评) stands alone like one ending in ：.
        if (
            runs and line.gap == 0 and not KICKER_END.search(runs[-1][-1]) and previous.shape != "kicker"
            and not TWO_PHRASES.fullmatch(runs[-1][-1].strip())
        ):
            runs[-1].append(line.text)
        else:
            runs.append([line.text])
        previous = line
    if any(len(run) > 2 for run in runs):
        runs = [[line.text] for line in headlines]  # three lines or more: kicker, title, subtitle
    parts = [_join_run(run) for run in runs]
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return "", parts[0], ""
    if len(parts) == 2 and _broken_mid_word(parts[0], parts[1]):
        return "", parts[0].rstrip() + parts[1].lstrip(), ""
    if (
        len(parts) == 2 and FIGURES_DECK.fullmatch(parts[1].strip())
        and len(cleaner.visible(parts[0])) > KICKER_NAME_MAX and not FIGURES_DECK.fullmatch(parts[0].strip())
    ):
        # 高新区交出2019年“创新答卷” / 高企总数达979家  占全市44%: the title, then its figures as a subtitle
        # (a zone's name over them, 阜新高新区, is the kicker of a title of figures)
        return "", parts[0], parts[1]
    if len(parts) == 3 and KICKER_END.search(parts[1]) and len(cleaner.visible(parts[0])) <= COLUMN_MAX:
        if names_a_place(cleaner.visible(parts[0])):
            # 河南郑州 / 郑州高新区紫竹社区： / 积分换来…: the place, then a title in two parts
            return parts[0], parts[1] + parts[2], ""
        # 案例回放 / 莱芜高新区官厂村： / “出彩党建”牵手高校党委: a column's label over the item, then its kicker
        return parts[1], parts[2], ""
    kicker = parts[0]
    if kicker.startswith("【") and kicker.endswith("】"):
        kicker = kicker[1:-1]  # 【佛山】: the place, without its brackets
    if furniture.BRIEFS_MARK.match(kicker.strip()):
        kicker = ""  # ■ 简讯: the label of the briefs below, no kicker of the first
    return kicker, parts[1], (parts[2] if len(parts) > 2 else "")


def _join_run(run):
    text = run[0]
    for piece in run[1:]:
        text = cleaner.join_broken(text, piece)
    return text


def clean_paragraph(text):
    """A body paragraph or caption: quotes paired, OCR spaces removed, simplified.

    A box's figure keeps the space that parts it from its label after it (582家 规模以上工业企业),
    and so does a box's change (由1269.8亿元增至2000亿元 预计…).
    """
    boxed = DATUM_FIRST.match(text.strip()) or CHANGE_FIRST.match(text.strip())
    if boxed:
        return f"{clean_paragraph(boxed.group('figure'))} {clean_paragraph(boxed.group('label'))}"
    return cleaner.to_simplified(cleaner.remove_cjk_spaces(cleaner.pair_quotes(text)))


def clean_caption(text):
    """A caption like a paragraph; a photographer's credit keeps the spaces between its names."""
    if len(cleaner.visible(text)) <= 20 and re.search(r"\s摄$", text):
        return cleaner.to_simplified(" ".join(text.split()))
    return clean_paragraph(text)


def clean_heading(text):
    """A title, kicker, subtitle or heading: the gentler space rule keeps its halves apart."""
    return cleaner.to_simplified(cleaner.tidy_heading_spaces(cleaner.pair_quotes(text)))


_CIRCUMSTANCE = re.compile(r"在[^，,]{2,40}(?:下|中|之际|期间)")


def derive_title(text):
    """A title for an article printed without one: its first clause, at most TITLE_MAX characters.

    ``近日，乐山高新区召开…书记点评会。会议听取…`` -> ``乐山高新区召开…书记点评会``.
    """
    text = re.sub(r"^本报讯\s*", "", text.strip())
    # The first sentence with words in it: a line may open with the end of a cut one (。——).
    sentences = [s for s in re.split(r"[。！？!?；;]", text) if WORD_CHAR.search(s)]
    sentence = sentences[0] if sentences else ""
    sentence = TIME_LEAD.sub("", sentence, count=1).strip()
    sentence = re.sub(r"^[\s，,、：:—\-…·”’）)]+", "", sentence)
    clauses = [c for c in re.split(r"[，,]", sentence) if c]
    # 在工信部和省科技厅的支持指导下，…联盟在福州成立: the circumstance is no title.
    while len(clauses) > 1 and _CIRCUMSTANCE.fullmatch(clauses[0]):
        clauses.pop(0)
    title = ""
    for clause in clauses:
        title = f"{title}，{clause}" if title else clause
        if len(title) >= 8:
            break
    if len(title) <= TITLE_MAX:
        return title
    head = title[:TITLE_MAX]
    # Cut before a preposition or conjunction rather than inside a word, if one is near the end.
    cut = max(head.rfind(ch) for ch in "在于暨和与及")
    if cut >= TITLE_MAX // 2:
        return head[:cut]
    return head[: TITLE_MAX - 1] + "…"


# A headline that opens on a place and a colon (成都高新区：…) stands on its own: the line over it
# is its kicker, whatever word their letters could make across the break (党建 / 成都 -> 建成).
OWN_HEADLINE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:区|市|县|园|城|镇|谷|港|湾|岛)[：:]")


def _broken_mid_word(first, second):
    """Whether two headline lines are one title the column broke inside a word.

    A kicker ends where its phrase ends; 苏州高新区打造产业链党建联 / 盟新高地
    splits 联盟.  Only a break inside a dictionary word counts: a break
    between words cannot be told from a kicker.
    """
    first, second = cleaner.visible(first), cleaner.visible(second)
    if not first or not second or KICKER_END.search(first) or OWN_HEADLINE.match(second):
        return False
    end = 0
    for word in dictionary_words(first + second):
        start, end = end, end + len(word)
        if start < len(first) < end:
            return True
        if end >= len(first):
            return False
    return False
