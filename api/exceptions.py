"""
Every error of the API as JSON: ``{"detail": "<a sentence for people>", "errors": {"<field>": ["..."]}}``.

DRF calls ``exception_handler`` for anything a view raises. The rules of the community (bans, rate
limits, refused actions) raise Django or community exceptions; they are translated here, so the
services stay the same for pages and API. ``errors`` is empty unless fields were at fault.
"""

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from community.ratelimit import RateLimited

NON_FIELD_ERRORS = "non_field_errors"


class TooManyRequests(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = _("Too many requests; slow down.")
    default_code = "rate_limited"

    def __init__(self, *, wait: int, detail: str | None = None):
        super().__init__(detail)
        self.wait = wait


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error details as ``{"field": [...], "items.0.name": [...]}``."""
    if isinstance(detail, dict):
        flat = {}
        for key, value in detail.items():
            flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        flat = {}
        for index, item in enumerate(detail):
            flat.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    messages = detail if isinstance(detail, list) else [detail]
    return {prefix or NON_FIELD_ERRORS: [str(message) for message in messages]}


def error_body(detail, *, message: str | None = None) -> dict:
    """The one error shape: a readable ``detail`` and the field errors, if any."""
    if isinstance(detail, dict | list):
        errors = _flatten(detail)
        messages = [text for texts in errors.values() for text in texts]
        if isinstance(detail, list):
            errors = {}  # Errors of the request as a whole, not of a field: the detail says it all.
        return {"detail": message or " ".join(dict.fromkeys(messages)) or _("Invalid input."), "errors": errors}
    return {"detail": message or str(detail), "errors": {}}


def _as_api_exception(exc) -> exceptions.APIException | None:
    if isinstance(exc, exceptions.APIException):
        return exc
    if isinstance(exc, Http404):
        message = str(exc) if exc.args and isinstance(exc.args[0], str) else _("Not found.")
        return exceptions.NotFound(message)
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, RateLimited):
        noun = exc.action.replace("_", " ")
        return TooManyRequests(
            wait=exc.retry_after,
            detail=ngettext(
                "Too many requests (%(action)s) in a short time; try again in %(seconds)d second.",
                "Too many requests (%(action)s) in a short time; try again in %(seconds)d seconds.",
                exc.retry_after,
            )
            % {"action": noun, "seconds": exc.retry_after},
        )
    if isinstance(exc, DjangoValidationError):  # community.services.ActionRefused and model validation
        return exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    if isinstance(exc, SuspiciousOperation | BadRequest):  # e.g. a request body over the size limit
        return exceptions.ParseError(str(exc) or None)
    return None


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: any known error becomes JSON; unknown ones stay server errors."""
    api_exception = _as_api_exception(exc)
    if api_exception is None:
        return None
    headers = {}
    if getattr(api_exception, "auth_header", None):
        headers["WWW-Authenticate"] = api_exception.auth_header
    if getattr(api_exception, "wait", None):
        headers["Retry-After"] = str(int(api_exception.wait))
    set_rollback()
    return Response(error_body(api_exception.detail), status=api_exception.status_code, headers=headers)
