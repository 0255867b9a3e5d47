"""The tallies of right, produced and gold answers, and one page's comparison added to them."""
from dataclasses import dataclass, field

from .matching import _match_figures, initiative_names_match, norm, pair_articles

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
        # The gold writes "" for an article printed without a title: right when none was read either.
        title = "" if p.get("untitled") else p.get("title")
        if norm(g.get("title")) == norm(title):
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
