"""Scoring an ingest against gold annotations (articles/tests/corpus/README.md).

The scoring is pure: ``score_page(name, gold, produced, scores)`` compares one
page's gold dict with what the ingest made of it, both in the gold format (a
dict with ``articles``, each with title, kicker, authors, zone, province,
initiatives, metrics). ``produced_page`` turns a pipeline ``PageResult`` into
that format; ``run_corpus`` reads a folder of pages and analyses each one in
memory (no database: the zone index is built from the reference zones) for the
``evaluate_ingest`` command.

How things are matched, and so what the figures mean:

- Text is compared on its words: ``norm`` keeps CJK characters, Latin letters
  and digits (traditional folded to simplified, full-width to half-width), so
  quotes, spaces and punctuation never decide a match.
- Articles: each produced article is paired with at most one gold article, best
  title similarity first (``title_similarity``: character-bigram Dice of the
  titles, or of kicker + title, whichever is higher; a title contained in the
  other counts 0.8), pairs under ``PAIR_MIN`` left out. Then a gold article
  and a produced article still unpaired between the same two paired
  neighbours, one of each, are paired by their place on the page when they
  name the same zone or share some title words (a title the layout got wrong
  is a wrong title, not a lost article). Unpaired gold articles are misses,
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
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

PAIR_MIN = 0.5  # title similarity under which two articles are not paired by title
LABEL_RUN = 2  # characters two metric labels must share in a row to agree
VALUE_TOLERANCE = 1e-6

KINDS = (
    "articles", "titles", "kickers", "authors", "zones", "zone names", "initiatives", "metrics",
    "metric kinds", "indicators", "city figures kept out", "source",
)


# ------------------------------------------------------------------ tallies


@dataclass
class Tally:
    """Right answers against how many were given (produced) and how many were due (gold)."""

    right: int = 0
    produced: int = 0
    gold: int = 0

    @property
    def precision(self):
        return self.right / self.produced if self.produced else 1.0

    @property
    def recall(self):
        return self.right / self.gold if self.gold else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self):
        return {
            "right": self.right, "produced": self.produced, "gold": self.gold,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass
class Scores:
    tallies: dict = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    findings: list = field(default_factory=list)  # one line each: MISS / FALSE / CITY / KIND
    pages: int = 0
    spurious: int = 0  # produced articles paired with no gold article
    city_given: int = 0  # gold city figures given to the zone
    coverage: dict = field(default_factory=dict)  # indicator dimension ("" unmapped) -> zone figures produced

    def note(self, what, kind, where, text):
        self.findings.append(f"{what} {kind} {where} {text}")

    def as_dict(self):
        out = {"pages": self.pages, "spurious_articles": self.spurious, "city_figures_given_to_zone": self.city_given}
        out.update({kind: tally.as_dict() for kind, tally in self.tallies.items()})
        out["indicator_coverage"] = self.coverage_dict()
        return out

    def coverage_dict(self):
        """Zone figures produced, the share given an indicator, and each dimension's share."""
        total = sum(self.coverage.values())
        mapped = total - self.coverage.get("", 0)
        share = (lambda n: round(n / total, 4) if total else 0.0)
        return {
            "figures": total,
            "mapped": share(mapped),
            "by_dimension": {dim: share(n) for dim, n in sorted(self.coverage.items()) if dim},
        }


# ------------------------------------------------------------------ text


_YEAR = re.compile(r"20[0-3]\d年度?")
_WORD_CHARS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff0-9A-Za-z+]")


def _simplified(text):
    try:
        from articles.ingest.cleaner import to_simplified
    except ImportError:  # pragma: no cover - opencc is a requirement
        return text
    return to_simplified(text)


def norm(text):
    """The words of ``text``: CJK, Latin letters, digits and +, simplified and half-width."""
    text = unicodedata.normalize("NFKC", _simplified(text or ""))
    return "".join(_WORD_CHARS.findall(text)).lower()


def _bigrams(text):
    return [text[i : i + 2] for i in range(len(text) - 1)] or ([text] if text else [])


