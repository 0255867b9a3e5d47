"""OCR cleaning of page text: pure functions, string (or list of lines) in, string out.

The layout step decides *where* each function applies (a byline's spaces
separate names, a title's single space separates its two halves, a body
paragraph's spaces are OCR noise); this module only knows *how*. The
dependency runs one way: layout calls these functions, this module imports
nothing from layout.
"""
import re

from core import text as text_rules
from core.text import CJK_RANGES, CJK_RE

# CJK and full-width punctuation, curly quotes, dashes, ellipsis, middle dot.
CJK_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014-\u2027\u00b7"

# Full-width digits and Latin letters fold to ASCII; full-width punctuation stays,
# because ，：（）are the page's own punctuation and blanket NFKC would change them.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_WIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_WIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
# Full-width signs with no Chinese-punctuation role: “党建＋招商” is “党建+招商”.
_WIDTH.update({ord(ch): ord(ch) - 0xFEE0 for ch in "＋＝＜＞＃＆＊＠＄"})
_WIDTH.update({0xFF05: "%", 0x3000: " ", 0x00A0: " "})
# Inside a number the full-width point, slash and dash are the number's own: １８．６, ２／３, １－５月.
_NUMBER_SIGNS = re.compile(r"(?<=[0-9])([．／－])(?=[0-9])")
_NUMBER_SIGN_ASCII = {"．": ".", "／": "/", "－": "-"}


def fold_width(text):
    """Full-width digits, Latin letters, ％ and ＋ to ASCII, ideographic space to a space.

    ．／－ are folded only inside numbers; Chinese punctuation (，：（）“”、。！？) is kept.
    """
    text = text.translate(_WIDTH)
    return _NUMBER_SIGNS.sub(lambda m: _NUMBER_SIGN_ASCII[m.group(1)], text)


# --- spaces -----------------------------------------------------------------

_TIGHT = f"{CJK_RANGES}{CJK_PUNCT}"
# A run of spaces with a CJK character or CJK punctuation on one side and CJK,
# CJK punctuation, a digit, %, + (党建+ 招商) or ASCII punctuation on the other: OCR noise. A
# space between CJK and a Latin word ("重要性 and 紧迫感") is kept.
_BODY_SPACE = re.compile(
    f"(?<=[{_TIGHT}])[ \\t]+(?=[{_TIGHT}0-9%+\"'(),.:;!?\\[\\]])"
    f"|(?<=[0-9%+\"'(),.:;!?\\[\\]])[ \\t]+(?=[{_TIGHT}])"
)


# A number the OCR split with a space inside Chinese text: 人才86 0人.
_SPLIT_NUMBER = re.compile(f"(?<=[{CJK_RANGES}])([0-9][0-9.]*)[ \\t]+([0-9][0-9.]*)(?=[{CJK_RANGES}%])")


# A number the OCR spaced digit by digit: 4 4 4 . 6亿元.
_SPACED_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9](?: [0-9.]){2,}(?![0-9A-Za-z])")


def remove_cjk_spaces(line):
    """Drop the spaces OCR put inside Chinese text: ``园区产 业发展`` -> ``园区产业发展``.

    For body paragraphs, where no space is meaningful between Chinese characters.
    Titles and headings go through ``tidy_heading_spaces``; bylines are parsed
    before any space is removed, because there spaces separate names.
    """
    line = _SPLIT_NUMBER.sub(r"\1\2", line)
    line = _SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), line)
    return _BODY_SPACE.sub("", line).strip()


_SEGMENT_MIN = 4  # each half of a two-part headline has at least this many characters
_DIGIT_UNIT_SPACE = re.compile(f"(?<=[0-9])[ \\t]+(?=[{CJK_RANGES}%])|(?<=[{CJK_RANGES}])[ \\t]+(?=[0-9])")


def tidy_heading_spaces(line):
    """The gentler rule for titles and headings.

    A headline's halves are set apart by a space (``强化楼宇党建 激活“红色引擎”``)
    and keep it; a space that cuts a word (``国家高 新区``), one between a number
    and its unit, or OCR spacing all through the line, goes.
    """
    line = " ".join(line.split())
    line = _DIGIT_UNIT_SPACE.sub("", line)
    segments = line.split(" ")
    if len(segments) == 1:
        return line
    if len(segments) == 2 and all(_visible_len(s) >= _SEGMENT_MIN for s in segments):
        return line
    # Merge every short fragment into its neighbour, keep spaces between long halves.
    merged = [segments[0]]
    for seg in segments[1:]:
        if _visible_len(merged[-1]) < _SEGMENT_MIN or _visible_len(seg) < _SEGMENT_MIN:
            merged[-1] = remove_cjk_spaces(merged[-1] + " " + seg)
        else:
            merged.append(seg)
    if len(merged) > 2:
        # A headline has at most two halves: more pieces mean OCR spacing throughout.
        return remove_cjk_spaces(" ".join(merged))
    return " ".join(merged)


