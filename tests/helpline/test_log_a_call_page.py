"""An operator logs a call on the page; it is stored as hers and listed first."""

import pytest

from strehe.directory.models import Organisation, Service
from strehe.helpline.models import Contact
from tests.helpline.flow import CALL, logged_contact, url


@pytest.mark.django_db
def test_an_operator_logs_a_call_and_sees_it_first_in_the_list(login_as, staff):
    earlier = logged_contact(staff["colleague_helpline"])
    client = login_as("operator_olta")

    response = client.post(url("helpline:create"), {**CALL, "anonymous": "on"})

    contact = Contact.objects.exclude(pk=earlier.pk).get()
    assert response.status_code == 302
    assert response.url == url("helpline:detail", contact_id=contact.pk)
    assert contact.recorded_by == staff["operator_olta"]
    assert contact.summary == CALL["summary"]
    assert contact.anonymous is True
    # No helpline in the directory: whether it was within opening hours is not known.
    assert contact.within_opening_hours is None
    listing = client.get(url("helpline:list")).content.decode()
    assert listing.index(url("helpline:detail", contact_id=contact.pk)) < listing.index(
        url("helpline:detail", contact_id=earlier.pk)
    )


@pytest.mark.django_db
def test_the_directory_helpline_decides_whether_the_call_was_within_opening_hours(
    login_as, agencies
):
    Service.objects.create(
        organisation=agencies["helpline"].organisation,
        slug="helpline-24h",
        name="Helpline",
        is_helpline=True,
        always_open=True,
    )
    client = login_as("operator_olta")

    client.post(url("helpline:create"), CALL)

    assert Contact.objects.get().within_opening_hours is True


@pytest.mark.django_db
def test_the_staff_home_links_the_helpline_for_roles_that_log_contacts(login_as):
    helpline = url("helpline:list")

    assert helpline in login_as("operator_olta").get(url("accounts:home")).content.decode()
    assert helpline in login_as("advocate_arta").get(url("accounts:home")).content.decode()
    assert helpline not in login_as("investigator_ilir").get(url("accounts:home")).content.decode()


@pytest.mark.django_db
def test_a_role_that_does_not_log_contacts_cannot_open_the_form(login_as):
    assert login_as("investigator_ilir").get(url("helpline:create")).status_code == 403
    assert login_as("coordinator_drita").get(url("helpline:create")).status_code == 403


@pytest.mark.django_db
def test_the_kind_of_organisation_does_not_matter_for_logging(login_as, agencies):
    # The advocates log contacts too (walk-ins at their office).
    assert agencies["advocates"].organisation.kind == Organisation.Kind.VICTIM_ADVOCATES
    client = login_as("advocate_arta")

    response = client.post(url("helpline:create"), {**CALL, "channel": "walk_in"})

    assert response.status_code == 302
    assert Contact.objects.get().channel == "walk_in"