def dice(a, b):
    """Character-bigram Dice coefficient of two normalised strings."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    pool = list(y)
    common = 0
    for gram in x:
        if gram in pool:
            pool.remove(gram)
            common += 1
    return 2 * common / (len(x) + len(y))


def title_similarity(gold, produced):
    """How alike two articles' headlines are (0-1); see the module docstring."""
    gt, pt = norm(gold.get("title")), norm(produced.get("title"))
    gk, pk = norm(gold.get("kicker")) + gt, norm(produced.get("kicker")) + pt
    best = max(dice(gt, pt), dice(gk, pk))
    for a, b in ((gt, pt), (gk, pk)):
        if min(len(a), len(b)) >= 4 and (a in b or b in a):
            best = max(best, 0.8)
    return best


def longest_run(a, b):
    """Length of the longest common substring of ``a`` and ``b``."""
    best = 0
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if ch == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def label_norm(label):
    return norm(_YEAR.sub("", label or ""))


def labels_agree(gold, produced):
    g, p = label_norm(gold), label_norm(produced)
    if not g or not p:
        return False
    return g in p or p in g or longest_run(g, p) >= LABEL_RUN


def initiative_names_match(gold, produced):
    g, p = norm(gold), norm(produced)
    return bool(g and p) and (g == p or g in p or p in g)


# ------------------------------------------------------------------ pairing


