import pytest
from django.test import Client


@pytest.mark.django_db
def test_an_anonymous_caller_gets_a_json_401_that_names_the_scheme(records_of):
    case = records_of("advocate_arta").own

    for url in ("/api/v1/cases/", f"/api/v1/cases/{case.code}/"):
        response = Client().get(url)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Bearer"
        assert response.json()["error"] == "not_authenticated"


@pytest.mark.django_db
def test_a_password_only_session_of_a_two_factor_role_gets_403(staff):
    client = Client()
    client.force_login(staff["advocate_arta"])

    response = client.get("/api/v1/cases/")

    assert response.status_code == 403
    assert "detail" in response.json()


@pytest.mark.django_db
def test_an_unknown_or_refused_code_is_a_json_404(login_as, records_of):
    other = records_of("advocate_arta").other_agency
    client = login_as("advocate_arta")

    for code in ("KS-1999-00001", other.code, "<script>"):
        response = client.get(f"/api/v1/cases/{code}/")
        assert response.status_code == 404
        assert "detail" in response.json()


@pytest.mark.django_db
def test_writes_are_refused_with_json_405(login_as, records_of):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")

    response = client.delete(f"/api/v1/cases/{case.code}/")

    assert response.status_code == 405
    assert "detail" in response.json()


@pytest.mark.django_db
def test_the_openapi_schema_describes_the_cases_api():
    response = Client().get("/api/v1/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert "/api/v1/cases/{code}/" in response.json()["paths"]


@pytest.mark.django_db
def test_an_unknown_api_address_is_a_json_404():
    response = Client().get("/api/no-such-thing/")

    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.django_db
def test_personal_data_from_the_api_is_never_cached(login_as, records_of):
    case = records_of("advocate_arta").own

    response = login_as("advocate_arta").get(f"/api/v1/cases/{case.code}/")

    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/cases/a%0Ab%2Fc/", "/api/v1/a\nb/", "/api/%0A/"])
def test_an_api_address_with_a_line_break_is_still_a_json_404(path):
    # Found by hypothesis on PostgreSQL: "." in a pattern does not match a line break, so such
    # an address fell through to the HTML 404 page.
    response = Client().get(path)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
