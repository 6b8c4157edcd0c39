import pytest

from strehe.accounts.models import User
from tests.staff import agencies, login_as, records_of, staff

__all__ = ["agencies", "login_as", "records_of", "staff"]


@pytest.fixture
def operator(staff: dict[str, User]) -> User:
    """A helpline operator logging calls for the helpline's agency."""
    return staff["operator_olta"]


@pytest.fixture
def call() -> dict[str, str]:
    """The fields of an ordinary call, as contact_create takes them."""
    return {
        "channel": "phone",
        "language": "sq",
        "caller_type": "family_or_friend",
        "topic": "trafficking",
        "outcome": "referred",
        "summary": "Sister abroad; passport kept by employer.",
        "advice_and_referrals": "Referred to the victim advocates' office.",
    }
