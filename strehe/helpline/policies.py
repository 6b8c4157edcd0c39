"""Need-to-know for helpline contacts: who may see which logged contact.

A contact can carry what a caller told about themselves, so it is seen by the people who do the
helpline's work: a user whose role logs contacts sees those logged by users of their own agency,
and the coordinators' national view sees every contact. Contacts from the public form (no staff
author) are seen only through the national view.
"""

from typing import Any

from django.db.models import Q, QuerySet

from strehe.accounts.roles import Permission

from .models import Contact

NOTHING = Q(pk__in=[])


def contact_access_q(user: Any) -> Q:
    """The contacts `user` may see, as a filter on Contact."""
    if not user.is_authenticated or not user.has_role_permission(Permission.VIEW_PERSONAL_DATA):
        return NOTHING
    if user.has_role_permission(Permission.VIEW_ALL_CASES):
        return Q()
    if user.has_role_permission(Permission.LOG_CONTACT) and user.agency_id is not None:
        return Q(recorded_by__agency_id=user.agency_id)
    return NOTHING


def contacts_visible_to(user: Any) -> QuerySet[Contact]:
    return Contact.objects.filter(contact_access_q(user))


def may_list_contacts(user: Any) -> bool:
    """Whether the contact list is a page for `user` at all (else 403, not an empty list)."""
    return user.has_role_permission(Permission.VIEW_PERSONAL_DATA) and (
        user.has_role_permission(Permission.LOG_CONTACT)
        or user.has_role_permission(Permission.VIEW_ALL_CASES)
    )


def may_view_contact(user: Any, contact: Contact) -> bool:
    return contacts_visible_to(user).filter(pk=contact.pk).exists()
