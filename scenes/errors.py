"""
Error pages in the site's design, also in development.

Django shows its technical pages for Http404 and BadRequest while DEBUG is on; readers of the demo
(which runs in development mode) should see the site's own "not found" page with a helpful message.
"""

from django import forms
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_htmx.http import reswap, retarget

from edge.unavailable import unavailable_if_database_down

# allauth's sign-up limit answers 429 without saying when to come back; a minute is an honest first wait.
DEFAULT_RETRY_AFTER = "60"

PAGES = {
    Http404: ("404.html", 404),
    BadRequest: ("400.html", 400),
    PermissionDenied: ("403.html", 403),
}


API_MESSAGES = {
    400: _("Bad request."),
    403: _("You are not allowed to do that."),
    404: _("There is nothing at this address; /api/docs/ lists every API endpoint."),
    500: _("Something went wrong on our side; please try again later."),
}


def api_error(request, message: str, status: int):
    """The JSON API (api/) answers in JSON even where Django answers before its views: unknown URLs, crashes."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message or API_MESSAGES.get(status, _("Error.")), "errors": {}}, status=status)
    return None


def flash(request, messages: list[str], *, status: int):
    """For htmx: the message alone, shown at the top of the page instead of replacing the widget."""
    response = render(request, "_flash.html", {"flash_messages": messages}, status=status)
    return reswap(retarget(response, "#flash"), "innerHTML")


def error_page(request, exception=None, *, template: str, status: int):
    message = str(exception) if exception and exception.args else ""
    # Django's resolver passes a dict as the message of an unmatched URL; it means nothing to a reader.
    if message.startswith("{"):
        message = ""
    if getattr(request, "htmx", False) and message:
        return flash(request, [message], status=status)
    return api_error(request, message, status) or render(request, template, {"message": message}, status=status)


class SiteErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429 and not response.has_header("Retry-After"):
            response["Retry-After"] = DEFAULT_RETRY_AFTER
        return response

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
    # The database out of reach anywhere in the request (a middleware, a template): the designed 503 instead.
    return (
        unavailable_if_database_down(request) or api_error(request, "", 500) or render(request, "500.html", status=500)
    )


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal shown on the form: field messages next to their fields, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)
