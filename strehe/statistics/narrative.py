"""The report in words, in Albanian, Serbian and English, in the manner of the 2012 campaign page:
"Between January and August 2012, the police identified 56 victims of trafficking: 30 from Kosovo,
24 from Moldova, 1 from Albania and 1 from Slovakia. 9 were aged 14-17 and 18 were aged 18-22."

Plurals go through ngettext (Serbian has three forms), lists are joined and months named the
way the Unicode CLDR says for each language (Babel), countries as on the rest of the site
(strehe.core.readable). Suppressed cells are told as one group ("26 from other countries").
"""

import calendar
import datetime
from typing import TYPE_CHECKING

from babel.dates import format_date, get_month_names
from babel.lists import format_list
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from strehe.cases.codes import DecisionOrganisation

from .dimensions import AGE_BAND, CITIZENSHIP, DECIDED_BY, EXPLOITATION, SEX, UNKNOWN, key_label
from .selectors import IDENTIFIED, PRESUMED

if TYPE_CHECKING:
    from .report import Report

# CLDR locales: Serbian in Latin script; British English lists have no comma before "and".
CLDR_LOCALE = {"sq": "sq", "sr": "sr_Latn", "en": "en_GB"}


def narratives(report: "Report") -> dict[str, str]:
    from .report import LANGUAGES

    result = {}
    for language in LANGUAGES:
        with translation.override(language):
            result[language] = narrative(report, language)
    return result


def _month(number: int, locale: str) -> str:
    return str(get_month_names("wide", context="stand-alone", locale=locale)[number])


def period_phrase(date_from: datetime.date, date_to: datetime.date, locale: str) -> str:
    """'In 2012', 'In March 2012', 'Between January and August 2012', or between two days."""
    whole_months = date_from.day == 1 and (
        date_to.day == calendar.monthrange(date_to.year, date_to.month)[1]
    )
    if whole_months and date_from.year == date_to.year:
        if (date_from.month, date_to.month) == (1, 12):
            return _("In %(year)s") % {"year": date_from.year}
        if date_from.month == date_to.month:
            return _("In %(month)s %(year)s") % {
                "month": _month(date_from.month, locale),
                "year": date_from.year,
            }
        return _("Between %(first_month)s and %(last_month)s %(year)s") % {
            "first_month": _month(date_from.month, locale),
            "last_month": _month(date_to.month, locale),
            "year": date_from.year,
        }
    if whole_months:
        return _("Between %(first_month)s %(first_year)s and %(last_month)s %(last_year)s") % {
            "first_month": _month(date_from.month, locale),
            "first_year": date_from.year,
            "last_month": _month(date_to.month, locale),
            "last_year": date_to.year,
        }
    return _("Between %(first_day)s and %(last_day)s") % {
        "first_day": format_date(date_from, "long", locale=locale),
        "last_day": format_date(date_to, "long", locale=locale),
    }


def _deciders(decided_by: str) -> str:
    deciders: dict[str, str] = {
        DecisionOrganisation.POLICE: _("the police"),
        DecisionOrganisation.NGO: _("non-governmental organisations"),
        DecisionOrganisation.COURT_OR_PROSECUTION: _("courts and prosecution offices"),
        DecisionOrganisation.GOVERNMENT: _("non-police government institutions"),
    }
    return deciders.get(decided_by, _("other organisations"))


def _main_clause(status: str, decided_by: str | None, count: int) -> str:
    values: dict[str, str | int] = {"count": count}
    if decided_by:
        values["who"] = _deciders(decided_by)
        if status == IDENTIFIED:
            text = ngettext(
                "%(who)s identified %(count)s victim of trafficking",
                "%(who)s identified %(count)s victims of trafficking",
                count,
            )
        elif status == PRESUMED:
            text = ngettext(
                "%(who)s recorded %(count)s presumed victim of trafficking",
                "%(who)s recorded %(count)s presumed victims of trafficking",
                count,
            )
        else:
            text = ngettext(
                "%(who)s registered %(count)s victim of trafficking, identified or presumed",
                "%(who)s registered %(count)s victims of trafficking, identified or presumed",
                count,
            )
    elif status == IDENTIFIED:
        text = ngettext(
            "%(count)s victim of trafficking was identified",
            "%(count)s victims of trafficking were identified",
            count,
        )
    elif status == PRESUMED:
        text = ngettext(
            "%(count)s presumed victim of trafficking was recorded",
            "%(count)s presumed victims of trafficking were recorded",
            count,
        )
    else:
        text = ngettext(
            "%(count)s victim of trafficking was registered, identified or presumed",
            "%(count)s victims of trafficking were registered, identified or presumed",
            count,
        )
    return text % values


