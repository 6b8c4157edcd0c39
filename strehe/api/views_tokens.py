"""The user's own API tokens: make one (its secret shown once), see them, revoke one."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from strehe.accounts.decorators import staff_required
from strehe.core.forms import posted, submit_once, with_once_token

from . import services
from .forms import ApiTokenForm
from .models import ApiToken


@staff_required(personal_data=False)
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = with_once_token(ApiTokenForm(posted(request)))
    made: list[services.MadeToken] = []
    again = False
    if request.method == "POST":

        def save(data: dict) -> str:
            made.append(
                services.api_token_create(
                    actor=request.user, name=data["name"], lifetime_days=data["lifetime_days"]
                )
            )
            return request.path

        submitted = submit_once(form, save)
        if submitted is not None:
            again = submitted.again
            form = with_once_token(ApiTokenForm())
    context = {
        "form": form,
        "tokens": ApiToken.objects.filter(user_id=request.user.pk or 0),
        "made": made[0] if made else None,
        "again": again,
        "now": timezone.now(),
    }
    # The secret is in this page only; staff_required already forbids storing it anywhere.
    return render(request, "api/tokens.html", context)


@require_POST
@staff_required(personal_data=False)
def api_token_revoke(request: HttpRequest) -> HttpResponse:
    token_id = request.POST.get("token", "")
    if not token_id.isdigit() or len(token_id) > 18:
        raise Http404
    # Only one's own tokens are found: another user's is 404, as if it did not exist.
    token = get_object_or_404(ApiToken, pk=int(token_id), user_id=request.user.pk)
    services.api_token_revoke(actor=request.user, token=token)
    return redirect("api_tokens:list")
