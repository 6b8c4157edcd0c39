"""Synthetic victims for the statistics pages (demo mode only).

Among invented years sits the 2012 set that reproduces, person by person, the figures the 2012
campaign page published for January to August 2012: the police identified 56 victims, 30 from
Kosovo, 24 from Moldova, 1 from Albania and 1 from Slovakia; 9 were aged 14-17 and 18 were aged
18-22 (the other 29 were 23 or older). Around them, so that the filters have something to leave
out: presumed victims of the same months, victims identified later in 2012, and a person found
not to be a victim. Every person is invented; names are placeholders.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from strehe.accounts.models import User
from strehe.cases.codes import Exploitation, TraffickingStatus
from strehe.cases.models import IdentificationDecision
from strehe.cases.services import case_open, case_update, identification_record

POLICE_RECORDER = "investigator_ilir"
ADVOCATE_RECORDER = "advocate_arta"
SEED_YEAR = 2012


@dataclass(frozen=True)
class DemoVictim:
    citizenship: str
    age: int
    sex: str
    forms: tuple[str, ...]
    status: str
    recorder: str
    decided_on: datetime.date


def _seed_set(rng: random.Random) -> list[DemoVictim]:
    """The 56 police-identified victims of January-August 2012, and their neighbours."""
    # (citizenship, ages): 14-17: 9 (all from Kosovo); 18-22: 10 from Kosovo, 8 from Moldova;
    # 23 or older: 11 from Kosovo, 16 from Moldova, 1 from Albania, 1 from Slovakia.
    groups = [
        ("XK", [14, 15, 15, 16, 16, 16, 17, 17, 17]),
        ("XK", [18, 18, 19, 19, 20, 20, 21, 21, 22, 22]),
        ("XK", [23, 24, 25, 26, 27, 29, 31, 34, 38, 42, 47]),
        ("MD", [18, 19, 19, 20, 21, 21, 22, 22]),
        ("MD", [23, 23, 24, 24, 25, 25, 26, 27, 28, 29, 30, 31, 33, 35, 39, 44]),
        ("AL", [26]),
        ("SK", [24]),
    ]
    victims = []
    for citizenship, ages in groups:
        for age in ages:
            victims.append(
                DemoVictim(
                    citizenship=citizenship,
                    age=age,
                    sex="male" if rng.random() < 0.12 else "female",
                    forms=_forms(rng),
                    status=TraffickingStatus.IDENTIFIED,
                    recorder=POLICE_RECORDER,
                    decided_on=_day(rng, SEED_YEAR, 1, 8),
                )
            )
    # Presumed victims the advocates recorded in the same months: not police-identified.
    for citizenship, age in [("XK", 16), ("XK", 24), ("AL", 19), ("MD", 27), ("XK", 31)]:
        victims.append(
            DemoVictim(
                citizenship,
                age,
                "female",
                _forms(rng),
                TraffickingStatus.PRESUMED,
                ADVOCATE_RECORDER,
                _day(rng, SEED_YEAR, 1, 8),
            )
        )
    # Identified by the police later in 2012: outside January-August.
    for citizenship, age in [("XK", 17), ("MD", 22), ("RS", 29), ("XK", 25)]:
        victims.append(
            DemoVictim(
                citizenship,
                age,
                "female",
                _forms(rng),
                TraffickingStatus.IDENTIFIED,
                POLICE_RECORDER,
                _day(rng, SEED_YEAR, 9, 12),
            )
        )
    victims.append(
        DemoVictim(
            "XK",
            33,
            "male",
            (Exploitation.FORCED_LABOUR,),
            TraffickingStatus.NOT_A_VICTIM,
            POLICE_RECORDER,
            _day(rng, SEED_YEAR, 3, 5),
        )
    )
    return victims


# Citizenships of the invented years, with weights: mostly Kosovo, then the region.
SYNTHETIC_CITIZENSHIPS = [("XK", 60), ("AL", 12), ("MD", 8), ("RS", 6), ("UA", 4), ("BG", 3)]
SYNTHETIC_YEARS = range(2019, 2026)


def _synthetic_year(rng: random.Random, year: int) -> list[DemoVictim]:
    codes = [code for code, _weight in SYNTHETIC_CITIZENSHIPS]
    weights = [weight for _code, weight in SYNTHETIC_CITIZENSHIPS]
    victims = []
    for _n in range(rng.randint(14, 26)):
        police = rng.random() < 0.7
        victims.append(
            DemoVictim(
                citizenship=rng.choices(codes, weights)[0],
                age=rng.choice([rng.randint(8, 17), rng.randint(18, 45)]),
                sex="male" if rng.random() < 0.25 else "female",
                forms=_forms(rng),
                status=TraffickingStatus.IDENTIFIED
                if police or rng.random() < 0.3
                else TraffickingStatus.PRESUMED,
                recorder=POLICE_RECORDER if police else ADVOCATE_RECORDER,
                decided_on=_day(rng, year, 1, 12),
            )
        )
    return victims


def _forms(rng: random.Random) -> tuple[str, ...]:
    first = rng.choices(
        [
            Exploitation.SEXUAL_EXPLOITATION,
            Exploitation.FORCED_LABOUR,
            Exploitation.FORCED_BEGGING,
            Exploitation.FORCED_MARRIAGE,
        ],
        [70, 15, 10, 5],
    )[0]
    if rng.random() < 0.1:
        return (
            (first, Exploitation.FORCED_LABOUR) if first != Exploitation.FORCED_LABOUR else (first,)
        )
    return (first,)


def _day(rng: random.Random, year: int, first_month: int, last_month: int) -> datetime.date:
    start = datetime.date(year, first_month, 1)
    end = (
        datetime.date(year + 1, 1, 1)
        if last_month == 12
        else datetime.date(year, last_month + 1, 1)
    ) - datetime.timedelta(days=1)
    day = start + datetime.timedelta(days=rng.randint(0, (end - start).days))
    return min(day, timezone.localdate())


def _born(rng: random.Random, age: int, on: datetime.date) -> datetime.date:
    """A birth date that makes the person `age` on `on`."""
    latest = (
        on.replace(year=on.year - age)
        if not (on.month == 2 and on.day == 29)
        else (datetime.date(on.year - age, 2, 28))
    )
    return latest - datetime.timedelta(days=rng.randint(0, 360))


def demo_victims(*, synthetic_years: bool = True) -> list[DemoVictim]:
    rng = random.Random(SEED_YEAR)  # noqa: S311 - synthetic people, the same everywhere
    victims = _seed_set(rng)
    if synthetic_years:
        for year in SYNTHETIC_YEARS:
            victims += _synthetic_year(rng, year)
    return victims


@transaction.atomic
def load_statistics_demo(*, synthetic_years: bool = True) -> int:
    """Open a case per demo victim and record its decision, through the services (so each has
    its timeline and audit entries). A second run finds the 2012 set and opens nothing."""
    if IdentificationDecision.objects.filter(decided_on__year=SEED_YEAR).exists():
        return 0
    rng = random.Random(SEED_YEAR + 1)  # noqa: S311 - synthetic birth dates
    recorders = {
        username: User.objects.get(username=username)
        for username in (POLICE_RECORDER, ADVOCATE_RECORDER)
    }
    victims = demo_victims(synthetic_years=synthetic_years)
    for number, victim in enumerate(victims, start=1):
        recorder = recorders[victim.recorder]
        case = case_open(
            actor=None,
            owner_agency=recorder.agency,  # type: ignore[arg-type]
            given_name=f"Synthetic{number}",
            family_name="Statistics Demo",
            birth_date=_born(rng, victim.age, victim.decided_on),
            sex=victim.sex,
            citizenships=[victim.citizenship],
            narrative="Synthetic statistics demo record: no real person or event.",
        )
        case_update(
            actor=recorder, case=case, changes={"forms_of_exploitation": list(victim.forms)}
        )
        identification_record(
            actor=recorder, case=case, status=victim.status, decided_on=victim.decided_on
        )
    return len(victims)
