"""The article admin, its inlines, and full-text search in its changelist."""

from django.contrib import admin
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html

from articles import curation, selectors
from articles.models import Article, InitiativeMention, Metric
from articles.search.expressions import IdIn, IdPosition
from core.text import has_case

from .display import IndexedValuesFilter, NamingInitiativeFilter, admin_link, highlight, metric_needles, province_filter
from .mixins import CurationAdmin, FirstRowsInline, RankedChangeList, RelatedCountsMixin

# Full-text hits listed in the admin's search, and as many titles holding the term;
# exact title matches always come on top.
SEARCH_LIMIT = 200


def titles_holding(term):
    """The ids of at most SEARCH_LIMIT articles whose titles hold ``term`` as typed (the index may cut
    it elsewhere): those titled exactly so first, then the newest.

    The newest are read from the index of ids and titles, newest first: a common
    term fills the list from the first few hundred titles (0.2 ms at 100,000
    articles); a rare one reads every title, as sorting every title holding
    the term did for every term (16 ms).
    """
    lookup = "icontains" if has_case(term) else "contains"
    exact = list(Article.objects.filter(title=term).order_by("-pk").values_list("pk", flat=True)[:SEARCH_LIMIT])
    newest = Article.objects.filter(**{f"title__{lookup}": term}).exclude(pk__in=exact).order_by("-pk")
    return exact + list(newest.values_list("pk", flat=True)[: SEARCH_LIMIT - len(exact)])


# --- inlines ---------------------------------------------------------------------


class MetricInline(FirstRowsInline, admin.TabularInline):
    model = Metric
    fk_name = "article"
    extra = 0
    show_change_link = True
    fields = ("sentence_marked", "label", "value", "unit", "qualifier", "year", "verified", "hidden")
    readonly_fields = ("sentence_marked",)
    verbose_name_plural = "数据指标（删除的指标不会被重新导入）"

    def all_rows_url(self, obj):
        return f"{reverse('admin:articles_metric_changelist')}?article__id__exact={obj.pk}"

    def has_add_permission(self, request, obj=None):
        # Metrics come from a sentence of the body; a curator fixes them, not invents them.
        return False

    @admin.display(description="出处句子")
    def sentence_marked(self, obj):
        return highlight(obj.sentence, metric_needles(obj))


class InitiativeMentionInline(FirstRowsInline, admin.TabularInline):
    model = InitiativeMention
    fk_name = "article"
    extra = 0
    fields = ("initiative_link", "sentence_marked", "offset")
    readonly_fields = fields
    verbose_name_plural = "提及的党建举措"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("initiative")

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # A mention is a fact of the text: hide or merge the initiative instead.
        return False

    @admin.display(description="举措")
    def initiative_link(self, obj):
        return admin_link(obj.initiative)

    @admin.display(description="句子")
    def sentence_marked(self, obj):
        return highlight(obj.sentence, [obj.initiative.name])


class InitiativeMentionOfInitiativeInline(InitiativeMentionInline):
    fk_name = "initiative"
    fields = ("article_link", "sentence_marked", "offset")
    readonly_fields = fields
    verbose_name_plural = "出处（提及此举措的文章句子）"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description="文章")
    def article_link(self, obj):
        return admin_link(obj.article)

    def all_rows_url(self, obj):
        return f"{reverse('admin:articles_article_changelist')}?{NamingInitiativeFilter.parameter_name}={obj.pk}"


# --- model admins ----------------------------------------------------------------


@admin.register(Article)
class ArticleAdmin(RelatedCountsMixin, CurationAdmin):
    list_display = (
        "title",
        "zone",
        "province",
        "kind",
        "date",
        "year",
        "source",
        "initiative_count",
        "metric_count",
        "verified",
        "hidden",
    )
    list_select_related = ("zone", "source")
    list_filter = (
        "verified",
        "hidden",
        ("possible_duplicate_of", admin.EmptyFieldListFilter),
        "kind",
        "date_source",
        ("year", IndexedValuesFilter),
        province_filter("zone"),
        ("zone", admin.RelatedOnlyFieldListFilter),
        ("column", IndexedValuesFilter),
        NamingInitiativeFilter,
    )
    search_fields = ("title",)  # replaced by full-text search in get_search_results
    search_help_text = "全文检索（标题、正文），标题完全一致的排在最前；列出全文结果与标题含检索词的文章各至多 200 篇"
    autocomplete_fields = ("zone", "zones", "possible_duplicate_of", "sources")
    date_hierarchy = "date"  # publication date
    list_per_page = 50
    list_deferred = ("body", "captions", "headings", "original_text", "ingested_values",
                     "search_title", "search_head", "search_body")
    readonly_fields = (
        "key",
        "source_link",
        "position",
        "original_text_display",
        "curated_display",
        "ingest_comparison",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("title", "kicker", "subtitle", "kind", "column")}),
        ("日期", {"fields": ("date", "year", "date_source")}),
        ("作者", {"fields": ("byline", "authors")}),
        ("正文", {"fields": ("body", "captions")}),
        ("高新区", {"fields": ("zone", "zones")}),
        ("审核", {"fields": ("verified", "hidden", "curated_display")}),
        ("出处", {"fields": ("source_link", "position", "sources", "possible_duplicate_of", "key",
                            "original_text_display")}),
        ("导入结果", {"classes": ("collapse",), "fields": ("ingest_comparison",)}),
        ("记录", {"fields": ("created_at", "updated_at")}),
    )
    inlines = (InitiativeMentionInline, MetricInline)

    related_counts = {
        "n_initiatives": (InitiativeMention, "article", "initiative"),
        "n_metrics": (Metric, "article", "pk"),
    }

    def get_changelist(self, request, **kwargs):
        return RankedChangeList

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        ranked = selectors.search_articles(Article.objects.all(), term).ranked.ids[:SEARCH_LIMIT]
        # Read once, so that the list's count, page and date filter read only the ids found
        # instead of each scanning every title.
        titled = titles_holding(term)
        # Exact title first, then titles holding the term, then the full-text order.
        order = Case(
            When(title=term, then=Value(-2)),
            When(title__icontains=term, then=Value(-1)),
            default=Coalesce(IdPosition(ranked), Value(SEARCH_LIMIT + 1)),
            output_field=IntegerField(),
        )
        found = queryset.filter(IdIn([*ranked, *titled]))
        return found.annotate(search_order=order).order_by("search_order", "pk"), False

    def save_curated(self, obj, form):
        return curation.article_update(article=obj, changed_fields=form.changed_data)

    def zones_edited(self, form):
        return [zone.pk for zone in form.cleaned_data.get("zones", ())]

    @admin.display(description="省份", ordering="zone__province")
    def province(self, obj):
        return obj.zone.province if obj.zone else "—"


    @admin.display(description="来源版面")
    def source_link(self, obj):
        return admin_link(obj.source)

    @admin.display(description="原文（OCR）")
    def original_text_display(self, obj):
        return format_html('<pre class="kb-original">{}</pre>', obj.original_text or "—")
