"""The moderation queue, in the staff layout: every comment waiting, oldest first, each with
approve, reject, or redact (publish a corrected text). Moderators see no case or contact."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission
from strehe.core.forms import FreeTextField, ModelChoiceField, add_service_errors

from . import selectors, services
from .models import COMMENT_MAX_LENGTH, Comment

QUEUE_LIMIT = 100


class ModerationForm(forms.Form):
    comment = ModelChoiceField(queryset=Comment.objects.all(), widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[
            (services.Decision.APPROVE, gettext_lazy("Approve")),
            (services.Decision.REJECT, gettext_lazy("Reject")),
            (services.Decision.REDACT, gettext_lazy("Publish the corrected text")),
        ]
    )
    redacted_body = FreeTextField(
        label=gettext_lazy("Corrected text (remove personal details)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
    )


@staff_required(personal_data=False, permission=Permission.MODERATE_COMMENTS)
def moderation_queue(request: HttpRequest) -> HttpResponse:
    errors = None
    if request.method == "POST":
        form = ModerationForm(request.POST)
        if form.is_valid():
            try:
                services.comment_moderate(
                    actor=request.user,  # type: ignore[arg-type]
                    comment=form.cleaned_data["comment"],
                    decision=form.cleaned_data["decision"],
                    redacted_body=form.cleaned_data["redacted_body"] or "",
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The comment was moderated."))
                return redirect("moderation:queue")
        errors = form
    queue = list(selectors.moderation_queue()[:QUEUE_LIMIT])
    return render(request, "campaigns/moderation_queue.html", {"queue": queue, "errors": errors})
