"""What the public statistics publish for a year: one place for the public page and the public
API, so that both show the same figures, suppressed the same way.

Citizenship and age are protected as one two-way table, of which only the margins are shown;
sex and forms of exploitation are tables of their own. Registered victims (identified or
presumed), each person once.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone

from strehe.cases.models import IdentificationDecision

from .dimensions import AGE_BAND, CITIZENSHIP, EXPLOITATION, SEX
from .report import Query, Report, build_report
from .selectors import REGISTERED

# Published figures change only when decisions are recorded, and then they may wait a while:
# the public page and the public API keep what they made for this long (and under
# decisions_fingerprint, so a new decision makes them anew at once).
PUBLIC_CACHE_SECONDS = 10 * 60


@dataclass
class Publication:
    year: int
    # The two-way table of citizenship and age; its narrative is the page's.
    main: Report
    # What is shown, in order: each table's report and the dimension shown from it.
    shown: list[tuple[Report, str]]


def default_year(years: list[int]) -> int | None:
    """The latest whole year that has figures; the current one only if no other has."""
    this_year = timezone.localdate().year
    whole_years = [year for year in years if year < this_year]
    chosen = whole_years or years
    return chosen[0] if chosen else None


def publication(year: int) -> Publication:
    """The suppressed figures of `year`. Solving the suppression takes a moment: callers keep
    the result (see decisions_fingerprint)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    main = build_report(
        Query(date_from=first, date_to=last, status=REGISTERED, by=(CITIZENSHIP, AGE_BAND)),
        public=True,
    )
    others = [
        build_report(
            Query(date_from=first, date_to=last, status=REGISTERED, by=(dimension,)),
            public=True,
        )
        for dimension in (SEX, EXPLOITATION)
    ]
    shown = [(main, CITIZENSHIP), (main, AGE_BAND)] + [
        (report, report.query.by[0]) for report in others
    ]
    return Publication(year=year, main=main, shown=shown)


def decisions_fingerprint() -> str:
    """Changes whenever a decision is added or removed: published figures kept under it are
    made anew then."""
    counted = IdentificationDecision.objects.aggregate(count=Count("id"), last=Max("id"))
    return f"{counted['count']}-{counted['last']}"
