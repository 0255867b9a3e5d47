"""Form fields for long texts and lists, as curators edit them."""

from django import forms


class MultilineTextField(forms.CharField):
    """Text as stored: browsers send textarea newlines as CRLF and the ingest stores LF.

    Without this, saving an untouched body would change it and mark it as curated.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


class LinesListField(forms.CharField):
    """A list of names (authors, aliases, captions) edited one per line instead of as JSON.

    Blank lines and surrounding spaces are dropped; the stored list is compared as a
    list, so saving an untouched form changes nothing and marks nothing as curated.
    """

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        # The model's JSONField offers its encoder and decoder; a list of lines needs neither.
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return list(value)
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return list(initial or []) != self.to_python(data)


# --- shared behaviour ------------------------------------------------------------
