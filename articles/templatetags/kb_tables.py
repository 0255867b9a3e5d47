"""Tables and lists with hundreds of cells, written in Python: through the template engine each
cell of a zones-by-year table cost about 50 µs, 30 ms for a table of 50 zones, a zone's 300
figures by year 15 ms, a list of 50 figures 6 ms, the directory's 177 zones 12 ms, the 34
province tiles 7 ms, a list's 20 article lines 4-5 ms and its facets' options 3 ms, a zone's 47
indicator cards and 60 initiatives 5 ms, an article's 48 sentences and 52 figures 4-5 ms."""
from html import escape
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.links import link

from .kb_format import amount, converted, number

register = template.Library()

_EMPTY_CELL = '<td><span class="muted">—</span></td>'


def _figure_cell(metric):
    if metric is None:
        return _EMPTY_CELL
    title = escape(f"{metric.raw}：{metric.sentence}")
    value = escape(amount(metric.normalized_value, metric.normalized_unit))
    return f'<td><a href="{escape(metric.get_absolute_url())}" title="{title}">{value}</a></td>'


def _to_sentence(metric, html):
    """``html`` (escaped already) linked to the figure's sentence in its article, the sentence its title."""
    return f'<a href="{escape(metric.get_absolute_url())}" title="{escape(metric.sentence)}">{html}</a>'


@register.simple_tag
def zone_year_rows(table):
    """The body rows of a zones-by-year table (articles/views/indicators.py ``zone_year_table``):
    the zone, linked, then each year's figure linked to its sentence, or a dash."""
    rows = []
    for row in table["rows"]:
        zone = row["zone"]
        cells = "".join(_figure_cell(metric) for metric in row["cells"])
        rows.append(
            f'<tr><th scope="row"><a href="{escape(zone.get_absolute_url())}">{escape(zone.name)}</a></th>{cells}</tr>'
        )
    return mark_safe("\n".join(rows))


@register.simple_tag
def indicator_cards(groups):
    """A zone's figures as one card per indicator and unit (zones.views.indicator_groups): the
    indicator linked with its unit, the place of its chart if it has one, its figures by year,
    its targets apart."""
    cards = []
    for place, group in enumerate(groups, 1):
        indicator = group["indicator"]
        name = escape(indicator.name)
        parts = [
            f'<article class="indicator-card" aria-labelledby="indicator-{place}">'
            f'<h3 id="indicator-{place}"><a href="{escape(indicator.get_absolute_url())}">{name}</a> '
            f'<span class="muted small">{escape(group["unit_label"])}计</span></h3>'
        ]
        if group["chart_index"] is not None:
            parts.append(
                f'<div class="chart chart-small" data-chart="zone-charts" data-chart-index="{group["chart_index"]}" '
                f'role="img" aria-label="{name}历年数值折线图，数据见下表"></div>'
            )
        if group["figures"]:
            parts.append(
                f'<table class="mini-table"><caption class="visually-hidden">{name}历年数值</caption>'
                f'<tbody>{figure_year_rows(group["figures"])}</tbody></table>'
            )
        if group["targets"]:
            parts.append(
                '<table class="mini-table targets"><caption>目标值</caption>'
                f'<tbody>{figure_year_rows(group["targets"])}</tbody></table>'
            )
        parts.append("</article>")
        cards.append("".join(parts))
    return mark_safe("\n".join(cards))


@register.simple_tag
def compare_figure_rows(rows):
    """The body rows of a comparison's figures (zones.compare.Comparison.figures): the indicator,
    then each zone's latest figure linked to its sentence with its year, or a dash."""
    lines = []
    for row in rows:
        cells = []
        for metric in row["cells"]:
            if metric is None:
                cells.append('<td class="num"><span class="muted">—</span></td>')
                continue
            value = escape(amount(metric.normalized_value, metric.normalized_unit))
            year = metric.year or "年份不详"
            cells.append(
                f'<td class="num">{_to_sentence(metric, value)} <span class="muted small">{year}</span></td>'
            )
        lines.append(f'<tr><th scope="row">{escape(row["indicator"].name)}</th>{"".join(cells)}</tr>')
    return mark_safe("".join(lines))


def figure_year_rows(metrics):
    """The body rows of a zone's figures of one indicator: the year, the value linked to its
    sentence, the words the page printed."""
    rows = []
    for metric in metrics:
        year = metric.year if metric.year is not None else "年份不详"
        value = escape(amount(metric.normalized_value, metric.normalized_unit))
        rows.append(
            f'<tr><th scope="row">{year}</th><td class="num">{_to_sentence(metric, value)}</td>'
            f'<td class="muted small">{escape(metric.raw)}</td></tr>'
        )
    return mark_safe("".join(rows))


