"""Duplicate detection for persons: a normal form of names, an exact-match key, a fuzzy score.

The same person reaches the network through police, victim advocates, social workers and
shelters, who write the name in Albanian, Serbian Latin or Serbian Cyrillic, with or without
diacritics and in either order ("Krasniqi Arbër"). Matching therefore compares a normal form:

1. Serbian Cyrillic is transliterated to Serbian Latin with the official one-to-one alphabet
   (Љ → Lj, Њ → Nj, Џ → Dž, Ђ → Đ, Ћ → Ć, ...). Unidecode is not used for this step because it
   transliterates Cyrillic the Russian way (ч → ch, ш → sh, ц → ts), so "Петровић" would never
   meet "Petrović".
2. Đ/đ becomes "dj", the spelling people use when a keyboard lacks đ; Unidecode alone would make
   it "d" and "Đorđe" would miss "Djordje".
3. Unidecode strips the remaining diacritics (ë → e, ç → c, č ć → c, š → s, ž → z).
4. The text is casefolded, split into letter/digit tokens (hyphens and punctuation separate
   tokens) and the tokens are sorted, so given name and surname may come in either order.

The exact-match key is an HMAC, not a plain hash: names and birth dates are few enough that a
plain hash of them could be reversed by trying every name in a phone book.
"""

import hashlib
import hmac
import re
from datetime import date

from rapidfuzz import fuzz
from unidecode import unidecode

# Scores are 0.0-1.0. At 0.85 a one- or two-letter slip in a two-part name still matches
# ("Arbër Krasniqi" / "Arbr Krasniqy"), while different people sharing a surname do not
# ("Arbër Krasniqi" / "Besa Krasniqi"). A match above it is a candidate for a person to review,
# never an automatic merge.
NAME_SIMILARITY_THRESHOLD = 0.85

# The Serbian Cyrillic alphabet and its official Latin counterpart (Vuk Karadžić's alphabet and
# Gaj's Latin alphabet map one-to-one; three Latin letters are digraphs).
_SERBIAN_CYRILLIC = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
_SERBIAN_LATIN = [
    "A", "B", "V", "G", "D", "Đ", "E", "Ž", "Z", "I", "J", "K", "L", "Lj", "M",
    "N", "Nj", "O", "P", "R", "S", "T", "Ć", "U", "F", "H", "C", "Č", "Dž", "Š",
]  # fmt: skip
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        **dict(zip(_SERBIAN_CYRILLIC, _SERBIAN_LATIN, strict=True)),
        **{
            cyrillic.lower(): latin.lower()
            for cyrillic, latin in zip(_SERBIAN_CYRILLIC, _SERBIAN_LATIN, strict=True)
        },
    }
)
_TOKEN = re.compile(r"[a-z0-9]+")


def serbian_cyrillic_to_latin(text: str) -> str:
    """Serbian Cyrillic to Serbian Latin, keeping every other character as it is."""
    return text.translate(_CYRILLIC_TO_LATIN)


def normalise_name(name: str) -> str:
    """The matching form of a name: ASCII, casefolded, tokens sorted and joined by one space."""
    latin = serbian_cyrillic_to_latin(name).replace("Đ", "Dj").replace("đ", "dj")
    tokens = _TOKEN.findall(unidecode(latin).casefold())
    return " ".join(sorted(tokens))


def person_match_key(name: str, birth_date: date | None, *, key: bytes) -> str:
    """Keyed hash (HMAC-SHA256, hex) of the normalised name and ISO birth date, for exact lookup.

    Two records of the same person written in different scripts or orders get the same key.
    Without a birth date the key covers the name alone.
    """
    if not key:
        raise ValueError("person_match_key needs a non-empty secret key")
    born = birth_date.isoformat() if birth_date else ""
    message = f"{normalise_name(name)}|{born}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def name_similarity(a: str, b: str) -> float:
    """How alike two names are after normalisation, from 0.0 (nothing shared) to 1.0 (same)."""
    left, right = normalise_name(a), normalise_name(b)
    if not left or not right:
        return 0.0
    # Tokens are already sorted by normalise_name, so a plain edit-distance ratio is order-free.
    return fuzz.ratio(left, right) / 100.0


def names_may_match(a: str, b: str) -> bool:
    """Whether two names are close enough to show a person as a possible duplicate."""
    return name_similarity(a, b) >= NAME_SIMILARITY_THRESHOLD
