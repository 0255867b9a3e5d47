"""What a curator says about page files: command options and manifests.

A curator's word is the most trusted source of a page's newspaper, date, page,
page name and URL: it overrides whatever the file or the page itself said
(``PageText.meta_source`` then reads ``"curator"``). A manifest gives it for a
whole archive, one file a row, as CSV with a header or as JSON lines::

    path,paper,date,page,page_name,url
    2022/0905/a7.pdf,中国高新技术产业导报,2022-09-05,A7,党建在高新,

Paths are relative to the manifest's folder.
"""
import csv
import dataclasses
import datetime
import json
from pathlib import Path

GIVEN_FIELDS = ("paper", "date", "page", "page_name", "url")
MAX_MANIFEST_BYTES = 20 * 1024 * 1024


class ManifestError(ValueError):
    """A manifest that cannot be used; the message names the file and the line."""


def parse_date(value, where=""):
    """A ``YYYY-MM-DD`` date, or ValueError saying where."""
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{where}日期应写作 YYYY-MM-DD，而不是 {value!r}") from None


def clean_given(values, where=""):
    """The known fields of ``values`` with text stripped and the date parsed; empty ones dropped."""
    given = {}
    for name in GIVEN_FIELDS:
        value = values.get(name)
        if value in (None, ""):
            continue
        given[name] = parse_date(value, where) if name == "date" else str(value).strip()[:500]
    return given


def apply_given(page, given):
    """``page`` with the curator's fields in place of what was read."""
    if not given:
        return page
    meta_source = {**page.meta_source, **{name: "curator" for name in given}}
    return dataclasses.replace(page, **given, meta_source=meta_source)


def read_manifest(path):
    """``{file path: given fields}`` from a CSV or JSON-lines manifest."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ManifestError(f"{path.name}: 清单文件过大")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path.name}: 无法读取清单（{exc}）") from None
    rows = _json_lines(text, path) if text.lstrip().startswith("{") else _csv_rows(text, path)
    entries = {}
    for line, row in rows:
        where = f"{path.name} 第 {line} 行："
        name = str(row.get("path") or "").strip()
        if not name:
            raise ManifestError(f"{where}缺少 path")
        try:
            given = clean_given(row, where)
        except ValueError as exc:
            raise ManifestError(str(exc)) from None
        entries[(path.parent / name).resolve()] = given
    return entries


def _csv_rows(text, path):
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "path" not in reader.fieldnames:
        raise ManifestError(f"{path.name}: CSV 清单的首行应为列名，至少包括 path")
    return [(number, row) for number, row in enumerate(reader, start=2)]


def _json_lines(text, path):
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise ManifestError(f"{path.name} 第 {number} 行：不是 JSON") from None
        if not isinstance(row, dict):
            raise ManifestError(f"{path.name} 第 {number} 行：应为 JSON 对象")
        rows.append((number, row))
    return rows
