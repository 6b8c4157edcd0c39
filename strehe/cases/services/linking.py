"""Same person or different people: linking the records of one victim, reversibly.

Opening a case creates a new person; when staff later confirm that two cases are about the same
person, person_link moves the cases of one person to the other, so that statistics, which count
distinct persons, count that victim once. The moved person's row is kept and the link remembers
which cases moved, so person_unlink restores both persons exactly. persons_distinguish records
that two look-alikes are different people, so the possible duplicates stop showing the pair.

Who may link: a role with MANAGE_CASE who may see BOTH cases (and every case that moves). Each
act writes a timeline line on both cases and an audit entry per case, in one transaction.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry

from ..models import Case, PersonDistinction, PersonLink, TimelineEntry
from ..policies import case_policy
from ._acts import act_recorded


def _both_allowed(
    actor: Any,
    case: Case,
    other: Case,
    permissions: tuple[Permission, ...] = (Permission.MANAGE_CASE,),
) -> None:
    for each in (case, other):
        if actor is None or not any(case_policy.may(actor, p, each) for p in permissions):
            raise PermissionDenied


def _locked_pair(case: Case, other: Case) -> tuple[Case, Case]:
    """Both case rows locked, in id order so two acts on the same pair cannot deadlock."""
    rows = {
        row.pk: row
        for row in Case.objects.select_for_update()
        .filter(pk__in=[case.pk, other.pk])
        .order_by("pk")
    }
    return rows[case.pk], rows[other.pk]


def _distinction_in_force(first: int, second: int) -> PersonDistinction | None:
    low, high = sorted((first, second))
    return PersonDistinction.objects.filter(
        first_id=low, second_id=high, ended_at__isnull=True
    ).first()


@transaction.atomic
def person_link(*, actor: Any, case: Case, other: Case) -> PersonLink:
    """Confirm that `case` and `other` are about the same person, and merge the two persons.

    The person with the older record (lower id) is kept; every case of the other person moves to
    it. A "different people" confirmation of the pair ends, since staff now know better.
    """
    _both_allowed(actor, case, other)
    if case.pk == other.pk:
        raise ValidationError({"other": _("Choose another case than this one.")})
    case, other = _locked_pair(case, other)
    if case.person_id == other.person_id:
        raise ValidationError({"other": _("These cases are already about the same person.")})
    kept_id, merged_id = sorted((case.person_id, other.person_id))
    moved = list(Case.objects.select_for_update().filter(person_id=merged_id).order_by("pk"))
    for moved_case in moved:
        # Every case that moves must be one the actor may work on, or they would change a case
        # they cannot see (its person, and so its statistics).
        case_policy.require(actor, Permission.MANAGE_CASE, moved_case)
    link = PersonLink.objects.create(kept_id=kept_id, merged_id=merged_id, linked_by=actor)
    link.moved_cases.set(moved)
    Case.objects.filter(pk__in=[c.pk for c in moved]).update(person_id=kept_id)
    distinction = _distinction_in_force(kept_id, merged_id)
    if distinction is not None:
        distinction.ended_at = timezone.now()
        distinction.save(update_fields=["ended_at"])
    for this, that in ((case, other), (other, case)):
        act_recorded(
            actor=actor,
            case=this,
            kind=TimelineEntry.Kind.SAME_PERSON,
            target=this,
            fields=["person"],
            data={"other": that.code, "link": link.pk},
        )
    return link


@transaction.atomic
def person_unlink(*, actor: Any, link: PersonLink) -> PersonLink:
    """Undo a same-person link: the cases it moved go back to the person they had.

    The actor must be allowed to work on every case the link moved, and on a case of the kept
    person. A link whose cases were merged again since (a later link of the kept person) is undone
    only after that later link.
    """
    link = PersonLink.objects.select_for_update().get(pk=link.pk)
    if not link.in_force:
        raise ValidationError(_("This link was undone already."))
    moved = list(link.moved_cases.select_for_update().order_by("pk"))
    kept_cases = list(
        Case.objects.filter(person_id=link.kept_id).exclude(pk__in=[c.pk for c in moved])
    )
    for each in moved:
        case_policy.require(actor, Permission.MANAGE_CASE, each)
    if not kept_cases or not any(
        case_policy.may(actor, Permission.MANAGE_CASE, each) for each in kept_cases
    ):
        raise PermissionDenied
    if any(each.person_id != link.kept_id for each in moved):
        raise ValidationError(_("Undo the later link of these cases first."))
    Case.objects.filter(pk__in=[c.pk for c in moved]).update(person_id=link.merged_id)
    link.undone_by = actor
    link.undone_at = timezone.now()
    link.save(update_fields=["undone_by", "undone_at"])
    codes = ", ".join(c.code for c in moved)
    for this in moved + kept_cases:
        act_recorded(
            actor=actor,
            case=this,
            kind=TimelineEntry.Kind.SAME_PERSON_UNDONE,
            target=this,
            action=AuditEntry.Action.CHANGE,
            fields=["person"],
            data={"cases": codes, "link": link.pk},
        )
    return link


@transaction.atomic
def persons_distinguish(*, actor: Any, case: Case, other: Case) -> PersonDistinction:
    """Confirm that `case` and `other` are about different people; remembered for the pair.

    Besides those who manage both cases, whoever may open cases and see both may say so: it is
    the answer to the duplicate warning of case opening, and it changes no count, it only stops
    suggesting the pair.
    """
    _both_allowed(actor, case, other, (Permission.MANAGE_CASE, Permission.OPEN_CASE))
    if case.pk == other.pk:
        raise ValidationError({"other": _("Choose another case than this one.")})
    case, other = _locked_pair(case, other)
    if case.person_id == other.person_id:
        raise ValidationError(
            {"other": _("These cases are linked as the same person; undo that link first.")}
        )
    existing = _distinction_in_force(case.person_id, other.person_id)
    if existing is not None:
        return existing
    low, high = sorted((case.person_id, other.person_id))
    distinction = PersonDistinction.objects.create(first_id=low, second_id=high, recorded_by=actor)
    for this, that in ((case, other), (other, case)):
        act_recorded(
            actor=actor,
            case=this,
            kind=TimelineEntry.Kind.DIFFERENT_PERSON,
            target=this,
            action=AuditEntry.Action.CREATE,
            fields=["different_person"],
            data={"other": that.code},
        )
    return distinction
