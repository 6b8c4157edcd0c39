"""Acceptance: whatever happens to a case and to the people, each user sees exactly the cases a
small reference model says they may.

A hypothesis state machine drives random sequences of the acts that start and end access:
opening a case (with or without an assigned worker), assigning a worker, recording a consent to
share, sharing (with consent, or by police with an override reason), withdrawing a consent,
stopping sharing, transferring the case to another agency, moving a user to another agency and
changing a user's role (both through the administrators' two-person rule: a request, then a
second administrator's approval). Acts are
made by random users through the services, as the pages and the API call them; an act the actor
may not make must raise, and then nothing changes.

After every step, for every user, CasePolicy.visible_to must list exactly the cases the model
says, and users_with_access must name exactly the users the model says. The model below is
written from the rules of issue 10, not from strehe.accounts.roles or the policies: which roles
see personal data, which see every case, which act on cases, is spelled out here again.
"""

from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from strehe.accounts.models import Agency, RoleChangeRequest, User
from strehe.accounts.services import role_change_approve, role_change_reject, user_update
from strehe.audit.models import AuditEntry
from strehe.cases.models import AccessGrant, Case, Consent, ConsentOverride, TimelineEntry
from strehe.cases.policies import case_policy
from strehe.cases.services import (
    case_open,
    case_share,
    case_share_end,
    case_transfer,
    case_update,
    consent_record,
    consent_withdraw,
)
from strehe.directory.models import Organisation

# --- The rules, written out again (not read from the code under test) -------------------------

SEES_PERSONAL_DATA = {
    "helpline_operator",
    "police_investigator",
    "victim_advocate",
    "social_worker",
    "shelter_staff",
    "coordinator",
}
SEES_EVERY_CASE = {"coordinator"}
# A shelter's staff see a case only while its person lives in their shelter (a placement, which
# no act of this machine makes): owner, worker and sharing grants open nothing for them.
SEES_RESIDENTS_ONLY = {"shelter_staff"}
OPENS_CASES = {"helpline_operator", "police_investigator", "victim_advocate", "social_worker"}
MANAGES_CASES = {"police_investigator", "victim_advocate", "social_worker"}
OVERRIDES_CONSENT = {"police_investigator"}
MANAGES_USERS = {"administrator"}
# Giving one of these roles (or moving its holder to another agency) waits for a second
# administrator.
NEEDS_SECOND_ADMIN = SEES_PERSONAL_DATA | MANAGES_USERS
MUST_BELONG_TO_AN_AGENCY = {
    "helpline_operator",
    "police_investigator",
    "victim_advocate",
    "social_worker",
    "shelter_staff",
}
ROLES = [*sorted(SEES_PERSONAL_DATA | {"statistician", "administrator"}), ""]

AGENCY_KEYS = ["helpline", "police", "advocates", "social", "shelter", "national"]
# username: (role, agency key or None)
PEOPLE = {
    "operator_olta": ("helpline_operator", "helpline"),
    "investigator_ilir": ("police_investigator", "police"),
    "advocate_arta": ("victim_advocate", "advocates"),
    "advocate_vesa": ("victim_advocate", "advocates"),
    "social_worker_sokol": ("social_worker", "social"),
    "shelter_staff_shpresa": ("shelter_staff", "shelter"),
    "coordinator_drita": ("coordinator", "national"),
    "statistician_besnik": ("statistician", "national"),
    "administrator_agim": ("administrator", None),
    "administrator_mira": ("administrator", None),
}
USERNAMES = sorted(PEOPLE)

STEPS = 0
CHECKS = 0
RUNS = 0
# Acts that went through (the others were refused), by rule: the run did more than refuse.
DONE: Counter[str] = Counter()


@dataclass
class ModelShare:
    grant_pk: int
    agency: str
    consent_pk: int | None  # None: shared by an override
    in_force: bool = True


@dataclass
class ModelConsent:
    pk: int
    agency: str
    withdrawn: bool = False


