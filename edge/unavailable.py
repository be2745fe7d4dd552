"""
When the database cannot be reached (restarting, failing over), readers get a designed 503 page with Retry-After
instead of a server error, and load balancers and crawlers know to come back. Django reconnects by itself on the
next request once the database is back (CONN_HEALTH_CHECKS), so the site recovers without a restart.

The page is rendered without the database: no request context (no user, no session), only static files.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _

# Seconds: a database restart or failover usually takes a few.
RETRY_AFTER_SECONDS = 5
MESSAGE = _("The catalogue is briefly unavailable; please try again in a few seconds.")


def is_database_down(exception) -> bool:
    return isinstance(exception, OperationalError | InterfaceError)


def unavailable(request) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"detail": MESSAGE, "errors": {}}, status=503)
    else:
        html = loader.render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def unavailable_if_database_down(request) -> HttpResponse | None:
    """For the site's 500 handler: the 503 page when the error being handled is the database being out of reach."""
    return unavailable(request) if is_database_down(sys.exc_info()[1]) else None


class DatabaseUnavailableMiddleware:
    """A view that fails to reach the database answers 503; errors elsewhere reach the 500 handler, which asks too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return unavailable(request) if is_database_down(exception) else None
