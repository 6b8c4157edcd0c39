"""Correcting what was recorded on a case: the person's details and aliases, the narrative, a
note, a trafficking event.

Every correction is one act: the record changes, the case's timeline gets a "corrected" line and
the audit trail an entry naming the fields that changed, all in one transaction. The timeline
keeps the earlier value only of fields that cannot identify the person (codes, dates of events,
the estimated age); of names, aliases, the birth date, identity number, phone, address, the
narrative, note texts and places it says only that they changed. The audit entry never holds a
value. Each service checks the actor (MANAGE_CASE on a case they may see) before anything else,
and validates everything before writing, so a refusal or bad input leaves nothing behind.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.core.validation import NAME_MAX_LENGTH

from ..models import Case, Person, PersonAlias, TimelineEntry, TraffickingEvent
from ..policies import case_policy
from ._acts import act_recorded, field_errors_renamed, locked
from .records import PERSON_UPDATABLE_FIELDS

# The person's fields a correction may change: the record's own, and the list of aliases.
PERSON_EDITABLE_FIELDS = PERSON_UPDATABLE_FIELDS | {"aliases"}
# Fields whose values point at the person (encrypted at rest): the timeline says only that they
# changed. The others are codes or a number, whose earlier value the timeline keeps.
PERSON_IDENTIFYING_FIELDS = frozenset(
    {"given_name", "family_name", "aliases", "birth_date", "identity_number", "phone", "address"}
)
# The place of an event may name a village or a street; kind, country and dates do not.
EVENT_IDENTIFYING_FIELDS = frozenset({"place"})
EVENT_EDITABLE_FIELDS = ("kind", "country", "place", "started_on", "ended_on")
# Person fields stored as NULL when empty (encrypted columns hold no token for "nothing").
_NULL_WHEN_EMPTY = frozenset({"identity_number", "phone", "address"})
MAX_ALIASES = 20


def _plain(value: Any) -> Any:
    """A value as the timeline's JSON keeps it: dates as ISO text, lists as they are."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _corrected(
    *,
    actor: Any,
    case: Case,
    record: str,
    target: Any,
    fields: list[str],
    earlier: dict[str, Any],
    identifying: Iterable[str],
    extra: dict[str, Any] | None = None,
) -> TimelineEntry:
    """The timeline line and audit entry of one correction; earlier values of identifying
    fields are dropped here, whatever the caller passed."""
    hidden = set(identifying)
    kept = {name: _plain(value) for name, value in earlier.items() if name not in hidden}
    return act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.CORRECTED,
        target=target,
        action=AuditEntry.Action.CHANGE,
        fields=sorted(fields),
        data={"record": record, "fields": fields, "earlier": kept, **(extra or {})},
    )


def aliases_cleaned(aliases: Iterable[str]) -> list[str]:
    """Aliases as stored: stripped, empty ones dropped, each once, in the order given.
    ValidationError (field "aliases") for one too long or too many."""
    cleaned: list[str] = []
    for alias in aliases:
        alias = " ".join(str(alias).split())
        if alias and alias not in cleaned:
            cleaned.append(alias)
    if len(cleaned) > MAX_ALIASES:
        raise ValidationError(
            {"aliases": _("Give at most %(count)s aliases.") % {"count": MAX_ALIASES}}
        )
    for alias in cleaned:
        try:
            PersonAlias(name=alias).clean_fields(exclude=["person"])
        except ValidationError as error:
            raise ValidationError(
                {
                    "aliases": _("Each alias can be at most %(count)s characters long.")
                    % {"count": NAME_MAX_LENGTH}
                    if len(alias) > NAME_MAX_LENGTH
                    else error.messages
                }
            ) from None
    return cleaned


def person_aliases_write(person: Person, aliases: list[str]) -> None:
    """Replace the person's aliases and bring the blind index in step (inside a transaction)."""
    person.aliases.all().delete()
    PersonAlias.objects.bulk_create([PersonAlias(person=person, name=name) for name in aliases])
    person.name_tokens_write()


