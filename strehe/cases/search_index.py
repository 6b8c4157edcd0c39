"""The blind index of names: keyed hashes of normalised name tokens, searched without decrypting.

A person's names stay encrypted (strehe.core.crypto). To find "Drita Berisha" among them without
decrypting the register, each token of the name is normalised, hashed with the lookup key, and
stored beside the person (models.PersonNameToken); a search hashes the tokens typed the same way
and compares hashes.

The normal form starts from matching.normalise_name (Serbian Cyrillic to Latin, đ to dj,
diacritics stripped, casefolded, split into letter/digit tokens), then:

1. Fold: Albanian and Serbian write the same sounds differently, and the ASCII form of the
   Serbian letter loses its háček: Albanian "sh" is Serbian "š", which becomes "s"; so "Berisha"
   and "Бериша" (Beriša, berisa) meet only when "sh" folds to "s" too. Likewise zh/ž, xh/dž,
   q/ć, gj/đ; Albanian dh, th, ll, rr lose their second letter (Serbian has no such letters).
2. Stem: Albanian names change their ending with the definite form and by family habit ("Drita"
   / "Dritë", "Agim" / "Agimi", "Berisha" / "Berishaj"), so a final "j" and then one final vowel
   are dropped while at least three letters remain.

Two hashes per token are stored: the folded word ("word|...") and its stem ("stem|..."). A search
matches on stems (the fuzzy rule) and lists people whose words match exactly first.

Equal tokens give equal hashes: whoever reads the database sees which persons share a name token
(not what it is); testing a guess ("is anyone called Berisha?") needs the lookup key. The README
says so.
"""

import hashlib
import hmac
import re

from .matching import normalise_name

# Longest first, so "xh" is folded before "x" could be, "gj" before "g"...
_FOLDS = (
    ("xh", "dz"),
    ("sh", "s"),
    ("zh", "z"),
    ("ch", "c"),
    ("gj", "dj"),
    ("dh", "d"),
    ("th", "t"),
    ("ll", "l"),
    ("rr", "r"),
    ("q", "c"),
)
_FOLD = re.compile("|".join(source for source, _target in _FOLDS))
_FOLD_TO = dict(_FOLDS)
_VOWELS = frozenset("aeiouy")
_MIN_STEM = 3


def name_tokens(text: str) -> list[str]:
    """The folded tokens of a name, in the order matching.normalise_name sorts them."""
    return [
        _FOLD.sub(lambda m: _FOLD_TO[m.group(0)], token) for token in normalise_name(text).split()
    ]


def stem(token: str) -> str:
    """The token without the endings Albanian names vary in: a final "j", then a final vowel."""
    if token.endswith("j") and len(token) > _MIN_STEM:
        token = token[:-1]
    if token[-1:] in _VOWELS and len(token) > _MIN_STEM:
        token = token[:-1]
    return token


def _keyed(kind: str, token: str, key: bytes) -> str:
    if not key:
        raise ValueError("the name index needs a non-empty secret key")
    return hmac.new(key, f"name-{kind}|{token}".encode(), hashlib.sha256).hexdigest()


def word_hashes(text: str, *, key: bytes) -> set[str]:
    """Keyed hashes of the folded tokens: equal when the words are the same."""
    return {_keyed("word", token, key) for token in name_tokens(text)}


def stem_hashes(text: str, *, key: bytes) -> set[str]:
    """Keyed hashes of the tokens' stems: equal when the words differ only in their ending."""
    return {_keyed("stem", stem(token), key) for token in name_tokens(text)}


def index_hashes(text: str, *, key: bytes) -> set[str]:
    """Everything stored for a name: its word hashes and its stem hashes."""
    return word_hashes(text, key=key) | stem_hashes(text, key=key)
