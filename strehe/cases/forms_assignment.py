"""Forms of the assignment and transfer pages. They parse input; the rules are the services'
(services.assignment), whose ValidationError comes back onto the form field by field."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import Agency, User
from strehe.accounts.roles import Role
from strehe.core.forms import FreeTextField, ModelChoiceField
from strehe.core.readable import staff_name

from .forms import _override_field
from .models import Case
from .policies import case_policy


class WorkerField(ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{staff_name(obj)} ({Role(obj.role).label}, {obj.agency})"


class AssignForm(forms.Form):
    assigned_worker = WorkerField(
        label=_("Assigned worker"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody (take the case off its worker)"),
        help_text=_(
            "Staff of the owning agency or of an agency the case is shared with, whose role works "
            "on cases. The case appears in the new worker's My work."
        ),
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})["assigned_worker"] = case.assigned_worker_id
        super().__init__(*args, **kwargs)
        self.fields["assigned_worker"].queryset = (  # type: ignore[attr-defined]
            case_policy.assignable_workers(case)
            .select_related("agency__organisation")
            .order_by("agency__organisation__name", "role", "username")
        )


class TransferForm(forms.Form):
    agency = ModelChoiceField(label=_("Transfer to"), queryset=Agency.objects.none())
    note = FreeTextField(
        label=_("Why the case is transferred"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Kept, encrypted, on the case's timeline."),
    )

    def __init__(self, *args: Any, case: Case, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = (  # type: ignore[attr-defined]
            Agency.objects.filter(is_active=True)
            .exclude(pk=case.owner_agency_id)
            .select_related("organisation")
        )
        override = _override_field(user)
        if override is not None:
            self.fields["override_reason"] = override
