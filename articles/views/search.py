"""The search page, /search/?q=: the article list, ranked by the full-text search.

It is the article list endpoint with a search template: the same FilterSet,
queryset, facets and JSON/CSV renderings as /articles/ and /api/articles/, so
the page and the API cannot disagree about what a query finds.
"""
from django.core.paginator import Paginator

from articles.search import snippet
from articles.views.pages import ArticleList

PAGE_ORPHANS = 3


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
        if valid and not (filterset.form.cleaned_data.get("q") or "").strip():
            return self.render_empty(filterset, page_form)
        return super().render_html(filterset, page_form, valid)

    def render_empty(self, filterset, page_form):
        from django.shortcuts import render

        context = {
            "title": self.title,
            "section": self.section,
            "filter": filterset,
            "form": filterset.form,
            "page_form": page_form,
            "valid": True,
            "query": self.get_filter_data(),
            "api_url": self.api_url(),
            "empty_query": True,
            "facets": [],
            "objects": [],
        }
        return render(self.request, self.template_name, context)

    def paginate(self, queryset, page_form):
        size = page_form.cleaned_data.get("page_size") or self.page_size
        paginator = Paginator(queryset, size, orphans=PAGE_ORPHANS)
        return paginator.page(page_form.cleaned_data.get("page") or 1)

    def get_extra_context(self, filterset, objects):
        result = filterset.search_result
        terms = result.terms if result else []
        for article in objects:
            article.snippet = snippet(article.body, terms)
            article.title_html = snippet(article.title, terms, width=len(article.title) or 1)
        return {
            "search_query": filterset.form.cleaned_data.get("q", ""),
            "result": result,
            "filtered": any(
                filterset.form.cleaned_data.get(name) not in (None, "")
                for name in ("zone", "province", "year", "kind", "date_from", "date_to")
            ),
        }
