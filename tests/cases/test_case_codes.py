import re
import threading

import pytest
from django.db import connection

from strehe.cases.models import Case
from strehe.cases.services import case_open


@pytest.mark.django_db
def test_case_codes_are_pseudonymous_and_numbered_per_year(staff, agencies):
    codes = [
        case_open(
            actor=None, owner_agency=agencies["police"], given_name="A", family_name=str(n)
        ).code
        for n in range(3)
    ]

    assert all(re.fullmatch(r"KS-\d{4}-\d{5}", code) for code in codes)
    assert [int(code[-5:]) for code in codes] == [1, 2, 3]


@pytest.mark.django_db(transaction=True)
def test_concurrent_openings_never_share_a_code(staff, agencies):
    errors: list[BaseException] = []

    def open_cases() -> None:
        try:
            for n in range(5):
                case_open(
                    actor=None, owner_agency=agencies["police"], given_name="B", family_name=str(n)
                )
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=open_cases) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    codes = list(Case.objects.values_list("code", flat=True))
    assert len(codes) == len(set(codes)) == 20
