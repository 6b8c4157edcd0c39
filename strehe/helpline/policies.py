"""Need-to-know for helpline contacts: who may see which logged contact, and act on it.

A contact can carry what a caller told about themselves, so it is seen by the people who do the
helpline's work: a user whose role logs contacts sees those owned by their own agency (the agency
that logged them, whoever did), and the coordinators' national view sees every contact. Messages
from the public contact form (no agency) are the helpline operators' inbox
(Permission.ANSWER_PUBLIC_MESSAGES) and are seen otherwise only through the national view.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from strehe.accounts.models import User
from strehe.accounts.roles import Permission, roles_with

from .models import Contact


class ContactPolicy:
    def visible_to(self, user: Any) -> QuerySet[Contact]:
        if not user.is_authenticated or not user.has_role_permission(Permission.VIEW_PERSONAL_DATA):
            return Contact.objects.none()
        if user.has_role_permission(Permission.VIEW_ALL_CASES):
            return Contact.objects.all()
        visible = Q(pk__in=[])
        if user.has_role_permission(Permission.LOG_CONTACT) and user.agency_id is not None:
            visible |= Q(owner_agency_id=user.agency_id)
        if user.has_role_permission(Permission.ANSWER_PUBLIC_MESSAGES):
            visible |= Q(owner_agency__isnull=True, recorded_by__isnull=True)
        return Contact.objects.filter(visible)

    def may_list(self, user: Any) -> bool:
        """Whether the contact list is a page for `user` at all (else 403, not an empty list)."""
        return user.has_role_permission(Permission.VIEW_PERSONAL_DATA) and (
            user.has_role_permission(Permission.LOG_CONTACT)
            or user.has_role_permission(Permission.VIEW_ALL_CASES)
        )

    def may_view(self, user: Any, contact: Contact) -> bool:
        return self.visible_to(user).filter(pk=contact.pk).exists()

    def may(self, user: Any, permission: Permission, contact: Contact) -> bool:
        return user.has_role_permission(permission) and self.may_view(user, contact)

    def users_with_access(self, contact: Contact, permission: Permission) -> QuerySet[User]:
        """Active users who may see `contact` and whose role has `permission` (the people a
        call-back on it may be assigned to)."""
        roles = roles_with(permission) & roles_with(Permission.VIEW_PERSONAL_DATA)
        national = roles_with(Permission.VIEW_ALL_CASES)
        local = roles_with(Permission.LOG_CONTACT)
        sees = Q(role__in=national)
        if contact.owner_agency_id is not None:
            sees |= Q(role__in=local, agency_id=contact.owner_agency_id)
        return User.objects.filter(sees, is_active=True, role__in=roles)

    def require(self, user: Any, permission: Permission, contact: Contact) -> None:
        if user is None or not self.may(user, permission, contact):
            raise PermissionDenied


contact_policy = ContactPolicy()
