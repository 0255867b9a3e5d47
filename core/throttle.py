"""Admin login throttling with django-axes.

Why django-axes rather than a counter in the cache: gunicorn runs several
worker processes and the configured cache (LocMemCache) is private to each, so
a cache-based limiter would grant every worker its own allowance unless a
shared cache server were added. Axes keeps failed attempts in the database
every worker already shares, survives restarts, lists attempts in the admin
and comes with ``axes_reset`` commands to unlock. It is maintained under the
Jazzband umbrella.

A lock applies to a username *from one client address* (see
AXES_LOCKOUT_PARAMETERS in settings): curators behind one office NAT do not
lock each other out, and nobody can lock an administrator out from elsewhere.
"""
from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses every login from a locked-out client, even with the right password.

    ``authenticate()`` without a request (the test client's ``login()``, a
    shell) comes from no remote client and is not throttled, where plain Axes
    would raise.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The client's address: the peer, or behind our proxy the address the proxy saw.

    A reverse proxy configured as in the README appends the peer it saw to
    X-Forwarded-For; only that last entry is trusted, since anything before it
    came from the client.
    """
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR") or None


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets (429), in the site's language."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": max(1, round(cool_off.total_seconds() / 60)) if cool_off else None,
    }
    response = render(request, "429.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