def _lower_label(label: str) -> str:
    # "Forced labour" reads "forced labour" inside a sentence; an acronym ("NGO") stays.
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _citizenship_items(report: "Report") -> list[str]:
    items = []
    for key, count in report.breakdowns[CITIZENSHIP].items():
        if not count:
            continue
        if key == UNKNOWN:
            items.append(_("%(count)s of unknown citizenship") % {"count": count})
        else:
            items.append(
                _("%(count)s from %(country)s")
                % {"count": count, "country": key_label(CITIZENSHIP, key)}
            )
    grouped = report.suppressed_sum(CITIZENSHIP)
    if grouped:
        items.append(_("%(count)s from other countries") % {"count": grouped})
    return items


def _age_items(report: "Report") -> list[str]:
    bands = report.query.bands
    items = []
    for key, count in report.breakdowns[AGE_BAND].items():
        if not count:
            continue
        if key == UNKNOWN:
            items.append(
                ngettext(
                    "the age of %(count)s is not known",
                    "the age of %(count)s is not known",
                    count,
                )
                % {"count": count}
            )
        else:
            items.append(
                ngettext("%(count)s was aged %(band)s", "%(count)s were aged %(band)s", count)
                % {"count": count, "band": key_label(AGE_BAND, key, bands)}
            )
    grouped = report.suppressed_sum(AGE_BAND)
    if grouped:
        items.append(
            ngettext("%(count)s was of another age", "%(count)s were of other ages", grouped)
            % {"count": grouped}
        )
    return items


def _plain_items(report: "Report", dimension: str) -> list[str]:
    items = [
        pgettext("statistics: a category and its count", "%(label)s %(count)s")
        % {"label": _lower_label(key_label(dimension, key)), "count": count}
        for key, count in report.breakdowns[dimension].items()
        if count
    ]
    grouped = report.suppressed_sum(dimension)
    if grouped:
        items.append(_("other %(count)s") % {"count": grouped})
    return items


def narrative(report: "Report", language: str) -> str:
    locale = CLDR_LOCALE.get(language, "en_GB")
    query = report.query
    period = period_phrase(query.date_from, query.date_to, locale)
    if report.total is None:
        return capfirst(
            _(
                "%(period)s, fewer than %(threshold)s victims were counted: too few to publish "
                "figures that could not point at a person."
            )
            % {"period": period, "threshold": report.threshold}
        )
    clause = _main_clause(query.status, query.decided_by, report.total)
    sentence = pgettext("statistics: period, then what happened", "%(period)s, %(clause)s") % {
        "period": period,
        "clause": clause,
    }
    sentences = []
    citizenship = _citizenship_items(report) if CITIZENSHIP in query.by else []
    if citizenship:
        sentences.append(
            pgettext("statistics: sentence, then victims by citizenship", "%(sentence)s: %(list)s.")
            % {"sentence": sentence, "list": format_list(citizenship, locale=locale)}
        )
    else:
        sentences.append(f"{sentence}.")
    ages = _age_items(report) if AGE_BAND in query.by else []
    if ages:
        sentences.append(
            pgettext("statistics: victims by age", "%(list)s.")
            % {"list": format_list(ages, locale=locale)}
        )
    other_sentences = {
        SEX: lambda listed: _("By sex: %(list)s.") % {"list": listed},
        EXPLOITATION: lambda listed: (
            _("By form of exploitation (a person counts once under each form): %(list)s.")
            % {"list": listed}
        ),
        DECIDED_BY: lambda listed: (
            _("By the organisation that decided: %(list)s.") % {"list": listed}
        ),
    }
    for dimension, make_sentence in other_sentences.items():
        if dimension in query.by:
            items = _plain_items(report, dimension)
            if items:
                sentences.append(make_sentence(format_list(items, locale=locale)))
    return " ".join(capfirst(text) for text in sentences)
