import pytest
from django.core.management import call_command

LANGUAGES = ["sq", "sr", "en"]


@pytest.fixture
def reference(db):  # type: ignore[no-untyped-def]
    call_command("loadreference", verbosity=0)
