"""Programmes across zones: the initiative types and, for each, every zone that runs one.

Zones name one programme differently (产业链党建联盟, 锂电产业链党建联盟); the type
(InitiativeType, given at ingest by articles/ingest/initiatives/types.py or by a
curator) gathers them, so a reader sees who else runs it and reads each zone's
own sentence about it.
"""
from django.http import Http404

from articles import selectors
from articles.filters import InitiativeTypeFilterSet
from articles.models import Initiative, InitiativeType
from core import serializers
from core.facets import FacetSpec
from core.listing import ListEndpoint

from .pages import PROVINCE_FACET, InitiativeList

CATEGORY_LABELS = dict(Initiative.Category.choices)


class InitiativeTypeList(ListEndpoint):
    filterset_class = InitiativeTypeFilterSet
    template_name = "articles/initiative_type_list.html"
    title = "举措类型"
    section = "initiatives"
    csv_filename = "initiative-types"
    csv_filename_params = ("category",)
    api_url_name = "api:initiative_types"
    page_size = 100  # a curated vocabulary: one page

    def get_queryset(self):
        return selectors.initiative_type_list()

    def item(self, initiative_type, filterset):
        item = serializers.initiative_type_item(initiative_type)
        item.update(
            category_label=CATEGORY_LABELS.get(initiative_type.category, ""),
            zone_count=initiative_type.zone_count,
            initiative_count=initiative_type.initiative_count,
        )
        return item

    def get_extra_context(self, filterset, objects):
        for initiative_type in objects:
            initiative_type.category_label = CATEGORY_LABELS.get(initiative_type.category, "")
        return {}


class InitiativeTypeDetail(InitiativeList):
    """``/initiative-types/<slug>/``: the initiative list with the type fixed, grouped by zone."""

    template_name = "articles/initiative_type_detail.html"
    csv_filename = "initiative-type"
    csv_filename_params = ("type", "province", "category")
    page_size = 100  # zones by province: most types fit on one page
    facet_specs = (
        PROVINCE_FACET,
        FacetSpec("category", "类别", "category", labels=dict(Initiative.Category.choices)),
    )

    def get(self, request, *args, **kwargs):
        try:
            self.initiative_type = selectors.initiative_type_detail(kwargs["slug"])
        except InitiativeType.DoesNotExist:
            raise Http404("没有这个举措类型") from None
        return super().get(request, *args, **kwargs)

    def get_filter_data(self):
        data = self.request.GET.copy()
        data["type"] = self.initiative_type.slug
        return data

    def base_context(self, filterset, page_form, valid):
        context = super().base_context(filterset, page_form, valid)
        context["title"] = self.initiative_type.name
        context["initiative_type"] = self.initiative_type
        context["category_label"] = CATEGORY_LABELS.get(self.initiative_type.category, "")
        # The address fixes the type: the form offers the other filters only.
        filterset.form.fields.pop("type", None)
        return context

    def stored_counts(self, filterset):
        """The type's stored counts when no filter besides the type narrows the list and they are fresh."""
        if not self.unfiltered(filterset, "type"):
            return None
        if not hasattr(self, "_stored"):
            self._stored = selectors.stored_counts(self.initiative_type)
        return self._stored

    def stored_tally(self, filterset):
        return self.stored_counts(filterset)

    def get_extra_context(self, filterset, objects):
        stored = self.stored_counts(filterset)
        if stored is not None:
            return {"zone_count": stored.zones}
        return {"zone_count": selectors.initiative_zone_count(filterset.qs)}
