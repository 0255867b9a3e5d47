"""The ingest's side: a pipeline PageResult in the gold format, and a corpus folder analysed in memory."""
import json
from pathlib import Path

from .scoring import Scores, score_page


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

    ``marked_figures``: (body, year, default scope) -> the figures the extractor marks
    as a city's or province's (kept out of the zone's metrics), listed under ``marked``.
    """
    from articles.ingest.metrics.scope import article_scope, heading_districts

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
                "untitled": not block.title_printed,
                "kicker": block.kicker,
                "authors": list(block.authors),
                "zone": zone.name if zone else "",
                "province": province,
                "initiatives": list(dict.fromkeys(fact.name for fact in item.initiatives)),
                "metrics": [_figure_dict(fact, indicators) for fact in item.metrics],
                "marked": [
                    _figure_dict(fact) for fact in (
                        marked_figures(
                            block.body, item.year, article_scope(block.kicker, block.title, item.zones),
                            heading_districts(block.kicker, block.title),
                            list(zip(block.heading_positions, block.headings)),
                        )
                        if marked_figures else ()
                    )
                ],
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

    def marked(body, year, default_scope, zone_places, headings):
        figures = extract_figures(
            body, article_year=year, default_scope=default_scope, zone_places=zone_places, headings=headings
        )
        return [fact for fact in figures if fact.scope != "zone"]

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
