"""Synthetic data at national scale, for benchmarks: persons, cases over several years with stages,
identification decisions and timelines, and helpline contacts, written with bulk inserts.

Deterministic for a seed, so two runs of a benchmark measure the same data. Every name is made
from syllables and says nothing about anyone; the organisations it creates are named "Synthetic".
It writes no audit entry per row (the benchmarks measure reading, not the writing of demo rows);
one entry records the run.
"""

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from strehe.accounts.models import Agency
from strehe.audit.services import audit_record
from strehe.cases.codes import DecisionOrganisation, Exploitation, TraffickingStatus
from strehe.cases.models import (
    AccessGrant,
    Case,
    CaseCodeCounter,
    IdentificationDecision,
    Person,
    PersonNameToken,
    Stage,
    TimelineEntry,
)
from strehe.cases.search_index import index_hashes
from strehe.directory.models import Organisation
from strehe.helpline.models import CallerType, Channel, Contact, Language, Outcome, Topic

BATCH = 5_000
SYLLABLES = ("ar", "be", "dri", "ta", "ko", "sa", "mi", "lo", "ne", "ra", "vi", "je", "do", "sh")
CITIZENSHIPS = ("XK", "XK", "XK", "XK", "AL", "MD", "RS", "MK", "UA", "RO", "BG")
AGENCY_KINDS = (
    Organisation.Kind.POLICE_UNIT,
    Organisation.Kind.VICTIM_ADVOCATES,
    Organisation.Kind.SOCIAL_WORK_CENTRE,
    Organisation.Kind.HELPLINE,
    Organisation.Kind.SHELTER,
)
# Victim advocates work in the State Prosecutor's office.
ORGANISATION_OF_KIND: dict[str, str] = {
    Organisation.Kind.POLICE_UNIT: DecisionOrganisation.POLICE,
    Organisation.Kind.VICTIM_ADVOCATES: DecisionOrganisation.COURT_OR_PROSECUTION,
}
OPEN_STAGES = [s for s in Stage.values if s != Stage.CLOSED]


@dataclass(frozen=True)
class SynthResult:
    cases: int
    contacts: int


def _batches(items: Iterator, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic_agencies(count: int = 12) -> list[Agency]:
    """`count` synthetic agencies of the casework kinds, made once and reused."""
    agencies = []
    for number in range(count):
        kind = AGENCY_KINDS[number % len(AGENCY_KINDS)]
        organisation, _ = Organisation.objects.get_or_create(
            slug=f"synthetic-{number:02d}",
            defaults={"name": f"Synthetic {kind.label} {number:02d}", "kind": kind},
        )
        agency, _ = Agency.objects.get_or_create(organisation=organisation)
        agencies.append(agency)
    return agencies


def _persons(rng: random.Random, count: int) -> Iterator[tuple[Person, set[str]]]:
    key = settings.LOOKUP_HASH_KEY.encode()
    for _ in range(count):
        given, family = _name(rng), _name(rng) + rng.choice(("", "a", "aj", "i", "ović"))
        born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 60))
        person = Person(
            given_name=given,
            family_name=family,
            birth_date=born,
            sex=rng.choice(
                (Person.Sex.FEMALE, Person.Sex.FEMALE, Person.Sex.MALE, Person.Sex.UNKNOWN)
            ),
            citizenships=[rng.choice(CITIZENSHIPS)],
            languages=["sq"],
        )
        # What Person.save derives; bulk inserts skip save().
        person.lookup_hash = Person.lookup_hash_for(
            given_name=given, family_name=family, birth_date=born
        )
        person.birth_date_hash = Person.birth_date_hash_for(born)
        yield person, index_hashes(f"{given} {family}", key=key)


