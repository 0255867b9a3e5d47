"""One list, three renderings: the HTML page, JSON (the API) and CSV.

A ``ListEndpoint`` subclass names a FilterSet, a base queryset, an item builder
and a template. Every rendering answers from the same filtered queryset, so the
page, ``/api/...`` (or ``?format=json``) and ``?format=csv`` cannot disagree.
A list of articles adds ``CitationFormats``: ``?format=ris`` and ``?format=bibtex``.

CSV files use the JSON keys as their header row: the same names a script
reading the API already knows, and stable when the UI wording changes. They are
UTF-8 with a byte-order mark so spreadsheet programs open Chinese correctly.
Links in JSON and CSV are absolute addresses; a search snippet is plain text in CSV.
"""
import csv
import json
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from core import citations, facets, serializers
from core.facets import Facet

MAX_PAGE_SIZE = 100
# A whole list's facets are kept under the id of its stored count, which the next recount
# replaces: an entry left behind is never read again, and goes within a day.
FACETS_CACHED_SECONDS = 24 * 3600
FORMATS = ("html", "json", "csv")
CITATION_FORMATS = ("ris", "bibtex")


# A page starting this far into a list is read as DeepPaginator reads it.
DEEP_OFFSET = 1000


class DeepPaginator(Paginator):
    """Pages of a queryset in a total order (no two rows tie), deep pages read from the nearer end.

    A page past DEEP_OFFSET reads only the keys of the rows it skips, counting
    from whichever end of the list is nearer (the last page reads the list's
    order reversed, skipping less than a page), then its own rows by key: the
    skipping walks an index, not whole rows, and at most half the list.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        queryset = self.object_list
        if bottom < DEEP_OFFSET or not isinstance(queryset, QuerySet) or not queryset.ordered:
            return super().page(number)
        if self.count - top < bottom:
            keys = queryset.reverse().values_list("pk", flat=True)[self.count - top:self.count - bottom]
            keys = list(keys)[::-1]
        else:
            keys = list(queryset.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in queryset.filter(pk__in=keys)}
        return self._get_page([rows[key] for key in keys if key in rows], number, self)


class PageForm(forms.Form):
    page = forms.IntegerField(label="页码", min_value=1, max_value=10**6, required=False)
    page_size = forms.IntegerField(
        label="每页条数", min_value=1, max_value=MAX_PAGE_SIZE, required=False
    )
    format = forms.ChoiceField(
        label="格式", choices=[(f, f) for f in FORMATS], required=False
    )

    def __init__(self, *args, formats=FORMATS, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(f, f) for f in formats]


def error_fields(*forms_):
    return {
        name: [error["message"] for error in errors]
        for form in forms_
        for name, errors in form.errors.get_json_data().items()
    }


# What a spreadsheet may evaluate as a formula when a cell starts with it,
# full-width forms included (some spreadsheets fold them).
FORMULA_STARTS = frozenset("=+-@|%\t\r＝＋－＠｜％")
# What a spreadsheet may skip before reading that first character.
SKIPPED_LEADING = " \u3000\u00a0\u200b\u200c\u200d\u2060\ufeff"


def csv_cell(value):
    """A value as a CSV cell that no spreadsheet runs as a formula (a leading ' keeps it text)."""
    if isinstance(value, (list, tuple)):
        # A list of records (a metric's mentions) keeps its keys: one JSON object each.
        value = "、".join(json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str):
        first = value.lstrip(SKIPPED_LEADING)[:1]
        if first and first in FORMULA_STARTS:
            return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


class ListEndpoint(View):
    """Subclasses set the class attributes and implement ``get_queryset`` and ``item``."""

    http_method_names = ["get", "head"]
    filterset_class = None
    template_name = None
    title = ""
    section = ""
    csv_filename = "export"
    csv_filename_params = ()  # filters whose ASCII values name the CSV file
    api_url_name = ""
    facet_specs = ()
    page_size = 20
    paginate_html = True
    # The list's order is total (a unique key ends it), so its deep pages can be read from
    # the nearer end (DeepPaginator); a list whose rows can tie keeps Django's paging.
    total_order = False
    # "json" on the /api/ routes; otherwise ``?format=`` decides.
    render_as = None
    formats = FORMATS
    known_total = None  # set per request from known_count
    # The stored summary row counting the whole list (stored_tally), set per request, and
    # the field of it that is the list's length.
    known_tally = None
    tally_field = ""

    @classmethod
    def as_api_view(cls):
        # Read-only and cookie-free: a POST should meet 405, not a CSRF failure.
        return csrf_exempt(cls.as_view(render_as="json"))

    # --- hooks -----------------------------------------------------------
    def get_queryset(self):
        raise NotImplementedError

    def item(self, obj, filterset):
        raise NotImplementedError

    def get_filter_data(self):
        return self.request.GET

    def renders_html(self):
        """The request asks for the page itself, not its JSON, CSV or citations: what a queryset may leave unread."""
        return self.render_as is None and self.request.GET.get("format", "") in ("", "html")

    def get_extra_context(self, filterset, objects):
        return {}

    def get_list(self, filterset):
        """What is paged, counted and exported: the filtered queryset, or a ranked list."""
        return filterset.qs

    def stored_tally(self, filterset):
        """The stored row counting the whole list, when no filter narrows it and its counts are fresh, else None.

        Its ``tally_field`` is the list's length (``known_count``); its id, new each
        time the counts are stored again, keys the list's facets in the cache.
        """
        return None

    def known_count(self, filterset):
        """The list's length when known without counting it (a stored count), else None."""
        tally = self.known_tally
        return getattr(tally, self.tally_field) if tally is not None and self.tally_field else None

    @staticmethod
    def unfiltered(filterset, *given):
        """No filter narrows the list (an order, ``sort``, does not; nor the ``given`` ones a page fixes)."""
        data = filterset.form.cleaned_data
        exempt = {"sort", *given}
        return not any(value not in (None, "", [], ()) for name, value in data.items() if name not in exempt)

    # --- dispatch ----------------------------------------------------------
    def get(self, request, *args, **kwargs):
        filterset = self.filterset_class(
            self.get_filter_data(), queryset=self.get_queryset(), request=request
        )
        # Labels sit above their fields: no "：" after them.
        filterset.form.label_suffix = ""
        page_form = PageForm(request.GET, formats=self.formats)
        valid = filterset.is_valid() & page_form.is_valid()  # both run, for all errors
        # The list's length when known without counting it (see known_count).
        self.known_tally = self.stored_tally(filterset) if valid else None
        self.known_total = self.known_count(filterset) if valid else None
        fmt = (page_form.cleaned_data.get("format") if valid else "") or self.render_as or "html"
        if self.render_as == "json" and fmt == "html":
            fmt = "json"
        if fmt == "json":
            if not valid:
                return JsonResponse(
                    {"error": "筛选条件无效", "fields": error_fields(filterset.form, page_form)},
                    status=400,
                    json_dumps_params={"ensure_ascii": False},
                )
            return self.render_json(filterset, page_form)
        if fmt == "csv" and valid:
            return self.render_csv(filterset)
        if fmt in CITATION_FORMATS and valid:
            return self.render_citations(filterset, fmt)
        return self.render_html(filterset, page_form, valid)

    def paginate(self, queryset, page_form):
        size = page_form.cleaned_data.get("page_size") or self.page_size
        paginator = (DeepPaginator if self.total_order else Paginator)(queryset, size)
        if self.known_total is not None:
            paginator.count = self.known_total  # a cached property: set, it is not counted
        return paginator.page(page_form.cleaned_data.get("page") or 1)

    # --- renderings --------------------------------------------------------
    def render_json(self, filterset, page_form):
        try:
            page = self.paginate(self.get_list(filterset), page_form)
        except EmptyPage:
            return JsonResponse(
                {"error": "页码超出范围", "fields": {"page": ["没有这一页"]}},
                status=404,
                json_dumps_params={"ensure_ascii": False},
            )
        body = {
            "count": page.paginator.count,
            "next": self.page_link(page.next_page_number()) if page.has_next() else None,
            "previous": self.page_link(page.previous_page_number())
            if page.has_previous()
            else None,
            "results": [
                serializers.with_absolute_urls(self.item(obj, filterset), self.request)
                for obj in page.object_list
            ],
        }
        if notice := self.search_notice(filterset):
            body["notice"] = notice
        return JsonResponse(body, json_dumps_params={"ensure_ascii": False})

    def page_link(self, number):
        params = self.request.GET.copy()
        params["page"] = number
        return self.request.build_absolute_uri(f"{self.request.path}?{params.urlencode()}")

    def render_csv(self, filterset):
        def rows():
            writer = csv.writer(_Echo())
            yield "\ufeff"
            header = None
            for obj in self.get_list(filterset).iterator(chunk_size=500):
                item = self.csv_item(obj, filterset)
                if header is None:
                    header = list(item)
                    yield writer.writerow(header)
                yield writer.writerow([csv_cell(item.get(key)) for key in header])
            if header is None:
                yield writer.writerow(self.csv_empty_header())

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_csv_filename(filterset)}"'
        return response

    def csv_item(self, obj, filterset):
        item = serializers.with_absolute_urls(self.item(obj, filterset), self.request)
        if item.get("snippet"):
            # A spreadsheet shows markup as typed: the words found are not marked there.
            item["snippet"] = serializers.plain_text(item["snippet"])
        return item

    def get_csv_filename(self, filterset):
        return self.get_filename(filterset) + ".csv"

    def get_filename(self, filterset):
        """The downloaded file's name without its extension: the list and its filters."""
        # ASCII only: the one form every browser saves under the intended name.
        parts = [self.csv_filename]
        for name in self.csv_filename_params:
            value = filterset.form.cleaned_data.get(name)
            value = getattr(value, "slug", value)
            if value not in (None, ""):
                parts.append(slugify(str(value)))
        return "-".join(p for p in parts if p)

    def csv_empty_header(self):
        return []

    def base_context(self, filterset, page_form, valid):
        """What every state of a list page shows: the filter form, its errors and the list's links."""
        return {
            "title": self.title,
            "section": self.section,
            "filter": filterset,
            "form": filterset.form,
            "page_form": page_form,
            "valid": valid,
            "page_errors": error_fields(page_form),
            "api_url": self.api_url(),
            "citation_formats": any(f in CITATION_FORMATS for f in self.formats),
            # The filters in force, including any the address fixes (a province page).
            "query": self.get_filter_data(),
            "facets": [],
            "page_obj": None,
            "objects": [],
        }

    def render_html(self, filterset, page_form, valid):
        context = self.base_context(filterset, page_form, valid)
        if valid:
            queryset = filterset.qs
            if self.paginate_html:
                try:
                    page = self.paginate(self.get_list(filterset), page_form)
                except EmptyPage:
                    raise Http404("没有这一页")
                context["page_obj"] = page
                objects = list(page.object_list)
            else:
                objects = list(queryset)
            context["objects"] = objects
            length = context["page_obj"].paginator.count if context["page_obj"] else len(objects)
            context["facets"] = self.facets(queryset, length)
            context["search_notice"] = self.search_notice(filterset)
            context.update(self.get_extra_context(filterset, objects))
        return render(
            self.request, self.template_name, context, status=200 if valid else 400
        )

    def api_url(self):
        from django.urls import reverse

        return reverse(self.api_url_name) if self.api_url_name else ""

    @staticmethod
    def search_notice(filterset):
        result = getattr(filterset, "search_result", None)
        return result.notice if result is not None else ""

    # --- facets ------------------------------------------------------------
    def facets(self, queryset, length=None):
        """The list's facets with their options and links, bounded as core.facets explains.

        ``length``: the list's length, when already counted.
        """
        if not self.facet_specs:
            return []
        tally = self.known_tally
        # The whole list: its rows change only when its stored count is stored again (a new id),
        # so its facets are counted once until then, as boundedly as any list's (its first rows
        # in the order asked for).
        key = None
        if tally is not None and tally.pk is not None:
            key = f"facets:{type(self).__name__}:{tally.pk}:{self.request.GET.get('sort', '')}"
        cached = cache.get(key) if key else None
        if cached is None:
            counted, approximate = facets.count(queryset, self.facet_specs, length)
            if key:
                cache.set(key, ([rows for _spec, rows in counted], approximate), FACETS_CACHED_SECONDS)
        else:
            options, approximate = cached
            counted = list(zip(self.facet_specs, options))
        shown = []
        for spec, rows in counted:
            facet = Facet(spec.param, spec.label, self.facet_options(spec, rows), approximate)
            if facet.options:
                shown.append(facet)
        return shown

    def facet_options(self, spec, rows):
        current = self.get_filter_data().get(spec.param, "")
        options = []
        for row, n in rows:
            value = row[spec.value_field or spec.field]
            if value in ("", None):
                continue
            shown = row.get(spec.display_field) if spec.display_field else None
            shown = shown or spec.labels.get(row[spec.field], row[spec.field])
            selected = str(value) == current
            options.append(
                {
                    "value": value,
                    "label": shown,
                    "count": n,
                    "selected": selected,
                    "url": self.facet_url(spec.param, None if selected else value),
                }
            )
        return options

    def facet_url(self, param, value):
        """The list's URL with ``param`` set to ``value`` (or taken off when None), on its first page.

        Written from the request's parameters read once: a copy of the QueryDict per option
        (a search's hundred zones) cost more than counting them.
        """
        pairs, placed = [], False
        for key, values in self._facet_params:
            if key != param:
                pairs.extend((key, v) for v in values)
            elif value is not None and not placed:
                pairs.append((key, value))  # where the parameter stood, as QueryDict sets it
                placed = True
        if value is not None and not placed:
            pairs.append((param, value))
        return f"{self.request.path}?{urlencode(pairs)}" if pairs else self.request.path

    @cached_property
    def _facet_params(self):
        return [(k, vs) for k, vs in self.request.GET.lists() if k != "page"]


def citation_response(text, fmt, filename):
    """A RIS or BibTeX file, downloaded under ``filename`` (no extension)."""
    if fmt == "ris":
        content_type, extension = citations.RIS_CONTENT_TYPE, "ris"
    else:
        content_type, extension = citations.BIBTEX_CONTENT_TYPE, "bib"
    response = StreamingHttpResponse(text, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


class CitationFormats:
    """``?format=ris`` and ``?format=bibtex`` for a ListEndpoint of articles: the whole list,
    one record per article, in list order (a search's best first).

    The endpoint's objects must carry what ``serializers.article_citation`` reads.
    """

    formats = (*FORMATS, *CITATION_FORMATS)

    def render_citations(self, filterset, fmt):
        write = citations.ris if fmt == "ris" else citations.bibtex

        def records():
            for article in self.get_list(filterset).iterator(chunk_size=500):
                yield write(serializers.article_citation(article, self.request))
                if fmt == "bibtex":
                    yield "\n"

        return citation_response(records(), fmt, self.get_filename(filterset))
