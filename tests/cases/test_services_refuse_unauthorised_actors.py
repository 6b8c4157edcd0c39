"""Every write service checks the actor itself: called directly (as the API, a command or an
import will), by someone who may not act, it raises PermissionDenied and writes nothing.

"May not act" is each of: a role without the permission (who can see the record), a role with
the permission who cannot see the record (another agency, or an agency whose sharing ended when
the person withdrew their consent), and a superuser without a case role.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from strehe.accounts.models import Agency, RoleChangeRequest, User
from strehe.accounts.roles import Role
from strehe.accounts.services import user_update
from strehe.audit.models import AuditEntry
from strehe.cases.codes import EventKind, TraffickingStatus
from strehe.cases.models import (
    AccessGrant,
    Case,
    Consent,
    ConsentOverride,
    IdentificationDecision,
    Person,
    RiskAssessment,
    RiskLevel,
    Stage,
    TimelineEntry,
    TraffickingEvent,
)
from strehe.cases.services import (
    case_assign,
    case_move_stage,
    case_note_add,
    case_open,
    case_printed,
    case_share,
    case_share_end,
    case_transfer,
    case_update,
    consent_record,
    consent_withdraw,
    identification_record,
    risk_assessment_record,
    trafficking_event_add,
)
from strehe.helpline.models import Contact
from strehe.helpline.services import (
    contact_create,
    contact_link_to_case,
    contact_open_case,
    contact_screen,
)
from strehe.screening.models import Screening
from tests.helpline.flow import CALL, SCREENING_POST, logged_contact
from tests.staff import make_user, open_test_case

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
    Contact,
    Screening,
    AuditEntry,
    RoleChangeRequest,
    User,
)


def database_state() -> dict[str, Any]:
    """Row counts of every table a service here writes, and the values the updating services
    change: a refused call must leave all of it as it was."""
    return {
        "rows": {model.__name__: model.objects.count() for model in TABLES},
        "cases": sorted(
            Case.objects.values_list(
                "pk", "stage", "narrative", "assigned_worker", "closing_reason"
            )
        ),
        "consents": sorted(Consent.objects.values_list("pk", "withdrawn_on")),
        "grants": sorted(AccessGrant.objects.values_list("pk", "ended_at", "end_cause")),
        "contacts": sorted(Contact.objects.values_list("pk", "case", "outcome")),
        "users": sorted(User.objects.values_list("pk", "role", "agency", "is_superuser")),
    }


class World:
    """The case of the advocates that everyone is tried on, and its surroundings.

    advocate_arta's case is shared by consent with the shelter and the helpline (whose staff see
    it but may not change it); it was shared with the social workers too, until the person
    withdrew that consent. The police have nothing to do with it. A helpline contact, logged by
    operator_olta, belongs to the helpline.
    """

    def __init__(self, staff: dict[str, User], agencies: dict[str, Agency]) -> None:
        self.staff = staff
        self.agencies = agencies
        arta = staff["advocate_arta"]
        self.case = open_test_case(owner=agencies["advocates"], worker=arta, label="Refusals")
        self.grants = {}
        self.consents = {}
        for key in ("shelter", "helpline", "social"):
            self.consents[key] = consent_record(
                actor=arta, case=self.case, scope="sharing", agency=agencies[key]
            )
            self.grants[key] = case_share(actor=arta, case=self.case, agency=agencies[key])
        consent_withdraw(actor=arta, consent=self.consents["social"])
        # The person agreed to share with the police too; nobody has shared yet.
        consent_record(actor=arta, case=self.case, scope="sharing", agency=agencies["police"])
        self.contact = logged_contact(staff["operator_olta"])
        self.case_elsewhere = open_test_case(
            owner=agencies["elsewhere"], worker=staff["worker_elsewhere"], label="Elsewhere"
        )
        self.root = make_user("root_rina", "", None)
        self.root.is_superuser = self.root.is_staff = True
        self.root.save(update_fields=["is_superuser", "is_staff"])

    def actor(self, name: str) -> User:
        return self.root if name == "root_rina" else self.staff[name]


# What each service is asked to do: a request that would succeed for someone who may act.
ACTS: dict[str, Callable[[World, User], object]] = {
    "case_open for another agency": lambda w, actor: case_open(
        actor=actor, owner_agency=w.agencies["advocates"], given_name="Besa", family_name="Hoxha"
    ),
    "case_update": lambda w, actor: case_update(
        actor=actor, case=w.case, changes={"narrative": "Rewritten by someone else."}
    ),
    "case_note_add": lambda w, actor: case_note_add(actor=actor, case=w.case, text="A note."),
    "trafficking_event_add": lambda w, actor: trafficking_event_add(
        actor=actor, case=w.case, kind=EventKind.RECRUITMENT, country="XK"
    ),
    "consent_record": lambda w, actor: consent_record(actor=actor, case=w.case, scope="assistance"),
    "consent_withdraw": lambda w, actor: consent_withdraw(
        actor=actor, consent=w.consents["shelter"]
    ),
    "case_share": lambda w, actor: case_share(
        actor=actor, case=w.case, agency=w.agencies["police"]
    ),
    "case_share_end": lambda w, actor: case_share_end(
        actor=actor, grant=w.grants["shelter"], reason="The placement ended."
    ),
    "identification_record": lambda w, actor: identification_record(
        actor=actor, case=w.case, status=TraffickingStatus.PRESUMED
    ),
    "risk_assessment_record": lambda w, actor: risk_assessment_record(
        actor=actor, case=w.case, level=RiskLevel.HIGH, reasons="Threats.", assessors=[]
    ),
    "case_move_stage": lambda w, actor: case_move_stage(
        actor=actor, case=w.case, to_stage=Stage.CLOSED, closing_reason="declined"
    ),
    "case_assign": lambda w, actor: case_assign(
        actor=actor, case=w.case, worker=w.staff["colleague_advocates"]
    ),
    "case_transfer": lambda w, actor: case_transfer(
        actor=actor, case=w.case, agency=w.agencies["police"]
    ),
    "case_printed": lambda w, actor: case_printed(actor=actor, case=w.case, output="pdf"),
    "contact_create": lambda w, actor: contact_create(actor=actor, **CALL),
    "contact_screen": lambda w, actor: contact_screen(
        actor=actor, contact=w.contact, data=SCREENING_POST
    ),
    "contact_open_case": lambda w, actor: contact_open_case(
        actor=actor, contact=w.contact, screening=None, given_name="Besa", family_name="Hoxha"
    ),
    "contact_link_to_case (contact not visible)": lambda w, actor: contact_link_to_case(
        actor=actor, contact=w.contact, screening=None, case=w.case
    ),
    "contact_link_to_case (case not visible)": lambda w, actor: contact_link_to_case(
        actor=actor, contact=w.contact, screening=None, case=w.case_elsewhere
    ),
    "user_update of one's own role": lambda w, actor: user_update(
        actor=actor, user=actor, changes={"role": Role.COORDINATOR}
    ),
    "user_update of one's own agency": lambda w, actor: user_update(
        actor=actor, user=actor, changes={"agency": w.agencies["advocates"]}
    ),
    "user_update of one's own superuser flag": lambda w, actor: user_update(
        actor=actor, user=actor, changes={"is_superuser": not actor.is_superuser}
    ),
}

CASE_ACTS = [
    "case_update",
    "case_note_add",
    "trafficking_event_add",
    "consent_record",
    "consent_withdraw",
    "case_share",
    "case_share_end",
    "case_move_stage",
]
# Sees the case, but the role may not act on it: shelter and helpline by sharing, the
# coordinator by the national view. Cannot see it though the role could act: the police
# (never shared) and the social workers (sharing ended with the consent).
CASE_ACTORS = [
    "shelter_staff_shpresa",
    "operator_olta",
    "coordinator_drita",
    "investigator_ilir",
    "social_worker_sokol",
    "root_rina",
]
REFUSALS = [
    *[(act, actor) for act in CASE_ACTS for actor in CASE_ACTORS],
    # The police and the advocates may identify; the police cannot see the case.
    *[
        ("identification_record", actor)
        for actor in ["investigator_ilir", "shelter_staff_shpresa", "coordinator_drita"]
    ],
    *[("identification_record", actor) for actor in ["social_worker_sokol", "root_rina"]],
    *[
        ("risk_assessment_record", actor)
        for actor in ["investigator_ilir", "social_worker_sokol", "operator_olta", "root_rina"]
    ],
    *[
        ("risk_assessment_record", actor)
        for actor in ["shelter_staff_shpresa", "coordinator_drita"]
    ],
    # Assigning and transferring: the owning agency's case workers and coordinators only; an
    # agency the case is shared with (shelter, helpline) does not decide who works on it.
    *[
        (act, actor)
        for act in ["case_assign", "case_transfer"]
        for actor in [
            "shelter_staff_shpresa",
            "operator_olta",
            "investigator_ilir",
            "social_worker_sokol",
            "root_rina",
        ]
    ],
    # Printing is reading: refused to whoever cannot see the case.
    *[
        ("case_printed", actor)
        for actor in [
            "investigator_ilir",
            "social_worker_sokol",
            "statistician_besnik",
            "root_rina",
        ]
    ],
    # Staff open cases for their own agency only.
    *[
        ("case_open for another agency", actor)
        for actor in ["social_worker_sokol", "operator_olta", "shelter_staff_shpresa", "root_rina"]
    ],
    *[
        ("contact_create", actor)
        for actor in ["social_worker_sokol", "shelter_staff_shpresa", "root_rina"]
    ],
    # The contact belongs to the helpline: the advocates log contacts but not this one.
    *[
        (act, actor)
        for act in [
            "contact_screen",
            "contact_open_case",
            "contact_link_to_case (contact not visible)",
        ]
        for actor in [
            "advocate_arta",
            "social_worker_sokol",
            "shelter_staff_shpresa",
            "coordinator_drita",
            "root_rina",
        ]
    ],
    # operator_olta sees her contact, but not the case of the other agency.
    ("contact_link_to_case (case not visible)", "operator_olta"),
    *[
        (act, actor)
        for act in [
            "user_update of one's own role",
            "user_update of one's own agency",
            "user_update of one's own superuser flag",
        ]
        for actor in ["administrator_agim", "root_rina", "advocate_arta"]
    ],
]


@pytest.mark.django_db
@pytest.mark.parametrize(("act", "actor_name"), REFUSALS)
def test_a_service_refuses_an_actor_who_may_not_act_and_writes_nothing(
    staff: dict[str, User], agencies: dict[str, Agency], act: str, actor_name: str
) -> None:
    world = World(staff, agencies)
    actor = world.actor(actor_name)
    before = database_state()

    with pytest.raises(PermissionDenied):
        ACTS[act](world, actor)

    assert database_state() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("act", "actor_name"),
    [
        ("case_update", "advocate_arta"),
        ("case_note_add", "advocate_vesa"),
        ("trafficking_event_add", "advocate_arta"),
        ("consent_record", "advocate_arta"),
        ("consent_withdraw", "advocate_arta"),
        ("case_share", "advocate_arta"),
        ("case_share_end", "advocate_arta"),
        ("case_move_stage", "advocate_arta"),
        ("identification_record", "advocate_arta"),
        ("case_open for another agency", "advocate_arta"),
        ("case_assign", "advocate_arta"),
        ("case_assign", "coordinator_drita"),
        ("case_transfer", "advocate_arta"),
        ("case_transfer", "coordinator_drita"),
        ("case_printed", "operator_olta"),
        ("contact_create", "operator_olta"),
        ("contact_screen", "operator_olta"),
        ("contact_open_case", "operator_olta"),
        ("contact_link_to_case (contact not visible)", "operator_olta"),
    ],
)
def test_the_same_request_goes_through_for_someone_who_may_act(
    staff: dict[str, User], agencies: dict[str, Agency], act: str, actor_name: str
) -> None:
    """The control: each refusal above is about the actor, not about a request that no one
    could make."""
    if actor_name == "advocate_vesa":
        staff[actor_name] = make_user("advocate_vesa", Role.VICTIM_ADVOCATE, agencies["advocates"])
    world = World(staff, agencies)
    before = database_state()

    ACTS[act](world, staff[actor_name])

    assert database_state() != before
