"""The curated vocabularies: indicators (what a figure measures) and initiative types.

Loaded from fixtures/indicators.json and fixtures/initiative_types.json like the
zone list: ``load_vocabulary`` creates or updates entries by slug and never
overwrites a field a curator changed (``curated_fields``, through
``core.services.model_update``). An entry a curator deleted comes back at the next
load while its fixture lists it; one a curator added stays.

The ingest reads the vocabulary once per run as plain rules (``snapshot``), so
analysing a page needs no database; ``fixture_vocabulary`` gives the same rules
straight from the files, for the evaluation, which has no database either.
"""
import json
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db import transaction

from articles import identity
from articles.ingest.initiatives.types import TypeRule
from articles.ingest.metrics.indicators import IndicatorRule
from articles.models import Indicator, InitiativeType
from core.services import model_update

INDICATORS_FILE = "indicators.json"
TYPES_FILE = "initiative_types.json"

# Fixture keys each model takes (besides slug); ``position`` is the entry's place in its file.
COMMON_FIELDS = ("name", "synonyms", "patterns", "description")
MODEL_FIELDS = {
    Indicator: (*COMMON_FIELDS, "dimension", "units"),
    InitiativeType: (*COMMON_FIELDS, "category"),
}


@dataclass(frozen=True)
class Vocabulary:
    """Plain rules for one ingest run: no ORM objects, so analysis may run anywhere."""

    indicators: tuple = ()  # IndicatorRule, in the vocabulary's order
    initiative_types: tuple = ()  # TypeRule

    @cached_property
    def digest(self):
        """A short digest of every rule: it changes when a curator edits the vocabulary."""
        return identity.digest(repr((self.indicators, self.initiative_types)))


@dataclass
class LoadCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def read_fixture(name):
    """The entries of ``fixtures/<name>``, or [] when the file does not exist."""
    path = settings.FIXTURES_DIR / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


@transaction.atomic
def load_vocabulary():
    """Create or update indicators and initiative types from fixtures/: {model label: LoadCounts}.

    A missing fixture file loads nothing for its model.
    """
    return {
        "indicators": _load(Indicator, read_fixture(INDICATORS_FILE)),
        "initiative_types": _load(InitiativeType, read_fixture(TYPES_FILE)),
    }


def _load(model, entries):
    counts = LoadCounts()
    fields = MODEL_FIELDS[model]
    existing = {entry.slug: entry for entry in model.objects.all()}
    for position, item in enumerate(entries, 1):
        values = {f: item[f] for f in fields if f in item}
        values["position"] = position
        entry = existing.get(item["slug"])
        if entry is None:
            model.objects.create(slug=item["slug"], **values)
            counts.created += 1
            continue
        changed = model_update(entry, values, curated=set(entry.curated_fields)).changed
        if changed:
            entry.save(update_fields=[*changed, "updated_at"])
            counts.updated += 1
        else:
            counts.unchanged += 1
    return counts


def snapshot():
    """The vocabulary as it stands in the database, as plain rules for one ingest run."""
    return Vocabulary(
        indicators=tuple(indicator_rule(entry) for entry in Indicator.objects.order_by("position", "name")),
        initiative_types=tuple(type_rule(entry) for entry in InitiativeType.objects.order_by("position", "name")),
    )


def fixture_vocabulary():
    """The vocabulary as fixtures/ states it (no database), as plain rules."""
    return Vocabulary(
        indicators=tuple(indicator_rule(item) for item in read_fixture(INDICATORS_FILE)),
        initiative_types=tuple(type_rule(item) for item in read_fixture(TYPES_FILE)),
    )


def _get(entry, name, default):
    value = entry.get(name, default) if isinstance(entry, dict) else getattr(entry, name)
    return default if value is None else value


def _strings(values):
    # A curator's JSON field may hold anything; rules take a tuple of strings.
    return tuple(str(v) for v in values if v) if isinstance(values, list) else ()


def indicator_rule(entry):
    """An IndicatorRule from an Indicator or a fixture entry."""
    return IndicatorRule(
        slug=_get(entry, "slug", ""),
        name=_get(entry, "name", ""),
        dimension=_get(entry, "dimension", ""),
        units=_strings(_get(entry, "units", [])),
        synonyms=_strings(_get(entry, "synonyms", [])),
        patterns=_strings(_get(entry, "patterns", [])),
    )


def type_rule(entry):
    """A TypeRule from an InitiativeType or a fixture entry."""
    return TypeRule(
        slug=_get(entry, "slug", ""),
        name=_get(entry, "name", ""),
        category=_get(entry, "category", ""),
        synonyms=_strings(_get(entry, "synonyms", [])),
        patterns=_strings(_get(entry, "patterns", [])),
    )
