"""What a browser sends back from an admin page."""
from django import forms


def change_form_data(response):
    """The POST body the change page would send back unchanged (main form and inlines)."""
    data = {}

    def add(form):
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            if isinstance(value, str) and isinstance(bound.field.widget, forms.Textarea):
                value = value.replace("\n", "\r\n")  # as a browser sends a textarea
            data[bound.html_name] = [str(v) for v in value] if isinstance(value, list) else value
            if bound.field.show_hidden_initial:  # the browser sends these back too
                data[bound.html_initial_name] = data[bound.html_name]

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data
