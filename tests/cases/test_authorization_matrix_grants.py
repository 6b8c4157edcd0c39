"""Every role against every case page, for cases related to them in seven ways, GET and POST.

The relations: a case assigned to the user ("own"), one of their agency ("own_agency"), one of
another agency ("other_agency"), one of another agency shared with theirs by the person's
consent ("shared"), one shared and then stopped ("sharing_ended"), one shared by consent that
the person then withdrew ("consent_withdrawn"), and one assigned to the user while they worked
for the other agency, before an administrator moved them back with a second administrator's
approval ("moved_agency").

The read pages include the printable summary and its PDF; the action pages include assigning
(for the owning agency's staff and coordinators only, so 403 on a case merely shared with the
user's agency) and transferring. Each action page is sent a GET, then a POST with a payload that
is valid for that page and case; a POST that is refused (403 or 404) must write no row and
change nothing. The expected answers are the literal table below, written from the rules of
issues 10 and 12, not computed from the roles or the policies.
tests/cases/test_authorization_matrix.py keeps checking that every personal-data URL is covered
and that lists show what detail pages allow.
"""

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.accounts.models import Agency, RoleChangeRequest, User
from strehe.accounts.roles import Role
from strehe.accounts.services import role_change_approve, user_update
from strehe.audit.models import AuditEntry
from strehe.cases.codes import EventKind, Exploitation, TraffickingStatus
from strehe.cases.models import (
    AccessGrant,
    Case,
    Consent,
    ConsentOverride,
    IdentificationDecision,
    Person,
    RiskAssessment,
    TimelineEntry,
    TraffickingEvent,
)
from strehe.cases.services import (
    case_open,
    case_share,
    case_share_end,
    consent_record,
    consent_withdraw,
)
from strehe.cases.services.access import share_start
from strehe.cases.services.consent import consent_create
from strehe.directory.models import Organisation
from tests.staff import COLLEAGUES, NAMED_USERS, make_user, verified_client

RELATIONS = (
    "own",
    "own_agency",
    "other_agency",
    "shared",
    "sharing_ended",
    "consent_withdrawn",
    "moved_agency",
)
# Pages read with GET only, then action pages in the order they are posted (closing is last).
READ_PAGES = ("detail", "access_log", "api_detail", "print", "pdf")
# Assigning comes before closing; the transfer after it, so that the owning agency's staff, who
# would lose the case with a transfer, meet every other page first: their transfer of the closed
# case is refused on the form (200), a coordinator's goes through (302).
ACTION_PAGES = (
    "consent",
    "consent_withdraw",
    "sharing",
    "sharing_end",
    "note",
    "event",
    "exploitation",
    "identification",
    "risk",
    "assign",
    "stage",
    "transfer",
)
URL_NAMES = {
    "detail": "cases:detail",
    "print": "cases:print",
    "pdf": "cases:pdf",
    "access_log": "cases:access_log",
    "api_detail": "api:case",
    **{page: f"cases:{page}" for page in ACTION_PAGES},
}

