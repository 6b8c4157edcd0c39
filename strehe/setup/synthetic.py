"""Synthetic data at national scale, for benchmarks: persons, cases over several years with stages,
identification decisions and timelines, referrals and shelter placements, and helpline contacts,
written with bulk inserts.

Deterministic for a seed, so two runs of a benchmark measure the same data. Every name is made
from syllables and says nothing about anyone; the organisations it creates are named "Synthetic".
It writes no audit entry per row (the benchmarks measure reading, not the writing of demo rows);
one entry records the run.

Referrals and placements leave the rows the services would leave (strehe.referrals.services,
strehe.shelters.services): a referral rests on the person's consent to share with the receiving
agency, an accepted one holds a grant with basis "referral" limited to the shared parts, which a
completed or revoked referral has ended; a placement goes only to a shelter the eligibility rules
allow (a synthetic case has no risk assessment, so counts as high risk), takes a bed only while it
is open and never beyond the shelter's capacity, and the shelter's occupancy counter is raised by
the open placements written, in the same transaction, so `strehe checkoccupancy` agrees.
"""

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone

from strehe.accounts.models import Agency
from strehe.audit.services import audit_record
from strehe.cases.codes import DecisionOrganisation, Exploitation, TraffickingStatus
from strehe.cases.models import (
    AccessGrant,
    Case,
    CaseCodeCounter,
    CasePart,
    Consent,
    ConsentScope,
    IdentificationDecision,
    Person,
    PersonNameToken,
    Stage,
    TimelineEntry,
)
from strehe.cases.search_index import index_hashes
from strehe.directory.models import Organisation, Service, Shelter
from strehe.helpline.models import CallerType, Channel, Contact, Language, Outcome, Topic
from strehe.referrals.models import Referral, answer_hours
from strehe.shelters.eligibility import person_reasons, risk_reason
from strehe.shelters.models import OccupancyChange, Placement, ShelterKindRule
from strehe.shelters.services import shelter_agency

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
REFERRED, PLACED = 0.3, 0.1  # the share of cases referred once, and placed in a shelter once
REFERRAL_STATES_OPEN = (
    (Referral.State.SENT, Referral.State.ACCEPTED, Referral.State.ACCEPTED),
    (Referral.State.DECLINED, Referral.State.COMPLETED, Referral.State.REVOKED),
)
REFERRAL_STATES_CLOSED = (Referral.State.DECLINED, Referral.State.COMPLETED, Referral.State.REVOKED)
CHECK_OUT_REASONS = (
    Placement.CheckOutReason.MOVED_ON,
    Placement.CheckOutReason.RETURNED,
    Placement.CheckOutReason.LEFT,
    Placement.CheckOutReason.OTHER,
)
SYNTHETIC_TEXT = "Synthetic: nothing here is about a real person."


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
    services = synthetic_services(agencies)
    shelters = _Shelters.load()
    now = timezone.now()
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
            _referrals(rng, new_cases, agencies, services, now)
            _placements(rng, new_cases, shelters, now)
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
    _analysed()
    return SynthResult(cases=cases, contacts=contacts)


def _analysed() -> None:
    """Bring PostgreSQL's planner statistics up to date on the tables just filled: autovacuum
    gets to them in its own time, and until it does a benchmark measures plans made for nearly
    empty tables."""
    if connection.vendor != "postgresql":
        return
    written: list[type[models.Model]] = [
        Person,
        PersonNameToken,
        Case,
        AccessGrant,
        IdentificationDecision,
        TimelineEntry,
        Consent,
        Referral,
        Placement,
        Contact,
    ]
    with connection.cursor() as cursor:
        for model in written:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


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


def synthetic_services(agencies: list[Agency]) -> dict[int, Service]:
    """One service of each synthetic agency's organisation, for referrals to be sent to."""
    services = {}
    for agency in agencies:
        organisation = agency.organisation
        services[agency.pk], _ = Service.objects.get_or_create(
            slug=f"{organisation.slug}-assistance",
            defaults={
                "organisation": organisation,
                "name": f"{organisation.name}: assistance",
                "covers_trafficking": True,
                "illustrative": True,
            },
        )
    return services


def _at_most(moment: datetime.datetime, now: datetime.datetime) -> datetime.datetime:
    return min(moment, now)


