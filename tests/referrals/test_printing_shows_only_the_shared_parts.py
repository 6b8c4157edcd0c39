"""The printable summary and its PDF show a referral's receiver what the case page shows them:
the parts the sender shared, never the notes, places or narrative that were not."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from strehe.referrals.services import referral_accept
from tests.referrals.setting import NOTE, PLACE, RISK_REASONS

pytestmark = pytest.mark.django_db


def test_the_summary_and_the_pdf_hold_only_the_shared_parts(referral_setting, login_as):
    case = referral_setting.case("Printed")
    referral_accept(actor=referral_setting.receiver, referral=referral_setting.send(case))
    client = login_as("social_worker_sokol")

    with translation.override("en"):
        printed = client.get(reverse("cases:print", kwargs={"code": case.code}))
        pdf = client.get(reverse("cases:pdf", kwargs={"code": case.code}))
    html = printed.content.decode()
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)

    assert printed.status_code == 200 and pdf.status_code == 200
    for text in (html, pdf_text):
        assert case.person.family_name in text
        assert RISK_REASONS in " ".join(text.split())
        for hidden in (NOTE, PLACE, "Narrative of"):
            assert hidden not in text, hidden


def test_without_the_identity_no_name_is_printed(referral_setting, login_as):
    case = referral_setting.case("Nameless")
    referral_accept(
        actor=referral_setting.receiver, referral=referral_setting.send(case, parts=("risk",))
    )

    with translation.override("en"):
        html = (
            login_as("social_worker_sokol")
            .get(reverse("cases:print", kwargs={"code": case.code}))
            .content.decode()
        )

    assert case.person.given_name not in html and case.person.family_name not in html
    assert "Not shared with you" in html
