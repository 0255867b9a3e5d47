"""One item of the JSON API: ``/api/articles/<id>/`` (with its body), ``/api/initiatives/<id>/``,
``/api/metrics/<id>/``; the zone's is in zones/api.py.

An item is the list's item shape with everything: the body, the facts read
from it, where it is mentioned. What the public cannot see answers 404 as
JSON, like an id that never existed. An article also answers
``?format=ris`` and ``?format=bibtex``.
"""
from django import forms
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from articles import selectors
from articles.models import Article, Initiative, Metric
from core import citations, serializers
from core.listing import CITATION_FORMATS, citation_response, error_fields

# Larger ids cannot be stored: asking the database for one would be an error, not a miss.
MAX_ID = 2**63 - 1


def item_id(text):
    """The id in an item's address, or None for one no item can have (``abc``, ``-1``, 10**30)."""
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_ID:
        return None
    return int(text)


class ItemFormatForm(forms.Form):
    format = forms.ChoiceField(choices=[(f, f) for f in ("json", *CITATION_FORMATS)], required=False)


def json_response(body, status=200):
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def not_found(message):
    return json_response({"error": message}, status=404)


def item_response(request, item):
    return json_response(serializers.with_absolute_urls(item, request))


@require_safe
def article(request, pk):
    form = ItemFormatForm(request.GET)
    if not form.is_valid():
        return json_response({"error": "格式无效", "fields": error_fields(form)}, status=400)
    try:
        obj = selectors.article_detail(item_id(pk))
    except Article.DoesNotExist:
        return not_found("没有这篇文章")
    fmt = form.cleaned_data["format"] or "json"
    if fmt in CITATION_FORMATS:
        record = serializers.article_citation(obj, request)
        write = citations.ris if fmt == "ris" else citations.bibtex
        return citation_response(write(record), fmt, f"article-{obj.pk}")

    metrics, mentions = selectors.article_facts(obj)
    item = serializers.article_item(obj, body=True)
    item["citation"] = citations.gbt7714(serializers.article_citation(obj))
    initiatives = {m.initiative_id: m.initiative for m in mentions}
    item["initiatives"] = [
        serializers.with_absolute_urls(
            {"id": i.pk, "name": i.name, "category": i.category, "url": i.get_absolute_url()}, request
        )
        for i in initiatives.values()
    ]
    item["metrics"] = [serializers.with_absolute_urls(serializers.metric_item(m), request) for m in metrics]
    return item_response(request, item)


@require_safe
def initiative(request, pk):
    try:
        obj, mentions = selectors.initiative_detail(item_id(pk))
    except Initiative.DoesNotExist:
        return not_found("没有这项举措")
    item = serializers.initiative_item(obj)
    item["mentions"] = [
        serializers.with_absolute_urls(
            {
                "article_id": m.article_id,
                "title": m.article.title,
                "sentence": m.sentence,
                "url": f"{m.article.get_absolute_url()}#im{m.pk}",
            },
            request,
        )
        for m in mentions
    ]
    return item_response(request, item)


@require_safe
def metric(request, pk):
    try:
        obj = selectors.metric_list().get(pk=item_id(pk))
    except Metric.DoesNotExist:
        return not_found("没有这项数据")
    return item_response(request, serializers.metric_item(obj))