def _referrals(
    rng: random.Random,
    cases: list[Case],
    agencies: list[Agency],
    services: dict[int, Service],
    now: datetime.datetime,
) -> None:
    """One referral of about REFERRED of the cases, in a state the services could have left it
    in, with the consent it rests on, the grant acceptance started and the timeline lines."""
    State = Referral.State
    planned: list[tuple[Referral, Consent, AccessGrant | None]] = []
    for case in cases:
        if rng.random() >= REFERRED:
            continue
        sent = case.opened_at + datetime.timedelta(minutes=rng.randrange(60, 20 * 24 * 60))
        if sent >= now:
            continue
        receiving = rng.choice([a for a in agencies if a.pk != case.owner_agency_id])
        if case.stage == Stage.CLOSED:
            state = rng.choice(REFERRAL_STATES_CLOSED)
        else:
            state = rng.choice(rng.choice(REFERRAL_STATES_OPEN))
        urgency = rng.choice(Referral.Urgency.values)
        hours = answer_hours(urgency)
        answered = None
        # A revoked referral was taken back before or after it was accepted.
        if state != State.SENT and not (state == State.REVOKED and rng.random() < 0.5):
            answered = _at_most(sent + datetime.timedelta(hours=rng.uniform(0.2, hours)), now)
        ended = None
        if state in (State.COMPLETED, State.REVOKED):
            ended = _at_most(
                (answered or sent) + datetime.timedelta(hours=rng.randrange(1, 60 * 24)), now
            )
        parts = [part for part in CasePart.values if rng.random() < 0.6] or [CasePart.IDENTITY]
        consent = Consent(
            case=case,
            scope=ConsentScope.SHARING,
            agency=receiving,
            given_on=timezone.localdate(sent),
            recorded_at=sent,
        )
        grant = None
        if answered is not None and state != State.DECLINED:
            grant = AccessGrant(
                case=case,
                basis=AccessGrant.Basis.REFERRAL,
                agency=receiving,
                consent=consent,
                parts=parts,
                granted_at=answered,
                ended_at=ended,
                end_cause=(
                    ""
                    if ended is None
                    else AccessGrant.EndCause.REFERRAL_COMPLETED
                    if state == State.COMPLETED
                    else AccessGrant.EndCause.REFERRAL_REVOKED
                ),
            )
        referral = Referral(
            case=case,
            sending_agency=case.owner_agency,
            receiving_agency=receiving,
            service=services[receiving.pk],
            reason=SYNTHETIC_TEXT,
            urgency=urgency,
            state=state,
            consent=consent,
            sent_at=sent,
            answer_due_at=sent + datetime.timedelta(hours=hours),
            answered_at=answered,
            decline_reason=SYNTHETIC_TEXT if state == State.DECLINED else None,
            ended_at=ended,
            revoke_reason=SYNTHETIC_TEXT if state == State.REVOKED else None,
            grant=grant,
            **{f"share_{part}": part in parts for part in Referral.PARTS},
        )
        planned.append((referral, consent, grant))
    Consent.objects.bulk_create([consent for _, consent, _ in planned])
    AccessGrant.objects.bulk_create([grant for _, _, grant in planned if grant is not None])
    for referral, consent, grant in planned:  # the ids bulk_create gave after assignment
        referral.consent_id = consent.pk
        referral.grant_id = grant.pk if grant is not None else None
    referrals = Referral.objects.bulk_create([referral for referral, _, _ in planned])
    lines = []
    for referral in referrals:
        events = [("sent", referral.sent_at, "")]
        if referral.answered_at is not None:
            declined = referral.state == State.DECLINED
            events.append(
                (
                    "declined" if declined else "accepted",
                    referral.answered_at,
                    SYNTHETIC_TEXT if declined else "",
                )
            )
        if referral.ended_at is not None:
            revoked = referral.state == State.REVOKED
            events.append(
                (
                    "revoked" if revoked else "completed",
                    referral.ended_at,
                    SYNTHETIC_TEXT if revoked else "",
                )
            )
        lines += [
            TimelineEntry(
                case=referral.case,
                kind=TimelineEntry.Kind.REFERRAL,
                recorded_at=at,
                data={
                    "referral": referral.pk,
                    "event": event,
                    "agency": referral.receiving_agency_id,
                },
                note=note or None,
            )
            for event, at, note in events
        ]
    TimelineEntry.objects.bulk_create(lines)


@dataclass
class _Shelters:
    """The shelters with what placing in them needs: the kind rules and each one's agency."""

    shelters: list[Shelter]
    rules: dict[str, ShelterKindRule]
    agencies: dict[int, Agency | None]

    @classmethod
    def load(cls) -> "_Shelters":
        shelters = list(Shelter.objects.order_by("pk"))
        return cls(
            shelters=shelters,
            rules={rule.kind: rule for rule in ShelterKindRule.objects.all()},
            agencies={shelter.pk: shelter_agency(shelter) for shelter in shelters},
        )


