"""Every role against every personal-data URL, for records of self, own agency, another agency.

The URLs come from the URL configuration, not from a list here: a new staff or API URL is either
marked by `staff_required(personal_data=...)` (or `shows_personal_data` on an API view) and then
checked by this matrix, or the test fails and asks for the mark. A URL with a `code` argument is
checked as a case record: 200 where the expected table allows, 404 everywhere else; an action
page (stage, risk, consents, sharing, notes, events, exploitation) also needs its permission, and
answers 403 to a role without it, but only for a record that role may see: the record is looked
up first, so an invisible or unknown code is 404 for everyone. A URL without
arguments is checked as a list: 200 and exactly the allowed records, or 403 for a role without
personal data.

Referral and placement relations join RELATIONS once those models exist.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from strehe.accounts.roles import Permission, permissions_of
from tests.staff import NAMED_USERS, verified_client

RELATIONS = ("own", "own_agency", "other_agency")
CASEWORK = {"own", "own_agency"}
EVERYTHING = set(RELATIONS)

# Which of the three records each role may see on a personal-data page.
EXPECTED_VISIBLE = {
    "operator_olta": CASEWORK,
    "investigator_ilir": CASEWORK,
    "advocate_arta": CASEWORK,
    "social_worker_sokol": CASEWORK,
    "shelter_staff_shpresa": CASEWORK,
    "coordinator_drita": EVERYTHING,
    "statistician_besnik": set(),
    "administrator_agim": set(),
}
# Pages stricter than the record itself.
EXPECTED_VISIBLE_BY_URL = {
    "cases:access_log": {"coordinator_drita": EVERYTHING},
}
# Action pages, by URL name: the permission each needs on a record the user may see (else 403).
P = Permission
ACTION_PERMISSION_BY_URL = {
    "cases:stage": P.MANAGE_CASE,
    "cases:risk": P.RECORD_RISK_ASSESSMENT,
    "cases:consent": P.MANAGE_CASE,
    "cases:consent_withdraw": P.MANAGE_CASE,
    "cases:sharing": P.MANAGE_CASE,
    "cases:note": P.MANAGE_CASE,
    "cases:event": P.MANAGE_CASE,
    "cases:exploitation": P.MANAGE_CASE,
}
# Whether the role reaches personal-data lists at all (else 403).
EXPECTED_LIST_ALLOWED = {name: bool(relations) for name, relations in EXPECTED_VISIBLE.items()}

# Staff/API URLs whose views are not ours to mark and show no personal data.
UNMARKED_BUT_IMPERSONAL = {"api-schema"}


def walk(patterns, namespace="", prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = namespace + (pattern.name or "")
            yield (
                name,
                prefix + str(pattern.pattern),
                pattern.callback,
                set(pattern.pattern.regex.groupindex),
            )


def shows_personal_data(callback):
    for candidate in (
        callback,
        getattr(callback, "cls", None),
        getattr(callback, "view_class", None),
    ):
        marker = getattr(candidate, "shows_personal_data", None)
        if marker is not None:
            return marker
    return None


def staff_and_api_routes():
    return [
        route
        for route in walk(get_resolver().url_patterns)
        if "staff/" in route[1] or route[1].startswith("api/")
    ]


def personal_data_routes():
    routes = staff_and_api_routes()
    unmarked = [
        r[0]
        for r in routes
        if shows_personal_data(r[2]) is None and r[0] not in UNMARKED_BUT_IMPERSONAL
    ]
    assert unmarked == [], f"mark these views with staff_required(personal_data=...): {unmarked}"
    return [
        (name, kwargs) for name, _route, callback, kwargs in routes if shows_personal_data(callback)
    ]


def expected_status(username: str, url_name: str, visible: bool) -> int:
    if not visible:
        return 404
    needed = ACTION_PERMISSION_BY_URL.get(url_name)
    if needed is not None and needed not in permissions_of(NAMED_USERS[username][0]):
        return 403
    return 200


def test_the_action_table_matches_the_permission_each_view_checks():
    declared = {
        name: callback.required_permission
        for name, _route, callback, _kwargs in staff_and_api_routes()
        if hasattr(callback, "required_permission")
    }

    assert declared == ACTION_PERMISSION_BY_URL


def test_every_staff_and_api_url_declares_whether_it_shows_personal_data():
    routes = personal_data_routes()

    assert {"cases:list", "cases:detail", "cases_api:list", "cases_api:detail"} <= {
        n for n, _ in routes
    }


@pytest.mark.django_db
def test_authorization_matrix(staff, records_of, capsys):
    routes = personal_data_routes()
    unknown = [(name, kwargs) for name, kwargs in routes if kwargs not in (set(), {"code"})]
    assert unknown == [], f"the matrix does not know how to fill these URL arguments: {unknown}"

    checked = 0
    unexpected_allows: list[str] = []
    unexpected_denials: list[str] = []
    for username in NAMED_USERS:
        records = records_of(username).by_relation()
        client: Client = verified_client(staff[username])
        for name, kwargs in routes:
            with translation.override("en"):
                if kwargs == {"code"}:
                    allowed = EXPECTED_VISIBLE_BY_URL.get(name, EXPECTED_VISIBLE).get(
                        username, set()
                    )
                    for relation, case in records.items():
                        status = client.get(reverse(name, kwargs={"code": case.code})).status_code
                        expected = expected_status(username, name, relation in allowed)
                        checked += 1
                        if status != expected:
                            case_line = (
                                f"{username} {relation} {name}: got {status}, expected {expected}"
                            )
                            (unexpected_allows if status == 200 else unexpected_denials).append(
                                case_line
                            )
                else:
                    response = client.get(reverse(name))
                    content = response.content.decode()
                    for relation, case in records.items():
                        checked += 1
                        if not EXPECTED_LIST_ALLOWED[username]:
                            if response.status_code != 403:
                                unexpected_allows.append(
                                    f"{username} {name}: got {response.status_code}, expected 403"
                                )
                            continue
                        listed = response.status_code == 200 and case.code in content
                        expected_listed = relation in EXPECTED_VISIBLE[username]
                        if listed and not expected_listed:
                            unexpected_allows.append(f"{username} {relation} {name}: listed")
                        elif expected_listed and not listed:
                            unexpected_denials.append(
                                f"{username} {relation} {name}: not listed ({response.status_code})"
                            )

    with capsys.disabled():
        print(f"\nauthorization matrix: {checked} (role, record, URL) cases checked")
    assert unexpected_allows == []
    assert unexpected_denials == []
    assert checked == len(NAMED_USERS) * len(RELATIONS) * len(routes)
