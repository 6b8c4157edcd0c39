import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

LAST_ACTIVITY_KEY = "strehe_last_activity"


class IdleTimeoutMiddleware:
    """Log a staff user out after settings.STREHE_IDLE_TIMEOUT_SECONDS without a request.

    The session also expires server-side (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST);
    this check makes the rule explicit, records why the session ended, and holds even if the
    session engine is changed. Anonymous readers get no session at all.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - int(last) > settings.STREHE_IDLE_TIMEOUT_SECONDS:
                request.strehe_logout_reason = "idle"  # type: ignore[attr-defined]
                # The user is anonymous from here on; staff views send them to the login page.
                logout(request)
            else:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)
