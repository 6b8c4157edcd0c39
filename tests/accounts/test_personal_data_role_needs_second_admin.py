"""A role that sees personal data (or manages users) is given by two administrators: one asks,
a different one approves; until then the user keeps their role. Both steps are audited."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from strehe.accounts.models import RoleChangeRequest, User
from strehe.accounts.roles import Role
from strehe.accounts.services import role_change_approve, user_update
from strehe.audit.models import AuditEntry
from tests.accounts.conftest import admin_change_data

Decision = RoleChangeRequest.Decision


def admin_url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


def decide(client, change: RoleChangeRequest, action: str):  # type: ignore[no-untyped-def]
    return client.post(
        admin_url("accounts_rolechangerequest_changelist"),
        {"action": action, "_selected_action": [change.pk]},
        follow=True,
    )


def permission_steps(user: User) -> list[tuple[str, str, str]]:
    entries = AuditEntry.objects.filter(
        action=AuditEntry.Action.PERMISSION_CHANGE, target_id=str(user.pk)
    ).order_by("seq")
    return [(e.actor_username, e.detail.get("step", ""), e.detail.get("role", "")) for e in entries]


@pytest.mark.django_db
def test_a_second_administrator_approves_a_coordinator_role(staff, admin_client_of):
    besnik = staff["statistician_besnik"]
    ana, besa = admin_client_of("admin_ana"), admin_client_of("admin_besa")

    asked = ana.post(
        admin_url("accounts_user_change", besnik.pk),
        admin_change_data(besnik, role=Role.COORDINATOR),
    )
    besnik.refresh_from_db()
    assert asked.status_code == 302
    assert besnik.role == Role.STATISTICIAN
    change = RoleChangeRequest.objects.get(user=besnik)
    assert (change.role, change.decision, change.requested_by.username) == (
        Role.COORDINATOR,
        Decision.PENDING,
        "admin_ana",
    )

    refused = decide(ana, change, "approve")
    besnik.refresh_from_db()
    change.refresh_from_db()
    assert "second administrator" in refused.content.decode()
    assert besnik.role == Role.STATISTICIAN
    assert change.decision == Decision.PENDING

    decide(besa, change, "approve")
    besnik.refresh_from_db()
    change.refresh_from_db()
    assert besnik.role == Role.COORDINATOR
    assert (change.decision, change.decided_by.username) == (Decision.APPROVED, "admin_besa")
    assert permission_steps(besnik) == [
        ("admin_ana", "requested", Role.COORDINATOR),
        ("admin_besa", "approved", Role.COORDINATOR),
    ]
    approved = AuditEntry.objects.get(detail__step="approved")
    assert approved.detail["requested_by"] == "admin_ana"
    assert approved.detail["previous_role"] == Role.STATISTICIAN
    assert besnik.password not in str(approved.detail)


@pytest.mark.django_db
def test_a_new_user_with_a_personal_data_role_starts_without_one(
    staff, agencies, administrators, admin_client_of
):
    created = admin_client_of("admin_ana").post(
        admin_url("accounts_user_add"),
        {
            "username": "advocate_nora",
            "usable_password": "true",
            "password1": "a long and unusual passphrase 42",
            "password2": "a long and unusual passphrase 42",
            "role": Role.VICTIM_ADVOCATE,
            "agency": agencies["advocates"].pk,
        },
    )

    nora = User.objects.get(username="advocate_nora")
    assert created.status_code == 302
    assert (nora.role, nora.agency) == ("", None)
    assert nora.permissions == frozenset()

    role_change_approve(
        actor=administrators["admin_besa"], change=RoleChangeRequest.objects.get(user=nora)
    )
    nora.refresh_from_db()
    assert (nora.role, nora.agency) == (Role.VICTIM_ADVOCATE, agencies["advocates"])


@pytest.mark.django_db
def test_moving_an_advocate_to_another_agency_also_waits(staff, agencies, administrators):
    """Another agency means other people's cases: the same as a new grant."""
    arta = staff["advocate_arta"]

    user_update(
        actor=administrators["admin_ana"], user=arta, changes={"agency": agencies["elsewhere"]}
    )

    arta.refresh_from_db()
    assert arta.agency == agencies["advocates"]
    assert RoleChangeRequest.objects.get(user=arta).agency == agencies["elsewhere"]


@pytest.mark.django_db
def test_making_another_administrator_waits_too(staff, administrators):
    """Otherwise one administrator could make a second one to approve her own requests."""
    olta = staff["operator_olta"]

    user_update(actor=administrators["admin_ana"], user=olta, changes={"role": Role.ADMINISTRATOR})

    olta.refresh_from_db()
    assert olta.role == Role.HELPLINE_OPERATOR
    assert RoleChangeRequest.objects.filter(user=olta, role=Role.ADMINISTRATOR).exists()


@pytest.mark.django_db
def test_taking_personal_data_away_needs_no_second_person(staff, administrators):
    drita = staff["coordinator_drita"]

    pending = user_update(
        actor=administrators["admin_ana"], user=drita, changes={"role": Role.STATISTICIAN}
    )

    drita.refresh_from_db()
    assert pending is None
    assert drita.role == Role.STATISTICIAN
    assert permission_steps(drita) == [("admin_ana", "", "")]


@pytest.mark.django_db
def test_the_requester_cannot_approve_through_the_service(staff, administrators):
    change = user_update(
        actor=administrators["admin_ana"],
        user=staff["statistician_besnik"],
        changes={"role": Role.COORDINATOR},
    )

    with pytest.raises(PermissionDenied):
        role_change_approve(actor=administrators["admin_ana"], change=change)
    with pytest.raises(PermissionDenied):
        # Nor may someone without user management (here a coordinator) approve.
        role_change_approve(actor=staff["coordinator_drita"], change=change)

    staff["statistician_besnik"].refresh_from_db()
    assert staff["statistician_besnik"].role == Role.STATISTICIAN
    assert not AuditEntry.objects.filter(detail__step="approved").exists()
