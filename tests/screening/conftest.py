from dataclasses import dataclass

import pytest

from strehe.accounts.models import Agency, User
from strehe.accounts.roles import Role
from strehe.directory.models import Organisation
from strehe.screening.loading import DEFAULT_DATA_DIR, ILO_INDICATORS_FILE, load_ilo_indicators
from strehe.screening.models import IloIndicator
from tests.staff import make_user


@dataclass(frozen=True)
class Indicator:
    """A stand-in for IloIndicator in the pure-rule tests."""

    key: str
    dimension: str
    grade: str


@pytest.fixture
def indicators(db) -> dict[str, IloIndicator]:
    """The shipped indicator list, loaded, by key."""
    load_ilo_indicators(DEFAULT_DATA_DIR / ILO_INDICATORS_FILE)
    return {indicator.key: indicator for indicator in IloIndicator.objects.all()}


@pytest.fixture
def screener(db) -> User:
    """A helpline operator, whose role screens callers."""
    organisation = Organisation.objects.create(
        slug="test-helpline", name="helpline office", kind=Organisation.Kind.HELPLINE
    )
    return make_user(
        "screener", Role.HELPLINE_OPERATOR, Agency.objects.create(organisation=organisation)
    )