def pair_articles(gold_articles, produced_articles):
    """[(gold index, produced index)] in gold order; see the module docstring."""
    scored = sorted(
        (
            (title_similarity(g, p), gi, pi)
            for gi, g in enumerate(gold_articles)
            for pi, p in enumerate(produced_articles)
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    by_gold, used = {}, set()
    for score, gi, pi in scored:
        if score < PAIR_MIN:
            break
        if gi in by_gold or pi in used:
            continue
        by_gold[gi] = pi
        used.add(pi)
    # By position: one unpaired article of each between the same paired neighbours.
    anchors = sorted(by_gold.items())
    bounds = [(-1, -1), *anchors, (len(gold_articles), len(produced_articles))]
    for (g0, p0), (g1, p1) in zip(bounds, bounds[1:]):
        if p1 < p0:
            continue
        golds = [g for g in range(g0 + 1, g1) if g not in by_gold]
        produced = [p for p in range(p0 + 1, p1) if p not in used]
        if len(golds) == 1 and len(produced) == 1:
            g, p = gold_articles[golds[0]], produced_articles[produced[0]]
            if _same_zone(g, p) or title_similarity(g, p) >= 0.2:
                by_gold[golds[0]] = produced[0]
                used.add(produced[0])
    return sorted(by_gold.items())


def _same_zone(gold, produced):
    return bool(gold.get("zone")) and norm(gold.get("zone")) == norm(produced.get("zone"))


# ------------------------------------------------------------------ scoring


def score_page(name, gold, produced, scores):
    """Add one page's comparison to ``scores``."""
    scores.pages += 1
    gold_articles = gold.get("articles", [])
    produced_articles = produced.get("articles", [])
    pairs = pair_articles(gold_articles, produced_articles)
    paired_gold = {g for g, _ in pairs}
    paired_produced = {p for _, p in pairs}
    t = scores.tallies

    t["articles"].gold += len(gold_articles)
    t["articles"].produced += len(produced_articles)
    t["articles"].right += len(pairs)
    for gi, g in enumerate(gold_articles):
        if gi not in paired_gold:
            scores.note("MISS", "article", f"{name}#{gi + 1}", g.get("title", ""))
    for pi, p in enumerate(produced_articles):
        if pi not in paired_produced:
            scores.spurious += 1
            scores.note("FALSE", "article", f"{name}#p{pi + 1}", p.get("title", ""))

    for gi, g in enumerate(gold_articles):
        where = f"{name}#{gi + 1}"
        pi = dict(pairs).get(gi)
        p = produced_articles[pi] if pi is not None else None
        _score_article(where, g, p, scores)
    for pi, p in enumerate(produced_articles):
        if pi not in paired_produced:
            _score_article(f"{name}#p{pi + 1}", None, p, scores)

    _score_source(name, gold.get("source", {}), produced.get("source", {}), scores)


def _score_article(where, gold, produced, scores):
    t = scores.tallies
    g = gold or {}
    p = produced or {}

    # titles
    t["titles"].gold += gold is not None
    t["titles"].produced += produced is not None
    if gold is not None and produced is not None:
        if norm(g.get("title")) == norm(p.get("title")):
            t["titles"].right += 1
        else:
            scores.note("MISS", "title", where, f"{g.get('title', '')} (got: {p.get('title', '')})")

    # kickers
    gk, pk = norm(g.get("kicker")), norm(p.get("kicker"))
    t["kickers"].gold += bool(gk)
    t["kickers"].produced += bool(pk)
    if gk and gk == pk:
        t["kickers"].right += 1
    elif gk:
        scores.note("MISS", "kicker", where, f"{g.get('kicker')} (got: {p.get('kicker', '')})")
    elif pk and gold is not None:
        scores.note("FALSE", "kicker", where, p.get("kicker"))

    # authors
    gold_names = {norm(a) for a in g.get("authors", []) if norm(a)}
    produced_names = {norm(a) for a in p.get("authors", []) if norm(a)}
    t["authors"].gold += len(gold_names)
    t["authors"].produced += len(produced_names)
    t["authors"].right += len(gold_names & produced_names)
    for a in sorted(gold_names - produced_names):
        scores.note("MISS", "author", where, a)
    if gold is not None:
        for a in sorted(produced_names - gold_names):
            scores.note("FALSE", "author", where, a)

    # zones
    gz, pz = norm(g.get("zone")), norm(p.get("zone"))
    same_province = norm(g.get("province")) == norm(p.get("province"))
    for kind, right in (("zones", gz == pz and same_province), ("zone names", gz == pz)):
        t[kind].gold += bool(gz)
        t[kind].produced += bool(pz)
        t[kind].right += bool(gz) and right
    if gz and not (gz == pz and same_province):
        scores.note("MISS", "zone", where, f"{g.get('zone')} {g.get('province', '')} (got: {p.get('zone', '')} {p.get('province', '')})")
    elif pz and not gz and gold is not None:
        scores.note("FALSE", "zone", where, f"{p.get('zone')} {p.get('province', '')}")

    _score_initiatives(where, g.get("initiatives", []), p.get("initiatives", []), scores, gold is not None)
    _score_metrics(where, g, p, scores, gold is not None)


def _score_initiatives(where, gold_names, produced_names, scores, report_false):
    tally = scores.tallies["initiatives"]
    gold_names = list(dict.fromkeys(gold_names))
    produced_names = list(dict.fromkeys(produced_names))
    tally.gold += len(gold_names)
    tally.produced += len(produced_names)
    free = list(range(len(produced_names)))
    unmatched = []
    for exact in (True, False):
        rest = []
        for name in (gold_names if exact else unmatched):
            hit = next(
                (
                    i for i in free
                    if (norm(name) == norm(produced_names[i]) if exact else initiative_names_match(name, produced_names[i]))
                ),
                None,
            )
            if hit is None:
                rest.append(name)
            else:
                free.remove(hit)
                tally.right += 1
        unmatched = rest
    for name in unmatched:
        scores.note("MISS", "initiative", where, name)
    if report_false:
        for i in free:
            scores.note("FALSE", "initiative", where, produced_names[i])


def _figure(m):
    """A figure as a finding line shows it: ``12→56家 产业链企业 (change)``, ``3-5家 …``."""

    def number(value):
        return f"{value:g}" if isinstance(value, (int, float)) else str(value)

    text = number(m.get("value"))
    if m.get("value_from") is not None:
        text = f"{number(m['value_from'])}→{text}"
    if m.get("value_max") is not None:
        text += f"-{number(m['value_max'])}"
    kind = f" ({m['kind']})" if m.get("kind") else ""
    return f"{text}{m.get('unit', '')} {m.get('label', '')}{kind}"


def _same_value(a, b):
    return a is not None and b is not None and abs(float(a) - float(b)) <= VALUE_TOLERANCE


def _same_end(a, b):
    """Both absent, or the same number."""
    return (a is None and b is None) or _same_value(a, b)


def _unit(unit):
    return unicodedata.normalize("NFKC", unit or "").strip()


def _match_figures(gold_figures, produced_figures):
    """Pairs (gold index, produced index): same ends and unit, labels that agree, closest labels first."""
    candidates = []
    for gi, g in enumerate(gold_figures):
        for pi, p in enumerate(produced_figures):
            if _unit(g.get("unit")) != _unit(p.get("unit")) or not labels_agree(g.get("label"), p.get("label")):
                continue
            if not all(_same_end(g.get(end), p.get(end)) for end in ("value", "value_from", "value_max")):
                continue
            exact = label_norm(g.get("label")) == label_norm(p.get("label"))
            run = longest_run(label_norm(g.get("label")), label_norm(p.get("label")))
            candidates.append((not exact, -run, gi, pi))
    candidates.sort()
    pairs, gold_used, produced_used = [], set(), set()
    for _, _, gi, pi in candidates:
        if gi not in gold_used and pi not in produced_used:
            pairs.append((gi, pi))
            gold_used.add(gi)
            produced_used.add(pi)
    return pairs


def _score_metrics(where, gold, produced, scores, report_false):
    tally = scores.tallies["metrics"]
    kinds = scores.tallies["metric kinds"]
    city = scores.tallies["city figures kept out"]
    gold_metrics = gold.get("metrics", [])
    gold_city = gold.get("city_figures", [])
    zone_figures = [m for m in produced.get("metrics", []) if m.get("scope", "zone") == "zone"]
    marked = [m for m in produced.get("metrics", []) + produced.get("marked", []) if m.get("scope", "zone") != "zone"]

    pairs = _match_figures(gold_metrics, zone_figures)
    hit_gold = {g for g, _ in pairs}
    hit_produced = {p for _, p in pairs}
    tally.gold += len(gold_metrics)
    tally.produced += len(zone_figures)
    tally.right += len(pairs)
    for gi, m in enumerate(gold_metrics):
        if gi not in hit_gold:
            scores.note("MISS", "metric", where, _figure(m))

    kinds.gold += len(gold_metrics)
    kinds.produced += len(zone_figures)
    for gi, pi in pairs:
        g, p = gold_metrics[gi], zone_figures[pi]
        if (g.get("kind") or "actual") == (p.get("kind") or "actual"):
            kinds.right += 1
        else:
            scores.note("KIND", "metric", where, f"{_figure(g)} (got: {p.get('kind') or 'actual'})")

    indicators = scores.tallies["indicators"]
    indicators.gold += len(pairs)
    indicators.produced += len(pairs)
    for gi, pi in pairs:
        g, p = gold_metrics[gi].get("indicator") or "", zone_figures[pi].get("indicator") or ""
        if g == p:
            indicators.right += 1
        else:
            scores.note("INDICATOR", "metric", where, f"{_figure(gold_metrics[gi])} {g or '未归类'} (got: {p or '未归类'})")
    for m in zone_figures:
        dimension = m.get("dimension") or ""
        scores.coverage[dimension] = scores.coverage.get(dimension, 0) + 1

    # A zone figure that is one of the gold city figures was given to the zone wrongly.
    rest = [i for i in range(len(zone_figures)) if i not in hit_produced]
    city_pairs = _match_figures(gold_city, [zone_figures[i] for i in rest])
    given = {rest[p] for _, p in city_pairs}
    scores.city_given += len(city_pairs)
    for _, p in city_pairs:
        scores.note("CITY", "metric", where, _figure(zone_figures[rest[p]]))
    if report_false:
        for i in rest:
            if i not in given:
                scores.note("FALSE", "metric", where, _figure(zone_figures[i]))

    kept = _match_figures(gold_city, marked)
    city.gold += len(gold_city)
    city.produced += len(marked)
    city.right += len(kept)


SOURCE_FIELDS = ("paper", "date", "page", "page_name")


def _score_source(name, gold, produced, scores):
    tally = scores.tallies["source"]
    for key in SOURCE_FIELDS:
        g, p = norm(str(gold.get(key) or "")), norm(str(produced.get(key) or ""))
        tally.gold += bool(g)
        tally.produced += bool(p)
        if g and g == p:
            tally.right += 1
        elif g:
            scores.note("MISS", "source", name, f"{key}={gold.get(key)} (got: {produced.get(key) or ''})")
        elif p:
            scores.note("FALSE", "source", name, f"{key}={produced.get(key)}")


# ------------------------------------------------------------------ report


def summary_lines(scores):
    """One line per kind: precision, recall, F1, and the counts behind them."""
    lines = [f"pages {scores.pages}"]
    for kind, tally in scores.tallies.items():
        extra = ""
        if kind == "articles":
            extra = f"  spurious {scores.spurious}"
        lines.append(
            f"{kind:<22} P {tally.precision:6.1%}  R {tally.recall:6.1%}  F1 {tally.f1:6.1%}"
            f"  ({tally.right} right / {tally.produced} produced / {tally.gold} gold){extra}"
        )
    lines.append(f"{'city figures given to zone':<22} {scores.city_given}")
    coverage = scores.coverage_dict()
    dimensions = "  ".join(f"{dim} {share:.1%}" for dim, share in coverage["by_dimension"].items())
    lines.append(f"{'indicator coverage':<22} {coverage['mapped']:.1%} of {coverage['figures']} zone figures: {dimensions}")
    return lines


def report_lines(scores):
    """The summary, every miss and false hit, and the figures as one JSON object last."""
    return [*summary_lines(scores), *scores.findings, json.dumps(scores.as_dict(), ensure_ascii=False, sort_keys=True)]


# ------------------------------------------------------------------ the ingest's side


def _figure_dict(fact, indicators=None):
    """A fact in the gold format; ``indicators``: slug -> IndicatorRule, for its indicator's name."""
    rule = (indicators or {}).get(fact.indicator)
    return {
        "indicator": rule.name if rule else "",
        "dimension": rule.dimension if rule else "",
        "value": fact.value,
        "value_from": fact.value_from,
        "value_max": fact.value_max,
        "kind": fact.kind,
        "unit": fact.unit,
        "label": fact.label,
        "scope": getattr(fact, "scope", "zone") or "zone",
    }


def produced_page(result, province_for_city=None, marked_figures=None, indicators=None):
    """A pipeline PageResult in the gold format (articles with their facts, the source).

    ``indicators``: slug -> IndicatorRule, to name each figure's indicator.

    ``marked_figures``: (body, year) -> the figures the extractor marks as a city's
    or province's (kept out of the zone's metrics), listed under ``marked``.
    """
    page = result.page
    articles = []
    for item in result.articles:
        block = item.block
        zone = item.zones[0] if item.zones else None
        province = ""
        if zone is not None:
            province = zone.province or (province_for_city(zone.city) if province_for_city and zone.city else "")
        articles.append(
            {
                "title": block.title,
                "kicker": block.kicker,
                "authors": list(block.authors),
                "zone": zone.name if zone else "",
                "province": province,
                "initiatives": list(dict.fromkeys(fact.name for fact in item.initiatives)),
                "metrics": [_figure_dict(fact, indicators) for fact in item.metrics],
                "marked": [_figure_dict(fact) for fact in (marked_figures(block.body, item.year) if marked_figures else ())],
            }
        )
    source = {
        "paper": page.paper,
        "date": page.date.isoformat() if page.date else "",
        "page": page.page,
        "page_name": page.page_name,
    }
    return {"source": source, "articles": articles}


def gold_path(page_path):
    page_path = Path(page_path)
    return page_path.with_name(page_path.stem + ".gold.json")


def corpus_pages(directory):
    """The page files of ``directory`` that have a gold file, in name order."""
    directory = Path(directory)
    return [
        path for path in sorted(directory.iterdir())
        if path.is_file() and not path.name.endswith(".json") and gold_path(path).exists()
    ]


def run_corpus(directory, steps=None, zones=None):
    """(name, gold, produced) for each page of ``directory``, analysed in memory.

    ``zones``: the zone records to link against (default: the reference zones of
    fixtures/zones.json), the vocabulary of fixtures/. Nothing is written to any database.
    """
    from articles.ingest.metrics import extract_figures
    from articles.ingest.pipeline import analyse_page, default_steps
    from articles.ingest.reader import read_pages
    from articles.vocabulary import fixture_vocabulary
    from zones.reference import province_for_city, reference_zones

    def marked(body, year):
        return [fact for fact in extract_figures(body, article_year=year) if fact.scope != "zone"]

    steps = steps or default_steps()
    zone_index = steps.make_zone_index(list(zones if zones is not None else reference_zones()))
    vocabulary = fixture_vocabulary()
    indicators = {rule.slug: rule for rule in vocabulary.indicators}
    out = []
    for path in corpus_pages(directory):
        gold = json.loads(gold_path(path).read_text(encoding="utf-8"))
        pages = read_pages(path)
        produced = {"source": {}, "articles": []}
        for page in pages:
            result = analyse_page(page, zone_index=zone_index, steps=steps, vocabulary=vocabulary)
            one = produced_page(result, province_for_city, marked, indicators)
            produced["articles"].extend(one["articles"])
            produced["source"] = produced["source"] or one["source"]
        out.append((path.name, gold, produced))
    return out


def evaluate(directory, steps=None, zones=None):
    """Scores for every page of ``directory`` against its gold file."""
    scores = Scores()
    for name, gold, produced in run_corpus(directory, steps=steps, zones=zones):
        score_page(name, gold, produced, scores)
    return scores
