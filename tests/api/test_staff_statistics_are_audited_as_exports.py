"""Figures taken from the staff statistics endpoint leave an export audit entry, as the page's
downloads and `strehe stats` do: who, which figures, exact or published. The public endpoint,
which answers only published figures, leaves none."""

import pytest
from django.test import Client

from strehe.audit.models import AuditEntry
from tests.api.tokens import bearer, token_for

pytestmark = pytest.mark.django_db

PARAMS = {
    "date_from": "2012-01-01",
    "date_to": "2012-12-31",
    "by": "exploitation",
    "then_by": "sex",
    "public": "true",
}


def exports() -> int:
    return AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count()


def test_each_answer_is_audited(staff):
    api = bearer(token_for(staff["statistician_besnik"]))
    before = exports()

    assert api.get("/api/v1/statistics/", PARAMS).status_code == 200

    entry = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).latest("seq")
    assert exports() == before + 1
    assert entry.actor == staff["statistician_besnik"]
    assert entry.detail["via"] == "api"
    assert entry.detail["format"] == "json"
    assert entry.detail["by"] == "exploitation,sex"
    assert entry.detail["status"] == "registered"
    assert entry.detail["public"] == 1


def test_refused_requests_and_the_public_endpoint_leave_no_entry(staff):
    before = exports()

    bearer(token_for(staff["statistician_besnik"])).get("/api/v1/statistics/", {"by": "x"})
    bearer(token_for(staff["advocate_arta"])).get("/api/v1/statistics/", PARAMS)
    Client().get("/api/v1/public/statistics/")

    assert exports() == before
