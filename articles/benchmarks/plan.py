"""The plan of a synthetic corpus copied from the seed pages (pure: no database).

The proportions of the seed pages (``SeedProfile``), synthetic company names,
the skew of articles over zones and the plan itself (``plan_corpus``): what
``corpus.py`` writes.
"""
import re
from dataclasses import dataclass, field

from core.text import CJK_RE, split_sentences

COMPANY_SUFFIXES = ("科技", "新材料", "锂电", "生物", "电子", "智能", "精密", "环保")
YEARS = (2015, 2026)


def company_names(rng, chars, count):
    """``count`` made-up company names: two of ``chars`` and a trade (rare words for search)."""
    return [rng.choice(chars) + rng.choice(chars) + rng.choice(COMPANY_SUFFIXES) for _ in range(count)]


# ---------------------------------------------------------------- zones


def zone_weights(count, top_share):
    """Weights of ``count`` zones, Zipf-like, the first holding ``top_share`` of the total.

    The exponent is found by bisection; a share at or below an even spread
    (1 / count) gives the even spread.
    """
    if count < 1:
        return []
    if top_share <= 1 / count:
        return [1.0] * count
    top_share = min(top_share, 0.999)

    def share(exponent):
        weights = [(rank + 1) ** -exponent for rank in range(count)]
        return weights[0] / sum(weights)

    low, high = 0.0, 1.0
    while share(high) < top_share and high < 64:
        high *= 2
    for _ in range(60):
        middle = (low + high) / 2
        if share(middle) < top_share:
            low = middle
        else:
            high = middle
    return [(rank + 1) ** -high for rank in range(count)]


# ---------------------------------------------------------------- the seed pages


@dataclass(frozen=True)
class SeedMention:
    name: str
    category: str
    sentence: str
    offset: int
    type_id: int = None  # its initiative's InitiativeType


@dataclass(frozen=True)
class SeedArticle:
    """One ingested seed article and its facts: the template synthetic articles copy."""

    title: str
    body: str
    zone_names: tuple  # its zone's name, full name and aliases: replaced by the new zone's name
    kicker: str = ""
    subtitle: str = ""
    byline: str = ""
    authors: tuple = ()
    kind: str = "feature"
    column: str = ""
    captions: tuple = ()
    headings: tuple = ()  # ({"before": n, "text": …}, …)
    year: int = None
    zone_count: int = 1  # zones it names (its own included)
    mentions: tuple = ()  # SeedMention, …
    # Dicts of Metric fields (sentence and offset included), each with "mentions": the
    # (raw, sentence, offset) of every statement of it in this article.
    metrics: tuple = ()


@dataclass
class SeedProfile:
    """The seed pages as ingested: the articles to copy and the proportions to keep."""

    articles: list
    source_sizes: list  # articles per source page
    initiatives: int  # distinct initiatives the seeds produced

    @property
    def mentions(self):
        return sum(len(a.mentions) for a in self.articles)

    @property
    def metrics(self):
        return sum(len(a.metrics) for a in self.articles)

    @property
    def initiative_links(self):
        """Distinct (article, initiative name) pairs: each is a new or a known initiative."""
        return sum(len({m.name for m in a.mentions}) for a in self.articles)

    @property
    def new_initiative_share(self):
        """How often an article's programme is a new one rather than one its zone had already."""
        links = self.initiative_links
        return min(1.0, self.initiatives / links) if links else 1.0

    @property
    def undated_share(self):
        return sum(1 for a in self.articles if a.year is None) / len(self.articles)

    def characters(self):
        """The Chinese characters of the seed bodies, sorted: what company names are made of."""
        return sorted({ch for a in self.articles for ch in a.body if CJK_RE.match(ch)})

    def sentences(self):
        """The seeds' sentences of eight Chinese characters or more ending in 。！？, sorted: a tail's extra ones."""
        return sorted({
            sentence for a in self.articles for _offset, sentence in split_sentences(a.body)
            if len(CJK_RE.findall(sentence)) >= 8 and sentence.endswith(("。", "！", "？"))
        })

    def summary(self):
        n = len(self.articles)
        return {
            "seed_articles": n,
            "articles_per_source": round(n / max(1, len(self.source_sizes)), 2),
            "initiatives_per_article": round(self.initiatives / n, 2),
            "mentions_per_initiative": round(self.mentions / max(1, self.initiatives), 2),
            "metrics_per_article": round(self.metrics / n, 2),
            "mentions_per_metric": round(
                sum(len(m.get("mentions", ())) for a in self.articles for m in a.metrics) / max(1, self.metrics), 2
            ),
            "typed_initiative_share": round(
                sum(1 for a in self.articles for m in a.mentions if m.type_id) / max(1, self.mentions), 2
            ),
            "zones_per_article": round(sum(a.zone_count for a in self.articles) / n, 2),
            "undated_share": round(self.undated_share, 2),
        }


# ---------------------------------------------------------------- the corpus plan


@dataclass
class PlannedInitiative:
    number: int  # the plan's own id, unique over the corpus
    name: str
    category: str
    zone_id: int
    type_id: int = None


