"""The two screening rules, as pure functions: Palermo Protocol art. 3 and the ILO/EC indicators.

Both rules give guidance to the person screening, never a decision: identification as a victim
is made by the competent authority. Every result therefore carries GUIDANCE_NOTICE, and its
reasons say which facts led to it so the screener can check them.

Results hold codes and counts only; their `reasons()` are rendered in the active language when
asked for, so a stored result reads in whichever language its reader uses.
"""

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

GUIDANCE_NOTICE = _(
    "This is guidance for the screening, never a decision: only the competent authority "
    "identifies a victim of trafficking."
)

# --- Palermo Protocol art. 3: act, means, purpose -------------------------------------------


class Act(models.TextChoices):
    RECRUITMENT = "recruitment", _("Recruitment")
    TRANSPORTATION = "transportation", _("Transportation")
    TRANSFER = "transfer", _("Transfer")
    HARBOURING = "harbouring", _("Harbouring")
    RECEIPT = "receipt", _("Receipt of persons")


class Means(models.TextChoices):
    THREAT = "threat", _("Threat")
    FORCE = "force", _("Use of force")
    OTHER_COERCION = "other_coercion", _("Other forms of coercion")
    ABDUCTION = "abduction", _("Abduction")
    FRAUD = "fraud", _("Fraud")
    DECEPTION = "deception", _("Deception")
    ABUSE_OF_POWER = "abuse_of_power", _("Abuse of power")
    ABUSE_OF_VULNERABILITY = "abuse_of_vulnerability", _("Abuse of a position of vulnerability")
    PAYMENTS = (
        "payments",
        _("Giving or receiving payments or benefits to a person having control over another"),
    )


class Purpose(models.TextChoices):
    SEXUAL_EXPLOITATION = "sexual_exploitation", _("Sexual exploitation")
    FORCED_LABOUR = "forced_labour", _("Forced labour or services")
    FORCED_BEGGING = "forced_begging", _("Forced begging")
    SLAVERY = "slavery", _("Slavery or practices similar to slavery")
    SERVITUDE = "servitude", _("Servitude")
    ORGAN_REMOVAL = "organ_removal", _("Removal of organs")
    OTHER_EXPLOITATION = "other_exploitation", _("Other exploitation")


def _labels(choices: type[models.TextChoices], codes: Iterable[str]) -> str:
    """Labels of `codes` in the active language, in the order the code list gives them."""
    chosen = set(codes)
    return ", ".join(str(label) for code, label in choices.choices if code in chosen)


@dataclass(frozen=True)
class PalermoResult:
    acts: frozenset[Act]
    means: frozenset[Means]
    purposes: frozenset[Purpose]
    is_child: bool

    @property
    def notice(self) -> str:
        """That this is guidance, never a decision, in the active language."""
        return str(GUIDANCE_NOTICE)

    @property
    def act_met(self) -> bool:
        return bool(self.acts)

    @property
    def means_met(self) -> bool:
        return bool(self.means)

    @property
    def means_required(self) -> bool:
        return not self.is_child

    @property
    def purpose_met(self) -> bool:
        return bool(self.purposes)

    @property
    def indicates_presumed_victim(self) -> bool:
        """Adult: act + means + purpose. Child (under 18): act + purpose; means are irrelevant."""
        if self.is_child:
            return self.act_met and self.purpose_met
        return self.act_met and self.means_met and self.purpose_met

    def reasons(self) -> list[str]:
        """Why the result is what it is, one sentence per element, in the active language."""
        reasons = []
        if self.act_met:
            reasons.append(gettext("Act: %(items)s.") % {"items": _labels(Act, self.acts)})
        else:
            reasons.append(
                gettext(
                    "No act (recruitment, transport, transfer, harbouring or receipt of the "
                    "person) is recorded."
                )
            )
        if self.is_child:
            reasons.append(
                gettext(
                    "The person is a child (under 18): the means do not need to be established, "
                    "act and purpose suffice."
                )
            )
        elif self.means_met:
            reasons.append(gettext("Means: %(items)s.") % {"items": _labels(Means, self.means)})
            reasons.append(
                gettext(
                    "Once one of these means is used, the person's consent to the intended "
                    "exploitation is irrelevant."
                )
            )
        else:
            reasons.append(
                gettext(
                    "No means (threat, force, coercion, abduction, fraud, deception, abuse of "
                    "power or vulnerability, payments) is recorded; for an adult one is needed."
                )
            )
        if self.purpose_met:
            reasons.append(
                gettext("Purpose of exploitation: %(items)s.")
                % {"items": _labels(Purpose, self.purposes)}
            )
        else:
            reasons.append(gettext("No purpose of exploitation is recorded."))
        if self.indicates_presumed_victim:
            reasons.append(
                gettext("The legal elements recorded indicate a presumed victim of trafficking.")
            )
        else:
            reasons.append(
                gettext(
                    "The legal elements recorded do not (yet) indicate trafficking; keep "
                    "recording facts as they become known."
                )
            )
        return reasons

    def as_dict(self) -> dict[str, bool]:
        return {
            "act_met": self.act_met,
            "means_met": self.means_met,
            "purpose_met": self.purpose_met,
            "is_child": self.is_child,
            "indicates_presumed_victim": self.indicates_presumed_victim,
        }


