"""Reads of shelters and placements. Lists of people go through the case policy; the occupancy
board and its history are counts only and never carry an address."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from strehe.cases.models import Case
from strehe.cases.policies import case_policy
from strehe.directory.models import Shelter

from .models import OccupancyChange, Placement

HISTORY_LIMIT = 300
# Fields of a shelter the board may read: never the address.
BOARD_FIELDS = ("id", "slug", "name", "kind", "region__name", "capacity", "occupied")


def open_placement(case: Case) -> Placement | None:
    return (
        Placement.objects.filter(case=case, checked_out_at=None).select_related("shelter").first()
    )


def placements_visible_to(user: Any) -> QuerySet[Placement]:
    """Placements, open or ended, of the cases `user` may see."""
    return Placement.objects.filter(case__in=case_policy.visible_to(user)).select_related(
        "case", "shelter"
    )


def residents_of(user: Any) -> QuerySet[Placement]:
    """Open placements in the shelters `user`'s organisation runs, on cases they may see."""
    if user.agency_id is None:
        return Placement.objects.none()
    return (
        Placement.objects.filter(
            checked_out_at=None,
            shelter__operator_id=user.agency.organisation_id,
            case__in=case_policy.visible_to(user),
        )
        .select_related("case", "shelter")
        .order_by("shelter__slug", "placed_at", "pk")
    )


def shelters_run_by(user: Any) -> QuerySet[Shelter]:
    if user.agency_id is None:
        return Shelter.objects.none()
    return Shelter.objects.filter(operator_id=user.agency.organisation_id).order_by("slug")


@dataclass
class Totals:
    label: str
    beds: int = 0
    occupied: int = 0

    @property
    def free(self) -> int:
        return max(0, self.beds - self.occupied)


@dataclass
class Board:
    shelters: list[dict[str, Any]]
    by_kind: list[Totals] = field(default_factory=list)
    by_region: list[Totals] = field(default_factory=list)
    total: Totals = field(default_factory=lambda: Totals(""))


def occupancy_board(*, unpublished_region: str, kind_labels: dict[str, str]) -> Board:
    """Beds, occupied and free per shelter, and totals by kind of shelter and by region."""
    rows = list(Shelter.objects.order_by("kind", "slug").values(*BOARD_FIELDS))
    by_kind: dict[str, Totals] = {}
    by_region: dict[str, Totals] = {}
    total = Totals("")
    for row in rows:
        row["free"] = max(0, row["capacity"] - row["occupied"])
        row["kind_label"] = kind_labels.get(row["kind"], row["kind"])
        region = row["region__name"] or unpublished_region
        for bucket in (
            by_kind.setdefault(row["kind"], Totals(row["kind_label"])),
            by_region.setdefault(region, Totals(region)),
            total,
        ):
            bucket.beds += row["capacity"]
            bucket.occupied += row["occupied"]
    return Board(
        shelters=rows,
        by_kind=list(by_kind.values()),
        by_region=sorted(by_region.values(), key=lambda t: t.label),
        total=total,
    )


def occupancy_history(*, shelter_id: int | None = None) -> QuerySet[OccupancyChange]:
    changes = OccupancyChange.objects.select_related("shelter__region").only(
        "at",
        "event",
        "capacity",
        "occupied",
        "shelter__name",
        "shelter__kind",
        "shelter__region__name",
    )
    if shelter_id is not None:
        changes = changes.filter(shelter_id=shelter_id)
    return changes.order_by("-at", "-pk")
