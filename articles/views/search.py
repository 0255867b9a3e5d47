"""The search page, /search/?q=: the article list, ranked by the full-text search.

It is the article list endpoint with a search template: the same FilterSet,
queryset, facets and JSON/CSV renderings as /articles/ and /api/articles/, so
the page and the API cannot disagree about what a query finds.  Above the
articles it lists the initiatives, initiative types, indicators and zones
whose names match (``selectors.search_named``).
"""
from django.core.paginator import Paginator
from django.shortcuts import render

from articles import selectors
from articles.search import snippet
from articles.views.pages import ArticleList

PAGE_ORPHANS = 3
# What the searcher types: the full-text box and the advanced form's fields.
QUERY_FIELDS = ("q", "title", "author", "page_name")
ADVANCED_FIELDS = ("title", "author", "page_name")
# The sidebar's narrowing filters; the rest ride along as hidden fields.
SIDEBAR_FIELDS = ("zone", "province", "year", "kind", "date_from", "date_to")
NAMED_KINDS = (
    ("initiatives", "党建举措"),
    ("types", "举措类型"),
    ("indicators", "数据指标"),
    ("zones", "高新区"),
)


class SearchView(ArticleList):
    template_name = "articles/search.html"
    title = "全文检索"
    section = "search"
    csv_filename = "search"

    def get(self, request, *args, **kwargs):
        page = request.GET.get("page")
        if page is not None and not (page.isdigit() and 0 < int(page) <= 10**6):
            # A mangled page number is not worth an error page: show the first page.
            request.GET = request.GET.copy()
            del request.GET["page"]
        return super().get(request, *args, **kwargs)

    def render_html(self, filterset, page_form, valid):
        if valid and not any((filterset.form.cleaned_data.get(name) or "").strip() for name in QUERY_FIELDS):
            return self.render_empty(filterset, page_form)
        return super().render_html(filterset, page_form, valid)

    def base_context(self, filterset, page_form, valid):
        context = super().base_context(filterset, page_form, valid)
        form = filterset.form
        context.update(
            advanced_fields=[form[name] for name in ADVANCED_FIELDS],
            # The advanced form starts open when it is in use or holds an error.
            advanced_open=any(form[name].value() or form[name].errors for name in ADVANCED_FIELDS),
            sidebar_fields=[form[name] for name in SIDEBAR_FIELDS],
            search_query=(form.data.get("q") or "").strip(),
        )
        return context

    def render_empty(self, filterset, page_form):
        context = self.base_context(filterset, page_form, True)
        context["empty_query"] = True
        return render(self.request, self.template_name, context)

    def paginate(self, queryset, page_form):
        size = page_form.cleaned_data.get("page_size") or self.page_size
        paginator = Paginator(queryset, size, orphans=PAGE_ORPHANS)
        return paginator.page(page_form.cleaned_data.get("page") or 1)

    def get_extra_context(self, filterset, objects):
        data = filterset.form.cleaned_data
        result = filterset.search_result
        terms = result.terms if result else []
        for article in objects:
            article.snippet = snippet(article.body, terms)
            article.title_html = snippet(article.title, terms, width=len(article.title) or 1)
        named = (
            selectors.search_named(data["q"], result.named_zone_ids, result.ranked.ids, result.zone_names)
            if result
            else {}
        )
        return {
            "result": result,
            "named": [(kind, label, named[kind]) for kind, label in NAMED_KINDS if kind in named],
            "sort": data.get("sort") or ("relevance" if result else "-date"),
            "filtered": any(data.get(name) not in (None, "") for name in SIDEBAR_FIELDS),
        }
