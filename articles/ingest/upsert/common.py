"""What every part of the writer shares: counting an update, saving one, the page's deferred inserts."""


def _tally_update(tally, *, changed, curated_differs):
    if changed:
        tally.updated += 1
    elif curated_differs:
        tally.skipped_curated += 1
    else:
        tally.unchanged += 1


def _save(obj, changed, ingested):
    """Save ``changed`` fields and the ingest's latest reading; nothing when neither changed."""
    fields = list(changed)
    if obj.ingested_values != ingested:
        obj.ingested_values = ingested
        fields.append("ingested_values")
    if fields:
        obj.save(update_fields=[*fields, "updated_at"])


class PageInserts:
    """New rows of a page, inserted together when the page is done: one INSERT per table.

    New initiatives and metrics, a new article's zones and every new mention.
    A row may refer to a parent added here but not inserted yet (a mention to
    its new metric): the parents' models are named at construction and their
    rows go first, so their ids are set when the rows referring to them go.
    Until then the page finds a new parent by its key, as a stored one.
    """

    def __init__(self, *parents):
        self.rows = {model: [] for model in parents}  # model -> its new rows, parents first

    def add(self, model, rows):
        self.rows.setdefault(model, []).extend(rows)

    def flush(self):
        for model, rows in self.rows.items():
            model.objects.bulk_create(rows)
        self.rows.clear()
