"""Searching cases by code, by name and by birth date, within what the user may see.

Names are compared through the blind index (search_index, models.PersonNameToken) and birth
dates through Person.birth_date_hash: no search decrypts anyone but the people it lists, and
those only from cases case_policy lets the user see. Cases the user may not see are left out
before anything is counted, so the answer says nothing about them, not even how many there are.
"""

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.core.validation import validate_birth_date

from .models import Case, Person, PersonNameToken
from .policies import case_policy
from .search_index import name_tokens, stem_hashes, word_hashes

SEARCH_RESULTS_LIMIT = 100

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_LOCAL_DATE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})\.?")
# What is neither a date nor part of a name: a case code ("KS-2026-00042") or the end of one
# ("2026-00042", "00042", "42").
_CODE_PART = re.compile(r"[A-Za-z0-9-]*\d[A-Za-z0-9-]*")


@dataclass(frozen=True)
class SearchTerms:
    """A query taken apart: every part given must match."""

    codes: tuple[str, ...] = ()
    birth_dates: tuple[datetime.date, ...] = ()
    name: str = ""

    def __bool__(self) -> bool:
        return bool(self.codes or self.birth_dates or name_tokens(self.name))


def _date_of(part: str) -> datetime.date | None:
    """The date a part spells (ISO or dd.mm.yyyy), None if it is not shaped like one.

    Raises ValidationError for something shaped like a date that is none (31.02.1990).
    """
    if match := _ISO_DATE.fullmatch(part):
        year, month, day = match.groups()
    elif match := _LOCAL_DATE.fullmatch(part):
        day, month, year = match.groups()
    else:
        return None
    try:
        value = datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError(
            _("%(value)s is not a date. Write a birth date as 1990-05-17 or 17.05.1990."),
            params={"value": part},
        ) from None
    validate_birth_date(value)
    return value


def search_terms(query: str) -> SearchTerms:
    """Split a query into codes, birth dates and name words. ValidationError on a bad date."""
    codes: list[str] = []
    dates: list[datetime.date] = []
    words: list[str] = []
    for part in query.split():
        date = _date_of(part)
        if date is not None:
            dates.append(date)
        elif _CODE_PART.fullmatch(part):
            codes.append(part.upper())
        else:
            words.append(part)
    return SearchTerms(codes=tuple(codes), birth_dates=tuple(dates), name=" ".join(words))


def _code_filter(code: str) -> Q:
    if code.isdigit():
        # The case number alone: codes end in a five-digit, zero-padded number.
        return Q(code__endswith=f"-{int(code):05d}") if len(code) <= 9 else Q(pk__in=[])
    return Q(code=code) | Q(code__endswith=f"-{code}")


def _persons_with_all(hashes: set[str]) -> QuerySet[Any]:
    """Ids of the persons whose index holds every one of `hashes`."""
    return (
        PersonNameToken.objects.filter(token_hash__in=hashes)
        .values("person_id")
        .annotate(found=Count("token_hash", distinct=True))
        .filter(found=len(hashes))
        .values("person_id")
    )


@dataclass(frozen=True)
class SearchResult:
    case: Case
    # Every word of the name typed matched a word of the person's name, not only its stem.
    exact_name: bool


def case_search_results(*, user: Any, terms: SearchTerms) -> list[SearchResult]:
    """The cases `user` may see that match every part of `terms`; exact name matches first.

    Reads only; the caller audits (case_search).
    """
    if not terms:
        return []
    cases = case_policy.visible_to(user)
    for code in terms.codes:
        cases = cases.filter(_code_filter(code))
    for birth_date in terms.birth_dates:
        cases = cases.filter(person__birth_date_hash=Person.birth_date_hash_for(birth_date))
    exact_ids: set[int] = set()
    if name_tokens(terms.name):
        key = settings.LOOKUP_HASH_KEY.encode()
        cases = cases.filter(person_id__in=_persons_with_all(stem_hashes(terms.name, key=key)))
        exact_ids = set(
            cases.filter(
                person_id__in=_persons_with_all(word_hashes(terms.name, key=key))
            ).values_list("pk", flat=True)
        )
    found = list(
        cases.select_related("person")
        .prefetch_related("person__aliases")
        .order_by("-opened_at", "-pk")[:SEARCH_RESULTS_LIMIT]
    )
    results = [SearchResult(case=case, exact_name=case.pk in exact_ids) for case in found]
    # Stable: within each group the newest case first.
    return sorted(results, key=lambda result: not result.exact_name)


@transaction.atomic
def case_search(*, actor: Any, query: str) -> list[SearchResult]:
    """Search, and audit who searched and how many results they were shown: never the query,
    which holds a name or a birth date. ValidationError (field "q") on a date that is none."""
    if not actor.has_role_permission(Permission.VIEW_PERSONAL_DATA):
        raise PermissionDenied
    try:
        terms = search_terms(query)
    except ValidationError as error:
        raise ValidationError({"q": error.messages}) from None
    if not terms:
        return []
    results = case_search_results(user=actor, terms=terms)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.VIEW,
        target_type="cases.case",
        target_label="case search",
        detail={
            "search": "cases",
            "results": len(results),
            # Pseudonymous codes of the cases listed, so that "who has seen this" can be told.
            "codes": " ".join(result.case.code for result in results),
        },
    )
    return results
