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
    """New rows no later read of the page depends on, inserted together when the page is done.

    A new article's zones and every new mention: one INSERT per table and page
    instead of one per article.
    """

    def __init__(self):
        self.rows = {}  # model -> its new rows, in order

    def add(self, model, rows):
        self.rows.setdefault(model, []).extend(rows)

    def flush(self):
        for model, rows in self.rows.items():
            model.objects.bulk_create(rows)
        self.rows.clear()


def _insert(pending, model, rows):
    """Insert ``rows`` now, or with the page's other new rows when ``pending`` (a PageInserts)."""
    if pending is None:
        model.objects.bulk_create(rows)
    else:
        pending.add(model, rows)


# ---------------------------------------------------------------- services
