"""Deployment checks: what would make every page of a production server fail.

Registered as deployment checks (`manage.py check --deploy`, run by `make serve`
and by gunicorn as it starts) rather than ordinary ones: `collectstatic`, which
cures the problem, and commands such as `ingest` must still run on a machine
whose static files are not collected yet.
"""
import os

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error
from django.core.files.storage import storages

COLLECT = "Run `python manage.py collectstatic --noinput` with the production settings (make serve does)."


def static_manifest(app_configs=None, **kwargs):
    """With DEBUG off, {% static %} needs collectstatic's manifest, else every page is a 500."""
    if settings.DEBUG:
        return []
    where = os.path.join(str(settings.STATIC_ROOT), ManifestFilesMixin.manifest_name)
    try:
        storage = storages["staticfiles"]
    except ValueError as exc:  # a manifest storage reads its manifest as it is created
        return [Error(f"The static files manifest {where} is not usable: {exc}.", hint=COLLECT, id="core.E002")]
    if not isinstance(storage, ManifestFilesMixin):
        return []
    try:
        content = storage.read_manifest()
    except OSError as exc:
        return [Error(f"The static files manifest {where} cannot be read: {exc}.", hint=COLLECT, id="core.E001")]
    if content is None:
        return [
            Error(
                f"Static files have not been collected: {where} is missing, and with DEBUG off "
                "every page would answer 500 (Missing staticfiles manifest entry).",
                hint=COLLECT,
                id="core.E001",
            )
        ]
    try:
        hashed_files, _ = storage.load_manifest()
    except ValueError as exc:
        return [Error(f"The static files manifest {where} is not usable: {exc}.", hint=COLLECT, id="core.E002")]
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    missing = sorted(
        {
            storage.hash_key(os.path.join(getattr(source, "prefix", None) or "", path).replace("\\", "/"))
            for finder in get_finders()
            for path, source in finder.list(ignore)
        }
        - set(hashed_files)
    )
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        return [
            Error(
                f"{len(missing)} static file(s) are not in the manifest ({shown}): collectstatic is "
                "out of date, and pages using them would answer 500.",
                hint=COLLECT,
                id="core.E003",
            )
        ]
    return []
