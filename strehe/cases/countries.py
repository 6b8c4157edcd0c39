"""Country codes for citizenships: ISO 3166-1 alpha-2, plus XK for Kosovo.

The list is read from the time-zone database's iso3166.tab (the system's tzdata, or the tzdata
package where Python brings its own), which IANA keeps in step with ISO 3166. XK is a
user-assigned code that ISO does not list; the European Commission and the Kosovo authorities
use it, and it comes first here because most people in the register are citizens of Kosovo.
"""

import functools
import importlib.resources
import zoneinfo
from pathlib import Path

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from unidecode import unidecode

from strehe.core.readable import country_name

KOSOVO = "XK"
ISO3166_FILE = "iso3166.tab"


def _read_table() -> str:
    for directory in zoneinfo.TZPATH:
        candidate = Path(directory) / ISO3166_FILE
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    try:
        return (importlib.resources.files("tzdata.zoneinfo") / ISO3166_FILE).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise RuntimeError(f"{ISO3166_FILE} not found: install tzdata") from error


def parse_iso3166_tab(text: str) -> list[tuple[str, str]]:
    """(code, English name) pairs from the lines of iso3166.tab, skipping comments."""
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name = line.split("\t", 1)
        pairs.append((code.strip(), name.strip()))
    return pairs


@functools.cache
def _iso_codes() -> tuple[str, ...]:
    return tuple(code for code, _name in parse_iso3166_tab(_read_table()) if code != KOSOVO)


@functools.cache
def _choices_in(language: str) -> list[tuple[str, str | Promise]]:
    # Sorted as a reader looks for them: by the name in the page's language, letters with
    # diacritics next to their base letter ("Çeki" among the C's).
    countries = [(code, country_name(code)) for code in _iso_codes()]
    countries.sort(key=lambda pair: unidecode(str(pair[1])).casefold())
    return [(KOSOVO, _("Kosovo")), *countries]


def country_choices() -> list[tuple[str, str | Promise]]:
    """Choices for a citizenship field: Kosovo first, then every ISO country by its name in the
    page's language."""
    return _choices_in(get_language() or "sq")


def country_codes() -> set[str]:
    return {KOSOVO, *_iso_codes()}
