"""
A request body larger than any page accepts is refused from its Content-Length with a 413, before a byte of it
is read: a worker never spends time or memory on an upload it will refuse. The reverse proxy refuses the same
size first (deploy/nginx/, client_max_body_size); this holds when the app is reached without it.
"""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(declared)
        except ValueError:
            raise BadRequest(_("The request's Content-Length is not a number.")) from None
        if length < 0:
            raise BadRequest(_("The request's Content-Length is not a number."))
        limit = settings.MAX_REQUEST_BYTES
        if length > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request, limit: int):
    message = _("That is more than we accept in one request (%(limit)s): send smaller pictures.") % {
        "limit": filesizeformat(limit)
    }
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"detail": message, "errors": {}}, status=413)
    else:
        response = render(request, "413.html", {"message": message}, status=413)
    # The body was not read: the connection cannot carry another request after this answer.
    response["Connection"] = "close"
    return response