@register.simple_tag
def province_figure_rows(metrics):
    """The body rows of a province's latest figures (zones/directory.html): the indicator, the
    zone linked, the words printed linked to their sentence, the value compared, the year."""
    rows = []
    for metric in metrics:
        zone = metric.zone
        year = metric.year if metric.year is not None else "—"
        rows.append(
            f'<tr><td data-label="指标">{escape(metric.indicator.name)}</td>'
            f'<td data-label="高新区"><a href="{escape(zone.get_absolute_url())}">{escape(zone.name)}</a></td>'
            f'<td data-label="原文">{_to_sentence(metric, escape(metric.raw))}</td>'
            f'<td data-label="折算值" class="num">{escape(amount(metric.normalized_value, metric.normalized_unit))}</td>'
            f'<td data-label="年份">{year}</td></tr>'
        )
    return mark_safe("\n".join(rows))


@register.simple_tag
def indicator_rows(indicators):
    """The body rows of the indicator list: the indicator linked, its units, what else it is called,
    how many zones report it, and its figures counted, linked to the figure list of it."""
    metrics_url = escape(reverse("articles:metrics"))
    rows = []
    for indicator in indicators:
        units = "、".join(escape(unit) for unit in indicator.units or ()) or "—"
        synonyms = "、".join(escape(synonym) for synonym in indicator.synonyms or ()) or "—"
        count = indicator.metric_count
        counted = (
            f'<a href="{metrics_url}?indicator={escape(quote(indicator.slug))}">{count}</a>' if count else "0"
        )
        rows.append(
            f'<tr><td data-label="指标"><a href="{escape(indicator.get_absolute_url())}">{escape(indicator.name)}</a></td>'
            f'<td data-label="单位">{units}</td><td data-label="同义说法">{synonyms}</td>'
            f'<td data-label="高新区" class="num">{indicator.zone_count}</td>'
            f'<td data-label="数据" class="num">{counted}</td></tr>'
        )
    return mark_safe("\n".join(rows))


@register.simple_tag
def metric_rows(metrics, show_zone=False):
    """The body rows of a table of figures (includes/metric_table.html): zone, indicator (or the
    label no indicator claims), the words printed, kind, value, qualifier, year, the sentence."""
    return mark_safe("".join(_metric_row(metric, show_zone) for metric in metrics))


def _metric_row(metric, show_zone):
    cells = []
    if show_zone:
        zone = metric.zone
        shown = f'<a href="{escape(zone.get_absolute_url())}">{escape(zone.name)}</a>' if zone else "—"
        cells.append(f'<td data-label="高新区">{shown}</td>')
    if metric.indicator_id:
        indicator = metric.indicator
        label = f' <span class="muted small">{escape(metric.label)}</span>' if metric.label != indicator.name else ""
        shown = f'<a href="{escape(indicator.get_absolute_url())}">{escape(indicator.name)}</a>{label}'
    else:
        shown = f'{escape(metric.label)} <span class="muted small">未归类</span>'
    cells.append(f'<td data-label="指标">{shown}</td>')
    cells.append(f'<td data-label="原文">{escape(metric.raw)}</td>')
    cells.append(f'<td data-label="类型">{escape(str(metric.get_kind_display()))}</td>')
    if metric.normalized_value is not None:
        value = amount(metric.normalized_value, metric.normalized_unit)
    else:
        value = f"{number(metric.value)}{metric.unit}"
    cells.append(f'<td data-label="折算值" class="num">{escape(value)}</td>')
    cells.append(f'<td data-label="限定">{escape(str(metric.get_qualifier_display()))}</td>')
    period = f' <span class="muted">{escape(metric.period)}</span>' if metric.period else ""
    year = metric.year if metric.year is not None else "—"
    cells.append(f'<td data-label="年份">{year}{period}</td>')
    cells.append(
        f'<td data-label="出处">{_to_sentence(metric, "原文句子")}</td>'
    )
    return f"<tr>{''.join(cells)}</tr>"


@register.simple_tag
def initiative_items(initiatives):
    """A zone's initiatives as list items: the name linked, then how many articles name it where
    more than one does."""
    items = []
    for initiative in initiatives:
        count = initiative.article_count
        counted = f' <span class="muted small">{count} 篇文章</span>' if count > 1 else ""
        items.append(
            f'<li><a href="{escape(initiative.get_absolute_url())}">{escape(initiative.name)}</a>{counted}</li>'
        )
    return mark_safe("".join(items))


