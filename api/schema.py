"""What the OpenAPI schema says about every operation besides its data: errors, conditional GET, auth."""

import django_filters
import drf_spectacular.authentication
from django import forms
from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiFilterExtension
from drf_spectacular.utils import OpenApiResponse

from scenes.catalogue.filters import SEARCH_MAX_LENGTH, SLUG_MAX_LENGTH, TropeWordsFilter

from .write_serializers import ErrorSerializer

ERROR_DESCRIPTIONS = {
    400: "Invalid input: `errors` names each query parameter or body field at fault.",
    401: "Not signed in, or an unknown or revoked API token (see WWW-Authenticate).",
    403: "Not allowed: a banned fan (the reason is in `detail`) or a session request without its CSRF token.",
    404: "No such item, or no such page of results.",
    405: "The method is not allowed here (see Allow).",
    415: "The request body must be JSON (Content-Type: application/json).",
    429: "Too many requests in a short time (see Retry-After, in seconds).",
}


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code]) for code in codes}


# Every operation may meet a bad token (401) or a wrong method (405).
READ_ERRORS = (401, 405)
WRITE_ERRORS = (400, 401, 403, 404, 405, 415, 429)


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token from /api/tokens/, as `Authorization: Bearer <key>` "
            "(or `Authorization: Token <key>`).",
        }


class SessionScheme(drf_spectacular.authentication.SessionScheme):
    """Our session authentication (its CSRF refusal translated) is DRF's in the schema: the session cookie."""

    target_class = "api.authentication.SessionAuthentication"


class FilterSetParameters(OpenApiFilterExtension):
    """Query parameters read from the view's FilterSet, so the schema and the filters cannot drift apart."""

    target_class = "api.filters.FilterSetBackend"
    priority = 1

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        filterset_class = auto_schema.view.filterset_class
        return [self.parameter(name, field) for name, field in filterset_class.base_filters.items()]

    @staticmethod
    def parameter(name: str, field: django_filters.Filter) -> dict:
        parameter = {"name": name, "in": "query", "required": False, "description": str(field.label or "")}
        if isinstance(field, TropeWordsFilter):
            words = {"type": "string", "maxLength": SLUG_MAX_LENGTH}
            parameter.update(schema={"type": "array", "items": words, "maxItems": 20}, style="form", explode=True)
        elif isinstance(field, django_filters.ModelChoiceFilter):
            parameter["schema"] = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": SLUG_MAX_LENGTH}
            parameter["description"] += " (its slug, as in its URL)"
        elif isinstance(field, django_filters.NumberFilter):
            whole = issubclass(field.field_class, forms.IntegerField)
            bounds = {
                key: field.extra[f"{key[:3]}_value"]
                for key in ("minimum", "maximum")
                if f"{key[:3]}_value" in field.extra
            }
            parameter["schema"] = {"type": "integer" if whole else "number", **bounds}
        elif isinstance(field, django_filters.ChoiceFilter):
            parameter["schema"] = {"type": "string", "enum": [str(key) for key, _ in field.extra["choices"]]}
        else:
            parameter["schema"] = {"type": "string", "maxLength": field.extra.get("max_length", SEARCH_MAX_LENGTH)}
        return parameter
