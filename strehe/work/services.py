"""Writes of My work: the time of the user's visit."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import WorkVisit


@transaction.atomic
def work_visited(*, actor: Any) -> datetime.datetime:
    """Record that `actor` opened My work now; return when they had opened it before.

    A first visit counts from the moment the account was made: everything shared with the
    agency since then is new to someone who has never opened the page.
    """
    now = timezone.now()
    visit = WorkVisit.objects.select_for_update().filter(user_id=actor.pk).first()
    if visit is None:
        WorkVisit.objects.create(user_id=actor.pk, seen_at=now)
        return actor.date_joined  # type: ignore[no-any-return]
    previous = visit.seen_at
    visit.seen_at = now
    visit.save(update_fields=["seen_at"])
    return previous
