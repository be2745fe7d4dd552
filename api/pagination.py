"""Page-number pagination with the catalogue's own page rules and messages (scenes.pagination)."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

from scenes.pagination import PageError, paginate

MAX_PAGE_SIZE = 100
MAX_PAGE_NUMBER = 999_999_999  # scenes.pagination reads at most nine digits


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=<n>&page_size=<1..100>``; the response carries ``count``, ``next``, ``previous`` links."""

    page_size = settings.SCENES_PER_PAGE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value in (None, ""):
            return self.page_size
        if not (value.isascii() and value.isdigit() and len(value) <= 3 and 1 <= int(value) <= MAX_PAGE_SIZE):
            message = _("The page size is a whole number from 1 to %(most)d.") % {"most": MAX_PAGE_SIZE}
            raise ValidationError({"page_size": [message]})
        return int(value)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        per_page = self.get_page_size(request)
        try:
            self.page = paginate(queryset, request.query_params.get(self.page_query_param), per_page=per_page)
        except PageError as error:
            if error.status == 404:
                raise NotFound(error.message) from None
            raise ValidationError({self.page_query_param: [error.message]}) from None
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1. Past the last page: 404.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_NUMBER},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Items per page, 1 to {MAX_PAGE_SIZE} (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]


class WholeListPagination(PageNumberPagination):
    """For short lists (the trope taxonomy): all of it on the first page unless asked otherwise."""

    page_size = MAX_PAGE_SIZE