# One line per page; one cell per relation, in the order of RELATIONS. An action page's cell is
# "GET/POST". 302 is the redirect to the case after the act was done.
SEES_OWN_AGENCY_CANNOT_ACT = """
    detail            200      200      404      200      404      404      404
    print             200      200      404      200      404      404      404
    pdf               200      200      404      200      404      404      404
    access_log        404      404      404      404      404      404      404
    api_detail        200      200      404      200      404      404      404
    consent           403/403  403/403  404/404  403/403  404/404  404/404  404/404
    consent_withdraw  403/403  403/403  404/404  403/403  404/404  404/404  404/404
    sharing           403/403  403/403  404/404  403/403  404/404  404/404  404/404
    sharing_end       403/403  403/403  404/404  403/403  404/404  404/404  404/404
    note              403/403  403/403  404/404  403/403  404/404  404/404  404/404
    event             403/403  403/403  404/404  403/403  404/404  404/404  404/404
    exploitation      403/403  403/403  404/404  403/403  404/404  404/404  404/404
    identification    403/403  403/403  404/404  403/403  404/404  404/404  404/404
    risk              403/403  403/403  404/404  403/403  404/404  404/404  404/404
    assign            403/403  403/403  404/404  403/403  404/404  404/404  404/404
    stage             403/403  403/403  404/404  403/403  404/404  404/404  404/404
    transfer          403/403  403/403  404/404  403/403  404/404  404/404  404/404
"""
SEES_NOTHING = """
    detail            404      404      404      404      404      404      404
    print             404      404      404      404      404      404      404
    pdf               404      404      404      404      404      404      404
    access_log        404      404      404      404      404      404      404
    api_detail        404      404      404      404      404      404      404
    consent           404/404  404/404  404/404  404/404  404/404  404/404  404/404
    consent_withdraw  404/404  404/404  404/404  404/404  404/404  404/404  404/404
    sharing           404/404  404/404  404/404  404/404  404/404  404/404  404/404
    sharing_end       404/404  404/404  404/404  404/404  404/404  404/404  404/404
    note              404/404  404/404  404/404  404/404  404/404  404/404  404/404
    event             404/404  404/404  404/404  404/404  404/404  404/404  404/404
    exploitation      404/404  404/404  404/404  404/404  404/404  404/404  404/404
    identification    404/404  404/404  404/404  404/404  404/404  404/404  404/404
    risk              404/404  404/404  404/404  404/404  404/404  404/404  404/404
    assign            404/404  404/404  404/404  404/404  404/404  404/404  404/404
    stage             404/404  404/404  404/404  404/404  404/404  404/404  404/404
    transfer          404/404  404/404  404/404  404/404  404/404  404/404  404/404
"""
EXPECTED = {
    #                     own      own_agency other   shared   ended    withdrawn moved
    "operator_olta": SEES_OWN_AGENCY_CANNOT_ACT,
    "investigator_ilir": """
    detail            200      200      404      200      404      404      404
    print             200      200      404      200      404      404      404
    pdf               200      200      404      200      404      404      404
    access_log        404      404      404      404      404      404      404
    api_detail        200      200      404      200      404      404      404
    consent           200/302  200/302  404/404  200/302  404/404  404/404  404/404
    consent_withdraw  200/302  200/302  404/404  200/302  404/404  404/404  404/404
    sharing           200/302  200/302  404/404  200/302  404/404  404/404  404/404
    sharing_end       200/302  200/302  404/404  200/302  404/404  404/404  404/404
    note              200/302  200/302  404/404  200/302  404/404  404/404  404/404
    event             200/302  200/302  404/404  200/302  404/404  404/404  404/404
    exploitation      200/302  200/302  404/404  200/302  404/404  404/404  404/404
    identification    200/302  200/302  404/404  200/302  404/404  404/404  404/404
    risk              200/302  200/302  404/404  200/302  404/404  404/404  404/404
    assign            200/302  200/302  404/404  403/403  404/404  404/404  404/404
    stage             200/302  200/302  404/404  200/302  404/404  404/404  404/404
    transfer          200/200  200/200  404/404  403/403  404/404  404/404  404/404
""",
    "advocate_arta": """
    detail            200      200      404      200      404      404      404
    print             200      200      404      200      404      404      404
    pdf               200      200      404      200      404      404      404
    access_log        404      404      404      404      404      404      404
    api_detail        200      200      404      200      404      404      404
    consent           200/302  200/302  404/404  200/302  404/404  404/404  404/404
    consent_withdraw  200/302  200/302  404/404  200/302  404/404  404/404  404/404
    sharing           200/302  200/302  404/404  200/302  404/404  404/404  404/404
    sharing_end       200/302  200/302  404/404  200/302  404/404  404/404  404/404
    note              200/302  200/302  404/404  200/302  404/404  404/404  404/404
    event             200/302  200/302  404/404  200/302  404/404  404/404  404/404
    exploitation      200/302  200/302  404/404  200/302  404/404  404/404  404/404
    identification    200/302  200/302  404/404  200/302  404/404  404/404  404/404
    risk              200/302  200/302  404/404  200/302  404/404  404/404  404/404
    assign            200/302  200/302  404/404  403/403  404/404  404/404  404/404
    stage             200/302  200/302  404/404  200/302  404/404  404/404  404/404
    transfer          200/200  200/200  404/404  403/403  404/404  404/404  404/404
""",
    "social_worker_sokol": """
    detail            200      200      404      200      404      404      404
    print             200      200      404      200      404      404      404
    pdf               200      200      404      200      404      404      404
    access_log        404      404      404      404      404      404      404
    api_detail        200      200      404      200      404      404      404
    consent           200/302  200/302  404/404  200/302  404/404  404/404  404/404
    consent_withdraw  200/302  200/302  404/404  200/302  404/404  404/404  404/404
    sharing           200/302  200/302  404/404  200/302  404/404  404/404  404/404
    sharing_end       200/302  200/302  404/404  200/302  404/404  404/404  404/404
    note              200/302  200/302  404/404  200/302  404/404  404/404  404/404
    event             200/302  200/302  404/404  200/302  404/404  404/404  404/404
    exploitation      200/302  200/302  404/404  200/302  404/404  404/404  404/404
    identification    403/403  403/403  404/404  403/403  404/404  404/404  404/404
    risk              200/302  200/302  404/404  200/302  404/404  404/404  404/404
    assign            200/302  200/302  404/404  403/403  404/404  404/404  404/404
    stage             200/302  200/302  404/404  200/302  404/404  404/404  404/404
    transfer          200/200  200/200  404/404  403/403  404/404  404/404  404/404
""",
    # A shelter's staff see only the people living in their shelter (placement grants, checked in
    # tests/cases/test_authorization_matrix.py as "resident"); none of these cases is one.
    "shelter_staff_shpresa": SEES_NOTHING,
    "coordinator_drita": """
    detail            200      200      200      200      200      200      200
    print             200      200      200      200      200      200      200
    pdf               200      200      200      200      200      200      200
    access_log        200      200      200      200      200      200      200
    api_detail        200      200      200      200      200      200      200
    consent           403/403  403/403  403/403  403/403  403/403  403/403  403/403
    consent_withdraw  403/403  403/403  403/403  403/403  403/403  403/403  403/403
    sharing           403/403  403/403  403/403  403/403  403/403  403/403  403/403
    sharing_end       403/403  403/403  403/403  403/403  403/403  403/403  403/403
    note              403/403  403/403  403/403  403/403  403/403  403/403  403/403
    event             403/403  403/403  403/403  403/403  403/403  403/403  403/403
    exploitation      403/403  403/403  403/403  403/403  403/403  403/403  403/403
    identification    403/403  403/403  403/403  403/403  403/403  403/403  403/403
    risk              403/403  403/403  403/403  403/403  403/403  403/403  403/403
    assign            200/302  200/302  200/302  200/302  200/302  200/302  200/302
    stage             403/403  403/403  403/403  403/403  403/403  403/403  403/403
    transfer          200/302  200/302  200/302  200/302  200/302  200/302  200/302
""",
    "statistician_besnik": SEES_NOTHING,
    "administrator_agim": SEES_NOTHING,
    "moderator_mimoza": SEES_NOTHING,
}

