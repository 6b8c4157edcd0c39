"""What the current request tells the layers below the views: the client's address and an id.

Services take the acting user, never the HTTP request, so that a page, the API, a command and an
import call them the same way. What the audit trail still wants to know about the request (where
it came from, which request it was) travels in a context variable that RequestContextMiddleware
sets for the length of one request. Outside a request (commands, imports, tests calling services
directly) it is empty, and the audit entry says so by leaving those fields blank.
"""

import contextvars
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class RequestContext:
    client_address: str | None = None
    request_id: str = ""


NO_REQUEST = RequestContext()
_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "strehe_request_context", default=None
)


def current_request_context() -> RequestContext:
    return _current.get() or NO_REQUEST


@contextmanager
def request_context(context: RequestContext) -> Iterator[None]:
    token = _current.set(context)
    try:
        yield
    finally:
        _current.reset(token)


def context_of(request: HttpRequest) -> RequestContext:
    # REMOTE_ADDR only: a client can forge X-Forwarded-For. Behind a proxy, have the proxy set
    # REMOTE_ADDR (gunicorn --forwarded-allow-ips).
    return RequestContext(
        client_address=request.META.get("REMOTE_ADDR") or None, request_id=uuid.uuid4().hex
    )


class RequestContextMiddleware:
    """Sets the request context for everything the view calls; first in MIDDLEWARE."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        context = context_of(request)
        with request_context(context):
            response = self.get_response(request)
        response["X-Request-ID"] = context.request_id
        return response
