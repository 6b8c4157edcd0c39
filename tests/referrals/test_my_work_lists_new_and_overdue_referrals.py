"""New referrals appear in the receiving agency's My work; a referral its sender is waiting on
past the time its urgency allows stands out in the sender's My work. Names never appear."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from strehe.referrals.models import Referral

pytestmark = pytest.mark.django_db


def my_work(client) -> str:
    with translation.override("en"):
        response = client.get(reverse("accounts:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_new_referral_in_the_receivers_my_work_overdue_in_the_senders(referral_setting, login_as):
    on_time = referral_setting.send(referral_setting.case("OnTime"), urgency="routine")
    late = referral_setting.send(referral_setting.case("Late"), urgency="immediate")
    # Sent five hours ago: an immediate referral has four hours to be answered.
    sent_at = timezone.now() - datetime.timedelta(hours=5)
    Referral.objects.filter(pk=late.pk).update(
        sent_at=sent_at, answer_due_at=sent_at + datetime.timedelta(hours=4)
    )

    receiver = my_work(login_as("social_worker_sokol"))
    sender = my_work(login_as("advocate_arta"))

    assert receiver.count("New referral") == 2
    assert on_time.case.code in receiver and late.case.code in receiver
    assert sender.count("No answer in time") == 1
    assert late.case.code in sender
    for html in (receiver, sender):
        assert late.case.person.given_name not in html
    # Someone neither sending nor receiving sees neither.
    elsewhere = my_work(login_as("investigator_ilir"))
    assert on_time.case.code not in elsewhere and late.case.code not in elsewhere


def test_an_answered_referral_leaves_my_work(referral_setting, login_as):
    referral = referral_setting.send(referral_setting.case("Answered"))
    client = login_as("social_worker_sokol")
    with translation.override("en"):
        client.post(
            reverse("referrals:accept", kwargs={"code": referral.case.code}),
            {"referral": referral.pk},
        )
    assert "New referral" not in my_work(client)
