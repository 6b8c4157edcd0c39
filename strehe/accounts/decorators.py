"""The guard every staff view goes through."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from .roles import Permission

View = Callable[..., HttpResponse]


def staff_required(
    *, personal_data: bool, permission: Permission | None = None
) -> Callable[[View], View]:
    """Require a logged-in user, verified by TOTP if their role needs it, holding `permission`.

    `personal_data` declares whether the page shows personal data; the authorization matrix test
    requests every page so marked with every role. Responses are never cached. Records the user
    may not see are refused by the policies with 404, inside the view.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        @never_cache
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if user.requires_two_factor and not user.is_verified():  # type: ignore[union-attr,attr-defined]
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('accounts:two_factor')}?{query}")
            if permission is not None and not user.has_role_permission(permission):  # type: ignore[union-attr]
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.shows_personal_data = personal_data  # type: ignore[attr-defined]
        return wrapped

    return decorator


def before_two_factor(view: View) -> View:
    """Mark a login-step page (login, TOTP) that shows no personal data and needs no TOTP yet."""

    wrapped = never_cache(view)
    wrapped.shows_personal_data = False  # type: ignore[attr-defined]
    return wrapped
