"""Reads of cases. Every one goes through the need-to-know policy."""

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from strehe.accounts.models import User
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.selectors import views_of_record

from .matching import names_may_match
from .models import (
    AccessGrant,
    Case,
    FollowUp,
    IdentificationDecision,
    Person,
    PersonDistinction,
    PersonLink,
    PersonNameToken,
    RiskAssessment,
    TimelineEntry,
)
from .policies import case_policy
from .search_index import name_tokens, word_hashes

CASE_CODE_SHAPE = re.compile(r"[A-Z0-9-]{1,20}")


def case_list(*, user: Any) -> QuerySet[Case]:
    return case_policy.visible_to(user).select_related(
        "owner_agency__organisation", "assigned_worker"
    )


def case_overview(*, user: Any) -> QuerySet[Case]:
    """case_list with each case's current risk level (`current_risk_level`, None if unassessed)."""
    newest = RiskAssessment.objects.filter(case=OuterRef("pk")).order_by(
        "-assessed_on", "-recorded_at", "-pk"
    )
    return case_list(user=user).annotate(current_risk_level=Subquery(newest.values("level")[:1]))


def case_get(*, user: Any, code: str) -> Case:
    """The case with `code` if `user` may see it; otherwise 404, whether or not it exists."""
    if not CASE_CODE_SHAPE.fullmatch(code):
        # Not a code we ever give out; also keeps bytes PostgreSQL refuses (NUL) off the query.
        raise Http404
    try:
        return case_list(user=user).select_related("person").get(code=code)
    except Case.DoesNotExist:
        raise Http404 from None


def case_access_log(*, user: Any, code: str) -> tuple[Case, QuerySet[AuditEntry]]:
    """A case and who has seen it; 404 unless `user` may see both."""
    case = case_get(user=user, code=code)
    if not case_policy.may_view_access_log(user, case):
        raise Http404
    return case, views_of_record(record=case)


def assessor_candidates(case: Case) -> QuerySet[User]:
    """Who may take part in a risk assessment of `case`: those who may record one and see it."""
    return (
        case_policy.users_with_access(case, Permission.RECORD_RISK_ASSESSMENT)
        .select_related("agency__organisation")
        .order_by("agency__organisation__name", "role", "username")
    )


def follow_up_assignee_candidates(case: Case) -> QuerySet[User]:
    """Who a follow-up of `case` may be assigned to: those who may see it and work on it."""
    return (
        case_policy.users_with_access(case, Permission.KEEP_NOTES)
        .select_related("agency__organisation")
        .order_by("agency__organisation__name", "role", "username")
    )


def case_open_follow_ups(case: Case) -> QuerySet[FollowUp]:
    """The follow-ups of `case` not yet done, soonest first. Call only for a case the user may
    see."""
    return case.follow_ups.filter(done_at__isnull=True).select_related("assignee")


def case_done_follow_ups(case: Case) -> QuerySet[FollowUp]:
    return (
        case.follow_ups.filter(done_at__isnull=False)
        .select_related("assignee", "done_by")
        .order_by("-done_at", "-pk")
    )


def case_sharing(case: Case) -> QuerySet[AccessGrant]:
    """The agencies `case` is or was shared with, newest first, ended ones included."""
    return (
        case.grants.filter(basis__in=AccessGrant.SHARING)
        .select_related("agency__organisation", "granted_by", "ended_by")
        .order_by("-granted_at", "-pk")
    )


def case_current_risk(case: Case) -> RiskAssessment | None:
    """The newest risk assessment of `case`: its current level, which shelter placement reads."""
    return case.risk_assessments.order_by("-assessed_on", "-recorded_at", "-pk").first()


def case_latest_identification(case: Case) -> IdentificationDecision | None:
    return case.identification_decisions.order_by("-decided_on", "-recorded_at", "-pk").first()


def case_timeline(case: Case) -> QuerySet[TimelineEntry]:
    """The case's history, newest first. Call only for a case the user may see."""
    return case.timeline.select_related("recorded_by").order_by("-recorded_at", "-pk")


@dataclass(frozen=True)
class PossibleDuplicate:
    """A case about a person who may be the one being entered.

    `visible` says whether the user may open it; when not, the code is all they are shown, so
    that they can ask the owning agency without learning anything about the person.
    """

    code: str
    visible: bool
    exact: bool


