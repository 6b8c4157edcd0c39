"""Sharing with an agency needs the person's consent to share with it. An advocate cannot go
ahead without it; a police investigator can, with a reason that is kept, audited and shown."""

import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.models import AccessGrant, ConsentOverride, ConsentScope, TimelineEntry
from tests.cases.workflow import CONSENT_FIRST, consent_to, counts, url

OVERRIDE_LABEL = "Reason to go ahead without consent"


@pytest.mark.django_db
def test_an_advocate_is_refused_without_consent_and_offered_no_override(
    agencies, records_of, login_as
):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")
    assert OVERRIDE_LABEL not in client.get(url("cases:sharing", case)).content.decode()
    before = counts(case)

    response = client.post(
        url("cases:sharing", case),
        {"agency": agencies["police"].pk, "override_reason": "She is in danger."},
    )

    assert response.context["form"].non_field_errors() == [CONSENT_FIRST]
    assert not AccessGrant.objects.filter(basis__in=AccessGrant.SHARING).exists()
    assert not ConsentOverride.objects.exists()
    assert counts(case) == before


@pytest.mark.django_db
def test_an_advocate_shares_once_the_person_consents(staff, agencies, records_of, login_as):
    case = records_of("advocate_arta").own
    consent_to(case, staff["advocate_arta"], ConsentScope.SHARING, agency=agencies["police"])

    response = login_as("advocate_arta").post(
        url("cases:sharing", case), {"agency": agencies["police"].pk}
    )

    assert response.status_code == 302
    assert AccessGrant.objects.filter(
        basis__in=AccessGrant.SHARING, case=case, agency=agencies["police"]
    ).exists()
    assert not ConsentOverride.objects.exists()


@pytest.mark.django_db
def test_the_police_must_give_a_reason(agencies, records_of, login_as):
    case = records_of("investigator_ilir").own
    client = login_as("investigator_ilir")
    assert OVERRIDE_LABEL in client.get(url("cases:sharing", case)).content.decode()

    response = client.post(url("cases:sharing", case), {"agency": agencies["advocates"].pk})

    assert "override_reason" in response.context["form"].errors
    assert not AccessGrant.objects.filter(basis__in=AccessGrant.SHARING).exists()


@pytest.mark.django_db
def test_the_police_share_with_a_reason_which_is_audited_and_on_the_timeline(
    agencies, records_of, login_as
):
    case = records_of("investigator_ilir").own
    client = login_as("investigator_ilir")
    audit_before = AuditEntry.objects.count()

    response = client.post(
        url("cases:sharing", case),
        {"agency": agencies["advocates"].pk, "override_reason": "Her life is at risk tonight."},
    )

    assert response.status_code == 302
    assert AccessGrant.objects.filter(
        basis__in=AccessGrant.SHARING, case=case, agency=agencies["advocates"]
    ).exists()
    override = ConsentOverride.objects.get(case=case)
    assert (override.scope, override.agency, override.action) == (
        ConsentScope.SHARING,
        agencies["advocates"],
        "share",
    )
    assert override.reason == "Her life is at risk tonight."
    line = TimelineEntry.objects.get(case=case, kind=TimelineEntry.Kind.CONSENT_OVERRIDE)
    assert line.note == "Her life is at risk tonight."
    assert TimelineEntry.objects.filter(case=case, kind=TimelineEntry.Kind.SHARED).count() == 1
    created = AuditEntry.objects.order_by("seq")[audit_before:]
    assert {entry.target_type for entry in created} == {
        "cases.consentoverride",
        "cases.accessgrant",
    }
    # The reason is kept encrypted and never written to the audit trail.
    assert "life is at risk" not in str(list(AuditEntry.objects.values()))

    detail = client.get(url("cases:detail", case)).content.decode()
    assert "Went ahead without consent to sharing with advocates office" in detail
    assert "Her life is at risk tonight." in detail
