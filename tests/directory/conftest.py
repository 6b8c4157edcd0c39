import datetime as dt

import pytest
from django.core.management import call_command

from strehe.directory.models import OpeningHours, Organisation, Service


@pytest.fixture
def reference(db):  # type: ignore[no-untyped-def]
    """The repository's reference data, loaded the way `make run` loads it."""
    call_command("loadreference", verbosity=0)


@pytest.fixture
def weekday_helpline(db) -> Service:  # type: ignore[no-untyped-def]
    """A helpline open Monday to Friday 08:00-22:00 in Europe/Belgrade, like 0800 11112."""
    advocates = Organisation.objects.create(
        slug="advocates", name="Advocates", kind=Organisation.Kind.VICTIM_ADVOCATES
    )
    helpline = Service.objects.create(
        organisation=advocates, slug="helpline", name="Helpline", time_zone="Europe/Belgrade"
    )
    for weekday in range(5):
        OpeningHours.objects.create(
            service=helpline, weekday=weekday, opens=dt.time(8), closes=dt.time(22)
        )
    return helpline
