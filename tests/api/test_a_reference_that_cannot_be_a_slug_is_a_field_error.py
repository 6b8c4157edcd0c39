"""A shelter, service, municipality or ILO indicator named by something that cannot be a slug
(a NUL byte, which PostgreSQL refuses in any query; a line break; a huge or non-text value) is
a 400 naming the field, never a 500, and saves nothing. Found by schemathesis on PostgreSQL."""

import pytest

from strehe.helpline.models import Contact
from strehe.referrals.models import Referral
from strehe.screening.models import Screening
from strehe.shelters.models import Placement
from tests.api.tokens import bearer, post_json, token_for
from tests.helpline.flow import CALL, logged_contact
from tests.shelters.helpers import person_case

NOT_SLUGS = ["shelter\x00", "a\nb", "x" * 5000, 12, ["list"], {"a": 1}]


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_SLUGS, ids=repr)
def test_not_a_slug_is_a_field_error_everywhere(staff, agencies, referral_setting, value):
    sokol, olta = staff["social_worker_sokol"], staff["operator_olta"]
    case = person_case(owner=agencies["social"], worker=sokol)
    referred = referral_setting.case()
    contact = logged_contact(olta)
    requests = [
        (sokol, "/api/v1/placements/", {"case": case.code, "shelter": value}, "shelter"),
        (
            referral_setting.sender,
            f"/api/v1/cases/{referred.code}/referrals/",
            {"service": value, "urgency": "urgent", "reason": "Needs help.", "parts": []},
            "service",
        ),
        (olta, "/api/v1/contacts/", {**CALL, "municipality": value}, "municipality"),
        (olta, f"/api/v1/contacts/{contact.pk}/screenings/", {"indicators": [value]}, "indicators"),
    ]
    for user, url, data, field in requests:
        response = post_json(bearer(token_for(user)), url, data)
        assert response.status_code == 400, (url, response.content[:300])
        assert list(response.json()["fields"]) == [field], url

    assert not Placement.objects.exists()
    assert not Referral.objects.exists()
    assert not Screening.objects.exists()
    assert Contact.objects.count() == 1


@pytest.mark.django_db
def test_a_filter_by_shelter_with_a_nul_byte_is_a_field_error(staff):
    response = bearer(token_for(staff["social_worker_sokol"])).get(
        "/api/v1/placements/", {"shelter": "a\x00b"}
    )

    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["shelter"]
