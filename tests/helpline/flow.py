"""Helpers of the helpline page tests: a logged contact, a screening, the open-case form data."""

from typing import Any

from django.urls import reverse
from django.utils import translation

from strehe.accounts.models import User
from strehe.helpline.models import Contact
from strehe.helpline.services import contact_create
from strehe.screening.models import Screening
from strehe.screening.services import screening_record

CALL = {
    "channel": "phone",
    "language": "sq",
    "caller_type": "possible_victim",
    "topic": "trafficking",
    "outcome": "advice_given",
    "summary": "Works on a farm, passport kept by the employer.",
}
# Act, means and purpose all present: the screening guidance says presumed victim.
SCREENING_POST = {"acts": ["recruitment"], "means": ["deception"], "purposes": ["forced_labour"]}


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def logged_contact(user: User) -> Contact:
    return contact_create(actor=user, anonymous=False, **CALL)


def screened(contact: Contact, user: User) -> Screening:
    return screening_record(actor=user, data=SCREENING_POST, contact=contact)


def person(**changes: Any) -> dict[str, Any]:
    """What the open-case form posts for Arbër Krasniqi, born 1 March 2004."""
    data: dict[str, Any] = {
        "given_name": "Arbër",
        "family_name": "Krasniqi",
        "birth_date": "2004-03-01",
        "estimated_age": "",
        "sex": "male",
        "citizenships": ["XK"],
        "languages": ["sq"],
        "share_with": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
