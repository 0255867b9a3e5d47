"""Reading order from positioned text (readers/geometry.py), on boxes laid out here."""
from articles.ingest.readers.geometry import Segment, page_text

SIZE = 10.0


def column(x0, x1, top, texts):
    """One column's lines, one text a line, each run to the column's right edge."""
    return [
        Segment(x0, x1, top + i * 1.5 * SIZE, top + i * 1.5 * SIZE + SIZE, SIZE, text)
        for i, text in enumerate(texts)
    ]


def test_two_grids_stacked_are_read_grid_by_grid_column_by_column():
    # A lead in three columns over another article in two: no gutter runs the page's height.
    lead = (
        column(0, 180, 0, [f"甲{i}" * 9 for i in range(6)])
        + column(200, 380, 0, [f"乙{i}" * 9 for i in range(6)])
        + column(400, 580, 0, [f"丙{i}" * 9 for i in range(6)])
    )
    second = column(0, 280, 120, [f"丁{i}" * 14 for i in range(6)]) + column(
        300, 580, 120, [f"戊{i}" * 14 for i in range(6)]
    )
    text = page_text(lead + second)
    order = [text.index(mark) for mark in ("甲0", "甲5", "乙0", "丙5", "丁0", "丁5", "戊0", "戊5")]
    assert order == sorted(order)
    # The lead's last column ran to its edge; the article below does not go on from it.
    assert "\n\n丁0" in text
