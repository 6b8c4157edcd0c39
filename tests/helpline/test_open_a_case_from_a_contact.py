"""Opening a case from a screened contact writes the case, the consent, the share and the timeline.

All in one transaction: the police see the case at once, and only because the person agreed.
"""

import pytest

from strehe.cases.models import AccessGrant, Case, Consent, ConsentScope, TimelineEntry
from strehe.cases.policies import case_policy
from tests.helpline.flow import logged_contact, person, screened, url


@pytest.mark.django_db
def test_the_case_is_owned_by_the_helpline_and_shared_with_the_police_by_consent(
    login_as, staff, agencies
):
    operator = staff["operator_olta"]
    contact = logged_contact(operator)
    screening = screened(contact, operator)

    response = login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk),
        person(share_with=str(agencies["police"].pk), sharing_consent="on"),
    )

    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == url("cases:detail", code=case.code)
    assert case.owner_agency == agencies["helpline"]
    assert case.opened_by == operator
    assert (case.person.given_name, case.person.family_name) == ("Arbër", "Krasniqi")
    assert str(case.person.birth_date) == "2004-03-01"
    assert case.person.citizenships == ["XK"]
    contact.refresh_from_db()
    screening.refresh_from_db()
    assert contact.case == case
    assert contact.outcome == "case_opened"
    assert screening.case == case
    consent = Consent.objects.get(case=case)
    assert (consent.scope, consent.agency, consent.recorded_by) == (
        ConsentScope.SHARING,
        agencies["police"],
        operator,
    )
    assert (
        AccessGrant.objects.get(case=case, basis__in=AccessGrant.SHARING).agency
        == agencies["police"]
    )
    kinds = sorted(case.timeline.values_list("kind", flat=True))
    assert kinds == sorted(
        [
            TimelineEntry.Kind.OPENED,
            TimelineEntry.Kind.CONTACT,
            TimelineEntry.Kind.SCREENING,
            TimelineEntry.Kind.CONSENT,
            TimelineEntry.Kind.SHARED,
        ]
    )
    assert case_policy.may_view(staff["investigator_ilir"], case)
    assert not case_policy.may_view(staff["worker_elsewhere"], case)


@pytest.mark.django_db
def test_without_sharing_no_consent_or_share_is_recorded(login_as, staff):
    contact = logged_contact(staff["operator_olta"])

    login_as("operator_olta").post(
        url("helpline:open_case", contact_id=contact.pk),
        person(birth_date="", estimated_age="17"),
    )

    case = Case.objects.get()
    assert case.person.estimated_age == 17
    assert not Consent.objects.exists()
    assert not AccessGrant.objects.filter(basis__in=AccessGrant.SHARING).exists()
    assert not case_policy.may_view(staff["investigator_ilir"], case)


@pytest.mark.django_db
def test_a_contact_that_has_a_case_already_is_not_opened_twice(login_as, staff):
    contact = logged_contact(staff["operator_olta"])
    client = login_as("operator_olta")
    client.post(url("helpline:open_case", contact_id=contact.pk), person())

    again = client.post(url("helpline:open_case", contact_id=contact.pk), person(given_name="Besa"))

    # She sees the case her agency owns, so she is taken to it.
    assert again.url == url("cases:detail", code=Case.objects.get().code)
    assert Case.objects.count() == 1
