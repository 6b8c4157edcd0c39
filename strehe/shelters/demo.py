"""Demo data of shelter placement: the demo shelter agency runs the first trafficking-only
shelter, so that shelter_staff_shpresa has a shelter whose residents she sees."""

from strehe.accounts.models import Agency
from strehe.directory.models import Shelter

DEMO_SHELTER_SLUG = "trafficking-shelter-1"
# strehe.accounts.demo DEMO_AGENCIES["shelter"]
DEMO_SHELTER_AGENCY_SLUG = "demo-shelter"


def load_demo_shelter_operator() -> Shelter | None:
    """Give the demo shelter agency a shelter to run, if the reference data has it and nobody
    runs it yet; idempotent."""
    agency = Agency.objects.filter(organisation__slug=DEMO_SHELTER_AGENCY_SLUG).first()
    shelter = Shelter.objects.filter(slug=DEMO_SHELTER_SLUG).first()
    if agency is None or shelter is None:
        return None
    if shelter.operator_id is None:
        Shelter.objects.filter(pk=shelter.pk).update(operator=agency.organisation)
        shelter.refresh_from_db()
    return shelter
