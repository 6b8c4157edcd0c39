"""contact_create stores a helpline contact, anonymous unless said otherwise."""

from datetime import timedelta

import pytest
from django.utils import timezone

from strehe.audit.models import AuditEntry
from strehe.helpline.models import Contact
from strehe.helpline.services import contact_create


def test_an_operator_logs_a_call_with_every_field_kept(operator, call):
    contact = contact_create(actor=operator, **call)

    stored = Contact.objects.get(pk=contact.pk)
    assert stored.recorded_by == operator
    assert (stored.channel, stored.language, stored.caller_type) == (
        "phone",
        "sq",
        "family_or_friend",
    )
    assert (stored.topic, stored.outcome) == ("trafficking", "referred")
    assert stored.summary == "Sister abroad; passport kept by employer."
    assert stored.advice_and_referrals == "Referred to the victim advocates' office."


def test_a_contact_is_anonymous_by_default(operator, call):
    assert contact_create(actor=operator, **call).anonymous is True


def test_an_operator_may_log_a_caller_who_gave_their_identity(operator, call):
    assert contact_create(actor=operator, anonymous=False, **call).anonymous is False


@pytest.mark.django_db
def test_the_public_form_logs_without_a_staff_author(call):
    contact = contact_create(actor=None, **{**call, "channel": "web_form"})

    assert contact.recorded_by is None
    assert contact.anonymous is True


def test_the_time_defaults_to_now_and_an_earlier_time_is_kept(operator, call):
    before = timezone.now()
    now_contact = contact_create(actor=operator, **call)
    earlier = timezone.now() - timedelta(hours=3)
    late_entry = contact_create(actor=operator, contacted_at=earlier, **call)

    assert before <= now_contact.contacted_at <= timezone.now()
    assert Contact.objects.get(pk=late_entry.pk).contacted_at == earlier


def test_a_silent_call_needs_no_summary(operator):
    contact = contact_create(
        actor=operator,
        channel="phone",
        language="other",
        caller_type="silent",
        topic="not_related",
        outcome="no_action",
    )

    assert contact.summary == ""


@pytest.mark.django_db
def test_logging_a_contact_is_audited_with_field_names_only(staff):
    contact = contact_create(
        actor=staff["operator_olta"],
        channel="phone",
        language="sq",
        caller_type="possible_victim",
        topic="trafficking",
        outcome="advice_given",
        summary="Drita, works in a bar in Prizren",
    )

    entry = AuditEntry.objects.get(target_type="helpline.contact", target_id=str(contact.pk))
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor_username == "operator_olta"
    assert "summary" in entry.fields and "advice_and_referrals" not in entry.fields
    assert "Drita" not in str(entry.detail) + entry.target_label
