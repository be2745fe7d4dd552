"""
Every request has an id: the one nginx gives it (X-Request-ID, its $request_id) or a new one. It is in every log
line written while the request runs (edge.logs), in the answer's X-Request-ID header, and on its error report,
so one request can be followed from the proxy's access log through the app's logs to Sentry.
"""

import re
import uuid
from contextvars import ContextVar

import sentry_sdk

HEADER = "X-Request-ID"
# What we accept from outside: an id, not arbitrary text to write into every log line.
VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

_current: ContextVar[str] = ContextVar("request_id", default="")


def current_request_id() -> str:
    """The id of the request being handled in this thread or task, or "" outside any request."""
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request.id = given if VALID.match(given) else uuid.uuid4().hex
        token = _current.set(request.id)
        if sentry_sdk.get_client().is_active():
            sentry_sdk.get_isolation_scope().set_tag("request_id", request.id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request.id
        return response