@register.simple_tag
def article_paragraphs(paragraphs):
    """An article's body (``articles.body.with_headings``): each paragraph's headings, then its
    sentences, each anchored by its offset and wrapped in the anchors of the facts quoting it."""
    parts = []
    for block in paragraphs:
        parts.extend(f'<h2 class="section-heading">{escape(heading)}</h2>' for heading in block["headings"])
        sentences = []
        for sentence in block["sentences"]:
            targets = sentence.targets
            opening = "".join(f'<span class="fact" id="{escape(target)}">' for target in targets)
            sentences.append(
                f'<span class="sentence" id="{sentence.anchor}">{opening}{escape(sentence.text)}'
                f'{"</span>" * len(targets)}</span>'
            )
        parts.append(f"<p>{''.join(sentences)}</p>")
    return mark_safe("\n".join(parts))


@register.simple_tag
def article_metric_items(metrics):
    """An article's figures as list items (``metrics``: (figure, whether its sentence was found in
    the body)): its label where the printed words lack it, the words, the value converted where
    that says more, a qualifier other than exact, and a link to the sentence or the sentence quoted."""
    items = []
    for metric, placed in metrics:
        parts = []
        if metric.label not in metric.raw:
            parts.append(f'<span class="metric-label">{escape(metric.label)}</span>')
        raw = escape(metric.raw)
        parts.append(f"<strong>{raw}</strong>")
        if normalized := converted(metric):
            parts.append(f'<span class="muted small">= {escape(normalized)}</span>')
        if metric.qualifier != "exact":
            parts.append(f'<span class="muted small">（{escape(str(metric.get_qualifier_display()))}）</span>')
        if placed:
            parts.append(
                f'<a class="to-sentence" href="#m{metric.pk}">原文句子<span class="visually-hidden">：{raw}</span></a>'
            )
        else:
            parts.append(f'<q class="small">{escape(metric.sentence)}</q>')
        items.append(f"<li>{' '.join(parts)}</li>")
    return mark_safe("\n".join(items))


@register.simple_tag
def type_initiative_items(initiatives):
    """An initiative type's programmes as result items: the name linked, the category and how many
    articles name it, the first sentence naming it quoted with a link to its article."""
    items = []
    for initiative in initiatives:
        cited = ""
        if initiative.first_sentence:
            source = ""
            if initiative.first_article_id:
                source = (
                    f'<figcaption>— <a href="{escape(link("articles:detail", initiative.first_article_id))}">'
                    "原文</a></figcaption>"
                )
            cited = f'<figure class="quote"><blockquote>{escape(initiative.first_sentence)}</blockquote>{source}</figure>'
        items.append(
            f'<li><h4><a href="{escape(initiative.get_absolute_url())}">{escape(initiative.name)}</a></h4>'
            f'<p class="result-meta"><span class="tag">{escape(str(initiative.get_category_display()))}</span>'
            f" · {initiative.article_count} 篇文章</p>{cited}</li>"
        )
    return mark_safe("\n".join(items))


@register.simple_tag
def initiative_results(initiatives):
    """The initiative list's items: the name linked; its zone, category, type and how many articles
    name it; the first sentence naming it, shortened."""
    items = []
    for initiative in initiatives:
        meta = []
        if initiative.zone:
            zone = initiative.zone
            meta.append(f'<a href="{escape(zone.get_absolute_url())}">{escape(zone.name)}</a> · ')
        meta.append(f'<span class="tag">{escape(str(initiative.get_category_display()))}</span>')
        if initiative.type:
            kind = initiative.type
            meta.append(f' · 类型 <a href="{escape(kind.get_absolute_url())}">{escape(kind.name)}</a>')
        meta.append(f" · {initiative.article_count} 篇文章")
        excerpt = ""
        if initiative.first_sentence:
            excerpt = f'<p class="excerpt">{escape(Truncator(initiative.first_sentence).chars(140))}</p>'
        items.append(
            f'<li><h3><a href="{escape(initiative.get_absolute_url())}">{escape(initiative.name)}</a></h3>'
            f'<p class="result-meta">{"".join(meta)}</p>{excerpt}</li>'
        )
    return mark_safe("\n".join(items))