def synthesise(*, cases: int, contacts: int, seed: int, years: range) -> SynthResult:
    rng = random.Random(seed)  # noqa: S311 -- repeatable synthetic data, not a secret
    agencies = synthetic_agencies()
    prefix = settings.STREHE_CASE_CODE_PREFIX
    numbers: dict[int, int] = {}
    with transaction.atomic():
        for year in years:
            CaseCodeCounter.objects.bulk_create([CaseCodeCounter(year=year)], ignore_conflicts=True)
            numbers[year] = CaseCodeCounter.objects.select_for_update().get(year=year).last_number

    for batch in _batches(_persons(rng, cases)):
        with transaction.atomic():
            persons = Person.objects.bulk_create([person for person, _ in batch])
            PersonNameToken.objects.bulk_create(
                [
                    PersonNameToken(person=person, token_hash=token)
                    for person, (_, tokens) in zip(persons, batch, strict=True)
                    for token in tokens
                ]
            )
            new_cases = []
            for person in persons:
                year = rng.choice(years)
                numbers[year] += 1
                opened = timezone.make_aware(
                    datetime.datetime(year, 1, 1, 9)
                    + datetime.timedelta(minutes=rng.randrange(0, 525_000))
                )
                stage = rng.choice((*OPEN_STAGES, Stage.CLOSED, Stage.CLOSED))
                closed = stage == Stage.CLOSED
                new_cases.append(
                    Case(
                        code=f"{prefix}-{year}-{numbers[year]:05d}",
                        person=person,
                        owner_agency=rng.choice(agencies),
                        stage=stage,
                        opened_at=opened,
                        closed_at=opened + datetime.timedelta(days=90) if closed else None,
                        closing_reason=Case.ClosingReason.OTHER if closed else "",
                        forms_of_exploitation=[rng.choice(Exploitation.values)],
                    )
                )
            new_cases = Case.objects.bulk_create(new_cases)
            _case_records(rng, new_cases)
        for year, last in numbers.items():
            CaseCodeCounter.objects.filter(year=year, last_number__lt=last).update(last_number=last)

    for batch in _batches(_contacts(rng, contacts, agencies, years)):
        Contact.objects.bulk_create(batch)

    with transaction.atomic():
        audit_record(
            actor=None,
            action="create",
            target_type="synthetic_data",
            target_id=f"seed-{seed}",
            detail={"cases": cases, "contacts": contacts},
        )
    return SynthResult(cases=cases, contacts=contacts)


def _case_records(rng: random.Random, cases: list[Case]) -> None:
    grants, decisions, lines = [], [], []
    for case in cases:
        grants.append(
            AccessGrant(
                case=case,
                basis=AccessGrant.Basis.OWNER,
                agency=case.owner_agency,
                granted_at=case.opened_at,
            )
        )
        lines.append(
            TimelineEntry(case=case, kind=TimelineEntry.Kind.OPENED, recorded_at=case.opened_at)
        )
        if rng.random() < 0.7:
            decided = case.opened_at + datetime.timedelta(days=rng.randrange(1, 30))
            kind = case.owner_agency.organisation.kind
            decisions.append(
                IdentificationDecision(
                    case=case,
                    agency=case.owner_agency,
                    status=rng.choice((TraffickingStatus.IDENTIFIED, TraffickingStatus.PRESUMED)),
                    organisation_type=ORGANISATION_OF_KIND.get(kind, DecisionOrganisation.OTHER),
                    decided_on=min(decided.date(), timezone.localdate()),
                    recorded_at=decided,
                )
            )
            lines.append(
                TimelineEntry(
                    case=case,
                    kind=TimelineEntry.Kind.IDENTIFICATION,
                    recorded_at=decided,
                    data={"status": decisions[-1].status},
                )
            )
        for _ in range(rng.randint(1, 6)):
            lines.append(
                TimelineEntry(
                    case=case,
                    kind=TimelineEntry.Kind.NOTE,
                    recorded_at=case.opened_at + datetime.timedelta(days=rng.randrange(1, 200)),
                    note="Synthetic note: nothing here is about a real person.",
                )
            )
    AccessGrant.objects.bulk_create(grants)
    IdentificationDecision.objects.bulk_create(decisions)
    TimelineEntry.objects.bulk_create(lines)


def _contacts(
    rng: random.Random, count: int, agencies: list[Agency], years: range
) -> Iterator[Contact]:
    helplines = [a for a in agencies if a.organisation.kind == Organisation.Kind.HELPLINE]
    for _ in range(count):
        day = datetime.datetime(rng.choice(years), 1, 1, 8) + datetime.timedelta(
            minutes=rng.randrange(0, 525_000)
        )
        yield Contact(
            owner_agency=rng.choice(helplines),
            contacted_at=timezone.make_aware(day),
            channel=rng.choice(Channel.values),
            language=rng.choice(Language.values),
            caller_type=rng.choice(CallerType.values),
            topic=rng.choice(Topic.values),
            outcome=rng.choice(Outcome.values),
            summary="Synthetic contact: nothing here is about a real person.",
        )
