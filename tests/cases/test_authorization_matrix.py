"""Every role against every personal-data URL, for records of self, own agency, another agency.

The URLs come from the URL configuration, not from a list here: a new staff or API URL is either
marked by `staff_required(personal_data=...)` (or `shows_personal_data` on an API view) and then
checked by this matrix, or the test fails and asks for the mark. A URL with a `code` argument is
checked as a case record, one with a `contact_id` as a helpline contact: 200 where the expected
table allows, 404 everywhere else. A URL without arguments is checked as a list: 200 and exactly
the allowed records, or 403 for a role that has no such list. A case action page (stage, risk,
identification...) looks the record up first, so an invisible code is 404 for everyone, and then
answers 403 to a role without its permission (ACTION_PERMISSION_BY_URL). Helpline pages refuse a
role without their permission with 403 before any lookup (EXPECTED_FORBIDDEN_BY_URL).

Placement relations: "resident" is a case of another agency whose person lives in a shelter the
shelter staff's agency runs; "former_resident" one whose person was checked out of it. Shelter
staff see their residents only. Referral relations join RELATIONS once that model exists.
The referral relations (referred, accepted, declined) are checked against every case page and
every referral page by tests/referrals/test_authorization_matrix_referrals.py; here the referral
pages meet the three records above like any case page (none of them is referred).
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from strehe.accounts.models import User
from strehe.accounts.roles import Permission, permissions_of
from strehe.helpline.models import Contact
from tests.shelters.helpers import make_shelter, resident_records
from tests.staff import COLLEAGUES, NAMED_USERS, verified_client

CONTACT_RELATIONS = ("own", "own_agency", "other_agency")
RELATIONS = (*CONTACT_RELATIONS, "resident", "former_resident")
CASEWORK = {"own", "own_agency"}
EVERYTHING = set(RELATIONS)

# Which of the three records each role may see on a personal-data page.
EXPECTED_VISIBLE = {
    "operator_olta": CASEWORK,
    "investigator_ilir": CASEWORK,
    "advocate_arta": CASEWORK,
    "social_worker_sokol": CASEWORK,
    # A shelter's staff see the people living in their shelter, not their agency's other cases.
    "shelter_staff_shpresa": {"resident"},
    "coordinator_drita": EVERYTHING,
    "statistician_besnik": set(),
    "administrator_agim": set(),
    # Moderators see campaign comments only: no case, no contact, no person.
    "moderator_mimoza": set(),
}
# Pages stricter than the record itself.
EXPECTED_VISIBLE_BY_URL = {
    "cases:access_log": {"coordinator_drita": EVERYTHING},
    # My work lists the cases assigned to the user (the "own" record), whatever else they see.
    "accounts:home": {
        **{name: {"own"} for name, relations in EXPECTED_VISIBLE.items() if relations},
        # ...and for a shelter's staff, their residents.
        "shelter_staff_shpresa": {"resident"},
    },
    "shelters:residents": {"shelter_staff_shpresa": {"resident"}},
    # The referrals list names referred cases only, and none of these three is referred.
    "referrals:list": {},
    "api:referrals": {},
    # Placements: only the two records whose person was placed have one.
    "api:placements": {
        "coordinator_drita": {"resident", "former_resident"},
        "shelter_staff_shpresa": {"resident"},
    },
}
# Whether the role reaches personal-data lists at all (else 403).
EXPECTED_LIST_ALLOWED = {name: bool(relations) for name, relations in EXPECTED_VISIBLE.items()}
# Lists that are every staff member's page (My work, the staff home), empty for roles that see no
# personal data rather than refused.
LISTS_FOR_EVERY_ROLE = {"accounts:home"}

# Helpline contacts: the roles that log contacts see those of their agency; the national view all.
EXPECTED_CONTACTS_VISIBLE = {
    "operator_olta": CASEWORK,
    "advocate_arta": CASEWORK,
    "coordinator_drita": EVERYTHING,
}
# Pages that need a permission (or a list a role has no use for): 403 for these roles, before
# any record is looked up. Everyone else gets the record rules above.
NO_CASEWORK = {
    "shelter_staff_shpresa",
    "coordinator_drita",
    "statistician_besnik",
    "administrator_agim",
    "moderator_mimoza",
}
NOT_HELPLINE_WORK = set(NAMED_USERS) - {"operator_olta", "advocate_arta"}
EXPECTED_FORBIDDEN_BY_URL = {
    "helpline:list": {
        "investigator_ilir",
        "social_worker_sokol",
        "shelter_staff_shpresa",
        "statistician_besnik",
        "administrator_agim",
        "moderator_mimoza",
    },
    "helpline:create": {
        "investigator_ilir",
        "social_worker_sokol",
        "shelter_staff_shpresa",
        "coordinator_drita",
        "statistician_besnik",
        "administrator_agim",
        "moderator_mimoza",
    },
    "helpline:screen": NO_CASEWORK,
    # The API's contacts: the roles that log contacts and the national view, as the page.
    "api:contacts": {
        "investigator_ilir",
        "social_worker_sokol",
        "shelter_staff_shpresa",
        "statistician_besnik",
        "administrator_agim",
        "moderator_mimoza",
    },
    "helpline:open_case": NO_CASEWORK,
    # Call-backs are helpline work: the roles that log contacts (not the national view).
    "helpline:follow_up": NOT_HELPLINE_WORK,
    "helpline:follow_up_status": NOT_HELPLINE_WORK,
    "shelters:residents": set(NAMED_USERS) - {"shelter_staff_shpresa"},
}
# Correcting a contact is for the roles that log contacts (the national view only reads them).
EXPECTED_FORBIDDEN_BY_URL["helpline:correct"] = EXPECTED_FORBIDDEN_BY_URL["helpline:create"]
# Case action pages, by URL name: the permission each needs on a record the user may see.
P = Permission
ACTION_PERMISSION_BY_URL = {
    "cases:stage": P.MANAGE_CASE,
    "cases:risk": P.RECORD_RISK_ASSESSMENT,
    "cases:consent": P.MANAGE_CASE,
    "cases:consent_withdraw": P.MANAGE_CASE,
    "cases:sharing": P.MANAGE_CASE,
    "cases:sharing_end": P.MANAGE_CASE,
    "cases:note": P.KEEP_NOTES,
    "cases:event": P.MANAGE_CASE,
    "cases:exploitation": P.MANAGE_CASE,
    "cases:identification": P.RECORD_IDENTIFICATION,
    "cases:follow_up": P.KEEP_NOTES,
    "cases:follow_up_status": P.KEEP_NOTES,
    "shelters:place": P.PLACE_IN_SHELTER,
    "shelters:transfer": P.PLACE_IN_SHELTER,
    "shelters:check_in": P.MANAGE_RESIDENTS,
    "shelters:check_out": P.CHECK_OUT,
    # Corrections with history (cases.views_editing).
    "cases:person": P.MANAGE_CASE,
    "cases:narrative": P.MANAGE_CASE,
    "cases:note_correct": P.MANAGE_CASE,
    "cases:event_correct": P.MANAGE_CASE,
    "cases:same_person": P.MANAGE_CASE,
    "cases:same_person_undo": P.MANAGE_CASE,
    "referrals:create": P.MANAGE_CASE,
    "referrals:accept": P.MANAGE_CASE,
    "referrals:decline": P.MANAGE_CASE,
    "referrals:complete": P.MANAGE_CASE,
    "referrals:revoke": P.MANAGE_CASE,
}
# Case pages behind a rule of the case policy rather than one permission (`required_policy` on
# the view): the records each role may use them on; 403 on a visible record not listed here.
# Assigning and transferring: the owning agency's staff whose role works on cases (their "own"
# and "own_agency" records are their agency's), and coordinators on every case.
OWNING_AGENCY_OR_COORDINATOR = {
    "investigator_ilir": CASEWORK,
    "advocate_arta": CASEWORK,
    "social_worker_sokol": CASEWORK,
    "coordinator_drita": EVERYTHING,
}
ACTION_POLICY_BY_URL = {
    "cases:assign": ("may_assign", OWNING_AGENCY_OR_COORDINATOR),
    "cases:transfer": ("may_assign", OWNING_AGENCY_OR_COORDINATOR),
}
# What each list without arguments lists; how a listed record is recognised on the page.
LIST_OF = {
    "cases:list": "code",
    "api:cases": "code",
    "helpline:list": "contact_id",
    "api:contacts": "contact_id",
    "search:search": "code",
    "accounts:home": "code",
    "shelters:residents": "code",
    "referrals:list": "code",
    "api:referrals": "code",
    "api:placements": "code",
}
# Lists that show nothing until asked: the query that should list each record, one request per
# record. The search is asked for the person's name, so the blind index is what is checked.
QUERY_OF = {
    "search:search": lambda case: {"q": f"{case.person.given_name} {case.person.family_name}"},
}
# Action pages without a record: reached by the roles with their permission, 403 for the others.
ACTION_PAGES_WITHOUT_RECORD = ["helpline:create"]

# Aggregate pages (statistics): no personal data, so not in the record matrix above; reached by the
# roles with the statistics permission, 403 for every other role.
AGGREGATE_PAGES = ["statistics:home"]
EXPECTED_AGGREGATE_ROLES = {"coordinator_drita", "statistician_besnik"}

# Staff/API URLs whose views are not ours to mark and show no personal data.
UNMARKED_BUT_IMPERSONAL = {"api:schema", "api:docs"}


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


def reads(callback) -> bool:
    """Whether a view answers GET: the API's actions on a referral or a placement are POST only,
    and the POST matrices check them (tests/api/test_every_api_action_is_checked_by_a_matrix.py)."""
    view_class = getattr(callback, "cls", None)
    return view_class is None or hasattr(view_class, "get")


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
        (name, kwargs)
        for name, _route, callback, kwargs in routes
        if shows_personal_data(callback) and reads(callback)
    ]


def contacts_of(staff: dict[str, User], username: str) -> dict[str, Contact]:
    """A contact the user logged, one a colleague logged, one logged in another agency."""
    colleague = staff[COLLEAGUES[NAMED_USERS[username][1]][0]]
    logged_by = {"own": staff[username], "own_agency": colleague}
    logged_by["other_agency"] = staff["worker_elsewhere"]
    # Stored directly: the setup needs contacts logged by roles that do not log contacts.
    return {
        relation: Contact.objects.create(
            recorded_by=user,
            owner_agency=user.agency,
            channel="phone",
            language="sq",
            caller_type="possible_victim",
            topic="trafficking",
            outcome="advice_given",
            summary=f"Contact {relation} of {username}",
        )
        for relation, user in logged_by.items()
    }


def record_url(name: str, argument: str, record) -> str:
    value = record.code if argument == "code" else record.pk
    return reverse(name, kwargs={argument: value})


def listed(argument: str, record, content: str) -> bool:
    if argument == "code":
        return record.code in content
    if content.startswith("{"):  # the API's JSON
        return f'"id":{record.pk},' in content
    return f'"{reverse("helpline:detail", kwargs={"contact_id": record.pk})}"' in content


def expected_visible(name: str, argument: str, username: str) -> set[str]:
    if argument == "contact_id":
        return EXPECTED_CONTACTS_VISIBLE.get(username, set())
    return EXPECTED_VISIBLE_BY_URL.get(name, EXPECTED_VISIBLE).get(username, set())


def expected_record_status(username: str, name: str, visible: bool, relation: str = "") -> int:
    if username in EXPECTED_FORBIDDEN_BY_URL.get(name, set()):
        return 403
    if not visible:
        return 404
    if name in ACTION_POLICY_BY_URL:
        _policy, allowed = ACTION_POLICY_BY_URL[name]
        return 200 if relation in allowed.get(username, set()) else 403
    needed = ACTION_PERMISSION_BY_URL.get(name)
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


def test_the_policy_table_matches_the_rule_each_view_checks():
    declared = {
        name: callback.required_policy
        for name, _route, callback, _kwargs in staff_and_api_routes()
        if hasattr(callback, "required_policy")
    }

    assert declared == {name: policy for name, (policy, _) in ACTION_POLICY_BY_URL.items()}


def test_every_staff_and_api_url_declares_whether_it_shows_personal_data():
    routes = personal_data_routes()

    assert {"cases:list", "cases:detail", "api:cases", "api:case"} <= {n for n, _ in routes}


@pytest.mark.django_db
def test_authorization_matrix(staff, agencies, records_of, capsys):
    routes = personal_data_routes()
    unknown = [
        (name, kwargs)
        for name, kwargs in routes
        if kwargs not in (set(), {"code"}, {"contact_id"}) or (not kwargs and name not in LIST_OF)
    ]
    assert unknown == [], f"the matrix does not know how to fill these URL arguments: {unknown}"

    shelter = make_shelter(operator=agencies["shelter"], capacity=100)
    checked = 0
    unexpected_allows: list[str] = []
    unexpected_denials: list[str] = []
    for username in NAMED_USERS:
        records_by_argument = {
            "code": records_of(username).by_relation() | resident_records(staff, agencies, shelter),
            "contact_id": contacts_of(staff, username),
        }
        client: Client = verified_client(staff[username])
        for name, kwargs in routes:
            forbidden = username in EXPECTED_FORBIDDEN_BY_URL.get(name, set())
            with translation.override("en"):
                if kwargs:
                    (argument,) = kwargs
                    allowed = expected_visible(name, argument, username)
                    for relation, record in records_by_argument[argument].items():
                        status = client.get(record_url(name, argument, record)).status_code
                        expected = expected_record_status(
                            username, name, relation in allowed, relation
                        )
                        checked += 1
                        if status != expected:
                            case_line = (
                                f"{username} {relation} {name}: got {status}, expected {expected}"
                            )
                            (unexpected_allows if status == 200 else unexpected_denials).append(
                                case_line
                            )
                else:
                    argument = LIST_OF[name]
                    response = client.get(reverse(name))
                    content = response.content.decode()
                    list_allowed = (
                        not forbidden
                        if name in EXPECTED_FORBIDDEN_BY_URL
                        else name in LISTS_FOR_EVERY_ROLE or EXPECTED_LIST_ALLOWED[username]
                    )
                    for relation, record in records_by_argument[argument].items():
                        checked += 1
                        if name in QUERY_OF:
                            response = client.get(reverse(name), QUERY_OF[name](record))
                            content = response.content.decode()
                        if not list_allowed:
                            if response.status_code != 403:
                                unexpected_allows.append(
                                    f"{username} {name}: got {response.status_code}, expected 403"
                                )
                            continue
                        shown = response.status_code == 200 and listed(argument, record, content)
                        expected_listed = relation in expected_visible(name, argument, username)
                        if shown and not expected_listed:
                            unexpected_allows.append(f"{username} {relation} {name}: listed")
                        elif expected_listed and not shown:
                            unexpected_denials.append(
                                f"{username} {relation} {name}: not listed ({response.status_code})"
                            )

    with capsys.disabled():
        print(f"\nauthorization matrix: {checked} (role, record, URL) cases checked")
    assert unexpected_allows == []
    assert unexpected_denials == []
    relations_of = {"contact_id": len(CONTACT_RELATIONS), "code": len(RELATIONS)}
    per_user = sum(
        relations_of[next(iter(kwargs))] if kwargs else relations_of[LIST_OF[name]]
        for name, kwargs in routes
    )
    assert checked == len(NAMED_USERS) * per_user


@pytest.mark.django_db
@pytest.mark.parametrize("name", ACTION_PAGES_WITHOUT_RECORD)
def test_action_pages_without_a_record_refuse_roles_without_their_permission(staff, name):
    assert name in {route[0] for route in staff_and_api_routes()}
    statuses = {}
    for username in NAMED_USERS:
        with translation.override("en"):
            statuses[username] = verified_client(staff[username]).get(reverse(name)).status_code

    assert statuses == {
        username: 403 if username in EXPECTED_FORBIDDEN_BY_URL[name] else 200
        for username in NAMED_USERS
    }


@pytest.mark.django_db
def test_statistics_pages_are_for_the_roles_that_see_aggregates(staff):
    routes = {route[0]: route for route in staff_and_api_routes()}
    statistics_routes = sorted(name for name in routes if name.startswith("statistics:"))
    assert statistics_routes == sorted(AGGREGATE_PAGES)
    query = {"date_from": "2012-01-01", "date_to": "2012-12-31", "status": "registered"}
    query |= {"by": "citizenship"}
    statuses = {}
    for username in NAMED_USERS:
        client = verified_client(staff[username])
        with translation.override("en"):
            for name in AGGREGATE_PAGES:
                # The page, and its download.
                for extra in ({}, {"format": "csv"}):
                    response = client.get(reverse(name), query | extra)
                    statuses[(username, name, bool(extra))] = response.status_code

    assert statuses == {
        (username, name, download): 200 if username in EXPECTED_AGGREGATE_ROLES else 403
        for username in NAMED_USERS
        for name in AGGREGATE_PAGES
        for download in (False, True)
    }
    # The statistician downloads statistics and opens no case (EXPECTED_VISIBLE above: none).
    assert EXPECTED_VISIBLE["statistician_besnik"] == set()
