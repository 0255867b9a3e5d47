"""Error pages."""
import sys

from django.views import defaults

from .middleware import database_failure_response


def server_error(request):
    """The 500 handler: a database outage outside a view (saving a session) still answers 503."""
    response = database_failure_response(request, sys.exc_info()[1])
    return response if response is not None else defaults.server_error(request)
