"""The form renderer (settings.FORM_RENDERER): Django's form templates, those of every field in Python.

A filter form renders each field through four to six template includes (its
group, its label, the widget, the widget's attributes, each option of a
select); through the template engine that cost 0.5 ms for a text field and
1 ms for a small select, 5-8 ms of every list and search page. The templates
below are written here instead, to the character (``core/tests/test_renderers``
compares them with Django's own); any other template, or a field set out as
a fieldset, is rendered by Django as before.
"""
from html import escape

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

# Django's widgets whose template is only ``{% include "django/forms/widgets/input.html" %}``.
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "checkbox", "color", "date", "datetime", "email", "file", "hidden", "number", "password",
        "search", "tel", "text", "time", "url",
    )
)


def _formatted(value):
    """``{{ value|stringformat:'s' }}``: the value as text, escaped unless it was marked safe."""
    if type(value) is str:
        return escape(value)
    text = str(value) if isinstance(value, tuple) else "%s" % (value,)
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs):
    """django/forms/attrs.html and widgets/attrs.html: `` name="value"`` each, `` name`` when True."""
    return "".join(
        f" {conditional_escape(name)}" if value is True else f' {conditional_escape(name)}="{_formatted(value)}"'
        for name, value in (attrs or {}).items()
        if value is not False
    )


def _input(widget):
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f'{value}{_attrs(widget["attrs"])}>'
    )


OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


_SELECTED = {"selected": True}


def _option(option):
    # Hundreds per select (the zones): the usual attributes, none or selected, spelled out.
    attrs = option["attrs"]
    extra = "" if not attrs else " selected" if attrs == _SELECTED else _attrs(attrs)
    label = option["label"]
    label = escape(label) if type(label) is str else conditional_escape(label)
    # An included template is not stripped: the option keeps its file's last newline.
    return f'<option value="{_formatted(option["value"])}"{extra}>{label}</option>\n'


def select_html(name, attrs, optgroups):
    """django/forms/widgets/select.html: ``optgroups`` as a Select's context gives them,
    [(group name or None, [{"value", "label", "attrs"}], index)]."""
    parts = [f'<select name="{conditional_escape(name)}"{_attrs(attrs)}>']
    for group_name, options, _index in optgroups:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts.extend(f"\n  {_option(option)}" for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _options_plain(widget):
    """Every option of the select drawn by Django's own option template (no widget of its own)."""
    return all(
        option["template_name"] == OPTION_TEMPLATE
        for _name, options, _index in widget["optgroups"]
        for option in options
    )


def _label(context):
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>"


def _field(field):
    label = field.label_tag() if field.label else ""
    help_text = ""
    if field.help_text:
        id_attr = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
        help_text = f'<div class="helptext"{id_attr}>{field.help_text}</div>'
    # The template's own lines, then stripped as Django strips every rendered template.
    return f"\n  {label}\n\n{help_text}\n{field.errors}\n{field}\n"


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            text = _input(context["widget"])
        elif template_name == "django/forms/widgets/select.html" and _options_plain(context["widget"]):
            widget = context["widget"]
            text = select_html(widget["name"], widget["attrs"], widget["optgroups"])
        elif template_name == "django/forms/label.html":
            text = _label(context)
        elif template_name == "django/forms/field.html" and not context["field"].use_fieldset:
            text = _field(context["field"])
        else:
            return super().render(template_name, context, request)
        return mark_safe(text.strip())