def possible_duplicates(
    *,
    user: Any,
    given_name: str,
    family_name: str,
    birth_date: datetime.date | None,
    aliases: Sequence[str] = (),
) -> list[PossibleDuplicate]:
    """Cases about persons whose name and birth date match the ones given.

    Exact: the keyed hash of the normalised name and birth date is equal (Cyrillic, Latin,
    diacritics and word order do not matter). Fuzzy: born on the same day (a keyed hash of the
    date finds them without decrypting anyone else) and the names or aliases are close after
    transliteration (matching.names_may_match); or every word of one of the `aliases` given is
    in a person's name index (names and aliases, compared as keyed hashes), born the same day
    when a birth date is given. Without a name or alias, everyone born the same day is a
    possible match; with neither name nor birth date there is nothing to compare. Without a
    birth date only exact name matches count: comparing a name against every person would
    decrypt the whole register.
    """
    name = f"{given_name or ''} {family_name or ''}"
    names = [text for text in (name, *aliases) if name_tokens(text)]
    exact_hash = Person.lookup_hash_for(
        given_name=given_name, family_name=family_name, birth_date=birth_date
    )
    exact_ids: set[int] = set()
    if exact_hash:  # "" for a nameless person, who is not "the same" as every other one
        exact_ids = set(Person.objects.filter(lookup_hash=exact_hash).values_list("pk", flat=True))
    same_day = Person.birth_date_hash_for(birth_date) if birth_date is not None else ""
    fuzzy_ids: set[int] = set()
    key = settings.LOOKUP_HASH_KEY.encode()
    for alias in aliases:
        if not name_tokens(alias):
            continue
        holders = Person.objects.filter(
            pk__in=persons_with_all_name_hashes(word_hashes(alias, key=key))
        )
        if same_day:
            holders = holders.filter(birth_date_hash=same_day)
        fuzzy_ids |= set(holders.values_list("pk", flat=True)) - exact_ids
    if same_day:
        born_same_day = (
            Person.objects.filter(birth_date_hash=same_day)
            .exclude(pk__in=exact_ids)
            .prefetch_related("aliases")
        )
        fuzzy_ids |= {
            person.pk
            for person in born_same_day
            if not names
            or any(
                names_may_match(given, known)
                for given in names
                for known in [
                    f"{person.given_name} {person.family_name}",
                    *(alias.name for alias in person.aliases.all()),
                ]
                if name_tokens(known)
            )
        }
    matches = Case.objects.filter(person_id__in=exact_ids | fuzzy_ids).order_by("code")
    visible = set(case_policy.visible_to(user).filter(pk__in=matches).values_list("pk", flat=True))
    return [
        PossibleDuplicate(
            code=case.code, visible=case.pk in visible, exact=case.person_id in exact_ids
        )
        for case in matches.only("pk", "code", "person_id")
    ]


def persons_with_all_name_hashes(hashes: set[str]) -> QuerySet[Any]:
    """Rows (person_id) of the persons whose name index holds every one of `hashes`."""
    return (
        PersonNameToken.objects.filter(token_hash__in=hashes)
        .values("person_id")
        .annotate(found=Count("token_hash", distinct=True))
        .filter(found=len(hashes))
        .values("person_id")
    )


def persons_known_different(person_id: int) -> set[int]:
    """Ids of the persons confirmed to be different people from the person `person_id`."""
    in_force = PersonDistinction.objects.filter(ended_at__isnull=True)
    return set(in_force.filter(first_id=person_id).values_list("second_id", flat=True)) | set(
        in_force.filter(second_id=person_id).values_list("first_id", flat=True)
    )


def case_possible_duplicates(*, user: Any, case: Case) -> list[PossibleDuplicate]:
    """Other cases that may be about the person of `case`: the duplicate search for its person,
    without the cases already linked to that person and those confirmed to be someone else.
    Call only for a case the user may see (it reads the person's name)."""
    person = case.person
    if not (person.given_name or person.family_name):
        return []  # a record imported without a name matches nobody by name
    different = persons_known_different(person.pk)
    matches = possible_duplicates(
        user=user,
        given_name=person.given_name or "",
        family_name=person.family_name or "",
        birth_date=person.birth_date,
    )
    if not matches:
        return []
    others = dict(
        Case.objects.filter(code__in=[m.code for m in matches]).values_list("code", "person_id")
    )
    return [
        match
        for match in matches
        if others.get(match.code) not in different and others.get(match.code) != person.pk
    ]


def case_person_links(case: Case) -> QuerySet[PersonLink]:
    """The same-person links in force that concern `case`: the one that moved it, and those
    that moved other cases to its person."""
    return (
        PersonLink.objects.filter(undone_at__isnull=True)
        .filter(Q(moved_cases=case) | Q(kept_id=case.person_id))
        .distinct()
        .prefetch_related("moved_cases")
        .order_by("-linked_at", "-pk")
    )


def case_same_person_cases(*, user: Any, case: Case) -> QuerySet[Case]:
    """The other cases of the same person that `user` may see."""
    return case_policy.visible_to(user).filter(person_id=case.person_id).exclude(pk=case.pk)
