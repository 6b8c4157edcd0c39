"""Every staff action page answers bad input with a field error or a cleaned saved value, never 500.

The pages come from the URL configuration: every staff URL that shows a form to a user whose
role may act there (case pages, identification, helpline, screening). Each field of its form is
given, one at a time on top of an otherwise ordinary submission: dates 0001-01-01, 9999-12-31
and 3000-01-01; text 1 MB long and text with a right-to-left override; ids too large for any
database in a choice. Each input goes to a fresh record (a case ready for initial assistance, a
new helpline contact), so what one input saved does not change the form the next one meets.

An answer passes when it is a page whose form has an error, or a redirect after which every
stored date is plausible, no stored text is over the limit and none holds the override.
"""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from strehe.accounts.models import User
from strehe.cases.models import Case
from strehe.cases.services import (
    case_note_add,
    follow_up_add,
    person_link,
    trafficking_event_add,
)
from strehe.core.crypto import EncryptedFieldMixin
from strehe.core.validation import EARLIEST_BIRTH_DATE, PLAN_HORIZON_DAYS, TEXT_MAX_LENGTH
from strehe.helpline.followups import contact_follow_up_add
from strehe.helpline.services import contact_create
from tests.cases.test_authorization_matrix import staff_and_api_routes
from tests.cases.workflow import (
    assess_risk,
    consent_to,
    make_adult,
    reflection_rules,
    to_risk_and_referral,
)
from tests.helpline.flow import CALL
from tests.staff import open_test_case, verified_client

BAD_DATES = ["0001-01-01", "9999-12-31", "3000-01-01"]
RTL_OVERRIDE = "Arb\u202eexe.gpj\u202c\u200b"
ONE_MEGABYTE = "A" * 1_000_000
HUGE_IDS = ["9" * 40, str(2**63), str(-(2**63) - 1)]
# Users tried in this order on each page: the first whose role may act there is used (the
# investigator may also override consent, so the override field is in the forms).
ACTORS = ["investigator_ilir", "advocate_arta", "operator_olta"]
# Values a form needs to get past its own checks and its service's, where the first choice or
# an empty optional field would not do.
# A consent the fresh case does not hold yet (one in force cannot be recorded twice).
ORDINARY = {
    "country": "XK",
    "override_reason": "She is in danger.",
    "share_with": "",
    "scope": "data_retention",
    # The same-person page: the code of another case the actor may work on, opened for it.
    "other": lambda: (
        open_test_case(
            owner=User.objects.get(username="investigator_ilir").agency,
            worker=None,
            label=f"Other{Case.objects.count()}",
        ).code
    ),
}
# Pages each of these must be found among the URL patterns, so the test cannot test nothing.
EXPECTED_PAGES = {
    "cases:stage",
    "cases:risk",
    "cases:consent",
    "cases:consent_withdraw",
    "cases:sharing",
    "cases:note",
    "cases:event",
    "cases:exploitation",
    "cases:identification",
    "cases:follow_up",
    "cases:follow_up_status",
    "cases:same_person",
    "cases:same_person_undo",
    "cases:assign",
    "cases:transfer",
    "helpline:create",
    "helpline:screen",
    "helpline:open_case",
    "cases:person",
    "cases:narrative",
    "cases:note_correct",
    "cases:event_correct",
    "helpline:correct",
    "helpline:follow_up",
    "helpline:follow_up_status",
}
Target = Callable[[], dict[str, Any]]


def ordinary_value(name: str, field: forms.Field) -> Any:
    """What a user who fills the form in normally would send for `field`."""
    if name in ORDINARY:
        value = ORDINARY[name]
        return value() if callable(value) else value
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [str(pk) for pk in field.queryset.values_list("pk", flat=True)]
    if isinstance(field, forms.MultipleChoiceField):
        return []
    if isinstance(field, forms.ModelChoiceField):
        first = field.queryset.first()
        return str(first.pk) if first is not None else ""
    if isinstance(field, forms.ChoiceField):
        values = [str(value) for value, _label in field.choices if value not in ("", None)]
        return values[0] if values else ""
    if isinstance(field, forms.DateField):
        return timezone.localdate().isoformat() if field.required else ""
    if isinstance(field, forms.BooleanField | forms.IntegerField):
        return ""
    return "Ordinary text" if field.required else ""


def bad_values(field: forms.Field) -> list[Any]:
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [[huge] for huge in HUGE_IDS]
    if isinstance(field, forms.ModelChoiceField):
        return HUGE_IDS
    if isinstance(field, forms.MultipleChoiceField):
        return [[ONE_MEGABYTE]]
    if isinstance(field, forms.ChoiceField):
        return [ONE_MEGABYTE]
    if isinstance(field, forms.IntegerField):
        return HUGE_IDS
    if isinstance(field, forms.DateField):
        return BAD_DATES
    if isinstance(field, forms.CharField):
        return [ONE_MEGABYTE, RTL_OVERRIDE]
    return []