@dataclass
class ModelCase:
    pk: int
    owner: str
    owner_grant_pk: int
    worker: str | None = None
    # The agency the worker belonged to when assigned: the personal grant is held as its member.
    worker_agency: str | None = None
    consents: list[ModelConsent] = field(default_factory=list)
    shares: list[ModelShare] = field(default_factory=list)

    def agencies_shared_with(self) -> set[str]:
        return {share.agency for share in self.shares if share.in_force}

    def agencies_seeing(self) -> set[str]:
        return {self.owner} | self.agencies_shared_with()

    def assignment_end_with_agency(self) -> None:
        """The worker's grant ends with their agency's last grant on the case."""
        if self.worker is not None and self.worker_agency not in self.agencies_seeing():
            self.worker = None
            self.worker_agency = None
            DONE["assignment_ended_with_agency"] += 1

    def sharing_consent_in_force(self, agency: str) -> ModelConsent | None:
        return next((c for c in self.consents if c.agency == agency and not c.withdrawn), None)


@dataclass
class ModelUser:
    role: str
    agency: str | None


@dataclass
class ModelRequest:
    pk: int
    user: str
    role: str
    agency: str | None
    requested_by: str
    pending: bool = True


def model_sees(person: ModelUser, username: str, case: ModelCase) -> bool:
    if person.role not in SEES_PERSONAL_DATA:
        return False
    if person.role in SEES_EVERY_CASE:
        return True
    if person.agency is None or person.role in SEES_RESIDENTS_ONLY:
        return False
    if person.agency == case.owner or person.agency in case.agencies_shared_with():
        return True
    return case.worker == username and case.worker_agency == person.agency


def table_counts() -> tuple[int, ...]:
    """Rows of every table an act here may write: a refused act leaves all of them as they were."""
    return tuple(
        model.objects.count()
        for model in (
            Case,
            AccessGrant,
            Consent,
            ConsentOverride,
            TimelineEntry,
            AuditEntry,
            RoleChangeRequest,
        )
    )


