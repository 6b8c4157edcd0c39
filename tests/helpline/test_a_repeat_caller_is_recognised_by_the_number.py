"""A caller who calls again is recognised from the same number in any usual spelling, by the
number's keyed hash: the contact page counts and links the earlier contacts from it that the
user may see, and the list marks the contact as a repeat caller."""

import re

import pytest

from strehe.audit.models import AuditEntry
from strehe.helpline.models import Contact
from tests.helpline.desk import logged, operator_elsewhere
from tests.helpline.flow import url

SPELLINGS = ["044 123 456", "+383 44 123-456", "00383 44123456", "(044) 123/456"]


def detail_links(page: str) -> set[str]:
    section = page.partition('id="same-number"')[2].partition("</section>")[0]
    return set(re.findall(r'href="([^"]+)"', section))


@pytest.mark.django_db
def test_the_same_number_in_four_spellings_is_one_caller(staff, login_as, capsys):
    olta = staff["operator_olta"]
    colleague = staff["colleague_helpline"]
    first, second, third = (
        logged(olta, hours_ago=30, caller_phone=SPELLINGS[0]),
        logged(colleague, hours_ago=20, caller_phone=SPELLINGS[1]),
        logged(olta, hours_ago=10, caller_phone=SPELLINGS[2]),
    )
    latest = logged(olta, hours_ago=1, caller_phone=SPELLINGS[3])
    other_number = logged(olta, hours_ago=5, caller_phone="045 987 654")

    page = login_as("operator_olta").get(url("helpline:detail", contact_id=latest.pk))
    content = page.content.decode()

    hashes = {c.lookup_hash for c in (first, second, third, latest)}
    assert len(hashes) == 1 and other_number.lookup_hash not in hashes
    assert "Earlier contacts from this number: 3" in content
    assert detail_links(content) == {
        url("helpline:detail", contact_id=contact.pk) for contact in (first, second, third)
    }
    with capsys.disabled():
        print(f"\nrepeat caller: {len(SPELLINGS)} spellings, 1 keyed hash, 3 earlier contacts")


@pytest.mark.django_db
def test_earlier_contacts_the_user_may_not_see_are_neither_linked_nor_counted(
    staff, agencies, login_as
):
    elsewhere = operator_elsewhere(agencies)
    hidden = logged(elsewhere, hours_ago=10, caller_phone="044 123 456")
    mine = logged(staff["operator_olta"], hours_ago=1, caller_phone="+38344123456")

    content = login_as("operator_olta").get(url("helpline:detail", contact_id=mine.pk))
    content = content.content.decode()

    assert "Earlier contacts from this number: 0" in content
    assert url("helpline:detail", contact_id=hidden.pk) not in content


@pytest.mark.django_db
def test_the_list_marks_repeat_callers_and_finds_them_by_number(staff, login_as):
    olta = staff["operator_olta"]
    first = logged(olta, hours_ago=10, caller_phone="044 123 456")
    again = logged(olta, hours_ago=1, caller_phone="+383 44 123 456")
    no_number = logged(olta, hours_ago=2)
    client = login_as("operator_olta")

    listed = client.get(url("helpline:list"))
    found = client.get(url("helpline:list"), {"phone": "00383-44-123-456"})

    repeat = {contact.pk for contact in listed.context["contacts"] if contact.repeat_caller}
    assert repeat == {again.pk}
    assert listed.content.decode().count("Repeat caller") == 1
    assert {contact.pk for contact in found.context["contacts"]} == {first.pk, again.pk}
    assert no_number.lookup_hash == ""
    assert Contact.objects.filter(lookup_hash="").count() == 1
    # The search by number is audited, with what it showed and never the number.
    [searched] = AuditEntry.objects.filter(target_label="contact search by phone number")
    assert searched.actor == staff["operator_olta"]
    assert searched.detail["contacts"].split() == [str(again.pk), str(first.pk)]
    assert "44123456" not in str(searched.detail)
