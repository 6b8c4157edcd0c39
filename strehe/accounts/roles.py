"""Roles and what each may do: the one place where permissions are defined.

A role is a set of permissions. Views, API endpoints and policies ask for a permission, never for
a role, so changing what a role may do is an edit to ROLE_PERMISSIONS and nothing else.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    HELPLINE_OPERATOR = "helpline_operator", _("Helpline operator")
    POLICE_INVESTIGATOR = "police_investigator", _("Police investigator")
    VICTIM_ADVOCATE = "victim_advocate", _("Victim advocate")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    SHELTER_STAFF = "shelter_staff", _("Shelter staff")
    COORDINATOR = "coordinator", _("Coordinator (national view of cases)")
    STATISTICIAN = "statistician", _("Statistician (aggregates only)")
    ADMINISTRATOR = "administrator", _("Administrator (users and reference data)")
    # Campaign comments only: sees no case, no contact, no person.
    MODERATOR = "moderator", _("Comment moderator")


class Permission(StrEnum):
    # See the personal records that the need-to-know policies allow (own, agency's, referred...).
    VIEW_PERSONAL_DATA = "view_personal_data"
    # The national view: every case, whoever owns it.
    VIEW_ALL_CASES = "view_all_cases"
    # Who has seen a record ("who has seen this").
    VIEW_ACCESS_LOG = "view_access_log"
    OPEN_CASE = "open_case"
    # Log helpline contacts and screen callers against the legal definition.
    LOG_CONTACT = "log_contact"
    SCREEN = "screen"
    # Work on a case one may see: notes, events, consent, sharing, stage moves.
    MANAGE_CASE = "manage_case"
    # Notes and follow-ups on a case one may see: casework, and a shelter on its residents.
    KEEP_NOTES = "keep_notes"
    # The formal decision: presumed, identified or not a victim.
    RECORD_IDENTIFICATION = "record_identification"
    RECORD_RISK_ASSESSMENT = "record_risk_assessment"
    # Act without the consent an action needs, recording why (for example to protect a life).
    OVERRIDE_CONSENT = "override_consent"
    # Aggregates that never name a person.
    VIEW_AGGREGATES = "view_aggregates"
    # Shelter placement (strehe.shelters): choose a shelter for a case one may see, or transfer.
    PLACE_IN_SHELTER = "place_in_shelter"
    # A shelter's own work on its residents: check-in, capacity of its own shelters.
    MANAGE_RESIDENTS = "manage_residents"
    # End a stay: the shelter's staff, or the worker who placed the person.
    CHECK_OUT = "check_out"
    # The occupancy board: beds, occupied and free by shelter kind and region, never a person.
    VIEW_OCCUPANCY = "view_occupancy"
    MANAGE_USERS = "manage_users"
    MANAGE_REFERENCE_DATA = "manage_reference_data"
    # Messages sent through the public contact form belong to no agency: the helpline's
    # operators answer them.
    ANSWER_PUBLIC_MESSAGES = "answer_public_messages"
    # Approve, reject or redact comments on the public campaign pages.
    MODERATE_COMMENTS = "moderate_comments"


P = Permission
CASEWORK = frozenset({P.VIEW_PERSONAL_DATA, P.OPEN_CASE, P.SCREEN, P.MANAGE_CASE, P.KEEP_NOTES})
PLACING = frozenset({P.PLACE_IN_SHELTER, P.CHECK_OUT, P.VIEW_OCCUPANCY})

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    # Operators log and screen, and open a case to hand it on; the agencies work it.
    Role.HELPLINE_OPERATOR: frozenset(
        {P.VIEW_PERSONAL_DATA, P.OPEN_CASE, P.SCREEN, P.LOG_CONTACT, P.ANSWER_PUBLIC_MESSAGES}
    ),
    # Identification is a police act in Kosovo; the advocates decide on presumed victims. Police
    # may share without consent where a life or an investigation is at stake, recording why.
    Role.POLICE_INVESTIGATOR: CASEWORK
    | PLACING
    | {P.RECORD_IDENTIFICATION, P.RECORD_RISK_ASSESSMENT, P.OVERRIDE_CONSENT},
    Role.VICTIM_ADVOCATE: CASEWORK
    | PLACING
    | {P.RECORD_IDENTIFICATION, P.RECORD_RISK_ASSESSMENT, P.LOG_CONTACT},
    Role.SOCIAL_WORKER: CASEWORK | PLACING | {P.RECORD_RISK_ASSESSMENT},
    # A shelter's staff see their residents only (PLACEMENT_ONLY_ROLES), and work on them.
    Role.SHELTER_STAFF: frozenset(
        {P.VIEW_PERSONAL_DATA, P.KEEP_NOTES, P.MANAGE_RESIDENTS, P.CHECK_OUT, P.VIEW_OCCUPANCY}
    ),
    Role.COORDINATOR: frozenset(
        {
            P.VIEW_PERSONAL_DATA,
            P.VIEW_ALL_CASES,
            P.VIEW_ACCESS_LOG,
            P.VIEW_AGGREGATES,
            P.VIEW_OCCUPANCY,
        }
    ),
    Role.STATISTICIAN: frozenset({P.VIEW_AGGREGATES}),
    Role.ADMINISTRATOR: frozenset({P.MANAGE_USERS, P.MANAGE_REFERENCE_DATA}),
    Role.MODERATOR: frozenset({P.MODERATE_COMMENTS}),
}

# Roles that see a case only through a placement grant (a person living in their shelter),
# whatever other grants name their agency: a shelter learns of its residents, nothing else.
PLACEMENT_ONLY_ROLES = frozenset({Role.SHELTER_STAFF})

# Whoever can see a person, or can give themselves that right by managing users, logs in with a
# second factor. A user without a role is treated as the strictest case. Moderators read comments
# before anyone else does, and a held comment may name a person: they use a second factor too.
TWO_FACTOR_PERMISSIONS = frozenset({P.VIEW_PERSONAL_DATA, P.MANAGE_USERS, P.MODERATE_COMMENTS})

# Roles that act for an agency and so must belong to one (a database constraint holds it).
AGENCY_ROLES = frozenset(
    {
        Role.HELPLINE_OPERATOR,
        Role.POLICE_INVESTIGATOR,
        Role.VICTIM_ADVOCATE,
        Role.SOCIAL_WORKER,
        Role.SHELTER_STAFF,
    }
)


# Granting a role with any of these needs a second administrator's approval (the two-person rule,
# strehe.accounts.services.user_update): personal data, and managing users, because an
# administrator one colleague could make alone could then approve that colleague's requests.
APPROVAL_PERMISSIONS = frozenset({P.VIEW_PERSONAL_DATA, P.MANAGE_USERS})


def permissions_of(role: str) -> frozenset[Permission]:
    return ROLE_PERMISSIONS.get(role, frozenset())


def role_requires_two_factor(role: str) -> bool:
    return role not in ROLE_PERMISSIONS or bool(permissions_of(role) & TWO_FACTOR_PERMISSIONS)


def roles_with(permission: Permission) -> frozenset[str]:
    """The roles whose permissions include `permission`: for queries over users."""
    return frozenset(
        str(role) for role, granted in ROLE_PERMISSIONS.items() if permission in granted
    )


def role_grant_needs_approval(role: str) -> bool:
    """Whether giving `role` to someone (or moving its holder to another agency) waits for a
    second administrator. Taking a role away never does."""
    return bool(permissions_of(role) & APPROVAL_PERMISSIONS)
