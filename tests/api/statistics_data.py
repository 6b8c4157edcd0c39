"""Figures for the statistics endpoints' tests: the demo's 2012 set, and a small group planted
in it that no published figure may give away."""

import datetime

from strehe.accounts.models import User
from strehe.cases.codes import Exploitation, TraffickingStatus
from strehe.cases.services import case_open, case_update, identification_record
from strehe.statistics.demo import load_statistics_demo

# Two persons from Ukraine, identified by the police in 2012: a cell of 2, below any threshold.
PLANTED_CITIZENSHIP = "UA"
PLANTED_PERSONS = 2
SEED = {
    "date_from": "2012-01-01",
    "date_to": "2012-12-31",
    "status": "registered",
    "by": "citizenship",
    "then_by": "age_band",
}


def plant_small_group() -> None:
    load_statistics_demo(synthetic_years=False)
    recorder = User.objects.get(username="investigator_ilir")
    for number in range(PLANTED_PERSONS):
        case = case_open(
            actor=None,
            owner_agency=recorder.agency,  # type: ignore[arg-type]
            given_name=f"Planted{number}",
            family_name="Small Group",
            birth_date=datetime.date(1990, 3, 1),
            sex="female",
            citizenships=[PLANTED_CITIZENSHIP],
            narrative="A synthetic record of the statistics tests.",
        )
        case_update(
            actor=recorder,
            case=case,
            changes={"forms_of_exploitation": [Exploitation.FORCED_BEGGING]},
        )
        identification_record(
            actor=recorder,
            case=case,
            status=TraffickingStatus.IDENTIFIED,
            decided_on=datetime.date(2012, 10, 2),
        )
