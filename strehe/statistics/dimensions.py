"""What statistics break victims down by: the dimensions, their keys and labels, and age bands.

Keys are codes that travel (ISO 3166 alpha-2, HTCDS code values, age bands as written); labels
are for people, in the active language.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from strehe.cases.codes import DecisionOrganisation, Exploitation
from strehe.core.readable import country_name

CITIZENSHIP = "citizenship"
SEX = "sex"
AGE_BAND = "age_band"
EXPLOITATION = "exploitation"
DECIDED_BY = "decided_by"
DIMENSIONS = (CITIZENSHIP, SEX, AGE_BAND, EXPLOITATION, DECIDED_BY)
# A victim counts once under each form of exploitation she suffered: this dimension's cells do
# not add up to the total, and disclosure control must know it.
MULTI_VALUED = frozenset({EXPLOITATION})
UNKNOWN = "unknown"

DIMENSION_LABELS: dict[str, str | Promise] = {
    CITIZENSHIP: _("Citizenship"),
    SEX: _("Sex"),
    AGE_BAND: _("Age on the day of identification"),
    EXPLOITATION: _("Form of exploitation"),
    DECIDED_BY: _("Decision-making organisation"),
}

# HTCDS prs_Gender codes. Older records store the four choices of Person.Sex; imported ones may
# carry the HTCDS code itself.
HTCDS_GENDER_OF_SEX = {
    "female": "Feminine",
    "male": "Masculine",
    "other": "NonConforming",
    "unknown": "NonSpecifiedUnknown",
}
GENDER_LABELS: dict[str, str | Promise] = {
    "Feminine": _("female"),
    "Masculine": _("male"),
    "TransgenderFeminine": _("transgender female"),
    "TransgenderMasculine": _("transgender male"),
    "NonConforming": _("gender non-conforming"),
    "NonSpecifiedUnknown": _("sex not known"),
}


def htcds_gender(sex: str) -> str:
    if sex in GENDER_LABELS:
        return sex
    return HTCDS_GENDER_OF_SEX.get(sex, "NonSpecifiedUnknown")


@dataclass(frozen=True)
class AgeBand:
    key: str
    low: int
    high: int | None  # None: open-ended ("23-")

    def holds(self, age: int) -> bool:
        return age >= self.low and (self.high is None or age <= self.high)

    @property
    def label(self) -> str:
        if self.high is None:
            return gettext("%(age)s or older") % {"age": self.low}
        if self.low == self.high:
            return str(self.low)
        return f"{self.low}\N{EN DASH}{self.high}"


# Named sets of bands, usable wherever a list of bands is.
AGE_BAND_PRESETS = {
    "national": "0-13,14-17,18-22,23-",
    "child-adult": "0-17,18-",
    # The Counter Trafficking Data Collaborative's bands.
    "ctdc": "0-8,9-17,18-20,21-23,24-26,27-29,30-38,39-47,48-",
}
DEFAULT_AGE_BANDS = AGE_BAND_PRESETS["national"]


class AgeBandError(ValueError):
    pass


def parse_age_bands(text: str) -> list[AgeBand]:
    """Bands such as "0-13,14-17,18-22,23-", or a preset name; they must run from 0 without gaps
    or overlaps and end open ("23-"), so every age falls in exactly one band."""
    text = AGE_BAND_PRESETS.get(text.strip(), text.strip())
    bands: list[AgeBand] = []
    expected_low = 0
    parts = [part.strip() for part in text.split(",")]
    for number, part in enumerate(parts):
        low_text, dash, high_text = part.partition("-")
        if not dash or not low_text.isdigit() or (high_text and not high_text.isdigit()):
            raise AgeBandError(f"{part!r} is not an age band such as 14-17 or 23-")
        if len(low_text) > 3 or len(high_text) > 3:
            raise AgeBandError(f"{part!r}: ages have at most three digits")
        low = int(low_text)
        high = int(high_text) if high_text else None
        if low != expected_low:
            raise AgeBandError(f"{part!r} should start at {expected_low}: bands run from 0 on")
        if high is not None and high < low:
            raise AgeBandError(f"{part!r} ends before it starts")
        is_last = number == len(parts) - 1
        if (high is None) != is_last:
            raise AgeBandError("only the last band is open-ended, and it must be (e.g. 23-)")
        bands.append(AgeBand(key=part, low=low, high=high))
        if high is not None:
            expected_low = high + 1
    return bands


def band_of(age: int | None, bands: list[AgeBand]) -> str:
    if age is None:
        return UNKNOWN
    for band in bands:
        if band.holds(age):
            return band.key
    return UNKNOWN


def key_label(dimension: str, key: str, bands: list[AgeBand] | None = None) -> str:
    """The key as a reader of the active language reads it."""
    if key == UNKNOWN:
        return str(_("not known"))
    if dimension == CITIZENSHIP:
        return country_name(key)
    if dimension == SEX:
        return str(GENDER_LABELS.get(key, key))
    if dimension == AGE_BAND:
        for band in bands or []:
            if band.key == key:
                return band.label
        return key
    if dimension == EXPLOITATION:
        return str(Exploitation(key).label) if key in Exploitation.values else key
    if dimension == DECIDED_BY:
        if key in DecisionOrganisation.values:
            return str(DecisionOrganisation(key).label)
        return key
    return key
