import datetime

import pytest

from articles.ingest.given import ManifestError, apply_given, clean_given, read_manifest
from articles.ingest.types import PageText


def test_a_csv_manifest_maps_each_file_to_its_fields(tmp_path):
    (tmp_path / "m.csv").write_text(
        "path,paper,date,page\n2022/a7.pdf,中国高新技术产业导报,2022-09-05,A7\nb.txt,,,\n", encoding="utf-8-sig")
    entries = read_manifest(tmp_path / "m.csv")
    assert entries[(tmp_path / "2022" / "a7.pdf").resolve()] == {
        "paper": "中国高新技术产业导报", "date": datetime.date(2022, 9, 5), "page": "A7"}
    assert entries[(tmp_path / "b.txt").resolve()] == {}


@pytest.mark.parametrize("content, message", [
    ("paper,date\n报,2022-01-01\n", "path"),
    ("path,date\na.txt,2022-13-01\n", "第 2 行"),
    ('{"path": "a.txt"}\nnot json\n', "第 2 行"),
    ('{"date": "2022-01-01"}\n', "缺少 path"),
])
def test_a_manifest_it_cannot_use_is_one_clear_error(tmp_path, content, message):
    (tmp_path / "m.txt").write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError, match=message):
        read_manifest(tmp_path / "m.txt")


def test_the_curators_fields_replace_what_was_read_and_say_so():
    page = PageText(name="a.txt", text="…", encoding="utf-8", content_hash="0" * 64,
                    paper="XX日报", date=datetime.date(2023, 1, 1), meta_source={"paper": "page:masthead", "date": "page:folio"})
    given = clean_given({"date": "2022-09-05", "page": " A7 ", "url": ""})
    changed = apply_given(page, given)
    assert (changed.paper, changed.date, changed.page) == ("XX日报", datetime.date(2022, 9, 5), "A7")
    assert changed.meta_source == {"paper": "page:masthead", "date": "curator", "page": "curator"}
