"""Writes of the screening app."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from strehe.accounts.models import User
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from .forms import ScreeningForm
from .models import Screening
from .rules import assess_ilo_indicators, assess_palermo


def screening_record(*, actor: User, data: Mapping[str, Any], contact: Any = None) -> Screening:
    """Validate a filled-in checklist and save it with the guidance computed from it.

    `data` is what the checklist form posts (a QueryDict, or a dict with lists for the checkbox
    groups). Bad input raises ValidationError carrying the form's field errors; nothing is saved.
    `contact` is the helpline contact the screening was done on, when there is one; the
    helpline's service (contact_screen) checks that the actor may see it before calling this.
    """
    if not actor.has_role_permission(Permission.SCREEN):
        raise PermissionDenied
    form = ScreeningForm(data=data)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    cleaned = form.cleaned_data
    indicators = form.chosen_indicators()
    palermo = assess_palermo(
        acts=cleaned["acts"],
        means=cleaned["means"],
        purposes=cleaned["purposes"],
        is_child=cleaned["is_child"],
    )
    ilo = assess_ilo_indicators(indicators, is_child=cleaned["is_child"])
    with transaction.atomic():
        screening = Screening.objects.create(
            recorded_by=actor,
            contact=contact,
            is_child=cleaned["is_child"],
            acts=sorted(cleaned["acts"]),
            means=sorted(cleaned["means"]),
            purposes=sorted(cleaned["purposes"]),
            palermo_indicates_victim=palermo.indicates_presumed_victim,
            ilo_indicates_victim=ilo.indicates_presumed_victim,
            result={"palermo": palermo.as_dict(), "ilo": ilo.as_dict()},
        )
        screening.indicators.set(indicators)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            target=screening,
            fields=["is_child", "acts", "means", "purposes", "indicators", "contact"],
        )
    return screening
