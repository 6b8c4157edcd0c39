"""One shape for every API error: {"error": code, "detail": text, "fields": {field: [text]}}.

DRF's own exceptions, and the Django exceptions the services raise (ValidationError with field
errors, PermissionDenied, Http404), all come out through `exception_handler`, so a client never
sees a 500 for its own mistake and never has to parse two shapes.

Most validation errors are 400 "invalid". A few refusals are not a malformed request but the
state of the world or a rule the request meets: the service marks them with an error code, and
they keep that code and get their own status (a full shelter is 409 "shelter_full").
"""

import itertools
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from strehe.shelters.services import NOT_ELIGIBLE, SHELTER_FULL

NON_FIELD = api_settings.NON_FIELD_ERRORS_KEY
STATUS_OF_REFUSAL = {
    SHELTER_FULL: status.HTTP_409_CONFLICT,
    NOT_ELIGIBLE: status.HTTP_422_UNPROCESSABLE_ENTITY,
}


def _refusal(exc: DjangoValidationError) -> str:
    """The first error code of `exc` that has a status of its own, or ""."""
    errors = (
        itertools.chain.from_iterable(exc.error_dict.values())
        if hasattr(exc, "error_dict")
        else exc.error_list
    )
    return next((e.code for e in errors if e.code in STATUS_OF_REFUSAL), "")


def _fields(detail: Any) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            # Django names errors of no one field "__all__"; DRF, and so this API, does not.
            (NON_FIELD if name == NON_FIELD_ERRORS else str(name)): [
                str(m) for m in (messages if isinstance(messages, list) else [messages])
            ]
            for name, messages in detail.items()
        }
    return {}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    refusal = ""
    if isinstance(exc, DjangoValidationError):
        refusal = _refusal(exc)
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages}
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
        fields = fields or {NON_FIELD: [str(m) for m in exc.detail]}  # type: ignore[union-attr]
        body = {
            "error": refusal or "invalid",
            "detail": next(iter(fields.values()))[0]
            if refusal
            else _("The request has errors; see the fields."),
            "fields": fields,
        }
        if refusal:
            response.status_code = STATUS_OF_REFUSAL[refusal]
    else:
        codes = exc.get_codes()
        body = {
            "error": codes if isinstance(codes, str) else exc.default_code,
            "detail": str(exc.detail),
            "fields": {},
        }
    response.data = body
    return response