def assess_palermo(
    *,
    acts: Collection[str],
    means: Collection[str],
    purposes: Collection[str],
    is_child: bool,
) -> PalermoResult:
    """Apply Palermo Protocol art. 3 to the chosen codes. Unknown codes raise ValueError."""
    return PalermoResult(
        acts=frozenset(Act(code) for code in acts),
        means=frozenset(Means(code) for code in means),
        purposes=frozenset(Purpose(code) for code in purposes),
        is_child=is_child,
    )


# --- ILO/EC operational indicators (adult, labour exploitation) -----------------------------


class Dimension(models.TextChoices):
    DECEPTIVE_RECRUITMENT = "deceptive_recruitment", _("Deceptive recruitment")
    COERCIVE_RECRUITMENT = "coercive_recruitment", _("Coercive recruitment")
    RECRUITMENT_ABUSE_OF_VULNERABILITY = (
        "recruitment_abuse_of_vulnerability",
        _("Recruitment by abuse of vulnerability"),
    )
    EXPLOITATIVE_CONDITIONS = "exploitative_conditions", _("Exploitative conditions of work")
    COERCION_AT_DESTINATION = "coercion_at_destination", _("Coercion at destination")
    ABUSE_OF_VULNERABILITY_AT_DESTINATION = (
        "abuse_of_vulnerability_at_destination",
        _("Abuse of vulnerability at destination"),
    )


class Grade(models.TextChoices):
    STRONG = "strong", _("Strong")
    MEDIUM = "medium", _("Medium")
    WEAK = "weak", _("Weak")


RECRUITMENT_DIMENSIONS = frozenset(
    {
        Dimension.DECEPTIVE_RECRUITMENT,
        Dimension.COERCIVE_RECRUITMENT,
        Dimension.RECRUITMENT_ABUSE_OF_VULNERABILITY,
    }
)
EXPLOITATION_DIMENSIONS = frozenset({Dimension.EXPLOITATIVE_CONDITIONS})
DESTINATION_DIMENSIONS = frozenset(
    {Dimension.COERCION_AT_DESTINATION, Dimension.ABUSE_OF_VULNERABILITY_AT_DESTINATION}
)


class GradedIndicator(Protocol):
    """What the rule needs of an indicator; IloIndicator rows qualify."""

    @property
    def key(self) -> str: ...

    @property
    def dimension(self) -> str: ...

    @property
    def grade(self) -> str: ...


def dimension_is_positive(*, strong: int, medium: int, weak: int) -> bool:
    """2 strong, or 1 strong + 1 medium/weak, or 3 medium, or 2 medium + 1 weak."""
    return (
        strong >= 2
        or (strong >= 1 and medium + weak >= 1)
        or medium >= 3
        or (medium >= 2 and weak >= 1)
    )


@dataclass(frozen=True)
class DimensionResult:
    dimension: Dimension
    strong: int
    medium: int
    weak: int

    @property
    def positive(self) -> bool:
        return dimension_is_positive(strong=self.strong, medium=self.medium, weak=self.weak)


