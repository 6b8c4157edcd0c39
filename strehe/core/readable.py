"""Codes as people read them: country and language names in the page's language, staff by name.

The names come from the Unicode CLDR through Babel, which has them in Albanian, in Serbian in
Latin script and in English. (django-countries has no Albanian catalog, and no language names.)
Kosovo keeps the name the project's own catalog gives it ("Kosova" in Albanian), as elsewhere on
the site. A code CLDR does not know is shown as it is stored, never dropped.
"""

import functools
from collections.abc import Iterable

from babel import Locale
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# Our Serbian is written in Latin script; CLDR's "sr" is Cyrillic.
CLDR_LOCALE = {"sq": "sq", "sr": "sr_Latn", "en": "en"}
KOSOVO = "XK"


@functools.cache
def _cldr(language: str) -> Locale:
    return Locale.parse(CLDR_LOCALE.get(language, "en"))


def _current() -> Locale:
    return _cldr((get_language() or "sq").split("-")[0])


def country_name(code: str) -> str:
    code = (code or "").upper()
    if code == KOSOVO:
        return _("Kosovo")
    return _current().territories.get(code) or code


def language_name(code: str) -> str:
    """The language named in the page's language, capitalised as the first word of a line."""
    code = (code or "").lower()
    return capfirst(_current().languages.get(code) or _cldr("en").languages.get(code) or code)


def country_names(codes: Iterable[str]) -> list[str]:
    return [country_name(code) for code in codes or ()]


def language_names(codes: Iterable[str]) -> list[str]:
    return [language_name(code) for code in codes or ()]


def staff_name(user: object) -> str:
    """A member of staff by name, by username where the account has no name."""
    if user is None:
        return ""
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return full_name or str(getattr(user, "username", "") or user)
