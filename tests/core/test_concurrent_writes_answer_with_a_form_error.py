"""Two people (or two tabs) writing the same thing at the same moment: one write wins, the other
gets a form error or is told it was saved once, and nobody gets a 500. Real threads on
PostgreSQL, each with its own connection; SQLite serialises writers and cannot show a race."""

import threading
import time
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from strehe.cases.models import AccessGrant, Case, ConsentScope, TimelineEntry
from strehe.cases.services import case_share, consent_record
from strehe.helpline.models import Contact
from tests.conftest import need
from tests.helpline.flow import logged_contact
from tests.staff import open_test_case, verified_client


def at_once(*posts: Callable[[], object]) -> list[object]:
    """Run each POST in its own thread, released together; return what each answered."""
    barrier = threading.Barrier(len(posts))
    answers: list[object] = [None] * len(posts)

    def run(index: int, post: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            answers[index] = post()
        except Exception as error:
            answers[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, post)) for i, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def url(name: str, **kwargs: object) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def on_postgresql():
    need(connection.vendor == "postgresql", "a race needs PostgreSQL's concurrent writers")


@pytest.mark.django_db(transaction=True)
def test_two_people_sharing_at_once_make_one_share_and_one_form_error(
    on_postgresql, staff, agencies
):
    investigator, colleague = staff["investigator_ilir"], staff["colleague_police"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="Race")
    shelter = agencies["shelter"]
    consent_record(actor=investigator, case=case, scope=ConsentScope.SHARING, agency=shelter)
    sharing = url("cases:sharing", code=case.code)
    clients: list[Client] = [verified_client(investigator), verified_client(colleague)]

    answers = at_once(*(lambda c=c: c.post(sharing, {"agency": shelter.pk}) for c in clients))

    statuses = sorted(getattr(answer, "status_code", repr(answer)) for answer in answers)
    assert statuses == [200, 302]
    refused = next(answer for answer in answers if answer.status_code == 200)  # type: ignore[attr-defined]
    assert 'class="errorlist' in refused.content.decode()  # type: ignore[attr-defined]
    assert AccessGrant.objects.filter(case=case, agency=shelter, ended_at__isnull=True).count() == 1


@pytest.mark.django_db(transaction=True)
def test_one_form_sent_twice_at_once_saves_once(on_postgresql, staff):
    investigator = staff["investigator_ilir"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="Twice")
    note = url("cases:note", code=case.code)
    first, second = verified_client(investigator), verified_client(investigator)
    token = first.get(note).context["form"]["once"].value()
    data = {"text": "Sent from two tabs.", "once": token}

    answers = at_once(lambda: first.post(note, data), lambda: second.post(note, data))

    assert [getattr(answer, "status_code", repr(answer)) for answer in answers] == [302, 302]
    assert TimelineEntry.objects.filter(case=case, kind=TimelineEntry.Kind.NOTE).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_operators_opening_a_case_from_one_contact_open_one(on_postgresql, staff):
    operator, colleague = staff["operator_olta"], staff["colleague_helpline"]
    contact = logged_contact(operator)
    open_case = url("helpline:open_case", contact_id=contact.pk)
    person = {"given_name": "Vjosa", "family_name": "Race", "sex": "unknown"}
    clients = [verified_client(operator), verified_client(colleague)]

    answers = at_once(*(lambda c=c: c.post(open_case, person) for c in clients))

    statuses = sorted(getattr(answer, "status_code", repr(answer)) for answer in answers)
    assert 500 not in statuses and all(isinstance(status, int) for status in statuses), statuses
    assert Case.objects.count() == 1
    assert Contact.objects.get(pk=contact.pk).case == Case.objects.get()


@pytest.mark.django_db(transaction=True)
def test_a_share_waiting_for_another_to_commit_becomes_a_field_error(
    on_postgresql, staff, agencies
):
    """Made deterministic: the first share is written and held uncommitted while the second
    starts, so the second must wait for it and then find the agency sharing already."""
    investigator, colleague = staff["investigator_ilir"], staff["colleague_police"]
    case = open_test_case(owner=investigator.agency, worker=investigator, label="Held")
    shelter = agencies["shelter"]
    consent_record(actor=investigator, case=case, scope=ConsentScope.SHARING, agency=shelter)
    written, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        try:
            with transaction.atomic():
                case_share(actor=investigator, case=case, agency=shelter)
                written.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    def second() -> None:
        try:
            written.wait(timeout=10)
            with translation.override("en"):
                case_share(actor=colleague, case=case, agency=shelter)
            outcome["second"] = "shared"
        except ValidationError as error:
            outcome["second"] = error.message_dict
        except Exception as error:
            outcome["second"] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    written.wait(timeout=10)
    time.sleep(0.5)  # the second is now waiting on the first's lock
    release.set()
    for thread in threads:
        thread.join(timeout=30)

    assert outcome["second"] == {"agency": ["This agency can already see the case."]}
    assert AccessGrant.objects.filter(case=case, agency=shelter, ended_at__isnull=True).count() == 1
