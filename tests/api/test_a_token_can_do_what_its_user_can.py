"""A token's requests can do exactly what its user can in the web pages, role by role; a
revoked or expired token answers 401; a changed role applies to the token at once."""

import datetime

import pytest
from django.utils import timezone

from strehe.accounts.roles import Role
from strehe.api.models import ApiToken
from strehe.api.services import api_token_revoke
from tests.api.tokens import bearer, token_for

CASE_ROLES = ["investigator_ilir", "advocate_arta", "social_worker_sokol", "coordinator_drita"]


def codes(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {row["code"] for row in response.json()["results"]}


@pytest.mark.django_db
@pytest.mark.parametrize("username", [*CASE_ROLES, "statistician_besnik", "administrator_agim"])
def test_the_token_sees_the_cases_the_pages_show(staff, records_of, login_as, username):
    records = records_of(username)
    api = bearer(token_for(staff[username]))
    page = login_as(username)

    listing = api.get("/api/v1/cases/")
    for case in (records.own, records.own_agency, records.other_agency):
        from_api = api.get(f"/api/v1/cases/{case.code}/").status_code
        from_page = page.get(f"/en/staff/cases/{case.code}/").status_code
        assert from_api == from_page, (username, case.code)
    if username in CASE_ROLES:
        page_codes = {row["case"].code for row in page.get("/en/staff/cases/").context["rows"]}
        assert codes(listing) == page_codes
    else:
        assert listing.status_code == 403


@pytest.mark.django_db
def test_the_secret_is_stored_only_as_a_hash(staff):
    secret = token_for(staff["advocate_arta"])
    token = ApiToken.objects.get()

    assert secret not in {token.secret_hash, token.prefix, token.name}
    assert len(token.secret_hash) == 64


@pytest.mark.django_db
def test_a_revoked_token_answers_401(staff, records_of):
    records_of("advocate_arta")
    arta = staff["advocate_arta"]
    secret = token_for(arta)
    assert bearer(secret).get("/api/v1/cases/").status_code == 200

    api_token_revoke(actor=arta, token=ApiToken.objects.get())
    response = bearer(secret).get("/api/v1/cases/")

    assert response.status_code == 401
    assert response.json()["error"] == "authentication_failed"


@pytest.mark.django_db
def test_an_expired_token_answers_401(staff):
    secret = token_for(staff["advocate_arta"])
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert bearer(secret).get("/api/v1/cases/").status_code == 401


@pytest.mark.django_db
def test_a_token_of_a_deactivated_user_answers_401(staff):
    arta = staff["advocate_arta"]
    secret = token_for(arta)
    arta.is_active = False
    arta.save(update_fields=["is_active"])

    assert bearer(secret).get("/api/v1/cases/").status_code == 401


@pytest.mark.django_db
def test_a_changed_role_applies_to_the_token_at_once(staff, records_of):
    case = records_of("investigator_ilir").own
    ilir = staff["investigator_ilir"]
    api = bearer(token_for(ilir))
    assert api.get(f"/api/v1/cases/{case.code}/").status_code == 200

    ilir.role = Role.STATISTICIAN
    ilir.save(update_fields=["role"])

    assert api.get(f"/api/v1/cases/{case.code}/").status_code == 404
    assert api.get("/api/v1/cases/").status_code == 403


@pytest.mark.django_db
def test_nobody_revokes_another_users_token(staff, login_as):
    token_for(staff["advocate_arta"])
    token = ApiToken.objects.get()

    response = login_as("investigator_ilir").post(
        "/en/staff/api-tokens/revoke/", {"token": str(token.pk)}
    )

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
