"""Bad input on every action page: the form shows the error on its field and nothing is saved.

Some errors are the form's (a missing choice, a date that is not one), others the service's (a
country code it refuses, a date in the future); both end on the field, with no row written.
"""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from strehe.cases.models import Case
from tests.cases.workflow import url

# A week ahead rather than tomorrow: still in the future if the run crosses local midnight.
TOMORROW = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()

BAD_INPUT = [
    ("cases:stage", {"to_stage": ""}, "to_stage"),
    ("cases:stage", {"to_stage": "closed", "closing_reason": "vanished"}, "closing_reason"),
    ("cases:risk", {"level": "extreme", "reasons": "x"}, "level"),
    ("cases:risk", {"level": "low", "reasons": ""}, "reasons"),
    ("cases:risk", {"level": "low", "reasons": "x", "assessed_on": TOMORROW}, "assessed_on"),
    ("cases:consent", {"scope": "forever"}, "scope"),
    ("cases:consent", {"scope": "assistance", "given_on": TOMORROW}, "given_on"),
    ("cases:consent_withdraw", {"consent": ""}, "consent"),
    ("cases:consent_withdraw", {"consent": "not-a-number"}, "consent"),
    ("cases:sharing", {"agency": ""}, "agency"),
    ("cases:note", {"text": "   "}, "text"),
    ("cases:event", {"kind": "Smuggling", "country": "AL"}, "kind"),
    ("cases:event", {"kind": "Transit", "country": "Serbia"}, "country"),
    ("cases:event", {"kind": "Transit", "country": "1x"}, "country"),
    (
        "cases:event",
        {"kind": "Transit", "country": "RS", "started_on": "2024-05-02", "ended_on": "2024-05-01"},
        "ended_on",
    ),
    ("cases:exploitation", {"forms_of_exploitation": ["Smuggling"]}, "forms_of_exploitation"),
    ("cases:exploitation", {"methods_of_control": ["Charm"]}, "methods_of_control"),
]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for app in ("cases", "audit")
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "field"), BAD_INPUT)
def test_bad_input_shows_a_field_error_and_saves_nothing(records_of, login_as, name, data, field):
    case = records_of("investigator_ilir").own
    client = login_as("investigator_ilir")
    before = row_counts()
    fields_before = Case.objects.values().get(pk=case.pk)

    response = client.post(url(name, case), data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="errorlist' in response.content.decode()
    assert row_counts() == before
    assert Case.objects.values().get(pk=case.pk) == fields_before
