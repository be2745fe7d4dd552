"""The API's address fields: every ``url`` the item's absolute API address, every ``web_url`` its page."""

from urllib.parse import urlencode

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse


def absolute(context, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


def api_url(context, name: str, *args, query: dict | None = None) -> str:
    url = reverse(name, args=args, request=context.get("request"))
    return f"{url}?{urlencode(query)}" if query else url


@extend_schema_field(OpenApiTypes.URI)
class WebUrlField(serializers.Field):
    """The absolute address of the item's page on the site."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return absolute(self.context, value.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The absolute API address of the item (``view_name`` with the item's ``lookup`` attribute)."""

    def __init__(self, view_name: str, lookup: str = "pk", query: str | None = None, **kwargs):
        self.view_name, self.lookup, self.query = view_name, lookup, query
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        key = getattr(value, self.lookup)
        if self.query:  # A filtered list, e.g. the scenes of a drama: /api/scenes/?drama=<slug>
            return api_url(self.context, self.view_name, query={self.query: key})
        return api_url(self.context, self.view_name, key)


@extend_schema_field(OpenApiTypes.URI)
class FileUrlField(serializers.Field):
    """The absolute address of a stored file, or null when there is none."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def get_attribute(self, instance):
        file = super().get_attribute(instance)
        return file.url if file else None

    def to_representation(self, value):
        return absolute(self.context, value) if value else None
