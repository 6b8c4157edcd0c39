"""Synthetic demo cases, so that each demo login has something to see (demo mode only)."""

import datetime

from django.db import transaction

from strehe.accounts.demo import demo_agency
from strehe.accounts.models import User

from .models import Case
from .services import case_open

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
    for username, agency_key, given, family, born, citizenship in DEMO_CASES:
        worker = User.objects.get(username=username)
        case_open(
            actor=worker,
            owner_agency=demo_agency(agency_key),
            assigned_worker=worker,
            given_name=given,
            family_name=family,
            birth_date=born,
            citizenship=citizenship,
            narrative="Synthetic demo narrative: no real person or event.",
        )
    return len(DEMO_CASES)
