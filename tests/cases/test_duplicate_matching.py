"""The same person written in another script, order or spelling is found; other people are not."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strehe.cases.matching import (
    NAME_SIMILARITY_THRESHOLD,
    name_similarity,
    names_may_match,
    normalise_name,
    person_match_key,
    serbian_cyrillic_to_latin,
)

KEY = b"test-only matching key"
BORN = date(2001, 4, 17)


def test_albanian_diacritics_do_not_change_the_key():
    assert person_match_key("Arbër Krasniqi", BORN, key=KEY) == person_match_key(
        "Arber Krasniqi", BORN, key=KEY
    )


def test_serbian_cyrillic_and_latin_spellings_share_a_key():
    assert person_match_key("Јована Петровић", BORN, key=KEY) == person_match_key(
        "Jovana Petrović", BORN, key=KEY
    )


def test_a_different_birth_date_gives_a_different_key():
    assert person_match_key("Arbër Krasniqi", BORN, key=KEY) != person_match_key(
        "Arbër Krasniqi", date(2001, 4, 18), key=KEY
    )


def test_the_key_depends_on_the_secret():
    assert person_match_key("Arbër Krasniqi", BORN, key=KEY) != person_match_key(
        "Arbër Krasniqi", BORN, key=b"another key"
    )


def test_the_key_is_a_sha256_hex_digest_without_the_name_in_it():
    match_key = person_match_key("Arbër Krasniqi", BORN, key=KEY)

    assert len(match_key) == 64
    assert int(match_key, 16) >= 0
    assert "krasniqi" not in match_key


def test_an_empty_secret_is_refused():
    with pytest.raises(ValueError, match="secret key"):
        person_match_key("Arbër Krasniqi", BORN, key=b"")


def test_name_order_case_and_spacing_do_not_matter():
    assert normalise_name("  KRASNIQI   arbër ") == normalise_name("Arber Krasniqi")


def test_serbian_digraph_letters_transliterate_to_two_latin_letters():
    assert serbian_cyrillic_to_latin("Љиљана Њего Џафер") == "Ljiljana Njego Džafer"
    assert serbian_cyrillic_to_latin("ЉИЉАНА") == "LjILjANA"


def test_dj_is_the_one_spelling_of_serbian_dj_in_every_script():
    assert normalise_name("Ђорђе") == normalise_name("Đorđe") == normalise_name("Djordje")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Çerkin Hoxhë", "cerkin hoxhe"),
        ("Čedomir Ćirić", "cedomir ciric"),
        ("Šćepan Žižić", "scepan zizic"),
        ("Ana-Marija Kovač", "ana kovac marija"),
    ],
)
def test_latin_diacritics_fold_to_plain_letters(written, expected):
    assert normalise_name(written) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Arbër Krasniqi", "Arbr Krasniqy"),
        ("Jovana Petrović", "Јована Петровић"),
        ("Valbona Berisha", "Valbona Berishaj"),
        ("Milica Stojanović", "Milica Stojanovic"),
    ],
)
def test_near_spellings_of_one_name_score_above_the_threshold(a, b):
    assert name_similarity(a, b) >= NAME_SIMILARITY_THRESHOLD
    assert names_may_match(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Arbër Krasniqi", "Jovana Petrović"),
        ("Arbër Krasniqi", "Besa Krasniqi"),
        ("Driton Gashi", "Marko Nikolić"),
    ],
)
def test_different_people_score_below_the_threshold(a, b):
    assert name_similarity(a, b) < NAME_SIMILARITY_THRESHOLD
    assert not names_may_match(a, b)


def test_a_blank_name_matches_nothing():
    assert name_similarity("", "Arbër Krasniqi") == 0.0
    assert name_similarity(" - ", " ") == 0.0


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzëçčćšžđ АБВЉЊЏабвљњџ-", max_size=30)


@given(names, names)
def test_similarity_is_symmetric_and_between_zero_and_one(a, b):
    score = name_similarity(a, b)

    assert 0.0 <= score <= 1.0
    assert score == name_similarity(b, a)


@given(names)
def test_normalising_twice_changes_nothing(name):
    assert normalise_name(normalise_name(name)) == normalise_name(name)
