"""Forms of the case action pages. They parse input; the rules live in the services.

A form checks only the shape of what was typed (a date is a date, a choice is on its list). Whether
the act is allowed, and every rule of the procedures, is the service's to decide: its
ValidationError comes back onto the form with strehe.core.forms.add_service_errors.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from strehe.accounts.models import Agency, User
from strehe.accounts.roles import Permission, Role
from strehe.core.forms import (
    FreeTextField,
    ModelChoiceField,
    ModelMultipleChoiceField,
    NameField,
    PastDateField,
    PlanDateField,
)

from .codes import ControlMethod, EventKind, Exploitation
from .models import Case, ClosingReason, ConsentScope, FollowUp, RiskLevel, Stage
from .selectors import (
    assessor_candidates,
    case_person_links,
    case_sharing,
    follow_up_assignee_candidates,
)
from .stages import stages_reachable_from

OVERRIDE_HELP = _(
    "Only if the person has not consented and you must go ahead anyway, for example to protect "
    "a life. The reason is recorded, audited and shown on the timeline."
)


def _override_field(user: Any) -> forms.CharField | None:
    if not user.has_role_permission(Permission.OVERRIDE_CONSENT):
        return None
    return FreeTextField(
        label=_("Reason to go ahead without consent"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=OVERRIDE_HELP,
    )


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Move to"))
    on = PlanDateField(
        label=_("Reflection period starts on"),
        required=False,
        help_text=_("Only when entering initial assistance; today if left empty."),
    )
    closing_reason = forms.ChoiceField(
        label=_("Reason for closing"),
        required=False,
        choices=[("", "—"), *ClosingReason.choices],
    )
    note = FreeTextField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the reason for closing is “Other reason”."),
    )

    def __init__(self, *args: Any, case: Case, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reachable = stages_reachable_from(case.stage)
        self.fields["to_stage"].choices = [  # type: ignore[attr-defined]
            (stage, Stage(stage).label) for stage in reachable
        ]
        if Stage.INITIAL_ASSISTANCE not in reachable:
            # The start of the reflection period means nothing for the other moves.
            del self.fields["on"]
        override = _override_field(user)
        if override is not None:
            self.fields["override_reason"] = override


class AssessorField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.get_full_name() or obj.username} ({Role(obj.role).label}, {obj.agency})"


class RiskForm(forms.Form):
    level = forms.ChoiceField(label=_("Risk level"), choices=RiskLevel.choices)
    assessed_on = PastDateField(
        label=_("Assessed on"),
        required=False,
        help_text=_("Today if left empty."),
    )
    reasons = FreeTextField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 4}))
    assessors = AssessorField(
        label=_("Assessed together with"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "You are counted as an assessor. A police investigator and a victim advocate take "
            "part in every assessment, and a social worker as well when the person is a child."
        ),
    )

    def __init__(self, *args: Any, case: Case, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessors"].queryset = assessor_candidates(case).exclude(  # type: ignore[attr-defined]
            pk=user.pk
        )


class ConsentForm(forms.Form):
    scope = forms.ChoiceField(label=_("The person agreed to"), choices=ConsentScope.choices)
    agency = ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.filter(is_active=True).select_related("organisation"),
        required=False,
        help_text=_("For sharing only: the agency the person agreed to share with."),
    )
    given_on = PastDateField(
        label=_("Given on"), required=False, help_text=_("Today if left empty.")
    )


class ConsentLabelField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        scope = str(obj.get_scope_display())
        if obj.agency_id:
            scope = f"{scope}: {obj.agency}"
        return _("%(scope)s, given on %(date)s") % {"scope": scope, "date": obj.given_on}


class ConsentWithdrawForm(forms.Form):
    consent = ConsentLabelField(
        label=_("Consent"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )
    withdrawn_on = PastDateField(
        label=_("Withdrawn on"),
        required=False,
        help_text=_("Today if left empty."),
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].queryset = (  # type: ignore[attr-defined]
            case.consents.filter(withdrawn_on__isnull=True)
            .select_related("agency__organisation")
            .order_by("given_on", "pk")
        )


class ShareForm(forms.Form):
    agency = ModelChoiceField(label=_("Share with"), queryset=Agency.objects.none())

    def __init__(self, *args: Any, case: Case, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = (  # type: ignore[attr-defined]
            Agency.objects.filter(is_active=True)
            .exclude(pk=case.owner_agency_id)
            .exclude(pk__in=case_sharing(case).filter(ended_at__isnull=True).values("agency_id"))
            .select_related("organisation")
        )
        override = _override_field(user)
        if override is not None:
            self.fields["override_reason"] = override


class GrantLabelField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _("%(agency)s (%(basis)s), since %(date)s") % {
            "agency": obj.agency,
            "basis": obj.get_basis_display(),
            "date": obj.granted_at.date(),
        }


class SharingEndForm(forms.Form):
    grant = GrantLabelField(
        label=_("Stop sharing with"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )
    reason = forms.CharField(
        label=_("Why sharing ends"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept on the case's timeline and in the audit trail."),
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grant"].queryset = case_sharing(case).filter(  # type: ignore[attr-defined]
            ended_at__isnull=True
        )


class NoteForm(forms.Form):
    text = FreeTextField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 6}))


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    country = forms.CharField(
        label=_("Country"),
        max_length=2,
        help_text=_("Two-letter ISO code, such as XK, AL or RS."),
    )
    place = NameField(label=_("Place"), required=False)
    started_on = PastDateField(label=_("From"), required=False)
    ended_on = PastDateField(label=_("Until"), required=False)


class ExploitationForm(forms.Form):
    forms_of_exploitation = forms.MultipleChoiceField(
        label=_("Forms of exploitation"),
        choices=Exploitation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    methods_of_control = forms.MultipleChoiceField(
        label=_("Methods of control"),
        choices=ControlMethod.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class AssigneeField(ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.get_full_name() or obj.username} ({Role(obj.role).label}, {obj.agency})"


class TaskForm(forms.Form):
    """A task with a due date and an assignee: a follow-up on a case, a call-back on a helpline
    contact. The assignee is one of `candidates` (who may act on the record); the user is offered
    first when they are one of them."""

    note = FreeTextField(
        label=_("What is to be done"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: call back, accompany to the prosecutor's office."),
    )
    due_on = PlanDateField(label=_("Due on"))
    due_time = forms.TimeField(
        label=_("At"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Optional."),
    )
    assignee = AssigneeField(
        label=_("Assigned to"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody yet"),
    )

    def __init__(self, *args: Any, candidates: QuerySet[User], user: Any, **kwargs: Any) -> None:
        if candidates.filter(pk=user.pk).exists():
            kwargs.setdefault("initial", {})["assignee"] = user.pk
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = candidates  # type: ignore[attr-defined]


class FollowUpForm(TaskForm):
    def __init__(self, *args: Any, case: Case, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, candidates=follow_up_assignee_candidates(case), user=user, **kwargs)


class DueDateChoiceField(ModelChoiceField):
    """A task (follow-up, call-back) chosen by its due date: no note, which may identify."""

    def label_from_instance(self, obj: Any) -> str:
        return _("Due on %(date)s") % {"date": date_format(obj.due_on, "DATE_FORMAT")}


class TaskStatusForm(forms.Form):
    done = forms.TypedChoiceField(
        label=_("Mark as"),
        choices=[("1", _("Done")), ("0", _("Not done"))],
        coerce=lambda value: value == "1",
    )


class FollowUpStatusForm(TaskStatusForm):
    """Done or open again; the follow-up is a POST field, so the URL has the case code only."""

    follow_up = DueDateChoiceField(label=_("Follow-up"), queryset=FollowUp.objects.none())
    field_order = ["follow_up", "done"]

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["follow_up"].queryset = case.follow_ups.all()  # type: ignore[attr-defined]


class SamePersonForm(forms.Form):
    """Is the person of this case the person of another case? Either answer is remembered."""

    SAME = "same"
    DIFFERENT = "different"

    other = forms.CharField(
        label=_("Code of the other case"),
        max_length=20,
        help_text=_("Such as KS-2026-00042."),
    )
    answer = forms.ChoiceField(
        label=_("The two cases are about"),
        widget=forms.RadioSelect,
        choices=[
            (SAME, _("the same person: count them as one")),
            (DIFFERENT, _("different people: stop showing them as possible duplicates")),
        ],
    )

    def clean_other(self) -> str:
        return str(self.cleaned_data["other"]).strip().upper()


class PersonLinkLabelField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _("%(cases)s, linked on %(date)s") % {
            "cases": ", ".join(case.code for case in obj.moved_cases.all()),
            "date": date_format(obj.linked_at.date()),
        }


class PersonUnlinkForm(forms.Form):
    link = PersonLinkLabelField(
        label=_("Undo the link"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["link"].queryset = case_person_links(case)  # type: ignore[attr-defined]
