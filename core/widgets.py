"""Form widgets for the filter forms every list shows."""
from django import forms
from django.utils.safestring import mark_safe

from core.renderers import select_html


class QuickSelect(forms.Select):
    """A ``<select>`` whose options are plain values rather than Django's option dicts.

    Django builds a dict of a dozen entries per ``<option>`` (``create_option``):
    for the 177 zones of the zone filter, 3 ms of every list and search page.
    Here each option is its value, label and ``selected``, written by the form
    renderer's own ``select_html``: the same markup as ``forms.Select``; the
    first option holding the value is selected.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        groups = []
        for index, (group_value, group_label) in enumerate(self.choices):
            if isinstance(group_label, (list, tuple)):
                groups.append((group_value, [self._option(v, label, chosen) for v, label in group_label], index))
            else:
                groups.append((None, [self._option(group_value, group_label, chosen)], index))
        return mark_safe(select_html(name, self.build_attrs(self.attrs, attrs), groups))

    @staticmethod
    def _option(value, label, chosen):
        value = "" if value is None else value
        selected = str(value) in chosen
        if selected:
            chosen.clear()  # a single select shows one choice
        return {"value": value, "label": label, "attrs": {"selected": True} if selected else {}}
