"""Reading a helpline contact is recorded: its summary may identify the caller."""

import pytest

from strehe.audit.models import AuditEntry
from tests.helpline.flow import logged_contact, url


def view_entries(contact):
    return AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, target_type="helpline.contact", target_id=str(contact.pk)
    )


@pytest.mark.django_db
def test_each_read_of_a_contact_writes_one_view_entry(login_as, staff):
    contact = logged_contact(staff["operator_olta"])
    client = login_as("coordinator_drita")

    client.get(url("helpline:detail", contact_id=contact.pk))
    client.get(url("helpline:detail", contact_id=contact.pk))

    assert [entry.actor_username for entry in view_entries(contact)] == ["coordinator_drita"] * 2


@pytest.mark.django_db
def test_a_refused_read_writes_no_view_entry(login_as, staff):
    contact = logged_contact(staff["operator_olta"])

    response = login_as("worker_elsewhere").get(url("helpline:detail", contact_id=contact.pk))

    assert response.status_code in {403, 404}
    assert not view_entries(contact).exists()
