"""One human-readable line per timeline entry.

Entries keep codes and ids in `data` (policy: no identifying text there); this module turns them
into a sentence in the user's language. Pure: agency names come in as a mapping, so rendering a
timeline runs one query for the agencies, not one per line.
"""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import TextChoices
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from strehe.core.readable import country_name, country_names, language_names
from strehe.directory.models import Shelter

from .codes import DecisionOrganisation, EventKind, TraffickingStatus
from .models import (
    AccessGrant,
    ClosingReason,
    ConsentScope,
    Person,
    RiskLevel,
    Stage,
    TimelineEntry,
)

Kind = TimelineEntry.Kind


def _label(choices: type[TextChoices], code: Any) -> str:
    """The translated label of `code`, or the code itself if the list no longer has it."""
    try:
        return str(choices(code).label)
    except ValueError:
        return str(code)


def agency_ids(entries: Iterable[TimelineEntry]) -> set[int]:
    """The agencies the entries name, to look their names up at once."""
    return {
        entry.data[key]
        for entry in entries
        for key in ("agency", "from_agency")
        if entry.data.get(key)
    }


def _agency(data: Mapping[str, Any], agencies: Mapping[int, str]) -> str:
    return agencies.get(data.get("agency") or 0, _("an agency no longer listed"))


def _consent(data: Mapping[str, Any], agencies: Mapping[int, str]) -> str:
    if data.get("scope") == ConsentScope.SHARING:
        return _("sharing with %(agency)s") % {"agency": _agency(data, agencies)}
    return _label(ConsentScope, data.get("scope")).lower()


def timeline_line(entry: TimelineEntry, agencies: Mapping[int, str] | None = None) -> str:
    """What happened, in one sentence. Who and when are shown next to it, from the entry."""
    agencies = agencies or {}
    data = entry.data or {}
    kind = entry.kind
    if kind == Kind.OPENED:
        if data.get("imported_from"):
            return _("Imported from %(source)s, with its identification decision: %(status)s.") % {
                "source": data["imported_from"],
                "status": _label(TraffickingStatus, data.get("status")),
            }
        return _("The case was opened.")
    if kind == Kind.NOTE:
        return _("Note added (later corrected).") if data.get("corrected") else _("Note added.")
    if kind == Kind.CORRECTED:
        return correction_line(data)
    if kind == Kind.CONTACT:
        return _("Helpline contact %(id)s linked to the case.") % {"id": data.get("id", "?")}
    if kind == Kind.SCREENING:
        return _("Screening %(id)s linked to the case.") % {"id": data.get("id", "?")}
    if kind == Kind.IDENTIFICATION:
        return _("Identification decision: %(status)s (%(organisation)s).") % {
            "status": _label(TraffickingStatus, data.get("status")),
            "organisation": _label(DecisionOrganisation, data.get("organisation_type")),
        }
    if kind == Kind.STAGE:
        return _stage_line(data)
    if kind == Kind.RISK:
        return _("Risk assessed as %(level)s.") % {"level": _label(RiskLevel, data.get("level"))}
    if kind == Kind.CONSENT:
        return _("Consent given to %(scope)s.") % {"scope": _consent(data, agencies)}
    if kind == Kind.CONSENT_WITHDRAWN:
        return _("Consent withdrawn for %(scope)s.") % {"scope": _consent(data, agencies)}
    if kind == Kind.CONSENT_OVERRIDE:
        return _("Went ahead without consent to %(scope)s; the reason is recorded.") % {
            "scope": _consent(data, agencies)
        }
    if kind == Kind.SHARED:
        return _("Shared with %(agency)s.") % {"agency": _agency(data, agencies)}
    if kind == Kind.SHARING_ENDED:
        return _("Sharing with %(agency)s ended: %(cause)s.") % {
            "agency": _agency(data, agencies),
            "cause": _label(AccessGrant.EndCause, data.get("cause")),
        }
    if kind == Kind.ASSIGNED:
        if data.get("worker"):
            return _("A worker was assigned to the case.")
        if data.get("cause"):
            return _("The assigned worker's access ended with their agency's: %(cause)s.") % {
                "cause": _label(AccessGrant.EndCause, data.get("cause"))
            }
        return _("The case has no assigned worker any more.")
    if kind == Kind.TRANSFERRED:
        return _("Transferred from %(from)s to %(agency)s.") % {
            "from": agencies.get(data.get("from_agency") or 0, _("an agency no longer listed")),
            "agency": _agency(data, agencies),
        }
    if kind == Kind.EVENT:
        return _("Trafficking event recorded: %(kind)s in %(country)s.") % {
            "kind": _label(EventKind, data.get("kind")),
            "country": country_name(data["country"]) if data.get("country") else "?",
        }
    if kind == Kind.PLACEMENT:
        return _placement_line(data)
    if kind == Kind.REFERRAL:
        return _referral_line(data, agencies)
    if kind == Kind.SAME_PERSON:
        return _("Confirmed to be the same person as case %(code)s.") % {
            "code": data.get("other", "?")
        }
    if kind == Kind.SAME_PERSON_UNDONE:
        return _("Same-person link undone; case %(codes)s returned to its own person.") % {
            "codes": data.get("cases", "?")
        }
    if kind == Kind.DIFFERENT_PERSON:
        return _("Confirmed to be a different person from case %(code)s.") % {
            "code": data.get("other", "?")
        }
    if kind == Kind.FOLLOW_UP:
        return _("Follow-up added, due on %(date)s.") % {"date": _date(data.get("due_on", ""))}
    if kind == Kind.FOLLOW_UP_DONE:
        return _("Follow-up due on %(date)s done.") % {"date": _date(data.get("due_on", ""))}
    if kind == Kind.FOLLOW_UP_REOPENED:
        return _("Follow-up due on %(date)s reopened.") % {"date": _date(data.get("due_on", ""))}
    return _label(Kind, kind)


