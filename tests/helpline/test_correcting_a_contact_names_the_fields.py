"""Correcting a helpline contact: the audit entry names the fields that changed, never what they
said; a contact that is part of a case also leaves a line on the case's timeline."""

import json

import pytest
from django.utils import translation

from strehe.audit.models import AuditEntry
from strehe.cases.models import TimelineEntry
from strehe.cases.services import case_open, case_records_attach
from strehe.cases.timeline import timeline_line
from strehe.helpline.editing import contact_correct
from strehe.helpline.models import Contact
from strehe.helpline.services import contact_create
from tests.helpline.flow import CALL, url


@pytest.mark.django_db
def test_the_audit_entry_names_the_corrected_fields_only(staff):
    operator = staff["operator_olta"]
    contact = contact_create(actor=operator, anonymous=False, **CALL)

    changed = contact_correct(
        actor=operator,
        contact=contact,
        changes={"summary": "Works in Peja, passport kept.", "topic": "domestic_violence"},
    )

    assert changed == ["topic", "summary"]
    contact.refresh_from_db()
    assert (contact.summary, contact.topic) == (
        "Works in Peja, passport kept.",
        "domestic_violence",
    )
    audit = AuditEntry.objects.get(action=AuditEntry.Action.CHANGE)
    assert (audit.fields, audit.target_type, audit.target_id) == (
        ["summary", "topic"],
        "helpline.contact",
        str(contact.pk),
    )
    everything = json.dumps(list(AuditEntry.objects.values()), default=str)
    assert "Peja" not in everything and "farm" not in everything


@pytest.mark.django_db
def test_a_contact_of_a_case_leaves_a_line_on_the_case_timeline(staff, agencies):
    operator = staff["operator_olta"]
    contact = contact_create(actor=operator, anonymous=False, **CALL)
    case = case_open(actor=operator, owner_agency=agencies["helpline"], given_name="Ema")
    case_records_attach(actor=operator, case=case, records=[(contact, TimelineEntry.Kind.CONTACT)])
    contact.refresh_from_db()

    contact_correct(actor=operator, contact=contact, changes={"advice_and_referrals": "Shelter."})

    correction = case.timeline.get(kind=TimelineEntry.Kind.CORRECTED)
    with translation.override("en"):
        assert timeline_line(correction) == (
            f"Helpline contact {contact.pk} corrected: changed advice and referrals given."
        )
    assert "Shelter" not in json.dumps(correction.data)


@pytest.mark.django_db
def test_the_correction_page_saves_and_goes_back_to_the_contact(staff, login_as):
    contact = contact_create(actor=staff["operator_olta"], anonymous=False, **CALL)
    client = login_as("colleague_helpline")
    views_before = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).count()

    with translation.override("en"):
        page = client.get(url("helpline:correct", contact_id=contact.pk))
        detail = client.get(url("helpline:detail", contact_id=contact.pk)).content.decode()
    assert page.status_code == 200
    assert page.context["form"].initial["summary"] == CALL["summary"]
    assert url("helpline:correct", contact_id=contact.pk) in detail
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).count() == views_before + 2

    data = {**page.context["form"].initial, "outcome": "referred"}
    response = client.post(url("helpline:correct", contact_id=contact.pk), data)

    assert response.status_code == 302
    assert response.url == url("helpline:detail", contact_id=contact.pk)
    assert Contact.objects.get(pk=contact.pk).outcome == "referred"
