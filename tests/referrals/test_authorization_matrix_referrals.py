"""Every role against every case page and every referral page, for cases referred to their
agency in three ways, GET and POST: referred and not yet answered ("referred"), referred and
accepted ("accepted"), referred and declined ("declined"). Each case belongs to another agency,
so the referral is all that relates the user to it.

For each relation every page is first read (GET); then the pages are posted to in the order
of POST_ORDER, each with a payload valid for its page: the case pages, referring the case on,
then revoke, accept, decline and complete of the referral, and closing the case last. So the
cells of a POST tell a story: a receiver who may act accepts (302), cannot then decline the
accepted referral (200: the form says so), completes it (302), and from then on is answered
404. A POST refused with 403 or 404 writes nothing. The expected answers are the literal table
below, from the rules of issue 13, not computed from the roles or the policies.

The same story runs a second time through the API with the user's token, wherever the API has
the page's counterpart (reading a case and its referrals, referring, each step of a referral, an
identification decision; the other steps stay on the pages so that the story is the same): a
token does exactly what its user does on the pages. An answer of the pages maps to the API's as
API_ANSWER says: a page that shows its form again with the refusal (200 after a POST) is a 4xx
with a JSON body in the API; a redirect after saving is 200 or 201.
"""

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.accounts.roles import Role
from strehe.cases.services.consent import consent_create
from strehe.directory.models import Service
from strehe.referrals.models import Referral
from strehe.referrals.services import referral_accept, referral_decline, referral_send
from tests.api.tokens import bearer, post_json, token_for
from tests.cases.test_authorization_matrix_grants import ACTION_PAGES as CASE_ACTION_PAGES
from tests.cases.test_authorization_matrix_grants import Setting, database_state
from tests.referrals.setting import service_of
from tests.staff import NAMED_USERS, make_user, verified_client

RELATIONS = ("referred", "accepted", "declined")
READ_PAGES = ("detail", "access_log", "api_detail", "referrals")
REFERRAL_STEPS = ("create", "revoke", "accept", "decline", "complete")
# Assigning and transferring are the owning agency's and coordinators' (never a referral's
# receiver): tests/cases/test_authorization_matrix_grants.py checks them for every relation.
OWNERS_PAGES = {"assign", "transfer"}
ACTION_PAGES = (
    *[page for page in CASE_ACTION_PAGES if page != "stage" and page not in OWNERS_PAGES],
    *REFERRAL_STEPS,
    "stage",
)
POST_ORDER = ACTION_PAGES
URL_NAMES = {
    "detail": "cases:detail",
    "access_log": "cases:access_log",
    "api_detail": "api:case",
    "referrals": "referrals:case",
    **{page: f"cases:{page}" for page in CASE_ACTION_PAGES if page not in OWNERS_PAGES},
    **{page: f"referrals:{page}" for page in REFERRAL_STEPS},
}