def _placements(
    rng: random.Random, cases: list[Case], shelters: _Shelters, now: datetime.datetime
) -> None:
    """One stay in a shelter for about PLACED of the cases, in a shelter the eligibility rules
    allow; an open case's stay is still open while the shelter has a free bed, any other ended.
    Call inside the batch's transaction: the shelters' rows are locked until it commits."""
    free = {
        pk: capacity - occupied
        for pk, capacity, occupied in Shelter.objects.select_for_update()
        .order_by("pk")
        .values_list("pk", "capacity", "occupied")
    }
    taken: dict[int, int] = {}
    planned: list[Placement] = []
    for case in cases:
        if rng.random() >= PLACED:
            continue
        placed = case.opened_at + datetime.timedelta(minutes=rng.randrange(60, 30 * 24 * 60))
        if placed >= now or (case.closed_at is not None and placed >= case.closed_at):
            continue
        day = timezone.localdate(placed)
        allowed = [
            shelter
            for shelter in shelters.shelters
            # No synthetic case has a risk assessment: each counts as high risk.
            if not risk_reason(None, shelter, shelters.rules)
            and not person_reasons(case.person, shelter, day)
        ]
        if not allowed:
            continue
        shelter = rng.choice(allowed)
        stays = case.stage != Stage.CLOSED and rng.random() < 0.5
        if stays and free[shelter.pk] - taken.get(shelter.pk, 0) <= 0:
            stays = False  # full: this stay has ended since
        last = min(case.closed_at or now, now)
        arrived = rng.random() < 0.95
        placement = Placement(
            case=case,
            person_id=case.person_id,
            shelter=shelter,
            placed_at=placed,
            checked_in_at=placed + datetime.timedelta(hours=rng.randrange(1, 12))
            if arrived
            else None,
        )
        if placement.checked_in_at is not None and placement.checked_in_at > last:
            placement.checked_in_at = None
            arrived = False
        if stays:
            taken[shelter.pk] = taken.get(shelter.pk, 0) + 1
        else:
            placement.checked_out_at = min(
                placed + datetime.timedelta(days=rng.randrange(1, 120)), last
            )
            placement.check_out_reason = (
                rng.choice(CHECK_OUT_REASONS)
                if arrived
                else Placement.CheckOutReason.DID_NOT_ARRIVE
            )
        agency = shelters.agencies[shelter.pk]
        if agency is not None:
            placement.grant = AccessGrant(
                case=case,
                basis=AccessGrant.Basis.PLACEMENT,
                agency=agency,
                granted_at=placed,
                ended_at=placement.checked_out_at,
                end_cause="" if stays else AccessGrant.EndCause.CHECKED_OUT,
            )
        planned.append(placement)
    grants = [placement.grant for placement in planned if placement.grant is not None]
    AccessGrant.objects.bulk_create(grants)
    for placement in planned:
        placement.grant_id = placement.grant.pk if placement.grant is not None else None
    Placement.objects.bulk_create(planned)
    lines = []
    for placement in planned:
        lines.append(
            TimelineEntry(
                case=placement.case,
                kind=TimelineEntry.Kind.PLACEMENT,
                recorded_at=placement.placed_at,
                data={"event": "placed", "shelter": placement.shelter_id},
            )
        )
        if placement.checked_in_at is not None:
            lines.append(
                TimelineEntry(
                    case=placement.case,
                    kind=TimelineEntry.Kind.PLACEMENT,
                    recorded_at=placement.checked_in_at,
                    data={"event": "checked_in", "shelter": placement.shelter_id},
                )
            )
        if placement.checked_out_at is not None:
            lines.append(
                TimelineEntry(
                    case=placement.case,
                    kind=TimelineEntry.Kind.PLACEMENT,
                    recorded_at=placement.checked_out_at,
                    data={
                        "event": "checked_out",
                        "shelter": placement.shelter_id,
                        "reason": placement.check_out_reason,
                    },
                )
            )
    TimelineEntry.objects.bulk_create(lines)
    # The beds the open stays take, on each shelter's counter: one conditional UPDATE each, as
    # the service takes a bed, and the occupancy board's line for the change.
    for pk, count in sorted(taken.items()):
        raised = Shelter.objects.filter(pk=pk, occupied__lte=F("capacity") - count).update(
            occupied=F("occupied") + count
        )
        if not raised:
            raise RuntimeError(f"shelter {pk} has fewer free beds than counted")
        row = Shelter.objects.values("capacity", "occupied").get(pk=pk)
        OccupancyChange.objects.create(shelter_id=pk, event=OccupancyChange.Event.PLACED, **row)
