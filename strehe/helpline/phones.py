"""Callers' phone numbers: one normal form, and a keyed hash of it to recognise a repeat caller.

"044 123 456", "+383 44 123-456" and "00383 44123456" are the same number; phonenumbers (Google's
libphonenumber) folds each into its international form (+38344123456), reading a number without
a country code as one of DEFAULT_REGION. The hash is an HMAC with the lookup key
(settings.LOOKUP_HASH_KEY, as the case register's name hashes), so the column says whether two
contacts came from the same number and nothing about which number that is.
"""

import hashlib
import hmac

import phonenumbers
from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Kosovo: a national number ("044 ...") is read as +383. Another jurisdiction changes this code.
DEFAULT_REGION = "XK"
# What a form accepts as typed (spaces, dashes, brackets); the stored form is at most 16.
PHONE_MAX_LENGTH = 40
PHONE_ERROR = _(
    "Enter a phone number, such as 044 123 456 or +383 44 123 456 (digits, spaces, + and -)."
)


class NotAPhoneNumber(ValueError):
    """The text cannot be a phone number (letters, too short or too long for its country)."""


def normalised_phone(text: str) -> str:
    """`text` as an international number (E.164, "+38344123456"); NotAPhoneNumber if it is none."""
    if len(text) > PHONE_MAX_LENGTH:
        raise NotAPhoneNumber(text[:10])
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise NotAPhoneNumber from None
    if not phonenumbers.is_possible_number(number):
        raise NotAPhoneNumber
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_lookup_hash(number: str) -> str:
    """Keyed hash (HMAC-SHA256, hex) of a normalised number: equal for equal numbers."""
    key = settings.LOOKUP_HASH_KEY.encode("utf-8")
    if not key:
        raise ValueError("phone_lookup_hash needs a non-empty lookup key")
    return hmac.new(key, f"phone|{number}".encode(), hashlib.sha256).hexdigest()
