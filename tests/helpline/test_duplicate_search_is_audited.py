"""Looking for the same person before opening a case tells whether a name and birth date are in
the register, so the search is audited: who looked, and how many matches they were shown."""

import datetime

import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.services import case_open
from tests.helpline.flow import logged_contact, url

BORN = datetime.date(1995, 6, 7)


@pytest.mark.django_db
def test_the_search_before_opening_a_case_is_audited_with_counts_only(staff, agencies, login_as):
    case_open(
        actor=None,
        owner_agency=agencies["elsewhere"],
        given_name="Arbëresha",
        family_name="Krasniqi",
        birth_date=BORN,
    )
    contact = logged_contact(staff["operator_olta"])
    client = login_as("operator_olta")

    response = client.post(
        url("helpline:open_case", contact_id=contact.pk),
        {
            "given_name": "Arbereshe",
            "family_name": "Krasniqi",
            "birth_date": "1995-06-07",
            "sex": "unknown",
        },
    )

    assert response.status_code == 200  # the match is shown, nothing opened yet
    entry = AuditEntry.objects.get(detail__search="duplicates")
    assert entry.actor_username == "operator_olta"
    assert entry.action == AuditEntry.Action.VIEW
    assert (entry.detail["matches"], entry.detail["visible"]) == (1, 0)
    logged = f"{entry.target_label} {entry.detail} {entry.fields}"
    assert "Krasniqi" not in logged and "1995" not in logged
