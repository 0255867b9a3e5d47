"""Scoring an ingest against gold annotations (articles/tests/corpus/README.md).

The scoring is pure: ``score_page(name, gold, produced, scores)`` compares one
page's gold dict with what the ingest made of it, both in the gold format (a
dict with ``articles``, each with title, kicker, authors, zone, province,
initiatives, metrics). ``produced_page`` turns a pipeline ``PageResult`` into
that format; ``run_corpus`` reads a folder of pages and analyses each one in
memory (no database: the zone index is built from the reference zones) for the
``evaluate_ingest`` command.

The modules: matching.py (norm, title similarity, the pairing of articles and
figures), scoring.py (Tally, Scores, score_page), report.py (the report's
lines), corpus.py (produced_page, run_corpus, evaluate).

How things are matched, and so what the figures mean:

- Text is compared on its words: ``norm`` keeps CJK characters, Latin letters
  and digits (traditional folded to simplified, full-width to half-width), so
  quotes, spaces and punctuation never decide a match.
- Articles: each produced article is paired with at most one gold article, best
  title similarity first (``title_similarity``: character-bigram Dice of the
  titles, or of kicker + title, whichever is higher; a title contained in the
  other counts 0.8), pairs under ``PAIR_MIN`` left out. Then where as many
  gold as produced articles are still unpaired between the same two paired
  neighbours (one, or untitled briefs in a row), they are paired in order by
  their place on the page when they name the same zone or share some title
  words (a title the layout got wrong is a wrong title, not a lost article). Unpaired gold articles are misses,
  unpaired produced ones spurious.
- titles, kickers: right when equal after ``norm``. Precision is over the
  produced articles (kickers: those with a kicker), recall over the gold ones.
- authors: the names of each paired article as sets.
- zones: the article's primary zone and its province, both equal; ``zone
  names`` scores the name alone.
- initiatives: the names of a paired article, one to one; two names match when
  equal after ``norm`` or when one contains the other (``党建+招商`` and
  ``“党建+招商”工作模式``), equal names paired first.
- metrics: one to one within a paired article: the same ends (``value``, and
  ``value_from`` of a change and ``value_max`` of a range, each present on both
  sides or on neither: a change found as two figures is a miss and two false
  figures) and the same unit as printed (``万人`` is not ``人``), and labels that
  agree: one contains the other, or they share a run of ``LABEL_RUN``
  characters, after ``norm`` and with years (``2022年``) taken out.
- metric kinds: a matched figure whose ``kind`` (actual, target, change,
  range, share) is the gold one; precision over every zone figure produced,
  recall over every gold figure, so a figure is right here only when it is
  found, with both ends, and of the right kind. A produced figure
  whose ``scope`` is not ``zone`` (a city's or province's figure the
  extractor marked: the pipeline keeps only the zone's, the marked ones are
  read with ``metrics.extract_figures`` under ``marked``) is not a figure of
  the zone: it is left out of the metrics and scored against the gold
  ``city_figures``.
- city figures: a gold city figure matched by a zone figure is one given to
  the zone wrongly (also a false metric); matched by a marked figure, it was
  kept out.
- indicators: a matched figure whose indicator (the name in
  fixtures/indicators.json, "" for 未归类) is the gold one, over the matched
  figures; the pages are analysed with the vocabulary of fixtures/. Coverage:
  the share of every zone figure produced that got an indicator, and the
  share of each dimension.
"""
from .corpus import corpus_pages, evaluate, gold_path, produced_page, run_corpus
from .matching import (
    LABEL_RUN,
    PAIR_MIN,
    VALUE_TOLERANCE,
    dice,
    initiative_names_match,
    label_norm,
    labels_agree,
    longest_run,
    norm,
    pair_articles,
    title_similarity,
)
from .report import report_lines, summary_lines
from .scoring import KINDS, SOURCE_FIELDS, Scores, Tally, score_page

__all__ = [
    "KINDS",
    "LABEL_RUN",
    "PAIR_MIN",
    "SOURCE_FIELDS",
    "VALUE_TOLERANCE",
    "Scores",
    "Tally",
    "corpus_pages",
    "dice",
    "evaluate",
    "gold_path",
    "initiative_names_match",
    "label_norm",
    "labels_agree",
    "longest_run",
    "norm",
    "pair_articles",
    "produced_page",
    "report_lines",
    "run_corpus",
    "score_page",
    "summary_lines",
    "title_similarity",
]
