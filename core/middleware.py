"""Middleware for running in production: security headers, database failures, admin login."""
import logging
from urllib.parse import urlsplit

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme

from . import db

logger = logging.getLogger("core.database")

# Our templates have no inline script or style and no style attributes, and the
# charts keep their data in <script type="application/json"> blocks, which a
# policy does not treat as scripts. ECharts draws on a canvas and styles its
# tooltip through the CSSOM, which style-src does not govern.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)
# Django's admin runs no inline script either, but its change lists write an
# inline <style> block (the filter sidebar) and templates/admin/base_site.html
# adds the curation widgets' styles the same way, so the admin alone allows
# inline styles. Scripts stay 'self' there too.
ADMIN_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)
# Nothing on the site needs a device or a payment.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)

_admin_prefix = SimpleLazyObject(lambda: reverse("admin:index"))


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response (Django 5.2 sets neither)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith(str(_admin_prefix))
        response.headers.setdefault(
            "Content-Security-Policy", ADMIN_CONTENT_SECURITY_POLICY if admin else CONTENT_SECURITY_POLICY
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# What a visitor reads, and how long a client should wait before trying again.
DATABASE_MESSAGES = {
    db.UNAVAILABLE: ("服务暂时不可用", "数据库暂时无法连接，请稍后再试。", 30),
    db.BUSY: ("服务器繁忙", "数据库正忙，请稍后再试。", 5),
    db.TIMEOUT: ("请求处理超时", "这个请求处理时间过长，已被中止。请缩小查询范围或稍后再试。", 30),
    db.READ_ONLY: (
        "暂时无法保存",
        "数据库目前处于只读状态，任何更改（包括登录）暂时无法保存；浏览和检索不受影响。请通知网站管理员。",
        300,
    ),
    db.FULL: (
        "暂时无法保存",
        "服务器存储空间已满，任何更改（包括登录）暂时无法保存；浏览和检索不受影响。请通知网站管理员。",
        300,
    ),
}


def database_failure_response(request, exc):
    """A 503 naming what is wrong when ``exc`` is a database outage, else None."""
    kind = db.failure_kind(exc)
    if kind is None:
        return None
    title, message, retry_after = DATABASE_MESSAGES[kind]
    # One line per request: an outage must not fill the log with tracebacks.
    logger.error("%s %s: database %s: %s", request.method, request.path, kind, str(exc).strip())
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"error": message, "reason": kind}, status=503)
    else:
        # Rendered without the request: context processors could touch the database.
        html = loader.render_to_string("503.html", {"title": title, "message": message})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A view that meets a database outage answers 503 with Retry-After, never a trace.

    Exceptions raised outside the view (saving the session after a login, for
    instance) reach ``core.views.server_error``, which answers the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return database_failure_response(request, exception)


def _is_usable_next(request, url):
    if not url or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return False
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    # The admin answers any path under it with a view that only redirects or 404s.
    return getattr(match.func, "__name__", "") != "catch_all_view"


class AdminLoginNextMiddleware:
    """The admin login's ``next`` goes to a page of this site, else to the admin index.

    Django drops an external ``next`` but then sends the user to
    LOGIN_REDIRECT_URL, and follows a local one that matches no page to a 404.
    A path that matches a URL pattern counts as a page (a zone or article that
    no longer exists still ends on its 404).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == reverse("admin:login"):
            index = reverse("admin:index")
            for method in ("GET", "POST"):
                if method == "POST" and request.method != "POST":
                    continue
                params = getattr(request, method)
                if REDIRECT_FIELD_NAME in params and not _is_usable_next(
                    request, params[REDIRECT_FIELD_NAME]
                ):
                    params = params.copy()
                    params[REDIRECT_FIELD_NAME] = index
                    setattr(request, method, params)
        return self.get_response(request)
