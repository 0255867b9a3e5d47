"""Forms of the zone pages: choosing zones to compare, and what colours the province tiles."""
import re

from django import forms

# Slugs may be typed or pasted with any of these between them.
SLUG_SEPARATORS = re.compile(r"[\s,，、;；]+")
COMPARE_MIN, COMPARE_MAX = 2, 4


def parse_slugs(values):
    """``["a,b", "c"]`` -> ``["a", "b", "c"]``: a comma list, repeated parameters or both; repeats dropped."""
    slugs = []
    for value in values:
        for slug in SLUG_SEPARATORS.split(value):
            if slug and slug not in slugs:
                slugs.append(slug)
    return slugs


class CompareForm(forms.Form):
    """``?zones=huaibei,yantai`` (or ``zones`` repeated, as the directory's checkboxes send it)."""

    zones = forms.CharField(label="高新区", max_length=400)

    def __init__(self, data, *, queryset):
        # ``queryset``: the zones to look the slugs up in, with whatever annotations the page shows.
        super().__init__({"zones": ",".join(data.getlist("zones"))} if "zones" in data else None)
        self.queryset = queryset
        self.chosen = []

    def clean_zones(self):
        slugs = parse_slugs([self.cleaned_data["zones"]])
        if len(slugs) > COMPARE_MAX:
            raise forms.ValidationError(
                f"最多比较 {COMPARE_MAX} 个高新区（现有 {len(slugs)} 个）。", code="count"
            )
        found = {zone.slug: zone for zone in self.queryset.filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise forms.ValidationError(
                "没有这些网址标识的高新区：%(slugs)s", code="unknown", params={"slugs": "、".join(unknown)}
            )
        # Kept for the page: one zone chosen (a zone page's 比较 link) asks for more, it is no mistake.
        self.chosen = [found[slug] for slug in slugs]
        if len(slugs) < COMPARE_MIN:
            raise forms.ValidationError(
                f"请选择 {COMPARE_MIN}–{COMPARE_MAX} 个高新区（现有 {len(slugs)} 个）。", code="count"
            )
        return self.chosen


class TileColourForm(forms.Form):
    """``?indicator=slug``: shade the province tiles by an indicator's figures rather than by articles."""

    indicator = forms.ChoiceField(label="着色依据", required=False)

    def __init__(self, data, *, indicators):
        super().__init__(data)
        self.indicators = {indicator.slug: indicator for indicator in indicators}
        self.fields["indicator"].choices = [("", "文章数")] + [
            (indicator.slug, indicator.name) for indicator in indicators
        ]

    def clean_indicator(self):
        return self.indicators.get(self.cleaned_data["indicator"])
