"""Two cases confirmed to be one person count once; undoing the link counts them twice again.

The count is the one statistics make: distinct persons over cases.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from strehe.audit.models import AuditEntry
from strehe.cases.models import Case, PersonLink, TimelineEntry
from strehe.cases.selectors import case_possible_duplicates
from strehe.cases.services import case_open, person_link, person_unlink, persons_distinguish
from tests.staff import verified_client

BORN = datetime.date(1998, 5, 17)


def persons_counted(*cases: Case) -> int:
    return Case.objects.filter(pk__in=[c.pk for c in cases]).values("person").distinct().count()


def two_cases_of_arta(agencies, owner="police", other_owner="police"):
    first = case_open(
        actor=None,
        owner_agency=agencies[owner],
        given_name="Arbër",
        family_name="Krasniqi",
        birth_date=BORN,
    )
    second = case_open(
        actor=None,
        owner_agency=agencies[other_owner],
        given_name="Arber",
        family_name="Krasniqi",
        birth_date=BORN,
    )
    return first, second


def audited(case: Case, action: str = AuditEntry.Action.CHANGE) -> int:
    return AuditEntry.objects.filter(
        target_type="cases.case", target_id=str(case.pk), action=action, fields=["person"]
    ).count()


@pytest.mark.django_db
def test_two_cases_count_twice_before_the_link_and_once_after(staff, agencies):
    first, second = two_cases_of_arta(agencies)
    before = persons_counted(first, second)

    person_link(actor=staff["investigator_ilir"], case=second, other=first)

    after = persons_counted(first, second)
    print(f"persons counted: {before} before the link, {after} after")
    assert (before, after) == (2, 1)


@pytest.mark.django_db
def test_unlinking_restores_both_persons(staff, agencies):
    first, second = two_cases_of_arta(agencies)
    original = {first.pk: first.person_id, second.pk: second.person_id}
    link = person_link(actor=staff["investigator_ilir"], case=second, other=first)

    person_unlink(actor=staff["investigator_ilir"], link=link)

    restored = dict(Case.objects.filter(pk__in=original).values_list("pk", "person_id"))
    assert restored == original
    assert persons_counted(first, second) == 2
    assert PersonLink.objects.get(pk=link.pk).undone_by == staff["investigator_ilir"]


@pytest.mark.django_db
def test_link_and_unlink_are_audited_and_on_both_timelines(staff, agencies):
    first, second = two_cases_of_arta(agencies)
    ilir = staff["investigator_ilir"]

    link = person_link(actor=ilir, case=second, other=first)
    person_unlink(actor=ilir, link=link)

    for case in (first, second):
        kinds = list(case.timeline.values_list("kind", flat=True))
        assert TimelineEntry.Kind.SAME_PERSON in kinds
        assert TimelineEntry.Kind.SAME_PERSON_UNDONE in kinds
        # one entry for the link, one for the unlink, each by Ilir
        assert audited(case) == 2
    assert set(
        AuditEntry.objects.filter(fields=["person"]).values_list("actor_username", flat=True)
    ) == {ilir.username}


@pytest.mark.django_db
def test_only_someone_who_may_work_on_both_cases_may_link_them(staff, agencies):
    first, second = two_cases_of_arta(agencies, other_owner="elsewhere")

    with pytest.raises(PermissionDenied):
        person_link(actor=staff["investigator_ilir"], case=first, other=second)
    with pytest.raises(PermissionDenied):
        person_link(actor=staff["statistician_besnik"], case=first, other=second)

    assert persons_counted(first, second) == 2
    assert not PersonLink.objects.exists()


@pytest.mark.django_db
def test_different_people_are_remembered_and_no_longer_shown_as_duplicates(staff, agencies):
    first, second = two_cases_of_arta(agencies)
    ilir = staff["investigator_ilir"]
    assert [m.code for m in case_possible_duplicates(user=ilir, case=first)] == [second.code]

    persons_distinguish(actor=ilir, case=first, other=second)

    assert case_possible_duplicates(user=ilir, case=first) == []
    assert case_possible_duplicates(user=ilir, case=second) == []
    assert persons_counted(first, second) == 2


@pytest.mark.django_db
def test_the_case_page_links_and_undoes_the_link(staff, agencies):
    first, second = two_cases_of_arta(agencies)
    client = verified_client(staff["investigator_ilir"])
    page = client.get(reverse("cases:detail", kwargs={"code": first.code})).content.decode()
    assert second.code in page

    url = reverse("cases:same_person", kwargs={"code": first.code})
    form = client.get(url, {"other": second.code})
    token = form.context["form"]["once"].value()
    response = client.post(url, {"other": second.code, "answer": "same", "once": token})

    assert response.status_code == 302
    assert persons_counted(first, second) == 1
    undo = reverse("cases:same_person_undo", kwargs={"code": second.code})
    form = client.get(undo)
    link = PersonLink.objects.get()
    token = form.context["form"]["once"].value()
    assert client.post(undo, {"link": link.pk, "once": token}).status_code == 302
    assert persons_counted(first, second) == 2


@pytest.mark.django_db
def test_an_invisible_code_is_a_field_error_and_links_nothing(staff, agencies):
    first, second = two_cases_of_arta(agencies, other_owner="elsewhere")
    client = verified_client(staff["investigator_ilir"])
    url = reverse("cases:same_person", kwargs={"code": first.code})
    token = client.get(url).context["form"]["once"].value()

    response = client.post(url, {"other": second.code, "answer": "same", "once": token})

    assert response.status_code == 200
    assert "other" in response.context["form"].errors
    assert persons_counted(first, second) == 2


@pytest.mark.django_db
def test_only_someone_who_may_work_on_the_cases_may_undo_a_link(staff, agencies):
    first, second = two_cases_of_arta(agencies)
    link = person_link(actor=staff["investigator_ilir"], case=second, other=first)

    with pytest.raises(PermissionDenied):
        person_unlink(actor=staff["worker_elsewhere"], link=link)
    with pytest.raises(PermissionDenied):
        person_unlink(actor=staff["coordinator_drita"], link=link)

    assert persons_counted(first, second) == 1
    assert PersonLink.objects.get().in_force