@transaction.atomic
def person_update(*, actor: Any, case: Case, changes: dict[str, Any]) -> list[str]:
    """Correct the details of the case's person; returns the names of the fields that changed.

    `changes` takes PERSON_EDITABLE_FIELDS; `aliases` is the whole new list. A changed name or
    alias renews the lookup hash and the name index (Person.save), so search and the duplicate
    check find the person by what is recorded now, and no longer by what was.
    """
    unknown = set(changes) - PERSON_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    case = locked(case)
    person = case.person
    changed: list[str] = []
    earlier: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "aliases":
            continue
        if isinstance(value, str):
            value = value.strip()
        if name in _NULL_WHEN_EMPTY and not value:
            value = None
        if name in {"citizenships", "languages"}:
            value = list(value or [])
        current = getattr(person, name)
        if current != value:
            earlier[name] = current
            setattr(person, name, value)
            changed.append(name)
    if "estimated_age" in changed:
        # An age is estimated on a day; a new estimate is today's.
        person.age_estimated_on = timezone.localdate() if person.estimated_age is not None else None
    aliases: list[str] | None = None
    if "aliases" in changes:
        aliases = aliases_cleaned(changes["aliases"] or [])
        if aliases != [alias.name for alias in person.aliases.all()]:
            changed.append("aliases")
    if not changed:
        return []
    person.full_clean(exclude=["lookup_hash", "birth_date_hash"])
    if aliases is not None and "aliases" in changed:
        person.aliases.all().delete()
        PersonAlias.objects.bulk_create([PersonAlias(person=person, name=name) for name in aliases])
    # Saved even when only the aliases changed: Person.save rewrites the name index.
    person.save(update_fields=[name for name in changed if name != "aliases"])
    _corrected(
        actor=actor,
        case=case,
        record="person",
        target=person,
        fields=changed,
        earlier=earlier,
        identifying=PERSON_IDENTIFYING_FIELDS,
    )
    return changed


@transaction.atomic
def narrative_update(*, actor: Any, case: Case, narrative: str) -> bool:
    """Replace the case's narrative; the timeline says it was corrected, never what it said."""
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    case = locked(case)
    text = (narrative or "").strip() or None
    if (case.narrative or None) == text:
        return False
    case.narrative = text
    case.full_clean(exclude=["code"])
    case.save(update_fields=["narrative"])
    _corrected(
        actor=actor,
        case=case,
        record="narrative",
        target=case,
        fields=["narrative"],
        earlier={},
        identifying={"narrative"},
    )
    return True


def _own_record(record: Any, case: Case, field: str, message: str) -> None:
    if record is None or record.case_id != case.pk:
        raise ValidationError({field: message})


@transaction.atomic
def note_correct(*, actor: Any, case: Case, note: TimelineEntry, text: str) -> bool:
    """Correct the text of a note of the case. The note stays where it was on the timeline,
    marked as corrected; a new line says when and by whom, never what it said before."""
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    _own_record(note, case, "note", _("Choose a note of this case."))
    note = TimelineEntry.objects.select_for_update().get(pk=note.pk)
    if note.kind != TimelineEntry.Kind.NOTE:
        raise ValidationError({"note": _("Choose a note of this case.")})
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the note.")})
    if text == (note.note or ""):
        return False
    note.note = text
    note.data = {**(note.data or {}), "corrected": True}
    try:
        note.full_clean()
    except ValidationError as error:
        raise field_errors_renamed(error, {"note": "text"}) from None
    note.save(update_fields=["note", "data"])
    _corrected(
        actor=actor,
        case=case,
        record="note",
        target=note,
        fields=["note"],
        earlier={},
        identifying={"note"},
        extra={"id": note.pk, "recorded_on": timezone.localdate(note.recorded_at).isoformat()},
    )
    return True


@transaction.atomic
def event_correct(
    *,
    actor: Any,
    case: Case,
    event: TraffickingEvent,
    kind: str,
    country: str,
    place: str = "",
    started_on: datetime.date | None = None,
    ended_on: datetime.date | None = None,
) -> list[str]:
    """Correct a trafficking event of the case; returns the names of the fields that changed.
    The timeline keeps the earlier kind, country and dates, and says only that the place
    changed."""
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    _own_record(event, case, "event", _("Choose a trafficking event of this case."))
    event = TraffickingEvent.objects.select_for_update().get(pk=event.pk)
    new = {
        "kind": kind,
        "country": (country or "").strip().upper(),
        "place": (place or "").strip(),
        "started_on": started_on,
        "ended_on": ended_on,
    }
    earlier = {name: getattr(event, name) for name in EVENT_EDITABLE_FIELDS}
    changed = [name for name in EVENT_EDITABLE_FIELDS if earlier[name] != new[name]]
    if not changed:
        return []
    for name in changed:
        setattr(event, name, new[name])
    event.full_clean()
    event.save(update_fields=changed)
    _corrected(
        actor=actor,
        case=case,
        record="event",
        target=event,
        fields=changed,
        earlier={name: earlier[name] for name in changed},
        identifying=EVENT_IDENTIFYING_FIELDS,
        extra={"id": event.pk, "kind": event.kind, "country": event.country},
    )
    return changed


def linked_record_corrected(
    *, actor: Any, case: Case, record: str, record_id: int, fields: list[str]
) -> TimelineEntry:
    """The timeline line of a correction of a record linked to `case` (a helpline contact),
    naming only the fields. For the service of that record, which has checked the actor and
    writes its own audit entry; call inside its transaction."""
    entry = TimelineEntry(
        case=case,
        kind=TimelineEntry.Kind.CORRECTED,
        recorded_by=actor,
        data={"record": record, "id": record_id, "fields": fields, "earlier": {}},
    )
    entry.full_clean()
    entry.save()
    return entry
