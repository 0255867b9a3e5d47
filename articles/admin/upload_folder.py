"""An upload's private folder (导入版面): its files and what they gave, until confirmed, cancelled or swept.

The whole flow is described in upload.py.
"""
import json
import os
import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from articles.ingest.given import apply_given, clean_given
from articles.ingest.readers import limits

from .upload_preview import preview_page, preview_zone_index

UPLOADS = "uploads"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{22}$")
CONFIRMING = ".confirming"  # a folder being stored is renamed so a second click finds nothing
STALE_SECONDS = 24 * 3600
MAX_NAME_CHARS = 150
META = "upload.json"


def uploads_root():
    return Path(settings.MEDIA_ROOT) / UPLOADS


def safe_name(name, number):
    """A file name fit to keep and to name a source: no folders, controls or shell-hostile characters."""
    name = Path(str(name).replace("\\", "/")).name
    name = "".join(ch if ch.isprintable() and ch not in '<>:"/|?*' else "_" for ch in name)
    name = name.strip().lstrip(".")
    if not name:
        name = f"upload-{number}"
    if len(name) > MAX_NAME_CHARS:
        stem, suffix = os.path.splitext(name)
        suffix = suffix[:12]
        name = stem[: MAX_NAME_CHARS - len(suffix)] + suffix
    return name


def sweep_stale(now=None):
    """Delete upload folders older than STALE_SECONDS (previews never confirmed nor cancelled)."""
    root = uploads_root()
    if not root.is_dir():
        return 0
    now = now or time.time()
    removed = 0
    for folder in root.iterdir():
        token = folder.name.removesuffix(CONFIRMING)
        if not TOKEN.match(token) or not folder.is_dir():
            continue
        try:
            age = now - folder.stat().st_mtime
        except FileNotFoundError:
            continue
        if age > STALE_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


class Upload:
    """One upload's private folder: its files under ``files/``, what it is in ``upload.json``."""

    def __init__(self, token, folder, meta):
        self.token, self.folder, self.meta = token, folder, meta

    @property
    def files_dir(self):
        return self.folder / "files"

    @classmethod
    def create(cls, *, user, given, files, too_large=()):
        """Keep ``files`` in a new folder; names repeated within the upload or too large are refused."""
        root = uploads_root()
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        token = secrets.token_urlsafe(16)
        folder = root / token
        folder.mkdir(mode=0o700)
        (folder / "files").mkdir(mode=0o700)
        entries, taken = [], set()
        for number, uploaded in enumerate(files, start=1):
            name = safe_name(uploaded.name, number)
            entry = {"name": name, "size": uploaded.size, "refused": "", "pages": []}
            if name.lower() in taken:
                entry["refused"] = f"{name}: 本次上传中已有同名文件，未接收 (same name twice in one upload)"
            else:
                taken.add(name.lower())
                fd = os.open(folder / "files" / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    for chunk in uploaded.chunks():
                        out.write(chunk)
            entries.append(entry)
        limit = limits.human(limits.max_file_bytes())
        for number, name in enumerate(too_large, start=len(entries) + 1):
            name = safe_name(name, number)
            entries.append({
                "name": name, "size": None, "pages": [],
                "refused": f"{name}: 文件过大，未接收 (file too large: over the {limit} limit, INGEST_MAX_FILE_BYTES)",
            })
        meta = {
            "user": user.pk, "username": user.get_username(), "created": timezone.now().isoformat(),
            "given": given, "files": entries,
        }
        upload = cls(token, folder, meta)
        upload.save()
        return upload

    @classmethod
    def open(cls, token, user):
        """The upload ``token`` of ``user``, or None (unknown, swept, being stored, another's)."""
        if not TOKEN.match(token or ""):
            return None
        folder = uploads_root() / token
        try:
            meta = json.loads((folder / META).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if meta.get("user") != user.pk:
            return None
        return cls(token, folder, meta)

    def save(self):
        temporary = self.folder / f"{META}.tmp"
        temporary.write_text(json.dumps(self.meta, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.folder / META)

    @property
    def given(self):
        return clean_given(self.meta.get("given") or {})

    @property
    def accepted(self):
        return [entry for entry in self.meta["files"] if not entry["refused"]]

    def claim(self):
        """Rename the folder so no second confirm takes it; False when it is gone already."""
        claimed = self.folder.with_name(self.token + CONFIRMING)
        try:
            os.rename(self.folder, claimed)
        except OSError:
            return False
        self.folder = claimed
        return True

    def release(self):
        """Give a claimed folder back (the ingest could not start)."""
        original = self.folder.with_name(self.token)
        os.rename(self.folder, original)
        self.folder = original

    def discard(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------ the preview

    def analyse(self):
        """Read and analyse every file, writing nothing to the database; refused files are deleted."""
        from articles.ingest.pipeline import analyse_page, default_steps
        from articles.ingest.readers import PageError, read_pages
        from articles.vocabulary import snapshot

        steps = default_steps()
        vocabulary = snapshot()  # the preview shows the indicators and types the import will store
        zone_index = preview_zone_index(steps)
        given = self.given
        for entry in self.meta["files"]:
            if entry["refused"]:
                continue
            file_path = self.files_dir / entry["name"]
            try:
                pages = read_pages(file_path)
                entry["pages"] = [
                    preview_page(analyse_page(
                        apply_given(page, given), zone_index=zone_index, steps=steps, vocabulary=vocabulary
                    ))
                    for page in pages
                ]
            except PageError as exc:
                entry["refused"] = str(exc)
            except Exception as exc:  # noqa: BLE001 - a hostile file must not cost the others
                entry["refused"] = f"{entry['name']}: 无法读取 ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
            if entry["refused"]:
                entry["pages"] = []
                file_path.unlink(missing_ok=True)
        self.save()