@register.simple_tag
def zone_items(zones, muted=False, province=False):
    """The directory's zones as list items: a checkbox for the comparison (its form is
    #compare-form), the zone linked, its article count; ``muted`` for zones without articles,
    ``province`` to name each zone's province after it."""
    css = ' class="empty"' if muted else ""
    items = []
    for zone in zones:
        slug, name = escape(zone.slug), escape(zone.name)
        badge = (
            f' <span class="badge" title="{zone.article_count} 篇文章">{zone.article_count}'
            '<span class="visually-hidden"> 篇文章</span></span>'
            if zone.article_count else ""
        )
        where = f' <span class="muted small">{escape(zone.province)}</span>' if province else ""
        items.append(
            f'<li{css}><input type="checkbox" name="zones" value="{slug}" form="compare-form" '
            f'id="cmp-{slug}" aria-label="比较{name}"> '
            f'<a href="{escape(zone.get_absolute_url())}">{name}</a>{badge}{where}</li>'
        )
    return mark_safe("".join(items))


@register.simple_tag
def tile_items(tile_grid):
    """The province tiles of ``zones.views.tile_grid`` as list items: the province linked (its
    short name shown, its full name read out), its zones in the title, its articles or, when the
    grid is shaded by an indicator, its figure."""
    indicator, unit = tile_grid["indicator"], tile_grid["unit"]
    items = []
    for tile in tile_grid["tiles"]:
        name = escape(tile["name"])
        if indicator:
            counted = f'{tile["reporting"]} 个有{escape(indicator.name)}数据'
            value = (
                escape(amount(tile["value"], unit)) if tile["value"] is not None
                else '<span aria-hidden="true">—</span><span class="visually-hidden">暂无数据</span>'
            )
        else:
            counted = f'{tile["with_articles"]} 个有文章'
            value = f'{tile["articles"]}<span class="visually-hidden"> 篇文章</span>'
        url = escape(link("zones:province", tile["slug"]))
        items.append(
            f'<li class="tile tile-r{tile["row"]} tile-c{tile["col"]} tile-l{tile["level"]}">'
            f'<a href="{url}" title="{name}：{tile["zones"]} 个高新区，{counted}">'
            f'<span aria-hidden="true">{escape(tile["short"])}</span>'
            f'<span class="visually-hidden">{name}</span></a>'
            f'<span class="tile-value">{value}</span></li>'
        )
    return mark_safe("".join(items))


# An article line's excerpt when the list has no search snippet for it.
EXCERPT_CHARS = 110


@register.simple_tag
def article_lines(articles, search=False):
    """The items of a list of articles: the title linked; its zone linked, kind, year and authors;
    an excerpt (its search snippet, else the start of its body). ``search``: a search's results,
    whose titles and snippets are marked already (``title_html``, ``snippet``) and whose lines
    also give the publication date and the page's name."""
    return mark_safe("\n".join(_article_line(article, search) for article in articles))


def _article_line(article, search):
    meta = []
    if article.zone is not None:
        zone = article.zone
        meta.append(f'<a href="{escape(zone.get_absolute_url())}">{escape(zone.name)}</a> · ')
    meta.append(escape(article.get_kind_display()))
    if search and article.date:
        meta.append(f" · {article.date.year}年{article.date.month}月{article.date.day}日")
    elif article.year:
        meta.append(f" · {article.year}年")
    if search and article.source.page_name:
        meta.append(f" · {escape(article.source.page_name)}")
    if article.authors:
        meta.append(f' · {"、".join(escape(author) for author in article.authors)}')
    # A search's title and snippet come marked safe, their text escaped and the words marked.
    snippet = getattr(article, "snippet", None)
    title = conditional_escape(article.title_html) if search else escape(article.title)
    excerpt = conditional_escape(snippet) if snippet else escape(Truncator(article.body).chars(EXCERPT_CHARS))
    return (
        f'<li>\n<h3><a href="{escape(article.get_absolute_url())}">{title}</a></h3>\n'
        f'<p class="result-meta">{"".join(meta)}</p>\n<p class="excerpt">{excerpt}</p>\n</li>'
    )


@register.simple_tag
def facet_items(options):
    """A facet's options as list items: each linked to the list filtered by it (or, selected, to
    the list without it), with its count."""
    items = []
    for option in options:
        label = escape(str(option["label"]))
        if option["selected"]:
            link = (
                f'<a href="{escape(option["url"])}" aria-current="true" class="selected" title="取消此条件">'
                f'{label}<span class="visually-hidden">（已选，点击取消）</span> ✕</a>'
            )
        else:
            link = f'<a href="{escape(option["url"])}">{label}</a>'
        items.append(f'<li>{link} <span class="count">{option["count"]}</span></li>')
    return mark_safe("\n".join(items))
