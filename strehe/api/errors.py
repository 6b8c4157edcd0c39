"""One shape for every API error: {"error": code, "detail": text, "fields": {field: [text]}}.

DRF's own exceptions, and the Django exceptions the services raise (ValidationError with field
errors, PermissionDenied, Http404), all come out through `exception_handler`, so a client never
sees a 500 for its own mistake and never has to parse two shapes.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class Conflict(exceptions.APIException):
    """A request that is well formed but cannot be done in the present state (a full shelter)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _fields(detail: Any) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            str(name): [str(m) for m in (messages if isinstance(messages, list) else [messages])]
            for name, messages in detail.items()
        }
    return {}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        fields = _fields(exc.detail)
        body = {
            "error": "invalid",
            "detail": _("The request has errors; see the fields."),
            "fields": fields or {"non_field_errors": [str(m) for m in exc.detail]},  # type: ignore[union-attr]
        }
    else:
        codes = exc.get_codes()
        body = {
            "error": codes if isinstance(codes, str) else exc.default_code,
            "detail": str(exc.detail),
            "fields": {},
        }
    response.data = body
    return response
