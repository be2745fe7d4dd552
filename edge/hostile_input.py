"""
Requests no page can use, refused at the door with a 400 before any view or database sees them.

A NUL character in the path, the query string, a form field, a cookie or a header: PostgreSQL refuses NUL in
text, so any of these reaching a query would be a server error (SQLite quietly stores it instead).
"""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

NUL = "\x00"


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(NUL in text for text in _texts(request)):
            raise BadRequest(_("Null characters are not allowed in addresses, forms, cookies or headers."))
        return self.get_response(request)


def _texts(request):
    """Every piece of text a view may pass on to the database."""
    yield request.path
    headers = (value for name, value in request.META.items() if name.startswith("HTTP_") and isinstance(value, str))
    yield from headers
    yield from request.COOKIES
    yield from request.COOKIES.values()
    # The API reads bodies with its own parsers (JSON only; its serializers refuse NUL): reading request.POST
    # here would consume a body the API must answer with a 415.
    forms = () if request.path_info.startswith("/api/") else (request.POST,)
    for data in (request.GET, *forms):
        for name, values in data.lists():
            yield name
            yield from (value for value in values if isinstance(value, str))
