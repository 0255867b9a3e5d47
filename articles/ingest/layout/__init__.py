"""Page layout: split a page's text into articles (ArticleBlock), cleaning as it goes.

The flow, one module a step:

1. ``lines.page_lines``: the page's non-blank lines, each knowing how many blank
   lines precede it (photos leave clusters of blank lines), without vertical
   banner residue, page furniture and a web page's chrome (``furniture``: folios,
   editions, mastheads, jump lines, the page's notes, navigation, share and
   print links, related lists, footers; a web metadata line gives its 作者 as
   the byline); each gets a shape (credit, caption, byline, names, subtitle,
   本报讯 or dateline start, kicker, headline, text) from its own content.
   ``lines.column_header`` marks a column header at the top.
2. ``walker.Walker``: the walk decides with context what each line is: a title
   or a section heading, a caption or a paragraph, a trailing author or a
   fragment of a broken sentence; it builds one ``draft.Draft`` per article.
   Byline forms, surnames and author names come from ``bylines``.
3. ``finish.finish``: a Draft's kicker, title and subtitle, its kind, and its
   paragraphs, captions and headings cleaned (``articles.ingest.cleaner``),
   as an ArticleBlock.

The rules use line shape, punctuation, length, position and markers only, so
they hold on pages never seen before.
"""
from articles.ingest.layout.bylines import parse_byline
from articles.ingest.layout.finish import derive_title, finish
from articles.ingest.layout.lines import column_header, line_shape, page_lines
from articles.ingest.layout.walker import Walker

__all__ = ["derive_title", "line_shape", "parse_byline", "split_page"]


def split_page(text, page_name=""):
    """Split one page's text into its articles, in page order.

    ``page_name``: the page's name its folio printed (党建在高新), when the reader found one.
    """
    lines = page_lines(text)
    if not lines:
        return []
    drafts = Walker(lines, column_header(lines, page_name)).run()
    return [finish(draft, position) for position, draft in enumerate(drafts)]
