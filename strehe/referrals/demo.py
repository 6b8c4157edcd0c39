"""Demo services of the demo agencies, so that a demo installation can refer cases between them.

The demo agencies are synthetic organisations (strehe.accounts.demo) with no services of the
directory; each gets one, marked illustrative. Safe to run twice."""

from django.db import transaction

from strehe.accounts.demo import DEMO_AGENCIES
from strehe.directory.models import Organisation, Service


@transaction.atomic
def load_demo_services() -> int:
    """Give each demo agency's organisation a service; return how many were made."""
    made = 0
    for slug, name, _kind in DEMO_AGENCIES.values():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        _service, created = Service.objects.get_or_create(
            slug=f"{slug}-assistance",
            defaults={
                "organisation": organisation,
                "name": f"Assistance: {name}",
                "covers_trafficking": True,
                "illustrative": True,
            },
        )
        made += created
    return made