def _placement_line(data: Mapping[str, Any]) -> str:
    shelter_id = data.get("shelter")
    shelter = (
        Shelter.objects.filter(pk=shelter_id).values_list("name", flat=True).first()
        if isinstance(shelter_id, int)
        else None
    )
    values = {"shelter": shelter or "?"}
    event = data.get("event")
    if event == "placed":
        return _("Placed in %(shelter)s.") % values
    if event == "checked_in":
        return _("Checked in at %(shelter)s.") % values
    if event == "checked_out":
        return _("Checked out of %(shelter)s.") % values
    return _label(Kind, Kind.PLACEMENT)


def _referral_line(data: Mapping[str, Any], agencies: Mapping[int, str]) -> str:
    """A step of a referral (strehe.referrals), which writes its event and receiving agency."""
    lines = {
        "sent": _("Referred to %(agency)s."),
        "accepted": _("%(agency)s accepted the referral."),
        "declined": _("%(agency)s declined the referral."),
        "completed": _("%(agency)s completed the referral."),
        "revoked": _("The referral to %(agency)s was revoked."),
    }
    line = lines.get(data.get("event", ""), _("Referral to %(agency)s."))
    return line % {"agency": _agency(data, agencies)}


def _stage_line(data: Mapping[str, Any]) -> str:
    to_stage = data.get("to")
    if to_stage == Stage.CLOSED:
        return _("Case closed: %(reason)s.") % {"reason": _label(ClosingReason, data.get("reason"))}
    line = _("Moved from “%(from)s” to “%(to)s”.") % {
        "from": _label(Stage, data.get("from")),
        "to": _label(Stage, to_stage),
    }
    if data.get("reflection_ends_on"):
        line += " " + _("The reflection period ends on %(date)s.") % {
            "date": _date(data["reflection_ends_on"])
        }
    return line


def _date(value: str) -> str:
    try:
        return date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    except ValueError:
        return value


def _field_labels() -> dict[str, str]:
    # The fields a correction names (services.editing, and the helpline's contact correction).
    return {
        "given_name": _("given name"),
        "family_name": _("family name"),
        "aliases": _("aliases"),
        "birth_date": _("birth date"),
        "estimated_age": _("estimated age"),
        "identity_number": _("identity number"),
        "phone": _("phone number"),
        "address": _("address"),
        "sex": _("sex"),
        "citizenships": _("citizenships"),
        "languages": _("languages"),
        "narrative": _("narrative"),
        "note": _("text"),
        "kind": _("kind"),
        "country": _("country"),
        "place": _("place"),
        "started_on": _("start"),
        "ended_on": _("end"),
        # A helpline contact's.
        "channel": _("channel"),
        "language": _("language"),
        "caller_type": _("caller"),
        "topic": _("topic"),
        "outcome": _("outcome"),
        "summary": _("summary"),
        "advice_and_referrals": _("advice and referrals given"),
    }


def _earlier_value(field: str, value: Any) -> str:
    """An earlier value the timeline may show: codes, dates and numbers only (see
    services.editing: identifying fields never reach `earlier`)."""
    if value in (None, "", []):
        return _("empty")
    if field == "sex":
        return _label(Person.Sex, value)
    if field == "citizenships":
        return ", ".join(country_names(value))
    if field == "languages":
        return ", ".join(language_names(value))
    if field == "kind":
        return _label(EventKind, value)
    if field == "country":
        return country_name(str(value))
    if field in {"started_on", "ended_on"}:
        return _date(str(value))
    return str(value)


def correction_changes(data: Mapping[str, Any]) -> str:
    """ "changed sex (was: Unknown), changed phone number": each field with its earlier value
    where the entry kept one."""
    labels = _field_labels()
    earlier = data.get("earlier") or {}
    parts = []
    for field in data.get("fields") or []:
        label = labels.get(field, field)
        if field in earlier:
            parts.append(
                _("changed %(field)s (was: %(value)s)")
                % {"field": label, "value": _earlier_value(field, earlier[field])}
            )
        else:
            parts.append(_("changed %(field)s") % {"field": label})
    return ", ".join(parts)


def correction_line(data: Mapping[str, Any]) -> str:
    record = data.get("record")
    changes = correction_changes(data)
    if record == "person":
        return _("Person details corrected: %(changes)s.") % {"changes": changes}
    if record == "narrative":
        return _("The narrative was corrected.")
    if record == "note":
        return _("The note of %(date)s was corrected.") % {
            "date": _date(data.get("recorded_on", ""))
        }
    if record == "event":
        return _("Trafficking event (%(kind)s in %(country)s) corrected: %(changes)s.") % {
            "kind": _label(EventKind, data.get("kind")),
            "country": country_name(data["country"]) if data.get("country") else "?",
            "changes": changes,
        }
    if record == "contact":
        return _("Helpline contact %(id)s corrected: %(changes)s.") % {
            "id": data.get("id", "?"),
            "changes": changes,
        }
    return _("Record corrected: %(changes)s.") % {"changes": changes}
