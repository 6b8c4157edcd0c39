"""Writing the audit trail. The only code that inserts audit entries."""

import hashlib
import hmac
import json
from collections.abc import Iterable
from datetime import UTC
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from strehe.core.context import current_request_context

from .models import AuditEntry

GENESIS_HASH = "0" * 64
# Arbitrary constant naming the advisory lock that serialises appends on PostgreSQL.
_CHAIN_LOCK_ID = 0x57E4E_A0D17


def canonical_payload(entry: AuditEntry) -> bytes:
    """The bytes the hash covers: every column but the hash itself, as sorted compact JSON."""
    payload = {
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(),
        "actor_id": entry.actor_id,
        "actor_username": entry.actor_username,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "target_label": entry.target_label,
        "fields": list(entry.fields),
        "ip_address": entry.ip_address,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
    }
    if entry.request_id:
        # Only when set, so that entries written before the column existed still verify.
        payload["request_id"] = entry.request_id
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AuditEntry) -> str:
    """HMAC-SHA256 with settings.AUDIT_CHAIN_KEY: whoever can write to the database but does not
    hold the key cannot forge a chain that verifies."""
    key = settings.AUDIT_CHAIN_KEY.encode("utf-8")
    return hmac.new(key, canonical_payload(entry), hashlib.sha256).hexdigest()


def _lock_chain() -> None:
    """Serialise appends so two writers never chain onto the same previous entry.

    PostgreSQL: a transaction-scoped advisory lock (works on an empty table too, where there is no
    row to SELECT ... FOR UPDATE). SQLite: IMMEDIATE transactions already hold the write lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_ID])


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str = "",
    target_label: str = "",
    fields: Iterable[str] = (),
    detail: dict[str, str | int] | None = None,
) -> AuditEntry:
    """Append one entry. Call inside the transaction of the change it records.

    `actor` is a user or None (failed logins, the system). `fields` are field names, never
    values. The client address and the request id come from the request context (core.context),
    set by middleware for the length of a request and empty outside one.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record() must run inside the transaction it records")
    if target is not None:
        target_type = target._meta.label_lower
        target_id = str(target.pk)
        target_label = str(getattr(target, "audit_label", ""))
    context = current_request_context()
    user = actor if actor is not None and getattr(actor, "pk", None) else None
    with transaction.atomic():
        _lock_chain()
        last = AuditEntry.objects.order_by("-seq").only("seq", "hash").first()
        entry = AuditEntry(
            seq=(last.seq + 1) if last else 1,
            at=timezone.now(),
            actor_id=user.pk if user else None,
            actor_username=user.get_username() if user else "",
            action=action,
            target_type=target_type,
            target_id=target_id,
            target_label=target_label[:100],
            fields=sorted(set(fields)),
            ip_address=context.client_address,
            request_id=context.request_id,
            detail=detail or {},
            prev_hash=last.hash if last else GENESIS_HASH,
        )
        entry.hash = entry_hash(entry)
        entry.save(force_insert=True)
    return entry
