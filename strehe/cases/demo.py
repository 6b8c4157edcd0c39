"""Synthetic demo cases, so that each demo login has something to see (demo mode only)."""

import datetime

from django.db import transaction
from django.utils import timezone

from strehe.accounts.demo import demo_agency
from strehe.accounts.models import User

from .codes import Exploitation, TraffickingStatus
from .models import Case, ConsentScope, RiskLevel
from .services import (
    case_move_stage,
    case_open,
    case_share,
    case_update,
    consent_record,
    identification_record,
    risk_assessment_record,
)

# The police demo case has been in initial assistance this long: under the 90-day rule its
# reflection period ends within the week, so the warning is there to see.
DEMO_DAYS_INTO_REFLECTION = 85

# Invented people. Any likeness to a real person is accidental.
DEMO_CASES = [
    ("investigator_ilir", "police", "Drita", "Demo", datetime.date(2001, 3, 14), "XK"),
    ("advocate_arta", "advocates", "Mira", "Shembull", datetime.date(1998, 7, 2), "MD"),
    ("social_worker_sokol", "social", "Ana", "Primer", datetime.date(2009, 11, 23), "XK"),
]


@transaction.atomic
def load_demo_cases() -> int:
    """Open the demo cases once; a second run finds them and opens nothing."""
    if Case.objects.filter(opened_by__username__in=[row[0] for row in DEMO_CASES]).exists():
        return 0
    cases = []
    for username, agency_key, given, family, born, citizenship in DEMO_CASES:
        worker = User.objects.get(username=username)
        cases.append(
            case_open(
                actor=worker,
                owner_agency=demo_agency(agency_key),
                assigned_worker=worker,
                given_name=given,
                family_name=family,
                birth_date=born,
                citizenships=[citizenship],
                narrative="Synthetic demo narrative: no real person or event.",
            )
        )
    _walk_to_initial_assistance(cases[0])
    return len(DEMO_CASES)


def _walk_to_initial_assistance(case: Case) -> None:
    """Take the police demo case through identification, risk assessment and consent."""
    investigator = User.objects.get(username="investigator_ilir")
    advocate = User.objects.get(username="advocate_arta")
    started = timezone.localdate() - datetime.timedelta(days=DEMO_DAYS_INTO_REFLECTION)
    case_update(
        actor=investigator,
        case=case,
        changes={"forms_of_exploitation": [Exploitation.SEXUAL_EXPLOITATION]},
    )
    identification_record(
        actor=investigator, case=case, status=TraffickingStatus.PRESUMED, decided_on=started
    )
    case_move_stage(actor=investigator, case=case, to_stage=Case.Stage.RISK_AND_REFERRAL)
    # The advocate assesses with the police, so the person agreed to share the case with them.
    advocates = demo_agency("advocates")
    consent_record(
        actor=investigator,
        case=case,
        scope=ConsentScope.SHARING,
        agency=advocates,
        given_on=started,
    )
    case_share(actor=investigator, case=case, agency=advocates)
    risk_assessment_record(
        actor=investigator,
        case=case,
        level=RiskLevel.MEDIUM,
        assessed_on=started,
        reasons="Synthetic demo reasons.",
        assessors=[advocate],
    )
    consent_record(actor=investigator, case=case, scope=ConsentScope.ASSISTANCE, given_on=started)
    case_move_stage(
        actor=investigator, case=case, to_stage=Case.Stage.INITIAL_ASSISTANCE, on=started
    )
