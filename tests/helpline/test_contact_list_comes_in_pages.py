"""The contact list comes in pages of 50, newest first, the filters kept on the page links; a
page number that is none shows the first page, never a 500."""

import pytest

from strehe.helpline.views import CONTACT_LIST_PAGE_SIZE
from tests.helpline.desk import logged
from tests.helpline.flow import url


@pytest.mark.django_db
def test_pages_of_fifty_with_the_filter_kept(staff, login_as):
    olta = staff["operator_olta"]
    contacts = [logged(olta, hours_ago=hours) for hours in range(CONTACT_LIST_PAGE_SIZE + 5)]
    client = login_as("operator_olta")

    first = client.get(url("helpline:list"), {"channel": "phone"})
    second = client.get(url("helpline:list"), {"channel": "phone", "page": "2"})

    assert [c.pk for c in first.context["contacts"]] == [
        c.pk for c in contacts[:CONTACT_LIST_PAGE_SIZE]
    ]
    assert [c.pk for c in second.context["contacts"]] == [
        c.pk for c in contacts[CONTACT_LIST_PAGE_SIZE:]
    ]
    assert 'href="?channel=phone&amp;page=2" rel="next"' in first.content.decode()
    assert 'href="?channel=phone&amp;page=1" rel="prev"' in second.content.decode()
    assert second.context["next_page"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "-1", "abc", "9" * 40, "10001", "1\u202e"])
def test_a_page_number_that_is_none_shows_the_first_page(staff, login_as, page):
    contact = logged(staff["operator_olta"])

    response = login_as("operator_olta").get(url("helpline:list"), {"page": page})

    assert response.status_code == 200
    assert [c.pk for c in response.context["contacts"]] == [contact.pk]
