"""The case page links to its correction pages for those who may correct; each page shows the
recorded values (a view of personal data, so logged), and saving goes back to the case."""

import pytest
from django.utils import translation

from strehe.audit.models import AuditEntry
from strehe.cases.services import case_note_add, trafficking_event_add
from tests.helpline.flow import url


def page(client, name, code, query=""):
    with translation.override("en"):
        return client.get(url(name, code=code) + query)


@pytest.mark.django_db
def test_the_case_page_links_every_correction_for_a_caseworker_only(staff, records_of, login_as):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own
    note = case_note_add(actor=arta, case=case, text="A note.")
    event = trafficking_event_add(actor=arta, case=case, kind="Transit", country="RS")
    links = [
        url("cases:person", code=case.code),
        url("cases:narrative", code=case.code),
        f"{url('cases:note_correct', code=case.code)}?note={note.pk}",
        f"{url('cases:event_correct', code=case.code)}?event={event.pk}",
    ]

    for_arta = page(login_as("advocate_arta"), "cases:detail", case.code).content.decode()
    for_drita = page(login_as("coordinator_drita"), "cases:detail", case.code).content.decode()

    assert [link for link in links if link not in for_arta] == []
    assert [link for link in links if link in for_drita] == []


@pytest.mark.django_db
def test_each_correction_page_shows_the_recorded_values_and_logs_the_view(
    staff, records_of, login_as
):
    arta = staff["advocate_arta"]
    case = records_of("advocate_arta").own
    note = case_note_add(actor=arta, case=case, text="A note to correct.")
    event = trafficking_event_add(actor=arta, case=case, kind="Transit", country="RS")
    client = login_as("advocate_arta")
    views = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, target_type="cases.case")
    before = views.count()

    person = page(client, "cases:person", case.code).context["form"]
    narrative = page(client, "cases:narrative", case.code).context["form"]
    note_form = page(client, "cases:note_correct", case.code, f"?note={note.pk}").context["form"]
    event_form = page(client, "cases:event_correct", case.code, f"?event={event.pk}").context[
        "form"
    ]
    odd = page(client, "cases:note_correct", case.code, "?note=" + "9" * 40)

    assert person.initial["given_name"] == case.person.given_name
    assert narrative.initial["narrative"] == case.narrative
    assert (note_form.initial["note"], note_form.initial["text"]) == (note.pk, "A note to correct.")
    assert (event_form.initial["event"], event_form.initial["country"]) == (event.pk, "RS")
    assert odd.status_code == 200 and "note" not in odd.context["form"].initial
    assert views.count() == before + 5


@pytest.mark.django_db
def test_saving_the_person_page_corrects_and_goes_back_to_the_case(staff, records_of, login_as):
    case = records_of("advocate_arta").own
    client = login_as("advocate_arta")
    form = page(client, "cases:person", case.code).context["form"]
    data = {
        name: value
        for name, value in {**form.initial, "phone": "+38344555666", "aliases": "Bleta"}.items()
        if value is not None
    }

    response = client.post(url("cases:person", code=case.code), data)

    assert response.status_code == 302
    assert response.url == url("cases:detail", code=case.code)
    case.person.refresh_from_db()
    assert case.person.phone == "+38344555666"
    assert [alias.name for alias in case.person.aliases.all()] == ["Bleta"]
    with translation.override("en"):
        detail = client.get(response.url).content.decode()
    assert "Person details corrected: changed phone number, changed aliases." in detail
