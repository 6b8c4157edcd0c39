"""The referral forms (refer, decline, revoke, accept) answer bad input with a field error or
a cleaned saved value, never a 500: dates and huge ids, 1 MB of text, a right-to-left override;
each field in turn on top of an ordinary submission, each on a fresh referral."""

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.core.validation import TEXT_MAX_LENGTH
from strehe.referrals.models import Referral
from tests.core.test_every_form_survives_bad_input import bad_values, ordinary_value
from tests.referrals.setting import service_of

pytestmark = pytest.mark.django_db

ORDINARY = {"reason": "Ordinary text", "override_reason": "", "urgency": "urgent"}


def stored_problems() -> list[str]:
    problems = []
    for referral in Referral.objects.all():
        for name in ("reason", "decline_reason", "revoke_reason"):
            value = getattr(referral, name) or ""
            if len(value) > TEXT_MAX_LENGTH or "\u202e" in value or "\u200b" in value:
                problems.append(f"{name} of {referral.pk}: {value[:30]!r}")
    return problems


def test_referral_forms_answer_bad_input_with_an_error_or_a_cleaned_value(
    referral_setting, login_as, capsys
):
    # The page of each step, who posts it, and a fresh case (with a referral to act on).
    def fresh(step: str) -> tuple[str, dict[str, int]]:
        case = referral_setting.case(f"Bad{Referral.objects.count()}{step}")
        with translation.override("en"):
            url = reverse(f"referrals:{step}", kwargs={"code": case.code})
        if step == "create":
            return url, {}
        return url, {"referral": referral_setting.send(case).pk}

    steps = {"create": "advocate_arta", "decline": "social_worker_sokol", "revoke": "advocate_arta"}
    service_of(referral_setting.agencies["social"])
    tried = 0
    failures = []
    for step, username in steps.items():
        client = login_as(username)
        client.raise_request_exception = False
        url, fixed = fresh(step)
        form = client.get(url).context["form"]
        ordinary = {
            name: ORDINARY.get(name, ordinary_value(name, field))
            for name, field in form.fields.items()
        } | fixed
        response = client.post(url, ordinary)
        if response.status_code != 302:
            failures.append(f"{step}: ordinary input refused: {response.context['form'].errors}")
        for name, field in form.fields.items():
            for bad in bad_values(field):
                url, fixed = fresh(step)
                response = client.post(url, {**ordinary, **fixed, name: bad})
                tried += 1
                if response.status_code == 200 and not response.context["form"].errors:
                    failures.append(f"{step} {name}: 200 without an error")
                elif response.status_code == 302 and stored_problems():
                    failures.append(f"{step} {name}: saved as is: {stored_problems()}")
                elif response.status_code not in (200, 302):
                    failures.append(f"{step} {name}: answered {response.status_code}")

    with capsys.disabled():
        print(f"\nreferral forms: {tried} bad inputs tried on {len(steps)} pages")
    assert failures == [], failures
    assert tried > 10