def stored_problems() -> list[str]:
    """Implausible dates, over-long texts and kept overrides anywhere in our apps' tables."""
    latest = timezone.localdate() + datetime.timedelta(days=PLAN_HORIZON_DAYS)
    problems = []
    for app in ("cases", "helpline", "screening"):
        for model in apps.get_app_config(app).get_models():
            texts = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, EncryptedFieldMixin | models.CharField | models.TextField)
                and not isinstance(f, models.DateField)
            ]
            dates = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField)
            ]
            for row in model._default_manager.values("pk", *texts, *dates):
                for name in texts:
                    value = row[name] or ""
                    if len(value) > TEXT_MAX_LENGTH or "\u202e" in value or "\u200b" in value:
                        problems.append(f"{model.__name__}.{name} {row['pk']}: {value[:30]!r}")
                for name in dates:
                    day = row[name]
                    if day is not None and not EARLIEST_BIRTH_DATE <= day <= latest:
                        problems.append(f"{model.__name__}.{name} {row['pk']}: {day}")
    return problems


def action_pages(staff: dict[str, User], targets: dict[str, Target]) -> dict[str, tuple]:
    """name -> (acting username, argument name): staff URLs that show a form to someone."""
    pages = {}
    for name, _route, _callback, arguments in staff_and_api_routes():
        if name.split(":")[0] not in {"cases", "helpline"} or not arguments <= set(targets):
            continue
        (argument,) = arguments or {None}
        for username in ACTORS:
            client = verified_client(staff[username])
            kwargs = targets[argument]() if argument else {}
            with translation.override("en"):
                response = client.get(reverse(name, kwargs=kwargs))
            if (
                response.status_code == 200
                and isinstance((response.context or {}).get("form"), forms.BaseForm)
                # In the page's own content: every staff page has the logout form in its header.
                and 'method="post"' in response.content.decode().partition("<main")[2]
            ):
                pages[name] = (username, argument)
                break
    return pages


def judged(response: HttpResponse, field_name: str) -> str | None:
    """None if the answer is acceptable, else what was wrong with it."""
    if response.status_code == 200:
        if response.context.get("duplicates"):
            return None  # the open-case page shows possible matches before saving anything
        return None if response.context["form"].errors else "200 without an error"
    if response.status_code == 302:
        problems = stored_problems()
        return f"saved as is: {problems}" if problems else None
    return f"answered {response.status_code}"


@pytest.mark.django_db
def test_every_form_answers_bad_input_with_an_error_or_a_cleaned_value(staff, capsys):
    reflection_rules()
    investigator = staff["investigator_ilir"]

    def fresh_case() -> dict[str, Any]:
        # Identified, assessed and consenting: the stage page offers initial assistance, with
        # the start of the reflection period; consents exist to withdraw.
        case: Case = open_test_case(
            owner=investigator.agency, worker=investigator, label=f"Bad{Case.objects.count()}"
        )
        make_adult(case, investigator)
        to_risk_and_referral(case, investigator)
        assess_risk(case, investigator, staff)
        consent_to(case, investigator)
        # A follow-up to mark done.
        follow_up_add(actor=investigator, case=case, due_on=timezone.localdate(), note="Call")
        # A note and an event to correct.
        case_note_add(actor=investigator, case=case, text="She called back.")
        trafficking_event_add(actor=investigator, case=case, kind="Recruitment", country="AL")
        # A same-person link to undo.
        twin = open_test_case(owner=investigator.agency, worker=None, label="Twin")
        person_link(actor=investigator, case=twin, other=case)
        return {"code": case.code}

    def fresh_contact() -> dict[str, Any]:
        contact = contact_create(actor=staff["advocate_arta"], anonymous=False, **CALL)
        # A call-back to mark done.
        contact_follow_up_add(
            actor=staff["advocate_arta"], contact=contact, due_on=timezone.localdate(), note="Call"
        )
        return {"contact_id": contact.pk}

    targets: dict[str, Target] = {"code": fresh_case, "contact_id": fresh_contact}
    pages = action_pages(staff, targets)
    assert set(pages) >= EXPECTED_PAGES, f"not found: {EXPECTED_PAGES - set(pages)}"

    tried = saved = 0
    per_page: dict[str, int] = {}
    failures: list[str] = []
    for name, (username, argument) in sorted(pages.items()):
        client: Client = verified_client(staff[username])
        client.raise_request_exception = False
        with translation.override("en"):
            page_url = reverse(name, kwargs=targets[argument]() if argument else {})
        form = client.get(page_url).context["form"]
        ordinary = {
            field_name: ordinary_value(field_name, field)
            for field_name, field in form.fields.items()
        }
        # The ordinary submission itself is accepted: the bad values meet a form that works.
        response = client.post(page_url, ordinary)
        if response.status_code != 302:
            errors = response.context and response.context["form"].errors
            failures.append(f"{name} as {username}: ordinary input refused: {errors}")
        for field_name, field in form.fields.items():
            for bad in bad_values(field):
                kwargs = targets[argument]() if argument else {}
                with translation.override("en"):
                    response = client.post(
                        reverse(name, kwargs=kwargs), {**ordinary, field_name: bad}
                    )
                tried += 1
                per_page[name] = per_page.get(name, 0) + 1
                saved += response.status_code == 302
                problem = judged(response, field_name)
                if problem:
                    shown = bad if len(str(bad)) < 50 else f"{len(str(bad))} characters"
                    failures.append(f"{name} as {username}, {field_name}={shown}: {problem}")

    with capsys.disabled():
        print(
            f"\nbad input: {tried} inputs tried on {len(pages)} pages, {saved} saved cleaned, "
            f"the others refused on a field: {per_page}"
        )
    assert failures == [], "\n".join(failures)