ADULT = datetime.date(1990, 5, 1)
TABLES = (
    Person,
    Case,
    AccessGrant,
    Consent,
    ConsentOverride,
    TimelineEntry,
    TraffickingEvent,
    IdentificationDecision,
    RiskAssessment,
    AuditEntry,
    RoleChangeRequest,
)


def table(text: str) -> dict[str, dict[str, str]]:
    rows = {}
    for line in text.strip().splitlines():
        page, *cells = line.split()
        assert len(cells) == len(RELATIONS), line
        rows[page] = dict(zip(RELATIONS, cells, strict=True))
    assert set(rows) == set(READ_PAGES) | set(ACTION_PAGES)
    return rows


def database_state() -> dict[str, Any]:
    """Row counts, and the values that acts change in place: a refused POST leaves them all."""
    return {
        "rows": {model.__name__: model.objects.count() for model in TABLES},
        "cases": sorted(
            Case.objects.values_list(
                "pk", "stage", "forms_of_exploitation", "assigned_worker", "closing_reason"
            )
        ),
        "consents": sorted(Consent.objects.values_list("pk", "withdrawn_on")),
        "grants": sorted(AccessGrant.objects.values_list("pk", "ended_at")),
    }


class Setting:
    """The agencies and people around the named users, and the cases of each relation."""

    def __init__(self, staff: dict[str, User], agencies: dict[str, Agency]) -> None:
        self.staff = staff
        self.agencies = dict(agencies)
        for key in ("spare_one", "spare_two"):
            # Agencies nobody in the test belongs to: what the sharing pages share with and stop.
            organisation = Organisation.objects.create(
                slug=f"test-{key}", name=f"{key} office", kind=Organisation.Kind.NGO
            )
            self.agencies[key] = Agency.objects.create(organisation=organisation)
        # A risk assessment needs a police investigator and a victim advocate who see the case:
        # each agency has one of each, besides the named users.
        self.assessors: dict[str, list[User]] = {
            key: [
                make_user(f"police_liaison_{key}", Role.POLICE_INVESTIGATOR, agency),
                make_user(f"advocate_liaison_{key}", Role.VICTIM_ADVOCATE, agency),
            ]
            for key, agency in agencies.items()
        }
        # The two administrators who move the named users between agencies.
        self.requester = make_user("admin_requester", Role.ADMINISTRATOR, None)
        self.approver = make_user("admin_approver", Role.ADMINISTRATOR, None)

    def move(self, user: User, agency: Agency) -> None:
        """Move `user` to `agency` the way administrators do: a request, a second approval."""
        pending = user_update(actor=self.requester, user=user, changes={"agency": agency})
        if pending is not None:
            role_change_approve(actor=self.approver, change=pending)
        user.refresh_from_db()
        assert user.agency == agency

    def open(self, owner: Agency, worker: User, label: str) -> Case:
        """A case opened by an import (no actor), of an adult, with what the POSTs need: a
        consent to keep the data (which consent_withdraw withdraws), a consent to share with
        spare_one (which the sharing page uses), and sharing with spare_two (which sharing_end
        stops)."""
        case = case_open(
            actor=None,
            owner_agency=owner,
            assigned_worker=worker,
            given_name=f"Given{label}",
            family_name=f"Family{label}",
            birth_date=ADULT,
        )
        consent_create(actor=None, case=case, scope="data_retention")
        consent_create(actor=None, case=case, scope="sharing", agency=self.agencies["spare_one"])
        consent_create(actor=None, case=case, scope="sharing", agency=self.agencies["spare_two"])
        share_start(actor=None, case=case, agency=self.agencies["spare_two"])
        return case

    def cases_of(self, username: str) -> dict[str, Case]:
        user = self.staff[username]
        home = user.agency
        elsewhere = self.agencies["elsewhere"]
        other_worker = self.staff["worker_elsewhere"]
        label = username.replace("_", "")

        self.move(user, elsewhere)
        moved = self.open(elsewhere, user, f"Moved{label}")
        self.move(user, home)

        cases = {
            "own": self.open(home, user, f"Own{label}"),
            "own_agency": self.open(
                home, self.staff[COLLEAGUES[NAMED_USERS[username][1]][0]], f"Agency{label}"
            ),
            "other_agency": self.open(elsewhere, other_worker, f"Other{label}"),
            "moved_agency": moved,
        }
        for relation in ("shared", "sharing_ended", "consent_withdrawn"):
            case = self.open(elsewhere, other_worker, f"{relation}{label}")
            consent = consent_record(actor=other_worker, case=case, scope="sharing", agency=home)
            grant = case_share(actor=other_worker, case=case, agency=home)
            if relation == "sharing_ended":
                case_share_end(actor=other_worker, grant=grant, reason="The referral ended.")
            if relation == "consent_withdrawn":
                consent_withdraw(actor=other_worker, consent=consent)
            cases[relation] = case
        return cases

    def payload(self, page: str, case: Case, user: User) -> dict[str, Any]:
        """A POST each page accepts for this case from someone who may act on it."""
        if page == "consent":
            return {"scope": "assistance"}
        if page == "consent_withdraw":
            return {"consent": case.consents.get(scope="data_retention").pk}
        if page == "sharing":
            return {"agency": self.agencies["spare_one"].pk}
        if page == "sharing_end":
            grant = case.grants.get(agency=self.agencies["spare_two"])
            return {"grant": grant.pk, "reason": "The shelter placement ended."}
        if page == "note":
            return {"text": "Called her sister; she is safe."}
        if page == "event":
            return {"kind": EventKind.RECRUITMENT, "country": "XK", "place": "Prizren"}
        if page == "exploitation":
            return {"forms_of_exploitation": [Exploitation.FORCED_LABOUR]}
        if page == "identification":
            return {"status": TraffickingStatus.PRESUMED, "grounds": "Deceived, then forced."}
        if page == "risk":
            agency_key = next(
                key for key, agency in self.agencies.items() if agency.pk == user.agency_id
            )
            assessors = self.assessors.get(agency_key, [])
            return {
                "level": "high",
                "reasons": "The recruiter knows where she lives.",
                "assessors": [assessor.pk for assessor in assessors],
            }
        if page == "stage":
            return {"to_stage": "closed", "closing_reason": "declined"}
        if page == "assign":
            return {"assigned_worker": ""}
        if page == "transfer":
            return {"agency": self.agencies["spare_one"].pk, "note": "She moved to Peja."}
        raise AssertionError(page)


