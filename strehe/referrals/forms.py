from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from strehe.accounts.roles import Permission
from strehe.cases.models import CasePart
from strehe.core.forms import FreeTextField, ModelChoiceField
from strehe.directory.models import Service

from .models import Referral, Urgency


class ServiceChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.organisation.name}: {obj.name}"


class ReferralForm(forms.Form):
    service = ServiceChoiceField(
        label=_("Refer to"),
        queryset=Service.objects.none(),
        help_text=_("Services of organisations whose staff work in the system."),
    )
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices)
    reason = FreeTextField(
        label=_("Reason for the referral"),
        help_text=_(
            "The receiving agency reads this before it accepts: do not write the person's name."
        ),
    )
    parts = forms.MultipleChoiceField(
        label=_("Parts of the case the receiving agency may see once it accepts"),
        choices=CasePart.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = (  # type: ignore[attr-defined]
            Service.objects.filter(organisation__agency__is_active=True)
            .exclude(organisation__agency__pk=user.agency_id)
            .select_related("organisation")
            .order_by("organisation__name", "name")
        )
        if user.has_role_permission(Permission.OVERRIDE_CONSENT):
            self.fields["override_reason"] = FreeTextField(
                label=_("Reason to go ahead without consent"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_(
                    "Only if the person has not consented to sharing with that agency. The "
                    "reason is kept, put on the timeline and audited."
                ),
            )


class ReferralChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(
            _("%(service)s (%(agency)s), sent by %(sender)s on %(date)s: %(state)s")
            % {
                "service": obj.service.name,
                "agency": obj.receiving_agency,
                "sender": obj.sending_agency,
                "date": obj.sent_at.date(),
                "state": obj.get_state_display(),
            }
        )


class ReferralStepForm(forms.Form):
    """Which referral of the case the step is for (a POST field: the URL has the code only)."""

    referral = ReferralChoiceField(
        label=_("Referral"), queryset=Referral.objects.none(), widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, referrals: QuerySet[Referral], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["referral"]
        field.queryset = referrals.select_related(  # type: ignore[attr-defined]
            "service", "sending_agency__organisation", "receiving_agency__organisation"
        )
        field.empty_label = None  # type: ignore[attr-defined]


class ReferralStepWithReasonForm(ReferralStepForm):
    reason = FreeTextField(label=_("Reason"), help_text=_("Kept on the case's timeline."))