class AccessMachine(RuleBasedStateMachine):
    """Each run starts from the people above and no case, inside a savepoint rolled back at the
    end, so runs do not see each other's rows."""

    def __init__(self) -> None:
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.agencies = {
            key: Agency.objects.get(organisation__slug=f"machine-{key}") for key in AGENCY_KEYS
        }
        self.agency_key = {agency.pk: key for key, agency in self.agencies.items()}
        self.user_pk = {name: User.objects.get(username=name).pk for name in USERNAMES}
        self.people = {name: ModelUser(role, agency) for name, (role, agency) in PEOPLE.items()}
        self.cases: list[ModelCase] = []
        self.requests: list[ModelRequest] = []

    @initialize()
    def first_cases(self) -> None:
        """Every run starts with a case of the advocates, assigned to advocate_arta, and one of
        the police, assigned to investigator_ilir."""
        global RUNS
        RUNS += 1
        for opener, worker, owner in (
            ("advocate_vesa", "advocate_arta", "advocates"),
            ("investigator_ilir", "investigator_ilir", "police"),
        ):
            case = case_open(
                actor=self.user(opener),
                owner_agency=self.agency(owner),
                given_name="Arbëresha",
                family_name="Gashi",
                assigned_worker=self.user(worker),
            )
            owner_grant = AccessGrant.objects.get(case=case, basis=AccessGrant.Basis.OWNER)
            self.cases.append(
                ModelCase(
                    pk=case.pk,
                    owner=owner,
                    owner_grant_pk=owner_grant.pk,
                    worker=worker,
                    worker_agency=owner,
                )
            )

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    # --- helpers ---------------------------------------------------------------------------

    def user(self, name: str) -> User:
        # Fresh from the database, as a request would load it: roles and agencies change.
        return User.objects.get(pk=self.user_pk[name])

    def agency(self, key: str | None) -> Agency | None:
        return self.agencies[key] if key is not None else None

    def may_manage(self, actor: str, case: ModelCase) -> bool:
        person = self.people[actor]
        return person.role in MANAGES_CASES and model_sees(person, actor, case)

    def actor(self, data: st.DataObject, capable: list[str]) -> str:
        """Mostly someone who may act; anyone at all, to be refused, a quarter of the time."""
        anyone = st.sampled_from(USERNAMES)
        if not capable:
            return data.draw(anyone)
        likely = st.sampled_from(capable)
        return data.draw(st.one_of(likely, likely, likely, anyone))

    def may_assign(self, actor: str, case: ModelCase) -> bool:
        """Assigning and transferring: coordinators, and the owning agency's case workers."""
        person = self.people[actor]
        if not model_sees(person, actor, case):
            return False
        return person.role in SEES_EVERY_CASE or (
            person.role in MANAGES_CASES and person.agency == case.owner
        )

    def managers(self, case: ModelCase) -> list[str]:
        return [name for name in USERNAMES if self.may_manage(name, case)]

    def members(self, agency: str | None) -> list[str]:
        return [name for name in USERNAMES if self.people[name].agency == agency]

    def refused(self, error: type[Exception], act) -> None:  # type: ignore[no-untyped-def]
        """`act` must raise `error` and write nothing."""
        before = table_counts()
        with pytest.raises(error):
            act()
        assert table_counts() == before
        DONE[f"refused ({error.__name__})"] += 1

    def step(self) -> None:
        global STEPS
        STEPS += 1

    # --- acts on cases ---------------------------------------------------------------------

    @rule(data=st.data(), owner=st.one_of(st.none(), st.sampled_from(AGENCY_KEYS)))
    def open_case(self, data: st.DataObject, owner: str | None) -> None:
        """Open a case, for the actor's own agency (owner None) or, refused, another one."""
        self.step()
        actor = self.actor(
            data, [name for name in USERNAMES if self.people[name].role in OPENS_CASES]
        )
        person = self.people[actor]
        owner = owner or person.agency or "national"
        worker = data.draw(
            st.one_of(st.none(), st.sampled_from(self.members(owner) or USERNAMES))
            | st.sampled_from(USERNAMES)
        )
        worker_person = self.people[worker] if worker else None
        act = lambda: case_open(  # noqa: E731
            actor=self.user(actor),
            owner_agency=self.agency(owner),
            given_name="Drita",
            family_name="Berisha",
            assigned_worker=self.user(worker) if worker else None,
        )
        if person.role not in OPENS_CASES or person.agency != owner:
            return self.refused(PermissionDenied, act)
        if worker_person is not None and worker_person.agency != owner:
            # The assigned worker belongs to the owning agency: assigning someone elsewhere
            # would let another agency's staff in without the person's consent.
            return self.refused(ValidationError, act)
        case = act()
        DONE["open_case"] += 1
        owner_grant = AccessGrant.objects.get(case=case, basis=AccessGrant.Basis.OWNER)
        self.cases.append(
            ModelCase(
                pk=case.pk,
                owner=owner,
                owner_grant_pk=owner_grant.pk,
                worker=worker,
                worker_agency=worker_person.agency if worker_person else None,
            )
        )

    @precondition(lambda self: self.cases)
    @rule(data=st.data())
    def assign_worker(self, data: st.DataObject) -> None:
        self.step()
        case = data.draw(st.sampled_from(self.cases))
        actor = self.actor(data, self.managers(case))
        seeing = [name for agency in case.agencies_seeing() for name in self.members(agency)]
        worker = data.draw(
            st.one_of(st.none(), st.sampled_from(seeing or USERNAMES)) | st.sampled_from(USERNAMES)
        )
        worker_person = self.people[worker] if worker else None
        act = lambda: case_update(  # noqa: E731
            actor=self.user(actor),
            case=Case.objects.get(pk=case.pk),
            changes={"assigned_worker": self.user(worker) if worker else None},
        )
        if not self.may_manage(actor, case):
            return self.refused(PermissionDenied, act)
        if worker == case.worker:
            # Nothing changes: the worker keeps the grant held as a member of their agency then.
            before = table_counts()
            assert act() == []
            assert table_counts() == before
            return None
        if self.people[actor].agency != case.owner:
            # An agency the case is shared with works on it, but does not decide who does.
            return self.refused(PermissionDenied, act)
        if worker_person is not None and (
            worker_person.agency not in case.agencies_seeing()
            or worker_person.role not in MANAGES_CASES
        ):
            # The worker is of an agency that may see the case, in a role that works on cases.
            return self.refused(ValidationError, act)
        act()
        DONE[
            "assign_worker"
            if worker_person is None or worker_person.agency == case.owner
            else "assign_worker_of_shared_agency"
        ] += 1
        case.worker = worker
        case.worker_agency = worker_person.agency if worker_person else None
        return None

    def record_sharing_consent(self, actor: str, case: ModelCase, agency: str) -> None:
        act = lambda: consent_record(  # noqa: E731
            actor=self.user(actor),
            case=Case.objects.get(pk=case.pk),
            scope="sharing",
            agency=self.agency(agency),
        )
        if not self.may_manage(actor, case):
            return self.refused(PermissionDenied, act)
        if case.sharing_consent_in_force(agency):
            return self.refused(ValidationError, act)
        consent = act()
        DONE["record_sharing_consent"] += 1
        case.consents.append(ModelConsent(pk=consent.pk, agency=agency))
        return None

    def share(self, actor: str, case: ModelCase, agency: str, reason: str) -> None:
        act = lambda: case_share(  # noqa: E731
            actor=self.user(actor),
            case=Case.objects.get(pk=case.pk),
            agency=self.agency(agency),
            override_reason=reason,
        )
        if not self.may_manage(actor, case):
            return self.refused(PermissionDenied, act)
        if agency == case.owner or agency in case.agencies_shared_with():
            return self.refused(ValidationError, act)
        consent = case.sharing_consent_in_force(agency)
        if consent is None and (self.people[actor].role not in OVERRIDES_CONSENT or not reason):
            return self.refused(ValidationError, act)
        grant = act()
        DONE["share_by_consent" if consent else "share_by_override"] += 1
        case.shares.append(
            ModelShare(grant_pk=grant.pk, agency=agency, consent_pk=consent.pk if consent else None)
        )
        return None

    @precondition(lambda self: self.cases)
    @rule(data=st.data(), agency=st.sampled_from(AGENCY_KEYS), consent_first=st.booleans())
    def share_with_consent(self, data: st.DataObject, agency: str, consent_first: bool) -> None:
        """Record the person's consent to share with an agency, then share (or share without
        recording it first, which is refused unless a consent is in force already)."""
        self.step()
        case = data.draw(st.sampled_from(self.cases))
        actor = self.actor(data, self.managers(case))
        if consent_first:
            self.record_sharing_consent(actor, case, agency)
        self.share(actor, case, agency, reason="")

    @precondition(lambda self: self.cases)
    @rule(
        data=st.data(),
        agency=st.sampled_from(AGENCY_KEYS),
        reason=st.sampled_from(["", "Her life is in danger; the shelter must know tonight."]),
    )
    def share_by_override(self, data: st.DataObject, agency: str, reason: str) -> None:
        """Share without consent: police only, and only with a reason."""
        self.step()
        case = data.draw(st.sampled_from(self.cases))
        police = [
            name for name in self.managers(case) if self.people[name].role in OVERRIDES_CONSENT
        ]
        actor = self.actor(data, police)
        self.share(actor, case, agency, reason)

    @precondition(lambda self: any(case.consents for case in self.cases))
    @rule(data=st.data())
    def withdraw_consent(self, data: st.DataObject) -> None:
        self.step()
        case = data.draw(st.sampled_from([case for case in self.cases if case.consents]))
        actor = self.actor(data, self.managers(case))
        # Mostly a consent in force that a share rests on; sometimes any, to be refused.
        resting = [c for c in case.consents if not c.withdrawn] or case.consents
        consent = data.draw(
            st.one_of(
                st.sampled_from(resting), st.sampled_from(resting), st.sampled_from(case.consents)
            )
        )
        act = lambda: consent_withdraw(  # noqa: E731
            actor=self.user(actor), consent=Consent.objects.get(pk=consent.pk)
        )
        if not self.may_manage(actor, case):
            return self.refused(PermissionDenied, act)
        if consent.withdrawn:
            return self.refused(ValidationError, act)
        act()
        DONE["withdraw_consent"] += 1
        consent.withdrawn = True
        for share in case.shares:
            if share.consent_pk == consent.pk:
                share.in_force = False
        case.assignment_end_with_agency()
        return None

    @precondition(lambda self: self.cases)
    @rule(
        data=st.data(),
        reason=st.sampled_from(["", "The placement ended.", "She moved to another town."]),
    )
    def stop_sharing(self, data: st.DataObject, reason: str) -> None:
        """Stop a share (in force or already ended), or try to stop the owner's grant."""
        self.step()
        case = data.draw(st.sampled_from(self.cases))
        actor = self.actor(data, self.managers(case))
        in_force = [share for share in case.shares if share.in_force]
        share = data.draw(
            st.one_of(
                st.sampled_from(in_force or [None]),
                st.sampled_from(in_force or [None]),
                st.sampled_from(case.shares or [None]),
                st.none(),
            )
        )
        grant_pk = share.grant_pk if share else case.owner_grant_pk
        act = lambda: case_share_end(  # noqa: E731
            actor=self.user(actor), grant=AccessGrant.objects.get(pk=grant_pk), reason=reason
        )
        if not self.may_manage(actor, case):
            return self.refused(PermissionDenied, act)
        if share is None or not reason or not share.in_force:
            return self.refused(ValidationError, act)
        act()
        DONE["stop_sharing"] += 1
        share.in_force = False
        case.assignment_end_with_agency()
        return None

    @precondition(lambda self: self.cases)
    @rule(
        data=st.data(),
        agency=st.sampled_from(AGENCY_KEYS),
        reason=st.sampled_from(["", "She is in danger; the receiving agency must take over."]),
    )
    def transfer(self, data: st.DataObject, agency: str, reason: str) -> None:
        """Make another agency the owner: with the person's consent to share with it, or by
        police with a reason. The previous owner's access ends, and its worker's with it."""
        self.step()
        case = data.draw(st.sampled_from(self.cases))
        actor = self.actor(data, [name for name in USERNAMES if self.may_assign(name, case)])
        act = lambda: case_transfer(  # noqa: E731
            actor=self.user(actor),
            case=Case.objects.get(pk=case.pk),
            agency=self.agency(agency),
            override_reason=reason,
        )
        if not self.may_assign(actor, case):
            return self.refused(PermissionDenied, act)
        if agency == case.owner:
            return self.refused(ValidationError, act)
        consent = case.sharing_consent_in_force(agency)
        if consent is None and (self.people[actor].role not in OVERRIDES_CONSENT or not reason):
            return self.refused(ValidationError, act)
        act()
        DONE["transfer_by_consent" if consent else "transfer_by_override"] += 1
        case.owner = agency
        case.owner_grant_pk = AccessGrant.objects.get(
            case_id=case.pk, basis=AccessGrant.Basis.OWNER, ended_at__isnull=True
        ).pk
        for share in case.shares:
            if share.agency == agency:
                share.in_force = False  # the receiving agency owns the case now
        case.assignment_end_with_agency()
        return None

    # --- acts on people: the administrators' two-person rule -------------------------------

    def request_change(self, requester: str, name: str, role: str, agency: str | None) -> None:
        """One administrator asks to change `name`'s role or agency."""
        person = self.people[name]
        changes: dict[str, object] = {}
        if role != person.role:
            changes["role"] = role
        if agency != person.agency:
            changes["agency"] = self.agency(agency)
        act = lambda: user_update(  # noqa: E731
            actor=self.user(requester), user=self.user(name), changes=changes
        )
        if self.people[requester].role not in MANAGES_USERS:
            return self.refused(PermissionDenied, act)
        if not changes:
            assert act() is None
            return None
        if requester == name:
            # Nobody changes their own role or agency.
            return self.refused(PermissionDenied, act)
        if role in MUST_BELONG_TO_AN_AGENCY and agency is None:
            return self.refused(ValidationError, act)
        change = act()
        DONE["request_role_or_agency"] += 1
        if role in NEEDS_SECOND_ADMIN:
            assert change is not None
            for earlier in self.requests:
                if earlier.user == name:
                    earlier.pending = False  # replaced by the newer request
            self.requests.append(ModelRequest(change.pk, name, role, agency, requester))
        else:
            # Taking personal data away, or moving someone who sees none, needs no second person.
            assert change is None
            person.role, person.agency = role, agency
        return None

    def administrators(self) -> list[str]:
        return [name for name in USERNAMES if self.people[name].role in MANAGES_USERS]

    @rule(data=st.data(), name=st.sampled_from(USERNAMES), agency=st.sampled_from(AGENCY_KEYS))
    def move_to_another_agency(self, data: st.DataObject, name: str, agency: str) -> None:
        self.step()
        requester = self.actor(data, self.administrators())
        self.request_change(requester, name, self.people[name].role, agency)

    @rule(data=st.data(), name=st.sampled_from(USERNAMES), role=st.sampled_from(ROLES))
    def change_role(self, data: st.DataObject, name: str, role: str) -> None:
        self.step()
        requester = self.actor(data, self.administrators())
        self.request_change(requester, name, role, self.people[name].agency)

    @precondition(lambda self: self.requests)
    @rule(data=st.data(), approve=st.booleans())
    def decide(self, data: st.DataObject, approve: bool) -> None:
        """A second administrator approves (or rejects) a request; nobody else can."""
        self.step()
        pending = [change for change in self.requests if change.pending]
        change = data.draw(
            st.sampled_from(pending or self.requests) | st.sampled_from(self.requests)
        )
        approver = self.actor(
            data,
            [
                name
                for name in self.administrators()
                if name not in (change.user, change.requested_by)
            ],
        )
        service = role_change_approve if approve else role_change_reject
        act = lambda: service(  # noqa: E731
            actor=self.user(approver), change=RoleChangeRequest.objects.get(pk=change.pk)
        )
        if self.people[approver].role not in MANAGES_USERS:
            return self.refused(PermissionDenied, act)
        if not change.pending:
            return self.refused(ValidationError, act)
        if approver == change.user or (approve and approver == change.requested_by):
            return self.refused(PermissionDenied, act)
        act()
        DONE["approve" if approve else "reject"] += 1
        change.pending = False
        if approve:
            self.people[change.user].role = change.role
            self.people[change.user].agency = change.agency
        return None

    # --- what everyone sees ----------------------------------------------------------------

    @invariant()
    def each_user_sees_what_the_model_says(self) -> None:
        global CHECKS
        for name in USERNAMES:
            person = self.people[name]
            expected = {case.pk for case in self.cases if model_sees(person, name, case)}
            seen = set(case_policy.visible_to(self.user(name)).values_list("pk", flat=True))
            CHECKS += 1
            assert seen == expected, (name, person, self.cases)
        for case in self.cases:
            expected_users = {
                self.user_pk[name]
                for name in USERNAMES
                if model_sees(self.people[name], name, case)
            }
            with_access = case_policy.users_with_access(Case.objects.get(pk=case.pk))
            CHECKS += 1
            assert set(with_access.values_list("pk", flat=True)) == expected_users, case


@pytest.mark.django_db
def test_what_each_user_sees_follows_the_grants_in_force(capsys: pytest.CaptureFixture) -> None:
    for key in AGENCY_KEYS:
        organisation = Organisation.objects.create(
            slug=f"machine-{key}", name=f"{key} office", kind=Organisation.Kind.OTHER
        )
        Agency.objects.create(organisation=organisation)
    for name, (role, agency) in PEOPLE.items():
        User.objects.create(
            username=name,
            role=role,
            agency=Agency.objects.get(organisation__slug=f"machine-{agency}") if agency else None,
        )

    run_state_machine_as_test(
        AccessMachine,
        settings=settings(
            max_examples=40,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
            database=None,
        ),
    )

    with capsys.disabled():
        print(
            f"\naccess state machine: {RUNS} runs, {STEPS} steps, {CHECKS} visibility checks "
            "against the reference model"
        )
        print(f"acts that went through: {dict(sorted(DONE.items()))}")
    assert STEPS > 0
