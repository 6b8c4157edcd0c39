"""Recording and withdrawing consent on the case pages."""

import datetime

import pytest
from django.utils import timezone

from strehe.audit.models import AuditEntry
from strehe.cases.models import Consent, ConsentScope, TimelineEntry
from tests.cases.workflow import consent_to, url


@pytest.mark.django_db
def test_consent_to_sharing_names_the_agency(agencies, records_of, login_as):
    case = records_of("social_worker_sokol").own
    client = login_as("social_worker_sokol")

    refused = client.post(url("cases:consent", case), {"scope": ConsentScope.SHARING})
    assert refused.context["form"].errors["agency"] == [
        "Name the agency the person agreed to share with."
    ]
    assert not Consent.objects.exists()

    accepted = client.post(
        url("cases:consent", case),
        {"scope": ConsentScope.SHARING, "agency": agencies["shelter"].pk},
    )
    assert accepted.status_code == 302
    consent = Consent.objects.get(case=case)
    assert (consent.agency, consent.given_on) == (agencies["shelter"], timezone.localdate())


@pytest.mark.django_db
def test_withdrawing_a_consent_dates_it_and_records_the_withdrawal(staff, records_of, login_as):
    case = records_of("social_worker_sokol").own
    consent = consent_to(
        case,
        staff["social_worker_sokol"],
        given_on=timezone.localdate() - datetime.timedelta(days=10),
    )
    client = login_as("social_worker_sokol")
    audit_before = AuditEntry.objects.count()

    response = client.post(url("cases:consent_withdraw", case), {"consent": consent.pk})

    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()
    assert not consent.is_in_force_on(timezone.localdate())
    assert TimelineEntry.objects.filter(
        case=case, kind=TimelineEntry.Kind.CONSENT_WITHDRAWN
    ).exists()
    [audit] = AuditEntry.objects.order_by("seq")[audit_before:]
    assert (audit.action, audit.target_type, audit.fields) == (
        AuditEntry.Action.CHANGE,
        "cases.consent",
        ["withdrawn_on"],
    )
    # Withdrawn consents are no longer offered.
    page = client.get(url("cases:consent_withdraw", case))
    assert list(page.context["form"].fields["consent"].queryset) == []


@pytest.mark.django_db
def test_a_withdrawal_dated_before_the_consent_is_refused(staff, records_of, login_as):
    case = records_of("social_worker_sokol").own
    consent = consent_to(case, staff["social_worker_sokol"])
    client = login_as("social_worker_sokol")

    response = client.post(
        url("cases:consent_withdraw", case),
        {"consent": consent.pk, "withdrawn_on": "2020-01-01"},
    )

    assert response.context["form"].errors["withdrawn_on"] == [
        "Consent cannot be withdrawn before it was given."
    ]
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


@pytest.mark.django_db
def test_a_consent_of_another_case_cannot_be_withdrawn_through_this_one(
    staff, records_of, login_as
):
    records = records_of("social_worker_sokol")
    elsewhere = consent_to(records.other_agency, staff["worker_elsewhere"])
    client = login_as("social_worker_sokol")

    response = client.post(url("cases:consent_withdraw", records.own), {"consent": elsewhere.pk})

    assert "consent" in response.context["form"].errors
    elsewhere.refresh_from_db()
    assert elsewhere.withdrawn_on is None
