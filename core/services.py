"""Write rules both apps share.

``model_update`` is the one place that says how a re-read value meets a
curator's work: every field is set from the new reading unless a curator
changed it (it is named in ``curated``), in which case the curator's value
holds.  The ingest, the zone reference reload and the admin's services all
go through it.
"""
from dataclasses import dataclass, field


@dataclass
class FieldUpdate:
    changed: list = field(default_factory=list)  # fields set on the instance (not saved yet)
    curated_held: bool = False  # a curated field differed from the new reading and was kept


def model_update(instance, data, *, curated=()):
    """Set every value of ``data`` that differs on ``instance``, except curated fields.

    Nothing is saved: the caller saves ``result.changed`` (with its own
    bookkeeping fields).  Foreign keys may be given by object; they are
    compared by id so no related row is fetched.
    """
    result = FieldUpdate()
    for name, value in data.items():
        if _same(instance, name, value):
            continue
        if name in curated:
            result.curated_held = True
            continue
        setattr(instance, name, value)
        result.changed.append(name)
    return result


def _same(instance, name, value):
    field = instance._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        return getattr(instance, field.attname) == (value.pk if value is not None else None)
    return getattr(instance, name) == value
