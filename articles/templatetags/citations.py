"""``{{ article|gbt7714 }}``: the article page's reference, written by core.citations."""
from django import template

from core import citations, serializers

register = template.Library()


@register.filter
def gbt7714(article):
    return citations.gbt7714(serializers.article_citation(article))
