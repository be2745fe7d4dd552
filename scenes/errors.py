"""
Error pages in the site's design, also in development.

Django shows its technical pages for Http404 and BadRequest while DEBUG is on; readers of the demo
(which runs in development mode) should see the site's own "not found" page with a helpful message.
"""

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404
from django.shortcuts import render

PAGES = {
    Http404: ("404.html", 404),
    BadRequest: ("400.html", 400),
    PermissionDenied: ("403.html", 403),
}


def error_page(request, exception=None, *, template: str, status: int):
    message = str(exception) if exception and exception.args else ""
    # Django's resolver passes a dict as the message of an unmatched URL; it means nothing to a reader.
    if message.startswith("{"):
        message = ""
    return render(request, template, {"message": message}, status=status)


class SiteErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        for exception_class, (template, status) in PAGES.items():
            if isinstance(exception, exception_class):
                return error_page(request, exception, template=template, status=status)
        return None


def bad_request(request, exception):
    return error_page(request, exception, template="400.html", status=400)


def permission_denied(request, exception):
    return error_page(request, exception, template="403.html", status=403)


def page_not_found(request, exception):
    return error_page(request, exception, template="404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