# A role that sees personal data but does not work cases (helpline operator, shelter staff).
SEES_CANNOT_ACT = """
    detail            404      200      404
    access_log        404      404      404
    api_detail        404      200      404
    referrals         200      200      404
    consent           404/404  403/403  404/404
    consent_withdraw  404/404  403/403  404/404
    sharing           404/404  403/403  404/404
    sharing_end       404/404  403/403  404/404
    note              404/404  403/403  404/404
    event             404/404  403/403  404/404
    exploitation      404/404  403/403  404/404
    identification    404/404  403/403  404/404
    risk              404/404  403/403  404/404
    create            404/404  403/403  404/404
    revoke            403/403  403/403  404/404
    accept            403/403  403/403  404/404
    decline           403/403  403/403  404/404
    complete          403/403  403/403  404/404
    stage             404/404  403/403  404/404
"""
# Police and victim advocates: they work the case once their agency accepted the referral.
WORKS_CASES = """
    detail            404      200      404
    access_log        404      404      404
    api_detail        404      200      404
    referrals         200      200      404
    consent           404/404  200/302  404/404
    consent_withdraw  404/404  200/302  404/404
    sharing           404/404  200/302  404/404
    sharing_end       404/404  200/302  404/404
    note              404/404  200/302  404/404
    event             404/404  200/302  404/404
    exploitation      404/404  200/302  404/404
    identification    404/404  200/302  404/404
    risk              404/404  200/302  404/404
    create            404/404  200/302  404/404
    revoke            200/200  200/200  404/404
    accept            200/302  200/200  404/404
    decline           200/200  200/200  404/404
    complete          200/302  200/302  404/404
    stage             404/404  200/404  404/404
"""
SEES_NOTHING = """
    detail            404      404      404
    access_log        404      404      404
    api_detail        404      404      404
    referrals         404      404      404
    consent           404/404  404/404  404/404
    consent_withdraw  404/404  404/404  404/404
    sharing           404/404  404/404  404/404
    sharing_end       404/404  404/404  404/404
    note              404/404  404/404  404/404
    event             404/404  404/404  404/404
    exploitation      404/404  404/404  404/404
    identification    404/404  404/404  404/404
    risk              404/404  404/404  404/404
    create            404/404  404/404  404/404
    revoke            404/404  404/404  404/404
    accept            404/404  404/404  404/404
    decline           404/404  404/404  404/404
    complete          404/404  404/404  404/404
    stage             404/404  404/404  404/404
"""
EXPECTED = {
    #                     referred accepted declined
    "operator_olta": SEES_CANNOT_ACT,
    "investigator_ilir": WORKS_CASES,
    "advocate_arta": WORKS_CASES,
    # As the others who work cases, but the identification decision is not a social worker's.
    "social_worker_sokol": WORKS_CASES.replace(
        "identification    404/404  200/302  404/404",
        "identification    404/404  403/403  404/404",
    ),
    # A shelter's staff see their residents only (placement grants), never a referred case:
    # a referral to their agency shows its summary, without identifying data, until answered.
    "shelter_staff_shpresa": """
    detail            404      404      404
    access_log        404      404      404
    api_detail        404      404      404
    referrals         200      404      404
    consent           404/404  404/404  404/404
    consent_withdraw  404/404  404/404  404/404
    sharing           404/404  404/404  404/404
    sharing_end       404/404  404/404  404/404
    note              404/404  404/404  404/404
    event             404/404  404/404  404/404
    exploitation      404/404  404/404  404/404
    identification    404/404  404/404  404/404
    risk              404/404  404/404  404/404
    create            404/404  404/404  404/404
    revoke            403/403  404/404  404/404
    accept            403/403  404/404  404/404
    decline           403/403  404/404  404/404
    complete          403/403  404/404  404/404
    stage             404/404  404/404  404/404
""",
    # The national view sees every case, whatever its referrals, and acts on none.
    "coordinator_drita": """
    detail            200      200      200
    access_log        200      200      200
    api_detail        200      200      200
    referrals         200      200      200
    consent           403/403  403/403  403/403
    consent_withdraw  403/403  403/403  403/403
    sharing           403/403  403/403  403/403
    sharing_end       403/403  403/403  403/403
    note              403/403  403/403  403/403
    event             403/403  403/403  403/403
    exploitation      403/403  403/403  403/403
    identification    403/403  403/403  403/403
    risk              403/403  403/403  403/403
    create            403/403  403/403  403/403
    revoke            403/403  403/403  403/403
    accept            403/403  403/403  403/403
    decline           403/403  403/403  403/403
    complete          403/403  403/403  403/403
    stage             403/403  403/403  403/403
""",
    "statistician_besnik": SEES_NOTHING,
    "administrator_agim": SEES_NOTHING,
    "moderator_mimoza": SEES_NOTHING,
}


def table(text: str) -> dict[str, dict[str, str]]:
    rows = {}
    for line in text.strip().splitlines():
        page, *cells = line.split()
        assert len(cells) == len(RELATIONS), line
        rows[page] = dict(zip(RELATIONS, cells, strict=True))
    assert set(rows) == set(READ_PAGES) | set(ACTION_PAGES)
    return rows


def state() -> dict[str, Any]:
    return {
        **database_state(),
        "referrals": sorted(Referral.objects.values_list("pk", "state", "grant_id")),
    }


class ReferralMatrixSetting(Setting):
    def __init__(self, staff, agencies) -> None:
        super().__init__(staff, agencies)
        # Someone in each agency who may answer a referral, to accept or decline beforehand.
        self.answerers = {
            key: make_user(f"answerer_{key}", Role.SOCIAL_WORKER, agency)
            for key, agency in agencies.items()
        }

    def referred_cases(self, username: str) -> dict[str, tuple[Any, Referral]]:
        home = self.staff[username].agency
        home_key = next(key for key, agency in self.agencies.items() if agency.pk == home.pk)
        sender = self.staff["worker_elsewhere"]
        label = username.replace("_", "")
        cases = {}
        for relation in RELATIONS:
            case = self.open(self.agencies["elsewhere"], sender, f"Ref{relation}{label}")
            consent_create(actor=None, case=case, scope="sharing", agency=home)
            referral = referral_send(
                actor=sender,
                case=case,
                service=service_of(home),
                reason="Needs assistance.",
                urgency="urgent",
                parts=["identity", "risk"],
            )
            answerer = self.answerers[home_key]
            if relation == "accepted":
                referral_accept(actor=answerer, referral=referral)
            if relation == "declined":
                referral_decline(actor=answerer, referral=referral, reason="No room.")
            cases[relation] = (case, referral)
        return cases

    def referral_payload(self, page: str, referral: Referral) -> dict[str, Any]:
        if page == "create":
            return {
                "service": service_of(self.agencies["spare_one"]).pk,
                "urgency": "routine",
                "reason": "Legal aid.",
                "parts": ["identity"],
            }
        if page in {"revoke", "decline"}:
            return {"referral": referral.pk, "reason": "Not the right service."}
        return {"referral": referral.pk}


