"""How an article is cited: a GB/T 7714 reference, and RIS and BibTeX records for reference managers.

Pure functions of a plain dict (``core.serializers.article_citation`` builds it):
``{"id", "title", "authors": [], "paper", "date": date or None, "page", "url"}``.
Every format is written from that one dict, so the copied reference and a
downloaded record of the same article agree.
"""
import re

# GB/T 7714-2015 8.1.2: up to three authors are listed, then "等".
MAX_AUTHORS = 3
RIS_CONTENT_TYPE = "application/x-research-info-systems; charset=utf-8"
BIBTEX_CONTENT_TYPE = "application/x-bibtex; charset=utf-8"


def page_number(page):
    """A page as a reference prints it: ``第3版`` and ``A7版`` become ``3`` and ``A7``."""
    page = (page or "").strip()
    if page.startswith("第"):
        page = page[1:]
    if page.endswith("版"):
        page = page[:-1]
    return page.strip()


def gbt7714(record):
    """``作者. 题名[N]. 报纸名, 出版日期(版次).``, the newspaper form of GB/T 7714-2015.

    What is unknown is left out with its punctuation: an unsigned brief starts
    with its title; a page without a known date keeps its paper and page.
    """
    authors = [a for a in record.get("authors") or [] if a]
    parts = []
    if authors:
        names = authors[:MAX_AUTHORS] + (["等"] if len(authors) > MAX_AUTHORS else [])
        parts.append(", ".join(names))
    parts.append(f"{record['title']}[N]")
    date = record.get("date")
    place = ", ".join(p for p in (record.get("paper") or "", date.isoformat() if date else "") if p)
    page = page_number(record.get("page"))
    if page:
        place += f"({page})"
    if place:
        parts.append(place)
    return ". ".join(parts) + "."


# --- RIS -------------------------------------------------------------------------------------


def _ris_value(value):
    # One tag per line: a line break inside a value would start a broken tag.
    return " ".join(str(value).split())


def ris(record):
    """One RIS record of type NEWS (a newspaper article), CRLF line ends as the format asks."""
    lines = [("TY", "NEWS")]
    lines += [("AU", author) for author in record.get("authors") or [] if author]
    lines.append(("TI", record["title"]))
    if record.get("paper"):
        lines.append(("T2", record["paper"]))
    date = record.get("date")
    if date:
        lines.append(("PY", str(date.year)))
        lines.append(("DA", date.strftime("%Y/%m/%d")))
    page = page_number(record.get("page"))
    if page:
        lines.append(("SP", page))
    lines.append(("LA", "zh"))
    if record.get("url"):
        lines.append(("UR", record["url"]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_ris_value(value)}".rstrip() + "\r\n" for tag, value in lines)


# --- BibTeX ----------------------------------------------------------------------------------

# Characters that mean something to TeX; escaped so a title cannot break the entry's braces.
_BIBTEX_SPECIAL = re.compile(r"([\\{}%&#$_~^])")
_BIBTEX_REPLACEMENT = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bibtex_text(value):
    value = " ".join(str(value).split())
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENT.get(m[1], "\\" + m[1]), value)


def bibtex_key(record):
    return f"gxqdj{record['id']}"


def bibtex(record):
    """One ``@article`` entry; a Chinese name is braced so BibTeX keeps it whole, not split in two."""
    fields = []
    authors = [a for a in record.get("authors") or [] if a]
    if authors:
        fields.append(("author", " and ".join("{" + _bibtex_text(a) + "}" for a in authors)))
    fields.append(("title", _bibtex_text(record["title"])))
    if record.get("paper"):
        fields.append(("journal", _bibtex_text(record["paper"])))
    date = record.get("date")
    if date:
        fields += [("year", str(date.year)), ("month", str(date.month)), ("date", date.isoformat())]
    page = page_number(record.get("page"))
    if page:
        fields.append(("pages", _bibtex_text(page)))
    fields.append(("language", "chinese"))
    if record.get("url"):
        # Read verbatim by BibTeX and biblatex: only a brace could break the entry.
        fields.append(("url", re.sub(r"[{}\s]", "", record["url"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{{bibtex_key(record)},\n{body}\n}}\n"