@dataclass(frozen=True)
class IloResult:
    dimensions: tuple[DimensionResult, ...]
    is_child: bool

    @property
    def notice(self) -> str:
        """That this is guidance, never a decision, in the active language."""
        return str(GUIDANCE_NOTICE)

    def _any_positive(self, group: frozenset[Dimension]) -> bool:
        return any(result.positive for result in self.dimensions if result.dimension in group)

    @property
    def recruitment_positive(self) -> bool:
        return self._any_positive(RECRUITMENT_DIMENSIONS)

    @property
    def exploitation_positive(self) -> bool:
        return self._any_positive(EXPLOITATION_DIMENSIONS)

    @property
    def destination_positive(self) -> bool:
        return self._any_positive(DESTINATION_DIMENSIONS)

    @property
    def indicates_presumed_victim(self) -> bool:
        """Adult: recruitment + exploitation + destination. Child: recruitment + exploitation."""
        if self.is_child:
            return self.recruitment_positive and self.exploitation_positive
        return (
            self.recruitment_positive and self.exploitation_positive and self.destination_positive
        )

    def reasons(self) -> list[str]:
        """One sentence per dimension and one for the outcome, in the active language."""
        reasons = []
        for result in self.dimensions:
            values = {
                "dimension": result.dimension.label,
                "strong": result.strong,
                "medium": result.medium,
                "weak": result.weak,
            }
            if result.positive:
                template = gettext(
                    "%(dimension)s: positive (%(strong)d strong, %(medium)d medium, %(weak)d weak)."
                )
            else:
                template = gettext(
                    "%(dimension)s: not positive (%(strong)d strong, %(medium)d medium, "
                    "%(weak)d weak)."
                )
            reasons.append(template % values)
        if self.is_child:
            reasons.append(
                gettext(
                    "For a child, a positive recruitment dimension and exploitative conditions "
                    "suffice."
                )
            )
        if self.indicates_presumed_victim:
            reasons.append(gettext("The indicators point to a presumed victim of trafficking."))
        elif self.is_child:
            reasons.append(
                gettext(
                    "The indicators do not (yet) point to trafficking: a positive recruitment "
                    "dimension and exploitative conditions are both needed."
                )
            )
        else:
            reasons.append(
                gettext(
                    "The indicators do not (yet) point to trafficking: positive recruitment, "
                    "exploitative conditions and coercion or abuse of vulnerability at "
                    "destination are all needed."
                )
            )
        return reasons

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> "IloResult":
        """Rebuild a result from as_dict() output, keeping the counts as they were stored."""
        counts = stored["dimensions"]
        return cls(
            dimensions=tuple(
                DimensionResult(
                    dimension=dimension,
                    strong=counts.get(dimension.value, {}).get("strong", 0),
                    medium=counts.get(dimension.value, {}).get("medium", 0),
                    weak=counts.get(dimension.value, {}).get("weak", 0),
                )
                for dimension in Dimension
            ),
            is_child=stored["is_child"],
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "is_child": self.is_child,
            "dimensions": {
                result.dimension.value: {
                    "strong": result.strong,
                    "medium": result.medium,
                    "weak": result.weak,
                    "positive": result.positive,
                }
                for result in self.dimensions
            },
            "recruitment_positive": self.recruitment_positive,
            "exploitation_positive": self.exploitation_positive,
            "destination_positive": self.destination_positive,
            "indicates_presumed_victim": self.indicates_presumed_victim,
        }


def assess_ilo_indicators(indicators: Iterable[GradedIndicator], *, is_child: bool) -> IloResult:
    """Count the chosen indicators per dimension and grade and apply the ILO combination rule.

    An indicator chosen twice counts once. Every dimension appears in the result, in the
    order of the Dimension code list, so a screener sees the empty ones too.
    """
    distinct = {indicator.key: indicator for indicator in indicators}.values()
    counts = Counter((Dimension(i.dimension), Grade(i.grade)) for i in distinct)
    return IloResult(
        dimensions=tuple(
            DimensionResult(
                dimension=dimension,
                strong=counts[(dimension, Grade.STRONG)],
                medium=counts[(dimension, Grade.MEDIUM)],
                weak=counts[(dimension, Grade.WEAK)],
            )
            for dimension in Dimension
        ),
        is_child=is_child,
    )
