"""Whatever exact matching finds (equal normalised names, equal Person.lookup_hash_for), the
search through the blind index finds too, for names in Albanian, Serbian Latin and Cyrillic."""

import itertools

import pytest
from django.db import transaction
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from strehe.cases.matching import normalise_name
from strehe.cases.models import Case, Person
from strehe.cases.search import case_search_results, search_terms

# Cyrillic on purpose: the Serbian spelling of Arbër looks Latin to the linter (RUF001).
GIVEN = ["Drita", "Dritë", "Дрита", "DRITA", "Arbër", "Арбер", "Arber", "Ljiljana", "Љиљана"]  # noqa: RUF001
FAMILY = [
    "Berisha",
    "Бериша",
    "Beriša",
    "Berishaj",
    "Krasniqi",
    "Краснићи",
    "Petrović",
    "Петровић",
    "Đorđević",
    "Ђорђевић",
    "Djordjevic",
    "Gjergji",
]
# Short made-up words from a few letters: collisions and odd spellings without a name list.
letters = st.text(alphabet="abcdeëçšžđjq АБВЉЊЏабвљњџшђ-", min_size=1, max_size=12)
given_names = st.one_of(st.sampled_from(GIVEN), letters)
family_names = st.one_of(st.sampled_from(FAMILY), letters)
full_names = st.tuples(given_names, family_names)

counter = itertools.count(1)


def register(names, agency):
    """Store one case per name, directly: these names need not pass the forms' rules."""
    cases = []
    for given_name, family_name in names:
        person = Person.objects.create(given_name=given_name, family_name=family_name)
        cases.append(
            Case.objects.create(
                code=f"KS-1999-{next(counter):05d}", person=person, owner_agency=agency
            )
        )
    return cases


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stored=st.lists(full_names, min_size=1, max_size=5), query=full_names)
def test_search_finds_every_case_exact_matching_finds(staff, agencies, stored, query):
    text = f"{query[0]} {query[1]}"
    assume(normalise_name(text))
    with transaction.atomic():
        cases = register(stored, agencies["police"])
        query_hash = Person.lookup_hash_for(
            given_name=query[0], family_name=query[1], birth_date=None
        )
        exact = {
            case.code
            for case in cases
            if case.person.lookup_hash == query_hash
            or normalise_name(f"{case.person.given_name} {case.person.family_name}")
            == normalise_name(text)
        }

        found = {
            result.case.code
            for result in case_search_results(
                user=staff["coordinator_drita"], terms=search_terms(text)
            )
        }
        exact_listed = {
            result.case.code
            for result in case_search_results(
                user=staff["coordinator_drita"], terms=search_terms(text)
            )
            if result.exact_name
        }
        transaction.set_rollback(True)

    assert exact <= found
    assert exact <= exact_listed


@pytest.mark.django_db
def test_the_example_from_the_issue_is_among_the_generated_kind(staff, agencies):
    # A fixed case of the property above, so a reader sees what it means.
    [case] = register([("Дрита", "Бериша")], agencies["police"])

    found = case_search_results(user=staff["coordinator_drita"], terms=search_terms("drita BERIŠA"))

    assert [result.case.code for result in found] == [case.code]
    assert found[0].exact_name