@dataclass
class PlannedArticle:
    source: int  # index of its source page
    position: int
    template: int  # index in profile.articles
    zone_id: int
    zone_ids: list  # every zone it names, its own first
    year: int
    title: str
    kicker: str
    subtitle: str
    byline: str
    authors: list
    kind: str
    column: str
    main_body: str  # the template's body, renamed: indexed once per (template, zone)
    tail: str  # a paragraph of its own: a made-up company and a few other seed sentences
    captions: list
    headings: list
    new_initiatives: list = field(default_factory=list)  # PlannedInitiative
    mentions: list = field(default_factory=list)  # (initiative number, sentence, offset)
    metrics: list = field(default_factory=list)  # dicts of Metric fields, "mentions" as the seed's

    @property
    def body(self):
        return f"{self.main_body}\n{self.tail}" if self.tail else self.main_body


def renamer(names, new_name):
    """A function replacing every one of ``names`` (longest first) by ``new_name``."""
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(n) for n in names))
    return lambda text: pattern.sub(new_name, text) if text else text


def plan_corpus(profile, zones, count, rng, *, companies, sentences, top_zone_share, big_zone=None):
    """Yield the synthetic corpus one source page at a time: a list of ``PlannedArticle``.

    ``zones``: (id, name) pairs.  Each article copies a seed article chosen at
    random -- so kinds, lengths, metrics and initiative mentions per article
    keep the seeds' proportions -- with the seed's zone renamed to a zone drawn
    with a skew (``top_zone_share`` of the articles in the biggest, ``big_zone``
    (an id) if given), a year in
    2015-2026 or none as often as the seeds have none, and a closing paragraph
    of its own naming a made-up company.  A programme the seed names is a new
    initiative of the zone (``new_initiative_share`` of the time) or one the
    zone already has, so mentions per initiative match the seeds'.  Pages hold
    as many articles as the seed pages do.
    """
    order = list(zones)
    rng.shuffle(order)  # which zone is big depends on the seed, not on the table's order
    if big_zone is not None:  # the seeds' biggest zone stays the biggest: its pages compare
        order.sort(key=lambda zone: zone[0] != big_zone)
    weights = zone_weights(len(order), top_zone_share)
    total, cumulative = 0.0, []
    for weight in weights:
        total += weight
        cumulative.append(total)
    zone_ids = [z[0] for z in order]
    names = dict(order)
    new_share = profile.new_initiative_share
    undated = profile.undated_share
    pools = {}  # zone id -> numbers of its initiatives
    taken = set()  # (zone id, name)
    numbers = 0
    made = source = 0
    while made < count:
        size = min(rng.choice(profile.source_sizes), count - made)
        page = []
        for position in range(size):
            template_index = rng.randrange(len(profile.articles))
            seed = profile.articles[template_index]
            zone_id, zone_name = _pick(rng, order, cumulative)
            rename = renamer(seed.zone_names, zone_name)
            drawn = rng.sample(zone_ids, k=min(len(zone_ids), seed.zone_count))
            mentioned = [zone_id] + [z for z in drawn if z != zone_id][: seed.zone_count - 1]
            year = None if rng.random() < undated else rng.randint(*YEARS)
            body = rename(seed.body)
            extra = rng.sample(sentences, k=min(len(sentences), rng.randint(0, 2)))
            # Each made-up company in as many articles as the next: the rare word is in a few.
            company = companies[(made + position) % len(companies)]
            tail = "".join([f"{company}党支部被评为{names[rng.choice(zone_ids)]}先进基层党组织。", *extra])
            article = PlannedArticle(
                source=source, position=position, template=template_index, zone_id=zone_id,
                zone_ids=mentioned, year=year, title=rename(seed.title), kicker=rename(seed.kicker),
                subtitle=rename(seed.subtitle), byline=seed.byline, authors=list(seed.authors),
                kind=seed.kind, column=seed.column, main_body=body, tail=tail,
                captions=[rename(c) for c in seed.captions],
                headings=[{**h, "text": rename(h.get("text", ""))} for h in seed.headings],
            )
            # Offsets move with the renaming; a zone name never spans a sentence's start.
            def moved(offset, seed=seed, rename=rename):
                return len(rename(seed.body[:offset]))

            chosen = {}
            pool = pools.setdefault(zone_id, [])
            for mention in seed.mentions:
                number = chosen.get(mention.name)
                if number is None:
                    if pool and rng.random() >= new_share:
                        number = rng.choice(pool)
                    else:
                        numbers += 1
                        number = numbers
                        name = mention.name
                        while (zone_id, name) in taken:
                            name = rng.choice(companies)[:2] + mention.name
                        taken.add((zone_id, name))
                        article.new_initiatives.append(
                            PlannedInitiative(number, name[:128], mention.category, zone_id, mention.type_id)
                        )
                    chosen[mention.name] = number
                article.mentions.append((number, rename(mention.sentence), moved(mention.offset)))
            pool.extend(i.number for i in article.new_initiatives)
            # One mention per initiative and sentence (two names may have become one initiative).
            article.mentions = list({(n, o): (n, s, o) for n, s, o in article.mentions}.values())
            for metric in seed.metrics:
                fields = dict(metric)
                fields["sentence"] = rename(metric["sentence"])
                fields["offset"] = moved(metric["offset"])
                fields["mentions"] = [
                    (raw, rename(sentence), moved(offset)) for raw, sentence, offset in metric.get("mentions", ())
                ]
                if fields.get("year") is not None and year is not None:
                    fields["year"] = year
                article.metrics.append(fields)
            page.append(article)
        made += len(page)
        source += 1
        yield page


def _pick(rng, order, cumulative):
    point = rng.random() * cumulative[-1]
    low, high = 0, len(cumulative) - 1
    while low < high:
        middle = (low + high) // 2
        if cumulative[middle] < point:
            low = middle + 1
        else:
            high = middle
    return order[low]