def _visible_len(text):
    return len(text.replace(" ", ""))


def visible(text):
    """The text without any whitespace: what a reader of the page counts."""
    return "".join(text.split())


# --- boxes ----------------------------------------------------------------------

_BOX_DRAWING = re.compile(r"[\u2500-\u257f]+")


def unframe(line):
    """A line of a box drawn in box-drawing characters without its frame: ``│ 582家  规模以上工业企业 │``.

    The spaces inside stay (they part a box's figure from its label); a line of frame alone is empty.
    """
    if not _BOX_DRAWING.search(line):
        return line
    return _BOX_DRAWING.sub(" ", line).strip()


# --- pinyin glosses -------------------------------------------------------------

# 區(qū), 黨(dǎng): a web page's pronunciation gloss after a character, in brackets.
_PINYIN_GLOSS = re.compile(
    rf"(?<=[{CJK_RANGES}])[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{{1,7}}\s*[)）]"
)


def strip_pinyin_glosses(text):
    """``宜都高新區(qū)：黨(dǎng)建`` -> ``宜都高新區：黨建``: a gloss is a syllable with a tone mark."""
    if "(" not in text and "（" not in text:
        return text
    return _PINYIN_GLOSS.sub(lambda m: "" if _TONE_MARK.search(m.group()) else m.group(), text)


_TONE_MARK = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]")


# --- quotes -----------------------------------------------------------------


def pair_quotes(text):
    """Straight quotes around Chinese words become curly ones: ``"红链帮帮团"`` -> ``“红链帮帮团”``.

    Some pages are typeset with ASCII quotes; pairing them gives every page the
    same quoting, which the programme-name extraction relies on. Only done when
    the quotes pair up (an even count), otherwise the text is left alone.
    """
    if text.count('"') and text.count('"') % 2 == 0 and CJK_RE.search(text):
        text = _alternate(text, '"', "“”")
    if text.count("'") and text.count("'") % 2 == 0 and not re.search(r"[A-Za-z]'[A-Za-z]", text):
        text = _alternate(text, "'", "‘’")
    return text


def _alternate(text, mark, pair):
    """Each ``mark`` replaced by the opening, then the closing character of ``pair``, in turn."""
    parts = text.split(mark)
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out += [pair[i % 2], part]
    return "".join(out)


# --- traditional -> simplified ----------------------------------------------

# Pages set in traditional characters quote with corner brackets; simplified text
# quotes with curly quotes, which the programme-name extraction and search expect.
_CORNER_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def to_simplified(text):
    """Traditional characters to simplified (``core.text``), corner quotes 「」『』 to “”‘’.

    Simplified text with curly quotes is unchanged.
    """
    if not text:
        return text
    text = text_rules.to_simplified(text)
    if "「" in text or "『" in text or "」" in text or "』" in text:  # translate() is slow on long text
        text = text.translate(_CORNER_QUOTES)
    return text


# --- line joining -------------------------------------------------------------

# A paragraph is complete when it ends a sentence, possibly inside closing quotes.
_END_MARKS = ("。", "！", "？", "!", "?", "…", "；", ";", "...")
_CLOSING = "”’」』\"')）"


_CREDIT_END = re.compile(r"[。！？][（(][^（()）]{1,30}(?:摄|供图|摄影)[）)]$")


def ends_sentence(line):
    """Whether ``line`` ends a sentence (。！？… possibly followed by a closing quote).

    Only the end of the line is read, so a long paragraph costs no more than a short one.
    """
    line = line.rstrip()
    # …整车累计产量突破65万辆。（本报记者 顾阳 摄）: a photo's credit closes its item.
    return line.rstrip(_CLOSING).endswith(_END_MARKS) or bool(_CREDIT_END.search(line[-40:]))


def join_broken(first, second):
    """Join two pieces of one sentence split across columns: ``…年产2万`` + ``套智能…``.

    Chinese needs no space at the seam; two Latin words do.
    """
    first, second = first.rstrip(), second.lstrip()
    if first and second and first[-1].isascii() and first[-1].isalpha() and second[0].isascii() and second[0].isalpha():
        return f"{first} {second}"
    return first + second


# --- vertical headline residue -------------------------------------------------