# The API's counterpart of a page, where there is one: (URL name, argument).
API_URL_NAMES = {
    "api_detail": ("api:case", "code"),
    "referrals": ("api:case_referrals", "code"),
    "identification": ("api:case_decisions", "code"),
    "create": ("api:case_referrals", "code"),
    **{step: (f"api:referral_{step}", "referral_id") for step in REFERRAL_STEPS[1:]},
}
API_ANSWER = {
    "GET": {"200": {"200"}, "404": {"404"}},
    "POST": {
        "302": {"200", "201"},
        "200": {"400", "403", "409", "422"},
        "403": {"403"},
        "404": {"404"},
    },
}


def api_request(client, method: str, url: str, data: Any) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url) if method == "GET" else post_json(client, url, data)
    if response.status_code >= 400:
        assert set(response.json()) == {"error", "detail", "fields"}, url
    return str(response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("channel", ["pages", "api"])
def test_referral_relations_matrix_get_and_post(staff, agencies, capsys, channel):
    setting = ReferralMatrixSetting(staff, agencies)
    expected_by_user = {username: table(text) for username, text in EXPECTED.items()}
    assert set(expected_by_user) == set(NAMED_USERS)

    checked = 0
    wrong: list[str] = []
    wrote_when_refused: list[str] = []
    for username in NAMED_USERS:
        cases = setting.referred_cases(username)
        user = staff[username]
        user.refresh_from_db()
        client = verified_client(user)
        api = bearer(token_for(user)) if channel == "api" else None
        expected = expected_by_user[username]
        for relation in RELATIONS:
            case, referral = cases[relation]
            with translation.override("en"):
                urls = {
                    page: reverse(name, kwargs={"code": case.code})
                    for page, name in URL_NAMES.items()
                }
            requests = [
                ("GET", page, expected[page][relation].split("/")[0], None)
                for page in (*READ_PAGES, *ACTION_PAGES)
            ]
            for page in POST_ORDER:
                data = (
                    setting.referral_payload(page, referral)
                    if page in REFERRAL_STEPS
                    else setting.payload(page, case, user)
                )
                requests.append(("POST", page, expected[page][relation].split("/")[1], data))
            for method, page, want, data in requests:
                before = state()
                through_api = api is not None and page in API_URL_NAMES
                if through_api and method == "GET" and page not in READ_PAGES:
                    continue  # an action's form has no counterpart in the API
                if through_api:
                    name, argument = API_URL_NAMES[page]
                    value = case.code if argument == "code" else referral.pk
                    url = reverse(name, kwargs={argument: value})
                    status = api_request(api, method, url, api_payload(page, data))
                    wanted = API_ANSWER[method][want]
                elif method == "GET":
                    status = str(client.get(urls[page]).status_code)
                    wanted = {want}
                else:
                    status = str(client.post(urls[page], data).status_code)
                    wanted = {want}
                checked += 1
                label = f"{username} {relation} {page} {method} ({channel})"
                if status not in wanted:
                    wrong.append(f"{label}: got {status}, want {want}")
                if status in {"403", "404"} and state() != before:
                    wrote_when_refused.append(label)

    with capsys.disabled():
        print(
            f"\nreferral authorization matrix: {checked} (role, relation, page, method) checks, "
            f"{len(NAMED_USERS)} roles x {len(RELATIONS)} relations"
        )
    assert wrong == []
    assert wrote_when_refused == []
    per_case = len(READ_PAGES) + 2 * len(ACTION_PAGES)
    if channel == "api":
        per_case -= len([page for page in API_URL_NAMES if page not in READ_PAGES])
    assert checked == len(NAMED_USERS) * len(RELATIONS) * per_case


def api_payload(page: str, data: dict[str, Any] | None) -> dict[str, Any] | None:
    """The page's payload as the API takes it: the service by its slug, no referral field (the
    referral is in the address)."""
    if data is None:
        return None
    if page == "create":
        service = Service.objects.get(pk=data["service"])
        return {**data, "service": service.slug}
    return {key: value for key, value in data.items() if key != "referral"}