@pytest.mark.django_db
def test_grants_matrix_get_and_post(staff, agencies, capsys):
    setting = Setting(staff, agencies)
    expected_by_user = {username: table(text) for username, text in EXPECTED.items()}
    assert set(expected_by_user) == set(NAMED_USERS)

    checked = 0
    wrong: list[str] = []
    wrote_when_refused: list[str] = []
    for username in NAMED_USERS:
        cases = setting.cases_of(username)
        user = staff[username]
        user.refresh_from_db()
        client = verified_client(user)
        expected = expected_by_user[username]

        for relation in RELATIONS:
            case = cases[relation]
            with translation.override("en"):
                urls = {
                    page: reverse(name, kwargs={"code": case.code})
                    for page, name in URL_NAMES.items()
                }
            requests = [("GET", page, expected[page][relation], None) for page in READ_PAGES]
            for page in ACTION_PAGES:
                want_get, want_post = expected[page][relation].split("/")
                requests.append(("GET", page, want_get, None))
                requests.append(("POST", page, want_post, setting.payload(page, case, user)))
            for method, page, want, data in requests:
                before = database_state()
                if method == "GET":
                    status = str(client.get(urls[page]).status_code)
                else:
                    status = str(client.post(urls[page], data).status_code)
                checked += 1
                label = f"{username} {relation} {page} {method}"
                if status != want:
                    wrong.append(f"{label}: got {status}, want {want}")
                if status in {"403", "404"} and database_state() != before:
                    wrote_when_refused.append(label)

    with capsys.disabled():
        print(
            f"\ngrants authorization matrix: {checked} (role, relation, page, method) checks, "
            f"{len(NAMED_USERS)} roles x {len(RELATIONS)} relations"
        )
    assert wrong == []
    assert wrote_when_refused == []
    per_case = len(READ_PAGES) + 2 * len(ACTION_PAGES)
    assert checked == len(NAMED_USERS) * len(RELATIONS) * per_case
