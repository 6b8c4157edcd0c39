"""Whatever a caller puts in the path or the query, the cases API answers JSON, never a 500."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

API_STATUSES = {200, 400, 403, 404, 405}


@pytest.fixture
def arta(login_as, records_of):
    records_of("advocate_arta")
    return login_as("advocate_arta")


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(code=st.text(min_size=1, max_size=40), page=st.text(max_size=12))
def test_any_code_or_page_gets_a_json_answer(arta, code, page):
    detail = arta.get(f"/api/v1/cases/{quote(code, safe='')}/")
    listing = arta.get("/api/v1/cases/", {"page": page})

    for response in (detail, listing):
        assert response.status_code in API_STATUSES
        assert response["Content-Type"].startswith("application/json")
