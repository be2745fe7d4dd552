"""Page numbers from the query string, with messages a reader understands instead of a server error."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class PageError(Exception):
    def __init__(self, message: str, *, status: int, last_page: int = 1):
        super().__init__(message)
        self.message = message
        self.status = status
        self.last_page = last_page


def paginate(items, page_param: str | None, *, per_page: int) -> Page:
    """The requested page; PageError(400) for a page that is not a number, PageError(404) past the end."""
    paginator = Paginator(items, per_page)
    if page_param in (None, ""):
        return paginator.page(1)
    if len(page_param) > 9 or not page_param.isdigit() or not page_param.isascii():
        raise PageError(_("The page must be a whole number, like page=2."), status=400)
    number = int(page_param)
    if number < 1:
        raise PageError(_("Pages are numbered from 1."), status=400)
    if number > paginator.num_pages:
        raise PageError(
            ngettext(
                "There is no page %(number)d: these results have %(pages)d page.",
                "There is no page %(number)d: these results have %(pages)d pages.",
                paginator.num_pages,
            )
            % {"number": number, "pages": paginator.num_pages},
            status=404,
            last_page=paginator.num_pages,
        )
    return paginator.page(number)


@dataclass
class RequestedPage:
    """What a page view shows: the page, or no page with the status and message of the PageError."""

    page: Page | None
    status: int = 200
    message: str = ""


def requested_page(request, items, *, per_page: int) -> RequestedPage:
    """The page of ``items`` that the request's ``?page=`` asks for (paginate()), its errors as a RequestedPage."""
    try:
        return RequestedPage(paginate(items, request.GET.get("page"), per_page=per_page))
    except PageError as error:
        return RequestedPage(None, error.status, error.message)
