"""`strehe rotatefieldkeys` with a new lookup key rehashes the callers' numbers too, so a caller
who calls again after the rotation is still recognised."""

import pytest
from django.core.management import call_command

from strehe.helpline.models import Contact
from tests.helpline.desk import logged


@pytest.mark.django_db
def test_a_caller_is_recognised_across_a_lookup_key_rotation(settings, staff):
    before = logged(staff["operator_olta"], hours_ago=5, caller_phone="044 123 456")
    old_hash = before.lookup_hash

    settings.LOOKUP_HASH_KEY = "a new lookup key"
    call_command("rotatefieldkeys")
    after = logged(staff["operator_olta"], hours_ago=1, caller_phone="+383 44 123 456")

    rehashed = Contact.objects.get(pk=before.pk).lookup_hash
    assert rehashed != old_hash
    assert rehashed == after.lookup_hash
