"""Free text has a length limit with a clear message; names lose bidi overrides and zero-width
characters (which make a name display as something else), whichever way they arrive."""

import pytest
from django.core.exceptions import ValidationError

from strehe.cases.models import Person, TimelineEntry
from strehe.cases.services import case_open, case_update
from strehe.core.validation import NAME_MAX_LENGTH, TEXT_MAX_LENGTH
from strehe.helpline.models import Contact
from tests.cases.workflow import url
from tests.helpline.flow import CALL, logged_contact, person, screened
from tests.helpline.flow import url as helpline_url

RLO = "\u202e"
SPOOFED = f"Ar\u200bb\u00ebr{RLO}gpj.exe\u2066\u200f\ufeff"
CLEANED = "Arbërgpj.exe"


@pytest.mark.django_db
def test_a_note_over_the_limit_is_refused_on_its_field_and_not_saved(records_of, login_as):
    case = records_of("advocate_arta").own

    response = login_as("advocate_arta").post(
        url("cases:note", case), {"text": "x" * (TEXT_MAX_LENGTH + 1)}
    )

    assert response.status_code == 200
    [message] = response.context["form"].errors["text"]
    assert "20000" in message and "20001" in message
    assert not TimelineEntry.objects.filter(case=case, kind=TimelineEntry.Kind.NOTE).exists()


@pytest.mark.django_db
def test_the_services_refuse_text_over_the_limit(staff, agencies, records_of):
    with pytest.raises(ValidationError) as name:
        case_open(
            actor=None,
            owner_agency=agencies["police"],
            given_name="x" * (NAME_MAX_LENGTH + 1),
            family_name="Rota",
        )
    case = records_of("advocate_arta").own
    with pytest.raises(ValidationError) as narrative:
        case_update(
            actor=staff["advocate_arta"],
            case=case,
            changes={"narrative": "x" * (TEXT_MAX_LENGTH + 1)},
        )

    assert "given_name" in name.value.message_dict
    assert "narrative" in narrative.value.message_dict


@pytest.mark.django_db
def test_a_nul_character_is_refused_by_the_model(records_of, staff):
    case = records_of("advocate_arta").own

    with pytest.raises(ValidationError) as refused:
        case_update(actor=staff["advocate_arta"], case=case, changes={"address": "Rruga\x00 7"})

    assert "address" in refused.value.message_dict


@pytest.mark.django_db
def test_invisible_characters_are_removed_from_names_given_to_the_service(agencies):
    case = case_open(
        actor=None, owner_agency=agencies["police"], given_name=SPOOFED, family_name="Rota"
    )

    assert Person.objects.get(pk=case.person_id).given_name == CLEANED


@pytest.mark.django_db
def test_invisible_characters_are_removed_from_names_typed_on_the_page(staff, login_as):
    contact = logged_contact(staff["operator_olta"])
    screened(contact, staff["operator_olta"])
    client = login_as("operator_olta")

    # The family name is nothing but invisible characters: it is stored as no name at all (a
    # name is optional), never as the characters.
    response = client.post(
        helpline_url("helpline:open_case", contact_id=contact.pk),
        person(given_name=SPOOFED, family_name=f"{RLO}\u200b"),
    )

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.case.person.given_name == CLEANED
    assert not contact.case.person.family_name
    assert RLO not in client.get(response.url).content.decode()


@pytest.mark.django_db
def test_invisible_characters_are_removed_from_a_contact_summary(staff, login_as):
    response = login_as("advocate_arta").post(
        helpline_url("helpline:create"), {**CALL, "summary": f"Called {RLO}from{RLO} Peja"}
    )

    assert response.status_code == 302
    assert Contact.objects.get().summary == "Called from Peja"
