"""Which shelters may take a person, and for each one that may not, the rule that excludes it.

Written once for the placement page (which lists the reasons) and the placement service (which
refuses an excluded shelter), so that the page can never offer what the service refuses.

The rules: risk (each kind of shelter takes the risk levels its ShelterKindRule says; a case
not yet assessed counts as high risk, the protective default), age (a child, or a person of
unknown age, only where children are accepted), sex (an adult woman only where women are
accepted, a man where men are; another or unknown sex where adults are accepted), free beds.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.cases.models import Case, Person, RiskAssessment, RiskLevel
from strehe.directory.models import Shelter

from .models import ShelterKindRule

# The level an unassessed case is treated as.
UNASSESSED_AS = RiskLevel.HIGH


@dataclass
class ShelterChoice:
    shelter: Shelter
    reasons: list[str] = field(default_factory=list)
    full: bool = False

    @property
    def eligible(self) -> bool:
        return not self.reasons


def current_risk_level(case: Case) -> str | None:
    """The level of the newest risk assessment of `case`, None if it was never assessed."""
    newest = (
        RiskAssessment.objects.filter(case=case)
        .order_by("-assessed_on", "-recorded_at", "-pk")
        .values_list("level", flat=True)
        .first()
    )
    return newest


def _levels_text(levels: list[str]) -> str:
    if not levels:
        return _("no risk level")
    return ", ".join(str(RiskLevel(level).label).lower() for level in levels)


def risk_reason(level: str | None, shelter: Shelter, rules: dict[str, ShelterKindRule]) -> str:
    rule = rules.get(shelter.kind)
    taken = rule.levels if rule else []
    effective = level or UNASSESSED_AS
    if effective in taken:
        return ""
    values = {"kind": shelter.get_kind_display(), "levels": _levels_text(taken)}
    if level is None:
        return (
            _("Risk: not assessed yet, so treated as high; %(kind)s takes %(levels)s risk only.")
            % values
        )
    return _("Risk: %(level)s; %(kind)s takes %(levels)s risk only.") % {
        **values,
        "level": str(RiskLevel(level).label).lower(),
    }


def person_reasons(person: Person, shelter: Shelter, today: datetime.date) -> list[str]:
    if person.is_child_on(today):
        if shelter.accepts_children:
            return []
        if person.age_on(today) is None:
            return [
                _("Age: unknown, so treated as a child; this shelter does not accept children.")
            ]
        return [_("Age: a child; this shelter does not accept children.")]
    if person.sex == Person.Sex.FEMALE and not shelter.accepts_women:
        return [_("Sex: a woman; this shelter does not accept women.")]
    if person.sex == Person.Sex.MALE and not shelter.accepts_men:
        return [_("Sex: a man; this shelter does not accept men.")]
    if person.sex in (Person.Sex.OTHER, Person.Sex.UNKNOWN) and not (
        shelter.accepts_women or shelter.accepts_men
    ):
        return [_("Age: an adult; this shelter accepts children only.")]
    return []


def beds_reason(shelter: Shelter) -> str:
    if shelter.occupied < shelter.capacity:
        return ""
    return _("Free beds: none (%(occupied)s of %(capacity)s beds occupied).") % {
        "occupied": shelter.occupied,
        "capacity": shelter.capacity,
    }


def shelter_choices(
    case: Case, shelters: list[Shelter] | None = None, today: datetime.date | None = None
) -> list[ShelterChoice]:
    """Every shelter (or those given) with the reasons it may not take the person of `case`."""
    today = today or timezone.localdate()
    if shelters is None:
        shelters = list(Shelter.objects.select_related("region").order_by("kind", "slug"))
    rules = {rule.kind: rule for rule in ShelterKindRule.objects.all()}
    level = current_risk_level(case)
    choices = []
    for shelter in shelters:
        reasons = [risk_reason(level, shelter, rules)]
        reasons += person_reasons(case.person, shelter, today)
        full = beds_reason(shelter)
        reasons.append(full)
        choices.append(
            ShelterChoice(shelter=shelter, reasons=[r for r in reasons if r], full=bool(full))
        )
    return choices
