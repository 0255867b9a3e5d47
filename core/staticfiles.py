"""Static files that follow `collectstatic` without restarting the server.

Django's manifest storage reads ``staticfiles.json`` once, when the storage is
first used, and WhiteNoise indexes STATIC_ROOT once, when the middleware is
built. A server started before `collectstatic` therefore answered 500
("Missing staticfiles manifest entry") until restarted, and one running during
a deployment kept naming the old files, or named new ones it would not serve.

WHITENOISE_AUTOREFRESH would fix the second half by looking every static
request up on disk, but WhiteNoise documents it for development only: each
request pays for the lookup and its headers. Instead:

- the storage looks at the manifest's modification time at most every
  ``check_interval`` seconds and reloads it when it changed, keeping the
  manifest it has while a new one is being written;
- the middleware re-indexes STATIC_ROOT only when a request under STATIC_URL
  misses its index *and* the manifest changed since the last index, which
  happens once per deployment.

`manage.py check --deploy` still refuses to start with no manifest at all
(``core.checks``): a server that starts must be able to render its pages.
"""
import os
import threading
import time

from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.storage import CompressedManifestStaticFilesStorage


def _mtime(path):
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


class ReloadingManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed manifest storage, reloading a manifest that changed on disk."""

    check_interval = 2.0  # seconds between looks at the manifest's modification time

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._checked_at = time.monotonic()
        self._loaded_mtime = self._manifest_mtime()
        self._collecting = False

    def _manifest_mtime(self):
        try:
            return _mtime(self.manifest_storage.path(self.manifest_name))
        except NotImplementedError:  # a storage without local paths: never reloads
            return None

    def _reload_if_changed(self):
        now = time.monotonic()
        if self._collecting or now - self._checked_at < self.check_interval:
            return
        self._checked_at = now
        mtime = self._manifest_mtime()
        if mtime is None or mtime == self._loaded_mtime:
            # Missing: collectstatic deletes the old manifest just before
            # writing the new one. Keep what we have and look again later.
            return
        with self._lock:
            try:
                hashed_files, manifest_hash = self.load_manifest()
            except ValueError:  # being written: try again at the next look
                return
            if hashed_files:
                self.hashed_files, self.manifest_hash = hashed_files, manifest_hash
                self._loaded_mtime = mtime

    def stored_name(self, name):
        self._reload_if_changed()
        return super().stored_name(name)

    def post_process(self, *args, **kwargs):
        self._collecting = True
        try:
            yield from super().post_process(*args, **kwargs)
        finally:
            self._collecting = False


class ReloadingWhiteNoiseMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, re-indexing STATIC_ROOT once after each `collectstatic`."""

    manifest_name = ReloadingManifestStaticFilesStorage.manifest_name

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._rescan_lock = threading.Lock()
        self._indexed_mtime = self._manifest_mtime()

    def _manifest_mtime(self):
        if not self.static_root:
            return None
        return _mtime(os.path.join(self.static_root, self.manifest_name))

    def __call__(self, request):
        path = request.path_info
        if (
            not self.autorefresh
            and self.static_root
            and path.startswith(self.static_prefix)
            and path not in self.files
        ):
            mtime = self._manifest_mtime()
            if mtime is not None and mtime != self._indexed_mtime:
                with self._rescan_lock:
                    if mtime != self._indexed_mtime:
                        self.add_files(self.static_root, prefix=self.static_prefix)
                        self._indexed_mtime = mtime
        return super().__call__(request)
