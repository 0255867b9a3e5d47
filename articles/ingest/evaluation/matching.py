"""Which texts, articles and figures match: the words of a text, title similarity, the pairing of
a page's articles, the one-to-one matching of figures (the rules: the package docstring)."""
import re
import unicodedata

PAIR_MIN = 0.5  # title similarity under which two articles are not paired by title
LABEL_RUN = 2  # characters two metric labels must share in a row to agree
VALUE_TOLERANCE = 1e-6


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
    """How alike two articles' headlines are (0-1); see the package docstring."""
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
    """[(gold index, produced index)] in gold order; see the package docstring."""
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
    # By position: as many unpaired articles of each between the same paired
    # neighbours (untitled briefs in a row), in order.
    anchors = sorted(by_gold.items())
    bounds = [(-1, -1), *anchors, (len(gold_articles), len(produced_articles))]
    for (g0, p0), (g1, p1) in zip(bounds, bounds[1:]):
        if p1 < p0:
            continue
        golds = [g for g in range(g0 + 1, g1) if g not in by_gold]
        produced = [p for p in range(p0 + 1, p1) if p not in used]
        if golds and len(golds) == len(produced):
            for gi, pi in zip(golds, produced):
                g, p = gold_articles[gi], produced_articles[pi]
                if _same_zone(g, p) or title_similarity(g, p) >= 0.2:
                    by_gold[gi] = pi
                    used.add(pi)
    return sorted(by_gold.items())


def _same_zone(gold, produced):
    """Both about one zone, or both about none (a city's or another park's brief)."""
    return norm(gold.get("zone") or "") == norm(produced.get("zone") or "")


# ------------------------------------------------------------------ figures


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
