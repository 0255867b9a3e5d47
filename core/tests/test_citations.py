"""GB/T 7714, RIS and BibTeX from one article's record; the records read back by real parsers."""
import datetime

import bibtexparser
import pytest
import rispy

from core import citations

ARTICLE = {
    "id": 15,
    "title": "党建引领开新局",
    "authors": ["肖干", "周建军"],
    "paper": "中国高新技术产业导报",
    "date": datetime.date(2022, 9, 5),
    "page": "A7",
    "url": "http://testserver/articles/15/",
}


def record(**changes):
    return {**ARTICLE, **changes}


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({}, "肖干, 周建军. 党建引领开新局[N]. 中国高新技术产业导报, 2022-09-05(A7)."),
        ({"authors": []}, "党建引领开新局[N]. 中国高新技术产业导报, 2022-09-05(A7)."),
        ({"page": ""}, "肖干, 周建军. 党建引领开新局[N]. 中国高新技术产业导报, 2022-09-05."),
        ({"date": None}, "肖干, 周建军. 党建引领开新局[N]. 中国高新技术产业导报(A7)."),
        ({"authors": [], "date": None, "page": ""}, "党建引领开新局[N]. 中国高新技术产业导报."),
        ({"page": "第3版"}, "肖干, 周建军. 党建引领开新局[N]. 中国高新技术产业导报, 2022-09-05(3)."),
        ({"paper": "", "page": ""}, "肖干, 周建军. 党建引领开新局[N]. 2022-09-05."),
        (
            {"authors": ["甲", "乙", "丙", "丁"]},
            "甲, 乙, 丙, 等. 党建引领开新局[N]. 中国高新技术产业导报, 2022-09-05(A7).",
        ),
    ],
)
def test_gbt7714_newspaper_form_leaves_out_what_is_unknown(changes, expected):
    assert citations.gbt7714(record(**changes)) == expected


def test_ris_reads_back_as_a_newspaper_article():
    [entry] = rispy.loads(citations.ris(ARTICLE))
    assert entry["type_of_reference"] == "NEWS"
    assert entry["authors"] == ["肖干", "周建军"]
    assert entry["title"] == "党建引领开新局"
    assert entry["secondary_title"] == "中国高新技术产业导报"
    assert (entry["year"], entry["date"], entry["start_page"]) == ("2022", "2022/09/05", "A7")
    assert entry["urls"] == ["http://testserver/articles/15/"]


def test_ris_of_an_unsigned_undated_brief_and_of_several_articles():
    brief = record(id=16, title="简讯：\n淮北高新区召开会议", authors=[], date=None, page="")
    entries = rispy.loads(citations.ris(ARTICLE) + citations.ris(brief))
    assert [e["title"] for e in entries] == ["党建引领开新局", "简讯： 淮北高新区召开会议"]
    assert "authors" not in entries[1] and "date" not in entries[1] and "start_page" not in entries[1]


def test_bibtex_reads_back_with_whole_chinese_names():
    library = bibtexparser.parse_string(citations.bibtex(ARTICLE))
    assert not library.failed_blocks
    [entry] = library.entries
    assert (entry.entry_type, entry.key) == ("article", "gxqdj15")
    assert entry["author"] == "{肖干} and {周建军}"
    assert entry["title"] == "党建引领开新局"
    assert entry["journal"] == "中国高新技术产业导报"
    assert (entry["year"], entry["month"], entry["date"], entry["pages"]) == ("2022", "9", "2022-09-05", "A7")
    assert entry["url"] == "http://testserver/articles/15/"


def test_bibtex_title_with_tex_characters_keeps_the_entry_whole():
    title = "50% 的企业 {党建} & R_D #1 ~ \\ ^"
    text = citations.bibtex(record(title=title, authors=[], date=None, page="")) + "\n"
    text += citations.bibtex(record(id=16))
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    first, second = library.entries
    assert first["title"] == r"50\% 的企业 \{党建\} \& R\_D \#1 \textasciitilde{} \textbackslash{} \textasciicircum{}"
    assert "author" not in first.fields_dict and "year" not in first.fields_dict
    assert second.key == "gxqdj16" and second["title"] == "党建引领开新局"