_SPACED_TEXT_MARK = re.compile(r"[，。、；：！？“”0-9０-９]")
_NUMERIC_ONLY = re.compile(r"^[0-9.,%‰+\-~]+$")


_BYLINE_ROLE = re.compile(r"记者|通讯员|摄影|撰稿")


def is_vertical_residue(line):
    """A line left over from a vertical headline: one character, or spaced one- and two-character bits.

    ``力``, ``江 助阴 高 新``, ``Щ 高 新 区即``: a vertical banner read across by
    the OCR. No title, paragraph or byline has this shape.
    """
    tokens = line.split()
    if not tokens:
        return False
    if len("".join(tokens)) == 1:
        return True
    if _BYLINE_ROLE.search(line):
        return False  # ■ 记者 卢 晗: a byline with its name spaced out
    if len(tokens) >= 3 and all(len(t) <= 2 for t in tokens) and sum(len(t) == 1 for t in tokens) >= 2:
        # A long run of spaced characters with punctuation or digits among them is a line of
        # text the OCR spaced out (实 现 地 区 生 产 总 值 4 4 4 . 6 亿 元 ， 同), not a banner.
        return not (len(tokens) >= 8 and _SPACED_TEXT_MARK.search(line))
    return False


_INTERLEAVE_MIN_RUN = 8  # mean length of the text runs around interleaved banner characters


# （记者 潘 越 摄）, （通讯员 郭 敏）: who wrote or shot it, in brackets at the end of a line.
_CLOSING_CREDIT = re.compile(r"\s*[（(][^（()）]{0,12}(?:摄|记者|通讯员|供图)[^（()）]{0,12}[）)]\s*$")


def strip_interleaved_chars(line):
    """Remove vertical-banner characters the OCR interleaved into a text line.

    ``加 江阴高新区充分发挥党员先锋模范作 速 用，推行…`` -> ``江阴高新区充分发挥党员先锋模范作 用，推行…``:
    a lone character between long runs of text is never text in a line of
    running text, and two or more of them on one line mean a banner ran
    alongside the column. In a line with OCR spacing every few characters
    (``园区党工委 推 行 “党员服务专员”制度,``) the runs are short and the lone
    characters are words of the sentence: they stay, and so do the letter-spaced names of a
    credit closing the line (…充电。（记者 潘 越 摄）).
    """
    credit = _CLOSING_CREDIT.search(line)
    if credit:
        return strip_interleaved_chars(line[: credit.start()]) + line[credit.start() :]
    tokens = line.split()
    lone = [len(t) == 1 and bool(CJK_RE.match(t)) for t in tokens]
    singles = [t for t, is_lone in zip(tokens, lone) if is_lone]
    runs = [t for t, is_lone in zip(tokens, lone) if not is_lone]
    if _longest_true_run(lone) >= 3:
        return line  # 为 入 驻 的 初 创 企 业: OCR spacing along the line, not a banner's characters
    if len(singles) >= 2 and runs and sum(map(len, runs)) / len(runs) >= _INTERLEAVE_MIN_RUN:
        return " ".join(t for t in tokens if not (len(t) == 1 and CJK_RE.match(t)))
    return line


def _longest_true_run(flags):
    best = current = 0
    for flag in flags:
        current = current + 1 if flag else 0
        best = max(best, current)
    return best


def vertical_residue_flags(lines):
    """For each line of a page (blank lines included), whether it is vertical headline residue.

    Besides the lines ``is_vertical_residue`` recognises, a short line next to
    residue that is only a number (a banner ending ``97.7%``) or one or two
    characters belongs to the banner too. Lines with interleaved banner
    characters are repaired by ``strip_interleaved_chars`` instead.
    """
    residue = [is_vertical_residue(line) for line in lines]
    # A banner is a run of lines; a lone character between two lines of text is the
    # end of a word broken by the column (西安高新 / 区 / 召开…), not a banner.
    for i, line in enumerate(lines):
        if residue[i] and len(visible(line)) == 1:
            if not (_next_nonblank_is_residue(lines, residue, i, -1) or _next_nonblank_is_residue(lines, residue, i, 1)):
                residue[i] = False
    # Spread to short neighbours of residue (skipping blank lines), until stable.
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            text = visible(line)
            if residue[i] or not text:
                continue
            if len(text) <= 2 or (len(text) <= 8 and _NUMERIC_ONLY.match(text)):
                if _next_nonblank_is_residue(lines, residue, i, -1) or _next_nonblank_is_residue(lines, residue, i, 1):
                    residue[i] = changed = True
    return residue


def _next_nonblank_is_residue(lines, residue, i, step):
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].strip():
            return residue[j]
        j += step
    return False
